import { describe, expect, it } from 'vitest'
import { KEYS, conversationMap, endRound, goTo, pickDeck, readCurrent, readRound, startRound, steerRound, takeTurn, turnsArray, viewRound } from '../../../../shared/conversation'
import { convening, deck, joinerOf, sync } from './helpers'

const everyone = new Set(['fran', 'cole', 'pia', 'pat'])

function withRound(order: 'shuffle' | 'facilitator' | 'named' = 'facilitator') {
  const fran = convening()
  pickDeck(fran, 'fran', deck, 1)
  const seen = readCurrent(fran)!
  const started = startRound(fran, 'fran', seen, { order, people: ['pia', 'pat', 'fran'], perSpeakerMs: 120_000, seed: 9 }, 2)
  expect(started.ok).toBe(true)
  return { fran, step: seen.step, round: readRound(fran, seen.step)! }
}

describe('rounds in the document', () => {
  it('three peers run a round: take the piece, finish, pass; everyone sees the same order', () => {
    const { fran, step, round } = withRound()
    const pia = joinerOf(fran)
    const pat = joinerOf(fran)
    expect(viewRound(pia, readRound(pia, step)!, everyone).current).toBe('pia')
    expect(takeTurn(pat, 'pat', round, { kind: 'done' }, everyone, 3)).toEqual({ ok: false, message: 'It is not your turn yet.' })
    expect(takeTurn(pia, 'pia', round, { kind: 'claim' }, everyone, 3).ok).toBe(true)
    expect(takeTurn(pia, 'pia', round, { kind: 'done' }, everyone, 4).ok).toBe(true)
    sync(fran, pia, pat)
    expect(viewRound(pat, round, everyone).current).toBe('pat')
    takeTurn(pat, 'pat', round, { kind: 'pass' }, everyone, 5)
    sync(fran, pia, pat)
    const views = [fran, pia, pat].map((d) => viewRound(d, round, everyone))
    expect(views[1]).toEqual(views[0])
    expect(views[2]).toEqual(views[0])
    // Cole was present but joined the round late: appended after the queue.
    expect(views[0].members.map((m) => [m.personId, m.status])).toEqual([
      ['pia', 'spoke'],
      ['pat', 'passed'],
      ['fran', 'speaking'],
      ['cole', 'waiting'],
    ])
    expect(takeTurn(pia, 'pia', round, { kind: 'pass' }, everyone, 6)).toMatchObject({ ok: false, message: 'You have already had your turn in this round.' })
  })

  it('"I\'m done" without having taken the piece records both in one step', () => {
    const { fran, round } = withRound()
    takeTurn(fran, 'pia', round, { kind: 'done' }, everyone, 3)
    expect(turnsArray(fran)!.toArray()).toMatchObject([{ kind: 'began', personId: 'pia' }, { kind: 'spoke', personId: 'pia' }])
    expect(viewRound(fran, round, everyone).current).toBe('pat')
  })

  it('the per-speaker time runs from when the speaker took the piece, in their clock', () => {
    const { fran, round } = withRound()
    takeTurn(fran, 'pia', round, { kind: 'claim' }, everyone, 1_000)
    expect(viewRound(fran, round, everyone).since).toEqual({ at: 1_000, by: 'pia' })
  })

  it('a facilitator gives the piece, marks someone done, and ends the round; practitioners cannot', () => {
    const { fran, round } = withRound()
    expect(steerRound(fran, 'pia', round, { kind: 'give', personId: 'pat' }, 3).ok).toBe(false)
    steerRound(fran, 'cole', round, { kind: 'give', personId: 'pat' }, 3)
    expect(viewRound(fran, round, everyone).current).toBe('pat')
    steerRound(fran, 'fran', round, { kind: 'finish', personId: 'pat', as: 'spoke' }, 4)
    expect(viewRound(fran, round, everyone).current).toBe('fran')
    expect(endRound(fran, 'pia', round).ok).toBe(false)
    endRound(fran, 'fran', round)
    expect(readRound(fran, round.step)?.ended).toBe(true)
    expect(takeTurn(fran, 'fran', readRound(fran, round.step)!, { kind: 'done' }, everyone, 5).ok).toBe(false)
  })

  it('a shuffled round keeps its seed, so every peer has the same order', () => {
    const { fran, round } = withRound('shuffle')
    expect(round.seed).toBe(9)
    expect([...round.queue].sort()).toEqual(['fran', 'pat', 'pia'])
    expect(joinerOf(fran) && readRound(joinerOf(fran), round.step)?.queue).toEqual(round.queue)
  })

  it('a new prompt ends the round on screen; restarting clears the old turns', () => {
    const { fran, round } = withRound()
    takeTurn(fran, 'pia', round, { kind: 'done' }, everyone, 3)
    const seen = readCurrent(fran)!
    startRound(fran, 'fran', seen, { order: 'facilitator', people: ['pat'], perSpeakerMs: null, seed: 1 }, 4)
    expect(turnsArray(fran)!.length).toBe(0)
    goTo(fran, 'fran', 'next', readCurrent(fran)!, 5)
    expect(readRound(fran, readCurrent(fran)!.step)).toBeNull()
  })

  it('a round written by a practitioner is ignored', () => {
    const { fran, round } = withRound()
    conversationMap(fran).set(KEYS.round, { ...round, roundId: 'forged', by: 'pia' })
    expect(readRound(fran, round.step)).toBeNull()
  })
})
