import type * as Y from 'yjs'
import type { Role } from './schema'
import { readPerson } from './doc'

/** Roles that may drive the convening (agenda, timers, prompts, rounds, breakouts). */
export const FACILITATING_ROLES: readonly Role[] = ['facilitator', 'co-facilitator']

export function isFacilitatingRole(role: Role | undefined | null): boolean {
  return role !== undefined && role !== null && FACILITATING_ROLES.includes(role)
}

/**
 * Whether this person facilitates, by the document's people list. In a peer-to-peer
 * room this is a convention every honest peer enforces when it reads the document
 * (writes by others are ignored), not a lock: see the run-of-show notes.
 */
export function canFacilitate(doc: Y.Doc, personId: string): boolean {
  return isFacilitatingRole(readPerson(doc, personId)?.role)
}
