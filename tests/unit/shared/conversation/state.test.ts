import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { formatRemaining, remainingMs } from '../../../../shared/facilitation'
import {
  KEYS,
  changeTimer,
  conversationMap,
  goTo,
  pickDeck,
  readCurrent,
  readShowing,
  readTimer,
  readVisited,
  setMode,
  updateDeckInUse,
} from '../../../../shared/conversation'
import { convening, deck, fixedClock, joinerOf, sync } from './helpers'

describe('the prompt everyone sees', () => {
  it('a facilitator picks a deck; a late joiner sees the same prompt and mode at once', () => {
    const doc = convening()
    expect(readShowing(doc)).toBeNull()
    expect(pickDeck(doc, 'fran', deck, 100)).toEqual({ ok: true })
    const late = joinerOf(doc)
    const showing = readShowing(late)!
    expect(showing.prompt.text).toBe('First question?')
    expect(showing.current.mode).toBe('round')
    expect(showing.index).toBe(0)
  })

  it('refuses a practitioner, and an empty deck', () => {
    const doc = convening()
    expect(pickDeck(doc, 'pia', deck, 1)).toEqual({ ok: false, message: 'Only facilitators and co-facilitators can change this.' })
    expect(pickDeck(doc, 'fran', { ...deck, prompts: [] }, 1).ok).toBe(false)
    expect(conversationMap(doc).size).toBe(0)
  })

  it('readers ignore a current prompt written by someone who does not facilitate', () => {
    const doc = convening()
    pickDeck(doc, 'fran', deck, 1)
    const seen = readCurrent(doc)!
    // A modified app writes straight into the document, past the helpers.
    conversationMap(doc).set(KEYS.current, { ...seen, step: seen.step + 1, promptIndex: 2, promptId: 'c', by: 'pia' })
    expect(readShowing(doc)).toBeNull()
    conversationMap(doc).set(KEYS.current, { ...seen, step: seen.step + 1, promptIndex: 2, promptId: 'c', by: 'cole' })
    expect(readShowing(doc)?.prompt.id).toBe('c')
  })

  it('moves next, back and jumps; refuses beyond the ends', () => {
    const doc = convening()
    pickDeck(doc, 'fran', deck, 1)
    expect(goTo(doc, 'fran', 'back', readCurrent(doc)!, 2)).toEqual({ ok: false, message: 'This is the first prompt.' })
    expect(goTo(doc, 'fran', 'next', readCurrent(doc)!, 2).ok).toBe(true)
    expect(readShowing(doc)?.current).toMatchObject({ promptId: 'b', mode: 'written' })
    expect(goTo(doc, 'cole', { index: 2 }, readCurrent(doc)!, 3).ok).toBe(true)
    // Prompt c suggests no mode: the mode stays.
    expect(readShowing(doc)?.current).toMatchObject({ promptId: 'c', mode: 'written', by: 'cole' })
    expect(goTo(doc, 'fran', 'next', readCurrent(doc)!, 4).ok).toBe(false)
    expect(goTo(doc, 'pia', 'back', readCurrent(doc)!, 4).ok).toBe(false)
    expect(readVisited(doc).map((v) => v.promptId)).toEqual(['a', 'b', 'c'])
  })

  it('a click made on a screen that was behind is not applied', () => {
    const doc = convening()
    pickDeck(doc, 'fran', deck, 1)
    const stale = readCurrent(doc)!
    goTo(doc, 'cole', 'next', stale, 2)
    expect(goTo(doc, 'fran', 'next', stale, 3)).toMatchObject({ ok: false })
    expect(readShowing(doc)?.prompt.id).toBe('b')
  })

  it('two facilitators pressing next at once end with one prompt on every peer', () => {
    for (let trial = 0; trial < 20; trial++) {
      const fran = convening()
      pickDeck(fran, 'fran', deck, 1)
      const cole = joinerOf(fran)
      const pia = joinerOf(fran)
      const seen = readCurrent(fran)!
      // Concurrent: each writes before seeing the other's write.
      goTo(fran, 'fran', trial % 2 ? 'next' : { index: 2 }, seen, 2)
      goTo(cole, 'cole', 'next', readCurrent(cole)!, 2)
      sync(fran, cole, pia)
      const states = [fran, cole, pia].map((d) => readShowing(d))
      expect(states[0]).not.toBeNull()
      expect(states[1]).toEqual(states[0])
      expect(states[2]).toEqual(states[0])
      expect(states[0]!.current.step).toBe(seen.step + 1)
    }
  })

  it('changing the mode is a new step; editing the deck in use keeps the prompt on screen', () => {
    const doc = convening()
    pickDeck(doc, 'fran', deck, 1)
    goTo(doc, 'fran', 'next', readCurrent(doc)!, 2)
    const before = readCurrent(doc)!
    expect(setMode(doc, 'fran', 'silence', before, 3).ok).toBe(true)
    expect(readCurrent(doc)).toMatchObject({ step: before.step + 1, mode: 'silence', promptId: 'b' })
    const edited = { ...deck, prompts: [{ id: 'n', text: 'A new opening?' }, deck.prompts[1], { ...deck.prompts[0], text: 'Reworded first?' }] }
    expect(updateDeckInUse(doc, 'fran', edited, 4).ok).toBe(true)
    const showing = readShowing(doc)!
    expect(showing.prompt.id).toBe('b')
    expect(showing.index).toBe(1)
    expect(showing.current.step).toBe(before.step + 1)
    // Removing the prompt on screen shows its neighbour as a new step.
    updateDeckInUse(doc, 'fran', { ...edited, prompts: [edited.prompts[0], edited.prompts[2]] }, 5)
    expect(readShowing(doc)!.prompt.id).toBe('a')
    expect(readCurrent(doc)!.step).toBe(before.step + 2)
  })

  it('a document from a newer build is left alone', () => {
    const doc = convening()
    conversationMap(doc).set(KEYS.version, 99)
    expect(pickDeck(doc, 'fran', deck, 1)).toMatchObject({ ok: false })
  })
})

describe('countdowns on clocks that disagree', () => {
  it('peers whose clocks differ by minutes agree on the time left within a second', () => {
    const doc = convening()
    pickDeck(doc, 'fran', deck, 1)
    const seen = readCurrent(doc)!
    // Fran's clock reads 10:00:00.000 when she starts a 3-minute silence.
    const franNow = 36_000_000
    changeTimer(doc, 'fran', seen, { kind: 'reset', ms: 180_000 }, fixedClock(franNow), 120_000)
    changeTimer(doc, 'fran', seen, { kind: 'start' }, fixedClock(franNow), 120_000)
    const timer = readTimer(doc, seen.step, 120_000)
    expect(timer.set).toBe(true)
    // 40 s later for everyone. Pia's clock is 5 minutes slow; the clock sync knows it.
    const piaOffset = 300_000 // Fran's clock minus Pia's
    const piaNow = franNow + 40_000 - piaOffset
    const atFran = remainingMs(timer, franNow + 40_000, 0)
    const atPia = remainingMs(timer, piaNow, piaOffset + 3) // the estimate is off by a few ms
    expect(atFran).toBe(140_000)
    expect(Math.abs(atPia - atFran)).toBeLessThan(1000)
    expect(formatRemaining(atPia)).toBe('2:20')
  })

  it('a co-facilitator can pause a timer started by someone else, in their own clock', () => {
    const doc = convening()
    pickDeck(doc, 'fran', deck, 1)
    const seen = readCurrent(doc)!
    changeTimer(doc, 'fran', seen, { kind: 'start' }, fixedClock(1_000_000), 60_000)
    // Cole's clock is 2 s ahead of Fran's; 20 s pass.
    changeTimer(doc, 'cole', seen, { kind: 'pause' }, fixedClock(1_022_000, { fran: -2_000 }), 60_000)
    const paused = readTimer(doc, seen.step, 60_000)
    expect(paused.startedAt).toBeNull()
    expect(paused.remainingAtStartMs).toBe(40_000)
    expect(paused.clockOf).toBe('cole')
    changeTimer(doc, 'cole', seen, { kind: 'add', ms: 60_000 }, fixedClock(1_030_000), 60_000)
    expect(readTimer(doc, seen.step, 60_000).remainingAtStartMs).toBe(100_000)
  })

  it('a timer belongs to its step, and practitioners cannot set it', () => {
    const doc = convening()
    pickDeck(doc, 'fran', deck, 1)
    const seen = readCurrent(doc)!
    expect(changeTimer(doc, 'pia', seen, { kind: 'start' }, fixedClock(1), 60_000).ok).toBe(false)
    changeTimer(doc, 'fran', seen, { kind: 'start' }, fixedClock(1), 60_000)
    goTo(doc, 'fran', 'next', seen, 2)
    const next = readTimer(doc, readCurrent(doc)!.step, 180_000)
    expect(next).toMatchObject({ set: false, startedAt: null, durationMs: 180_000 })
  })
})

describe('the stored shape', () => {
  it('creates its nested containers once, with the first deck', () => {
    const doc = convening()
    pickDeck(doc, 'fran', deck, 1)
    const root = conversationMap(doc)
    expect(root.get(KEYS.version)).toBe(1)
    expect(root.get(KEYS.responses)).toBeInstanceOf(Y.Map)
    expect(root.get(KEYS.turns)).toBeInstanceOf(Y.Array)
    const responses = root.get(KEYS.responses)
    pickDeck(doc, 'fran', deck, 2)
    expect(root.get(KEYS.responses)).toBe(responses)
  })
})
