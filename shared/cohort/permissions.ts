import type * as Y from 'yjs'
import { canFacilitate, effectiveRole } from '../session/roles'
import { activeMember, readMember } from './doc'

/**
 * Who may change what in a cohort. Write helpers ask before writing; readers ask
 * again about every record they read and leave out what its author was not allowed
 * to write, so a buggy build's stray record never shows.
 *
 * What peer-to-peer can enforce: everyone holding the cohort's secret holds a full,
 * writable copy of the document, and a person's role and id are what their own
 * build declares. These rules are a convention every honest build keeps, not a lock
 * against someone who rewrites the app. Text fields (Y.Text) carry no author at all,
 * so for them only the write side holds: the card is read-only on every other
 * screen, and milestones keep earlier versions to go back to. To shut someone out
 * for good, a facilitator starts a new cohort with a new invite.
 */

/** Facilitators and co-facilitators of the cohort (by the cohort's own people list). */
export function facilitates(doc: Y.Doc, personId: string): boolean {
  return canFacilitate(doc, personId)
}

/** Mentors as the cohort holds them: a mentor role asked for at joining counts once a facilitator confirms it (session/roles.ts). */
export function isMentor(doc: Y.Doc, personId: string): boolean {
  return readMember(doc, personId) !== null && effectiveRole(doc, personId) === 'mentor'
}

export function isPractitioner(doc: Y.Doc, personId: string): boolean {
  return readMember(doc, personId) !== null && effectiveRole(doc, personId) === 'practitioner'
}

/** Mentors and facilitators: the people who comment on others' cards. */
export function guides(doc: Y.Doc, personId: string): boolean {
  return isMentor(doc, personId) || facilitates(doc, personId)
}

/** Still in the cohort (joined and not left): only they write anything new. */
export function isActive(doc: Y.Doc, personId: string): boolean {
  return activeMember(doc, personId) !== null
}

/** For a reader going through many records at once: each person's standing is looked up once. */
export function memo(check: (doc: Y.Doc, personId: string) => boolean, doc: Y.Doc): (personId: string) => boolean {
  const known = new Map<string, boolean>()
  return (personId) => {
    let answer = known.get(personId)
    if (answer === undefined) known.set(personId, (answer = check(doc, personId)))
    return answer
  }
}
