import { describe, expect, it } from 'vitest'
import { readFacilitationPresence } from '../../../../shared/facilitation'

const user = (id: string, name: string) => ({ id, name, colour: '#1f6f8b', role: 'practitioner' })

describe('facilitation presence', () => {
  it('reads follow, reactions and pause requests, and drops what is malformed', () => {
    const states = new Map<number, unknown>([
      [1, { user: user('pia', 'Pia'), panel: 'diagram', follow: { target: 'fran' }, reaction: { kind: 'applause', at: 5 }, pauseAsk: 9 }],
      [2, { user: user('pat', 'Pat'), follow: { target: 42 }, reaction: { kind: 'shout', at: 1 }, pauseAsk: 'now' }],
      [3, { user: { id: 'x' } }],
    ])
    const people = readFacilitationPresence(states)
    expect(people.map((p) => [p.name, p.panel, p.follow, p.reaction?.kind ?? null, p.pauseAsk])).toEqual([
      ['Pat', null, null, null, null],
      ['Pia', 'diagram', 'fran', 'applause', 9],
    ])
  })
})
