import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DOC_KEYS, metaMap, peopleMap } from '../../../../shared/session'
import {
  COHORT_KEYS,
  clinicLog,
  clinicMap,
  cohortClimateMap,
  cohortConveningsArray,
  isConveningDocument,
  isCohortDocument,
  mentorNotesArray,
  pairsMap,
  projectsMap,
} from '../../../../shared/cohort'

// The screens reach the cohort only through these accessors (lint keeps getMap out of
// renderer/features), so every root must have one, of the kind the writers use: a
// root read as a map by one build and an array by another cannot be opened at all.
const ACCESSORS = {
  meta: [metaMap, Y.Map],
  people: [peopleMap, Y.Map],
  projects: [projectsMap, Y.Map],
  pairs: [pairsMap, Y.Map],
  mentorNotes: [mentorNotesArray, Y.Array],
  convenings: [cohortConveningsArray, Y.Array],
  clinic: [clinicMap, Y.Map],
  clinics: [clinicLog, Y.Array],
  climate: [cohortClimateMap, Y.Map],
} satisfies Record<keyof typeof COHORT_KEYS, [(doc: Y.Doc) => unknown, unknown]>

describe('the cohort document roots', () => {
  it('has one accessor for each key, returning that root with the kind its writers use', () => {
    const doc = new Y.Doc()
    for (const [name, [accessor, kind]] of Object.entries(ACCESSORS)) {
      const root = accessor(doc)
      expect(root, name).toBeInstanceOf(kind)
      expect(root, name).toBe(doc.share.get(COHORT_KEYS[name as keyof typeof COHORT_KEYS]))
    }
    expect(new Set(doc.share.keys())).toEqual(new Set(Object.values(COHORT_KEYS)))
  })

  it("shares the convening's meta and people, so roles work on a cohort unchanged", () => {
    expect(COHORT_KEYS.meta).toBe(DOC_KEYS.meta)
    expect(COHORT_KEYS.people).toBe(DOC_KEYS.people)
  })

  it('tells a convening opened by a cohort invite from a cohort, and from nothing yet', () => {
    const empty = new Y.Doc()
    expect(isConveningDocument(empty)).toBe(false)
    expect(isCohortDocument(empty)).toBe(false)
    const convening = new Y.Doc()
    metaMap(convening).set('schemaVersion', 1)
    expect(isConveningDocument(convening)).toBe(true)
    metaMap(convening).set('kind', 'cohort')
    expect(isConveningDocument(convening)).toBe(false)
    expect(isCohortDocument(convening)).toBe(true)
  })
})
