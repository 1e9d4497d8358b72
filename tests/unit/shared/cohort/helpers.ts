import * as Y from 'yjs'
import { newId, setRole, upsertPerson, type Person, type Role } from '../../../../shared/session'
import { seedCohort } from '../../../../shared/cohort'

export const ORIGIN = 'convene:local:cohort'

export function person(name: string, role: Role, joinedAt = 1): Person {
  return { id: newId(), name, role, colour: '#1f6f8b', timeZone: 'Europe/Lisbon', joinedAt }
}

/** A cohort with a facilitator, two practitioners and a mentor (confirmed by the facilitator), as their joins leave it. */
export function cohort() {
  const doc = new Y.Doc()
  const fay = person('Fay', 'facilitator', 1)
  const pia = person('Pia', 'practitioner', 2)
  const priya = person('Priya', 'practitioner', 3)
  const mo = person('Mo', 'mentor', 4)
  seedCohort(doc, { id: newId(), title: 'Fellows 2027', createdBy: fay, now: 1 })
  for (const p of [pia, priya, mo]) upsertPerson(doc, p)
  setRole(doc, fay.id, mo.id, 'mentor', 1)
  return { doc, fay, pia, priya, mo }
}

/** Another peer's replica of `doc`. */
export function replica(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

/** Exchange everything both ways. */
export function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

/** A small deterministic random source (tests must repeat exactly). */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}
