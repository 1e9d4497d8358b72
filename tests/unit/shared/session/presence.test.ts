import { describe, expect, it } from 'vitest'
import { presentPeople } from '../../../../shared/session'

const user = (id: string, name: string) => ({ id, name, colour: '#1f6f8b', role: 'practitioner' })

describe('presence', () => {
  it('lists each person once, me first, and drops malformed states', () => {
    const states = new Map<number, unknown>([
      [1, { user: user('p1', 'Zoe'), panel: 'notes' }],
      [2, { user: user('p2', 'Ada'), panel: 'notes' }],
      [3, { user: user('p1', 'Zoe'), panel: 'diagram' }], // Zoe's second window
      [4, { user: { id: 'p4', name: '<script>', colour: 'red', role: 'admin' } }],
      [5, 'garbage'],
      [6, null],
      [7, { user: { ...user('p7', 'x'.repeat(500)) } }],
    ])
    const people = presentPeople(states, 2)
    expect(people.map((p) => [p.name, p.isMe])).toEqual([
      ['Ada', true],
      ['Zoe', false],
    ])
  })
})
