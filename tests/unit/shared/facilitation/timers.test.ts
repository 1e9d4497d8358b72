import { describe, expect, it } from 'vitest'
import {
  createTimer,
  moveTimer,
  openBreakout,
  overdueMs,
  readBreakout,
  readCurrent,
  readTimers,
  rebaseTimer,
  remainingMs,
  removeTimer,
  appendSegments,
  readSegments,
  startClosing,
  startSegment,
  newTimer,
  startTimer,
  takeOverClocks,
  MINUTE,
} from '../../../../shared/facilitation'
import { TestClock, convening, replica } from './helpers'

const T0 = 1_800_000_000_000

describe('shared timers in the convening', () => {
  it('show the same time left on machines whose clocks disagree by minutes, paused or running', () => {
    const doc = convening()
    const fran = new TestClock(T0)
    const created = createTimer(doc, 'fran', { label: 'Silent writing', minutes: 5, visibility: 'everyone', start: true }, fran)
    expect(created.ok).toBe(true)
    const pat = new TestClock(T0 + 7 * MINUTE, { fran: -7 * MINUTE })
    const left = (clock: TestClock): number => {
      const t = readTimers(doc, false)[0]
      return remainingMs(t, clock.now(), clock.offsetTo(t.clockOf))
    }
    fran.advance(90_000)
    pat.advance(90_000)
    expect(left(fran)).toBe(210_000)
    expect(left(pat)).toBe(210_000)
    // Cole (clock 2 s behind Fran) pauses it; then nothing moves, anywhere.
    const cole = new TestClock(fran.now() - 2000, { fran: 2000 })
    expect(moveTimer(doc, 'cole', readTimers(doc, true)[0].id, { kind: 'pause' }, cole).ok).toBe(true)
    const patNow = new TestClock(pat.now() + 60_000, { cole: -7 * MINUTE - 2000 })
    expect(left(patNow)).toBe(210_000)
  })

  it('a timer for facilitators is left out of a practitioner’s list', () => {
    const doc = convening()
    const clock = new TestClock(T0)
    createTimer(doc, 'fran', { label: 'Wrap-up cue', minutes: 2, visibility: 'facilitators', start: false }, clock)
    createTimer(doc, 'fran', { label: 'Writing', minutes: 3, visibility: 'everyone', start: false }, clock.advance(1))
    expect(readTimers(doc, true).map((t) => t.label)).toEqual(['Wrap-up cue', 'Writing'])
    expect(readTimers(doc, false).map((t) => t.label)).toEqual(['Writing'])
  })

  it('only facilitators make, move and remove timers', () => {
    const doc = convening()
    const clock = new TestClock(T0)
    expect(createTimer(doc, 'pia', { label: 'Mine', minutes: 2, visibility: 'everyone', start: true }, clock).ok).toBe(false)
    createTimer(doc, 'fran', { label: 'Writing', minutes: 3, visibility: 'everyone', start: false }, clock)
    const id = readTimers(doc, true)[0].id
    expect(moveTimer(doc, 'pia', id, { kind: 'start' }, clock).ok).toBe(false)
    expect(removeTimer(doc, 'pat', id).ok).toBe(false)
    expect(moveTimer(doc, 'fran', id, { kind: 'add', ms: MINUTE }, clock).ok).toBe(true)
    expect(readTimers(doc, true)[0].remainingAtStartMs).toBe(4 * MINUTE)
    expect(removeTimer(doc, 'cole', id).ok).toBe(true)
    expect(readTimers(doc, true)).toEqual([])
  })

  it('when the facilitator drops out, a co-facilitator takes the countdowns into their own clock and they keep running', () => {
    const doc = convening()
    const fran = new TestClock(T0)
    appendSegments(doc, 'fran', [{ title: 'Map', kind: 'diagram', minutes: 20 }])
    startSegment(doc, 'fran', readSegments(doc)[0].id, fran)
    createTimer(doc, 'fran', { label: 'Writing', minutes: 5, visibility: 'everyone', start: true }, fran)
    openBreakout(doc, 'fran', { mode: 'hand', size: 2, groups: [{ name: 'G', prompt: '', members: ['pia'] }], returnTo: 'notes', withDiagrams: false, autoPlace: false, title: 'x' }, fran)
    startClosing(doc, 'fran', 2 * MINUTE, fran)
    // A minute later Fran has gone. Cole's clock is 30 s ahead of hers; he knew it.
    const cole = new TestClock(T0 + MINUTE + 30_000, { fran: -30_000 })
    const coles = replica(doc)
    expect(takeOverClocks(coles, 'cole', cole, (id) => id !== 'fran', () => true)).toBe(3)
    // Lee arrives later and never met Fran's clock: everything reads right in Cole's.
    const lee = new TestClock(T0 + MINUTE + 5000, { cole: 25_000 })
    const current = readCurrent(coles)
    expect(current && current.segmentId !== null && remainingMs(current.timer, lee.now(), lee.offsetTo(current.timer.clockOf))).toBe(19 * MINUTE)
    const t = readTimers(coles, false)[0]
    expect(remainingMs(t, lee.now(), lee.offsetTo(t.clockOf))).toBe(4 * MINUTE)
    const closing = readBreakout(coles)!.closing!
    expect(remainingMs(closing, lee.now(), lee.offsetTo(closing.clockOf))).toBe(MINUTE)
    // Nothing to take over while Fran is here, or for a practitioner.
    expect(takeOverClocks(replica(doc), 'cole', cole, () => true, () => true)).toBe(0)
    expect(takeOverClocks(replica(doc), 'pia', cole, () => false, () => true)).toBe(0)
  })
})

describe('timer arithmetic', () => {
  it('never shows more than the timer had, while an offset estimate is still settling', () => {
    const timer = startTimer(newTimer(5 * MINUTE, 'fran'), T0, 0, 'fran')
    expect(remainingMs(timer, T0 - 800, 0)).toBe(5 * MINUTE)
  })

  it('counts how long a running timer has been at zero', () => {
    const timer = startTimer(newTimer(MINUTE, 'fran'), T0, 0, 'fran')
    expect(overdueMs(timer, T0 + 30_000, 0)).toBe(0)
    expect(overdueMs(timer, T0 + 90_000, 0)).toBe(30_000)
    expect(overdueMs(rebaseTimer(timer, T0 + 10_000, 0, 'cole'), T0 + 90_000, 0)).toBe(30_000)
  })

  it('rebasing keeps a paused timer paused and a running one running', () => {
    const running = startTimer(newTimer(MINUTE, 'fran'), T0, 0, 'fran')
    const moved = rebaseTimer(running, T0 + 5000 + 3600_000, -3600_000, 'cole')
    expect(moved).toMatchObject({ clockOf: 'cole', startedAt: T0 + 5000 + 3600_000, remainingAtStartMs: 55_000 })
    const paused = rebaseTimer(newTimer(MINUTE, 'fran'), T0, 0, 'cole')
    expect(paused).toMatchObject({ clockOf: 'cole', startedAt: null, remainingAtStartMs: MINUTE })
  })
})
