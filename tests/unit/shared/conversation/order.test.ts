import { describe, expect, it } from 'vitest'
import { deriveRound, seededShuffle, speakingOrder, type Round, type Turn } from '../../../../shared/conversation'

const people = ['fran', 'ana', 'ben', 'cy', 'dee']
const facilitators = new Set(['fran'])
const isFacilitator = (id: string): boolean => facilitators.has(id)

function round(queue: string[], order: Round['order'] = 'facilitator'): Round {
  return { roundId: 'r1', step: 1, order, seed: 7, queue, perSpeakerMs: null, ended: false, by: 'fran', at: 0 }
}

let clock = 0
function turn(personId: string, kind: Turn['kind'], by = personId, next?: string): Turn {
  return { roundId: 'r1', personId, kind, by, at: ++clock, ...(next ? { next } : {}) }
}

const here = (...ids: string[]): Set<string> => new Set(ids)

describe('speaking order', () => {
  it('a seeded shuffle is the same on every peer and uses everyone once', () => {
    const a = seededShuffle(people, 42)
    expect(seededShuffle(people, 42)).toEqual(a)
    expect([...a].sort()).toEqual([...people].sort())
    expect(seededShuffle(people, 43)).not.toEqual(a)
  })

  it('people who join after the start are appended in the order they joined', () => {
    expect(speakingOrder(['ben', 'ana'], people, here('ana', 'ben', 'dee', 'cy'))).toEqual(['ben', 'ana', 'cy', 'dee'])
  })
})

describe('a round', () => {
  const r = round(['ana', 'ben', 'cy'])

  it('goes round in order; who has spoken or passed is visible', () => {
    const present = here('ana', 'ben', 'cy')
    let view = deriveRound(r, [], people, present, isFacilitator)
    expect(view.current).toBe('ana')
    expect(view.upNext).toBe('ben')
    expect(view.needsClaim).toBe(true)
    const turns = [turn('ana', 'began'), turn('ana', 'spoke'), turn('ben', 'passed')]
    view = deriveRound(r, turns, people, present, isFacilitator)
    expect(view.current).toBe('cy')
    expect(view.members.map((m) => m.status)).toEqual(['spoke', 'passed', 'speaking'])
    expect([view.spoke, view.passed]).toEqual([1, 1])
    view = deriveRound(r, [...turns, turn('cy', 'began'), turn('cy', 'spoke')], people, present, isFacilitator)
    expect(view.complete).toBe(true)
    expect(view.current).toBeNull()
  })

  it('a speaker who leaves mid-turn is skipped and the round moves on', () => {
    const turns = [turn('ana', 'began')]
    const view = deriveRound(r, turns, people, here('ben', 'cy'), isFacilitator)
    expect(view.current).toBe('ben')
    expect(view.members.find((m) => m.personId === 'ana')?.status).toBe('away')
  })

  it('someone who comes back does not interrupt the person who took the piece; they speak when it comes round', () => {
    const turns = [turn('ana', 'began'), turn('ben', 'began')]
    let view = deriveRound(r, turns, people, here('ana', 'ben', 'cy'), isFacilitator)
    expect(view.current).toBe('ben')
    view = deriveRound(r, [...turns, turn('ben', 'spoke')], people, here('ana', 'ben', 'cy'), isFacilitator)
    expect(view.current).toBe('cy')
    view = deriveRound(r, [...turns, turn('ben', 'spoke'), turn('cy', 'began'), turn('cy', 'spoke')], people, here('ana', 'ben', 'cy'), isFacilitator)
    expect(view.current).toBe('ana')
  })

  it('a latecomer gets a turn at the end; everyone here having spoken ends the round even if someone left', () => {
    const turns = [turn('ana', 'began'), turn('ana', 'spoke'), turn('ben', 'began'), turn('ben', 'spoke')]
    let view = deriveRound(r, turns, people, here('ana', 'ben', 'cy', 'dee'), isFacilitator)
    expect(view.current).toBe('cy')
    expect(view.upNext).toBe('dee')
    view = deriveRound(r, [...turns, turn('cy', 'passed')], people, here('ana', 'ben', 'dee'), isFacilitator)
    expect(view.current).toBe('dee')
    view = deriveRound(r, [...turns, turn('dee', 'passed')], people, here('ana', 'ben', 'dee'), isFacilitator)
    expect(view.complete).toBe(true)
  })

  it('pass is allowed before one’s turn', () => {
    const view = deriveRound(r, [turn('ben', 'passed')], people, here('ana', 'ben', 'cy'), isFacilitator)
    expect(view.current).toBe('ana')
    expect(view.upNext).toBe('cy')
  })

  it('nobody can finish or move someone else’s turn except a facilitator', () => {
    const forged = [turn('ana', 'spoke', 'ben'), turn('cy', 'began', 'ben')]
    let view = deriveRound(r, forged, people, here('ana', 'ben', 'cy'), isFacilitator)
    expect(view.current).toBe('ana')
    expect(view.spoke).toBe(0)
    // "I'm done" without holding the piece is ignored too.
    view = deriveRound(r, [turn('cy', 'spoke')], people, here('ana', 'ben', 'cy'), isFacilitator)
    expect(view.current).toBe('ana')
    // A facilitator can give the piece to anyone, and mark anyone done.
    view = deriveRound(r, [turn('cy', 'began', 'fran')], people, here('ana', 'ben', 'cy'), isFacilitator)
    expect(view.current).toBe('cy')
    view = deriveRound(r, [turn('ana', 'spoke', 'fran')], people, here('ana', 'ben', 'cy'), isFacilitator)
    expect(view.current).toBe('ben')
  })

  it('a second "began" for the same speaker keeps their start time', () => {
    const view = deriveRound(r, [turn('ana', 'began'), turn('ana', 'began', 'fran')], people, here('ana', 'ben'), isFacilitator)
    expect(view.since).toEqual({ at: clock - 1, by: 'ana' })
    expect(view.needsClaim).toBe(false)
  })

  it('turns from another round are ignored', () => {
    const other: Turn = { ...turn('ana', 'spoke'), roundId: 'r0' }
    expect(deriveRound(r, [other], people, here('ana', 'ben'), isFacilitator).spoke).toBe(0)
  })
})

describe('each speaker names the next', () => {
  const r = round(['ben', 'ana', 'cy', 'dee'], 'named')
  const present = here('ana', 'ben', 'cy', 'dee')

  it('follows the speaker’s choice, and lists who spoke first', () => {
    const turns = [turn('ben', 'began'), turn('ben', 'spoke', 'ben', 'dee')]
    const view = deriveRound(r, turns, people, present, isFacilitator)
    expect(view.current).toBe('dee')
    expect(view.members.map((m) => m.personId).slice(0, 2)).toEqual(['ben', 'dee'])
  })

  it('falls back to the first person waiting when the named person has left or already spoke', () => {
    const turns = [turn('ben', 'began'), turn('ben', 'spoke', 'ben', 'dee')]
    expect(deriveRound(r, turns, people, here('ana', 'ben', 'cy'), isFacilitator).current).toBe('ana')
    const again = [...turns, turn('dee', 'began'), turn('dee', 'spoke', 'dee', 'ben')]
    expect(deriveRound(r, again, people, present, isFacilitator).current).toBe('ana')
  })
})
