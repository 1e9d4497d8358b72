import * as Y from 'yjs'
import { seedConvening, setRole, upsertPerson, type Person, type Role } from '../../../../shared/session'
import type { ClockReader, Deck } from '../../../../shared/conversation'

export function person(id: string, role: Role, joinedAt = 1): Person {
  return { id, name: id[0].toUpperCase() + id.slice(1), role, colour: '#1f6f8b', timeZone: 'UTC', joinedAt }
}

/** A convening with a facilitator (fran), a co-facilitator (cole) and two practitioners (pia, pat). */
export function convening(): Y.Doc {
  const doc = new Y.Doc()
  seedConvening(doc, { id: 'room', title: 'Circle', createdBy: person('fran', 'facilitator', 1), now: 1 })
  upsertPerson(doc, person('cole', 'co-facilitator', 2))
  upsertPerson(doc, person('pia', 'practitioner', 3))
  upsertPerson(doc, person('pat', 'practitioner', 4))
  setRole(doc, 'fran', 'cole', 'co-facilitator')
  return doc
}

/** A peer that starts from another's state (a late joiner). */
export function joinerOf(doc: Y.Doc): Y.Doc {
  const other = new Y.Doc()
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
  return other
}

/** Exchange everything both ways, as reconnecting peers do. */
export function sync(...docs: Y.Doc[]): void {
  for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
}

export const deck: Deck = {
  id: 'test-deck',
  title: 'Test deck',
  description: '',
  prompts: [
    { id: 'a', text: 'First question?', mode: 'round' },
    { id: 'b', text: 'Second question?', mode: 'written', minutes: 3 },
    { id: 'c', text: 'Third question?' },
  ],
}

export function fixedClock(now: number, offsets: Record<string, number> = {}): ClockReader {
  return { now: () => now, offsetTo: (id) => offsets[id] ?? 0 }
}
