import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { canFacilitate, newId, randomSecretKey, rawKeySigner, readPeople, readTitle, watchStatements } from '../../../../../shared/session'
import { createProject, editProjectText, readConvenings, readMilestones, readCohortMeta, isCohortDocument } from '../../../../../shared/cohort'
import { ConveneDB, withStoredDoc, type ConveningSession } from '../../../../../renderer/sync'
import { COHORT_KIND } from '../../../../../renderer/features/cohort/kind'
import { createCohort, deleteCohort, joinCohort, listCohorts, markCohortLeft } from '../../../../../renderer/features/cohort/records'
import { openCohortConvening, readConveningDetails, startConveningFromCohort } from '../../../../../renderer/features/cohort/fromCohort'
import { cohort } from '../../../shared/cohort/helpers'

let counter = 0
const dbs: ConveneDB[] = []
function freshDb(): ConveneDB {
  const db = new ConveneDB(`cohort-test-${counter++}`)
  dbs.push(db)
  return db
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete()
})

/** The parts of an open cohort session that starting a convening uses. */
function openCohort(doc: Y.Doc, me: ReturnType<typeof cohort>['fay']): ConveningSession {
  return { doc, me, signalingUrls: ['ws://127.0.0.1:4444'], whenSaved: () => Promise.resolve() } as unknown as ConveningSession
}

describe('cohorts on this computer', () => {
  it('are listed apart from convenings, joined from an invite, marked when left, and deleted with their rows', async () => {
    const db = freshDb()
    const made = await createCohort(db, { title: ' Fellows 2027 ', role: 'facilitator', signaling: [] })
    expect(made).toMatchObject({ title: 'Fellows 2027', pendingSeed: 'Fellows 2027', peopleCount: 1 })
    expect(await db.convenings.count()).toBe(0)
    const invite = { room: newId(), secret: newId(), signaling: ['ws://10.0.0.2:4444'], kind: 'cohort' as const }
    const joined = await joinCohort(db, invite, 'mentor')
    expect(joined).toMatchObject({ id: invite.room, title: '', role: 'mentor' })
    await markCohortLeft(db, joined.id, 99)
    expect((await db.cohorts.get(joined.id))?.leftAt).toBe(99)
    expect((await joinCohort(db, invite, 'mentor')).leftAt).toBeUndefined()
    expect((await listCohorts(db)).map((c) => c.id).sort()).toEqual([made.id, joined.id].sort())
    await db.updates.add({ conveningId: made.id, update: new Uint8Array([0, 0]) })
    await deleteCohort(db, made.id)
    expect(await db.updates.where('conveningId').equals(made.id).count()).toBe(0)
    expect((await listCohorts(db)).map((c) => c.id)).toEqual([joined.id])
  })

  it('seed a cohort document (not a convening) through the session kind', () => {
    const doc = new Y.Doc()
    const { fay } = cohort()
    COHORT_KIND.seed(doc, { id: newId(), title: 'x', secret: newId(), signaling: [], role: 'facilitator', createdAt: 0, lastOpenedAt: 0, peopleCount: 1, pendingSeed: 'Fellows 2028' }, fay)
    expect(isCohortDocument(doc)).toBe(true)
    expect(readCohortMeta(doc)?.title).toBe('Fellows 2028')
    expect(COHORT_KIND.migrate(doc)).toEqual({ status: 'current', version: 1 })
    expect(COHORT_KIND.recordTable).toBe('cohorts')
  })
})

describe('a convening started from the cohort', () => {
  it('holds the members with their roles and time zones, joins the timeline, and keeps where the cards stood', async () => {
    const db = freshDb()
    const { doc, fay, pia } = cohort()
    createProject(doc, pia.id, 1, 'convene:local:cohort')
    editProjectText(doc, pia.id, { field: 'title' }, 'Outdoor learning', { by: pia.id, now: 2, origin: 'convene:local:cohort' })
    const signer = rawKeySigner(fay.id, randomSecretKey())
    const record = await startConveningFromCohort(db, openCohort(doc, fay), signer, { title: 'Convening 1', date: '2027-01-14', shareInvite: true })
    expect(await db.convenings.get(record.id)).toMatchObject({ title: 'Convening 1', role: 'facilitator', peopleCount: 4 })
    expect(record.founder).toBe(signer.publicKey)
    const stored = await withStoredDoc(db, record.id, (convening) => {
      // Its roles are signed: the starter is the founder the invite names.
      const stop = watchStatements(convening, record.id, signer.publicKey)
      const facilitates = canFacilitate(convening, fay.id)
      stop()
      return { title: readTitle(convening), people: readPeople(convening), facilitates }
    })
    expect(stored.facilitates).toBe(true)
    expect(stored.title).toBe('Convening 1')
    expect(stored.people.map((p) => [p.name, p.role, p.timeZone])).toEqual([
      ['Fay', 'facilitator', 'Europe/Lisbon'],
      ['Pia', 'practitioner', 'Europe/Lisbon'],
      ['Priya', 'practitioner', 'Europe/Lisbon'],
      ['Mo', 'mentor', 'Europe/Lisbon'],
    ])
    expect(readConvenings(doc)).toEqual([expect.objectContaining({ conveningId: record.id, date: '2027-01-14', invite: { secret: record.secret, signaling: record.signaling, founder: signer.publicKey } })])
    expect(readMilestones(doc, pia.id).map((m) => m.label)).toEqual(['Before “Convening 1”'])
    expect((await readConveningDetails(db, [record.id, newId()])).get(record.id)).toEqual({ diagrams: [], scenarios: [], people: 4 })
  })

  it('opens from the timeline: from this computer, by joining with the kept invite, or not at all without one', async () => {
    const db = freshDb()
    const { doc, fay } = cohort()
    const record = await startConveningFromCohort(db, openCohort(doc, fay), rawKeySigner(fay.id, randomSecretKey()), { title: 'Kept', date: '2027-02-01', shareInvite: false })
    const [entry] = readConvenings(doc)
    expect(entry.invite).toBeUndefined()
    expect(await openCohortConvening(db, entry, 'practitioner')).toEqual({ ok: true, id: record.id })
    const elsewhere = freshDb()
    expect(await openCohortConvening(elsewhere, entry, 'practitioner')).toEqual({ ok: false, message: expect.stringMatching(/not shared/) })
    const shared = { ...entry, invite: { secret: record.secret, signaling: record.signaling } }
    expect(await openCohortConvening(elsewhere, shared, 'practitioner')).toEqual({ ok: true, id: record.id })
    expect(await elsewhere.convenings.get(record.id)).toMatchObject({ secret: record.secret, role: 'practitioner', title: '' })
  })
})
