// Helpers for the climate document tests: a convening with a facilitator and two practitioners.
import * as Y from 'yjs'
import { upsertPerson } from '../../../../shared/session/doc'
import type { Person, Role } from '../../../../shared/session/schema'

export const ORIGIN = 'convene:local:climate'

const person = (id: string, name: string, role: Role, joinedAt: number): Person => ({
  id, name, role, colour: '#1f6f8b', timeZone: 'UTC', joinedAt,
})

export const FAC = person('fac-1', 'Ada', 'facilitator', 1)
export const PRAC = person('prac-1', 'Ben', 'practitioner', 2)
export const PRAC2 = person('prac-2', 'Cleo', 'practitioner', 3)

export function convening(): Y.Doc {
  const doc = new Y.Doc()
  for (const p of [FAC, PRAC, PRAC2]) upsertPerson(doc, p)
  return doc
}

/** Exchanges every update between the docs, both ways. */
export function sync(...docs: Y.Doc[]): void {
  for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
}
