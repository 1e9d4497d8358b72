import type * as Y from 'yjs'
import type { YRecord } from './projects'
import { COHORT_KEYS } from './schema'

/**
 * The one accessor for each root of the cohort document (drawn in schema.ts), so no
 * screen names a key itself: the renderer reaches the document only through these, and
 * lint keeps `getMap` out of renderer/features. `meta` and `people` are the convening's
 * (`metaMap`, `peopleMap` in shared/session).
 */

/** Project cards, keyed by their owner's person id (projects.ts). */
export function projectsMap(doc: Y.Doc): Y.Map<YRecord> {
  return doc.getMap(COHORT_KEYS.projects)
}

/** Mentoring pairs, keyed `mentor>practitioner` (mentoring.ts). */
export function pairsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(COHORT_KEYS.pairs)
}

/** Notes from mentors and facilitators to practitioners, oldest first (mentoring.ts). */
export function mentorNotesArray(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray(COHORT_KEYS.mentorNotes)
}

/** The cohort's convenings, in the order they were started (timeline.ts). */
export function cohortConveningsArray(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray(COHORT_KEYS.convenings)
}

/** The clinic running now, under `current` (clinic.ts). */
export function clinicMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(COHORT_KEYS.clinic)
}

/**
 * Every clinic held, in the order started. Offerings on a card name their clinic, and
 * count only if that clinic was started by a facilitator for that card (clinicLog.ts).
 */
export function clinicLog(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray(COHORT_KEYS.clinics)
}

/** Climate scenarios and World Climate rounds kept from convenings (climate.ts). */
export function cohortClimateMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(COHORT_KEYS.climate)
}
