import { describe, expect, it } from 'vitest'
import {
  appendSegments,
  endConvening,
  extendSegment,
  followTarget,
  nextSegment,
  pauseSegment,
  readCurrent,
  readFollowMe,
  readProjection,
  readSegments,
  readSummon,
  remainingMs,
  runMap,
  setFit,
  setFollowMe,
  setSchedule,
  shouldAnswerSummon,
  startSegment,
  summon,
  MINUTE,
} from '../../../../shared/facilitation'
import { TestClock, convening, replica, sync } from './helpers'

const T0 = 1_800_000_000_000

function running() {
  const doc = convening()
  appendSegments(doc, 'fran', [
    { title: 'Check in', kind: 'check-in', minutes: 10 },
    { title: 'Map', kind: 'diagram', minutes: 20 },
    { title: 'Break', kind: 'break', minutes: 10 },
    { title: 'Reflect', kind: 'conversation', minutes: 15 },
  ])
  const clock = new TestClock(T0)
  const ids = readSegments(doc).map((s) => s.id)
  return { doc, clock, ids }
}

describe('running the agenda', () => {
  it('starting a segment starts its countdown and brings everyone to its panel', () => {
    const { doc, clock, ids } = running()
    expect(startSegment(doc, 'fran', ids[0], clock, null).ok).toBe(true)
    const current = readCurrent(doc)
    expect(current?.segmentId).toBe(ids[0])
    expect(readSummon(doc)).toMatchObject({ panel: 'conversation', by: 'fran' })
    clock.advance(3 * MINUTE)
    expect(readProjection(doc, clock).current?.actualMs).toBe(3 * MINUTE)
    expect(nextSegment(doc, 'fran', clock, ids[0]).ok).toBe(true)
    expect(readSummon(doc)?.panel).toBe('diagram')
    const p = readProjection(doc, clock)
    expect(p.rows[0]).toMatchObject({ status: 'done', actualMs: 3 * MINUTE })
    expect(p.current?.segment.title).toBe('Map')
  })

  it('a practitioner cannot start, extend or end anything', () => {
    const { doc, clock, ids } = running()
    expect(startSegment(doc, 'pia', ids[0], clock).ok).toBe(false)
    startSegment(doc, 'fran', ids[0], clock)
    expect(extendSegment(doc, 'pat', MINUTE, clock).ok).toBe(false)
    expect(endConvening(doc, 'pat', clock).ok).toBe(false)
    expect(setSchedule(doc, 'pat', T0).ok).toBe(false)
  })

  it('ignores run state a practitioner wrote straight into the document', () => {
    const { doc, clock, ids } = running()
    startSegment(doc, 'fran', ids[0], clock)
    runMap(doc).set('current', { segmentId: ids[3], timer: { durationMs: 1, startedAt: T0, remainingAtStartMs: 1, clockOf: 'pia' }, by: 'pia' })
    runMap(doc).set('summon', { id: 'x', panel: 'harvest', at: T0, clockOf: 'pia', by: 'pia' })
    expect(readCurrent(doc)).toBeNull()
    expect(readSummon(doc)).toBeNull()
  })

  it('two facilitators pressing "Next" at once move the agenda on by one, not two', () => {
    const { doc, clock, ids } = running()
    startSegment(doc, 'fran', ids[0], clock, null)
    const coles = replica(doc)
    expect(nextSegment(doc, 'fran', clock, ids[0]).ok).toBe(true)
    expect(nextSegment(coles, 'cole', clock.advance(100), ids[0]).ok).toBe(true)
    sync(doc, coles)
    expect(readCurrent(doc)?.segmentId).toBe(ids[1])
    expect(readCurrent(coles)?.segmentId).toBe(ids[1])
    // Once Cole has seen Fran's press, his own (meant for the first segment) is refused.
    expect(nextSegment(coles, 'cole', clock, ids[0])).toEqual({ ok: false, message: 'Another facilitator has just moved the agenda on.' })
  })

  it('extending adds to the countdown; pausing holds it; every clock reads the same time left', () => {
    const { doc, clock, ids } = running()
    startSegment(doc, 'fran', ids[0], clock)
    clock.advance(8 * MINUTE)
    expect(extendSegment(doc, 'fran', 5 * MINUTE, clock).ok).toBe(true)
    const timer = (readCurrent(doc) as { timer: Parameters<typeof remainingMs>[0] }).timer
    expect(remainingMs(timer, clock.now(), 0)).toBe(7 * MINUTE)
    // Pat's machine is 7 minutes ahead of Fran's.
    const pats = new TestClock(clock.now() + 7 * MINUTE, { fran: -7 * MINUTE })
    expect(readProjection(doc, pats).current?.end).toBe(pats.now() + 7 * MINUTE)
    expect(pauseSegment(doc, 'cole', true, clock.advance(MINUTE)).ok).toBe(true)
    clock.advance(10 * MINUTE)
    expect(readProjection(doc, clock).current?.end).toBe(clock.now() + 6 * MINUTE)
    // 25 minutes for a 10-minute check-in: the rest of the plan absorbs it…
    expect(Math.abs(readProjection(doc, clock).overrunMs)).toBeLessThan(5000)
    // …or, keeping every length, the convening runs 15 minutes over.
    setFit(doc, 'fran', 'run-over')
    expect(readProjection(doc, clock).next?.allottedMs).toBe(20 * MINUTE)
    expect(readProjection(doc, clock).overrunMs).toBe(15 * MINUTE)
  })

  it('the next segment gets the time the rebalanced plan gave it', () => {
    const { doc, clock, ids } = running()
    setSchedule(doc, 'fran', T0)
    startSegment(doc, 'fran', ids[0], clock)
    extendSegment(doc, 'fran', 5 * MINUTE, clock)
    clock.advance(15 * MINUTE)
    nextSegment(doc, 'fran', clock, ids[0])
    const current = readCurrent(doc)
    expect(current && current.segmentId !== null && current.timer.durationMs).toBeLessThan(20 * MINUTE)
    expect(readProjection(doc, clock).rows[2].allottedMs).toBe(10 * MINUTE) // the break keeps its length
  })

  it('ends after the last segment', () => {
    const { doc, clock, ids } = running()
    startSegment(doc, 'fran', ids[3], clock)
    clock.advance(MINUTE)
    expect(nextSegment(doc, 'fran', clock, ids[3]).ok).toBe(true)
    expect(readCurrent(doc)).toMatchObject({ segmentId: null, endedAt: T0 + MINUTE })
    expect(readProjection(doc, clock).ended).toBe(true)
  })
})

describe('attention', () => {
  it('a summon is answered once, and only while it is fresh', () => {
    const doc = convening()
    const clock = new TestClock(T0)
    const result = summon(doc, 'fran', 'diagram', clock)
    expect(result.ok).toBe(true)
    const s = readSummon(doc)
    expect(shouldAnswerSummon(s, null, clock)).toBe(true)
    expect(shouldAnswerSummon(s, s!.id, clock)).toBe(false)
    // A peer whose clock is 10 minutes behind still sees it as fresh.
    expect(shouldAnswerSummon(s, null, new TestClock(T0 - 10 * MINUTE + 1000, { fran: 10 * MINUTE }))).toBe(true)
    // Opening the convening an hour later, or waking a laptop, is not a summon.
    expect(shouldAnswerSummon(s, null, clock.advance(60 * MINUTE))).toBe(false)
    expect(summon(doc, 'pia', 'notes', clock).ok).toBe(false)
  })

  it('follow me: everyone but the facilitator follows until they step out of that request; a new request reaches them again', () => {
    const doc = convening()
    expect(setFollowMe(doc, 'fran', true).ok).toBe(true)
    const first = readFollowMe(doc)
    expect(followTarget('pia', null, first, null)).toBe('fran')
    expect(followTarget('fran', null, first, null)).toBeNull()
    expect(followTarget('pia', null, first, first!.id)).toBeNull()
    expect(followTarget('pia', 'pat', first, null)).toBe('pat') // their own pick comes first
    setFollowMe(doc, 'fran', false)
    expect(followTarget('pia', null, readFollowMe(doc), null)).toBeNull()
    setFollowMe(doc, 'cole', true)
    const second = readFollowMe(doc)
    expect(followTarget('pia', null, second, first!.id)).toBe('cole')
    expect(setFollowMe(doc, 'pat', true).ok).toBe(false)
  })
})
