import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { metaMap, readPerson, canFacilitate, type Migration } from '../../../../shared/session'
import {
  COHORT_SCHEMA_VERSION,
  activeMember,
  createProject,
  editProjectText,
  isCohortDocument,
  isWritable,
  leaveCohort,
  migrateCohort,
  projectMap,
  readCohortMeta,
  readMember,
  readMembers,
  rejoinCohort,
  setAbout,
  setMyDetails,
  snapshotProject,
} from '../../../../shared/cohort'
import { ORIGIN, cohort, replica, sync } from './helpers'

describe('the cohort document', () => {
  it('is seeded once with its meta and its creator, and reads as a cohort', () => {
    const { doc, fay } = cohort()
    const meta = readCohortMeta(doc)
    expect(meta).toMatchObject({ schemaVersion: COHORT_SCHEMA_VERSION, kind: 'cohort', title: 'Fellows 2027', createdBy: fay.id, about: '' })
    expect(isCohortDocument(doc)).toBe(true)
    expect(readMembers(doc).map((m) => m.name)).toEqual(['Fay', 'Pia', 'Priya', 'Mo'])
    // The convening's person record and role helpers work on the cohort unchanged.
    expect(readPerson(doc, fay.id)?.role).toBe('facilitator')
    expect(canFacilitate(doc, fay.id)).toBe(true)
  })

  it('shows a damaged member entry as missing instead of breaking the list', () => {
    const { doc, pia } = cohort()
    ;(doc.getMap('people').get(pia.id) as Y.Map<unknown>).set('role', 'overlord')
    expect(readMembers(doc).map((m) => m.name)).toEqual(['Fay', 'Priya', 'Mo'])
    ;(doc.getMap('people').get(pia.id) as Y.Map<unknown>).set('role', 'practitioner')
    ;(doc.getMap('people').get(pia.id) as Y.Map<unknown>).set('country', 42)
    expect(readMember(doc, pia.id)?.country).toBe('')
  })

  it('keeps each member’s country and organisation, written by themselves', () => {
    const { doc, pia } = cohort()
    expect(setMyDetails(doc, pia.id, { country: ' Kenya ', organisation: 'Nairobi Green School' }, ORIGIN).ok).toBe(true)
    expect(readMember(doc, pia.id)).toMatchObject({ country: 'Kenya', organisation: 'Nairobi Green School', name: 'Pia' })
    expect(setMyDetails(doc, pia.id, { country: 'x'.repeat(200), organisation: '' }, ORIGIN)).toMatchObject({ ok: false })
    expect(setAbout(doc, 'A year of practice', pia.id, ORIGIN).ok).toBe(false)
  })

  it('lets a member leave: their card stays for the others, unchanged and no longer editable, and they can come back', () => {
    const { doc, pia } = cohort()
    createProject(doc, pia.id, 5, ORIGIN)
    editProjectText(doc, pia.id, { field: 'aspiration' }, 'Every class outdoors once a week', { by: pia.id, now: 6, origin: ORIGIN })
    const other = replica(doc)
    expect(leaveCohort(doc, pia.id, 100, ORIGIN).ok).toBe(true)
    sync(doc, other)
    expect(readMember(other, pia.id)?.leftAt).toBe(100)
    expect(activeMember(other, pia.id)).toBeNull()
    const kept = projectMap(other, pia.id)
    expect(kept && snapshotProject(kept).aspiration).toBe('Every class outdoors once a week')
    expect(editProjectText(other, pia.id, { field: 'aspiration' }, 'changed', { by: pia.id, now: 7, origin: ORIGIN }).ok).toBe(false)
    rejoinCohort(doc, pia.id, ORIGIN)
    expect(activeMember(doc, pia.id)?.name).toBe('Pia')
  })
})

describe('cohort migrations and newer versions', () => {
  const addArchive: Migration = {
    version: 2,
    description: 'an archive list',
    up: (doc) => {
      if (!doc.getMap('meta').has('archived')) doc.getMap('meta').set('archived', false)
    },
  }

  it('leaves a current cohort alone and upgrades an older one once, in one step', () => {
    const { doc } = cohort()
    expect(migrateCohort(doc)).toEqual({ status: 'current', version: 1 })
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    expect(migrateCohort(doc, [addArchive], 2)).toEqual({ status: 'migrated', from: 1, to: 2 })
    expect(transactions).toBe(1)
    expect(metaMap(doc).get('archived')).toBe(false)
    expect(migrateCohort(doc, [addArchive], 2)).toEqual({ status: 'current', version: 2 })
  })

  it('converges when two peers migrate the same cohort at once', () => {
    const { doc } = cohort()
    const other = replica(doc)
    migrateCohort(doc, [addArchive], 2)
    migrateCohort(other, [addArchive], 2)
    sync(doc, other)
    expect(doc.getMap('meta').toJSON()).toEqual(other.getMap('meta').toJSON())
    expect(metaMap(other).get('schemaVersion')).toBe(2)
  })

  it('shows a cohort from a newer version read-only: nothing is migrated and every write is refused', () => {
    const { doc, pia } = cohort()
    createProject(doc, pia.id, 5, ORIGIN)
    metaMap(doc).set('schemaVersion', COHORT_SCHEMA_VERSION + 1)
    const before = Y.encodeStateAsUpdate(doc)
    expect(migrateCohort(doc)).toEqual({ status: 'newer', version: COHORT_SCHEMA_VERSION + 1 })
    expect(isWritable(doc)).toBe(false)
    const refused = editProjectText(doc, pia.id, { field: 'title' }, 'New title', { by: pia.id, now: 9, origin: ORIGIN })
    expect(refused).toEqual({ ok: false, message: expect.stringMatching(/newer version/) })
    expect(setMyDetails(doc, pia.id, { country: 'Chile', organisation: '' }, ORIGIN).ok).toBe(false)
    expect(leaveCohort(doc, pia.id, 10, ORIGIN).ok).toBe(false)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('reports an unseeded cohort (still arriving from the others)', () => {
    expect(migrateCohort(new Y.Doc())).toEqual({ status: 'unseeded' })
    expect(readCohortMeta(new Y.Doc())).toBeNull()
  })
})
