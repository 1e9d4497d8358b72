import { CohortTitleSchema } from '../../../shared/cohort'
import type { Invite, Role } from '../../../shared/session'
import { closeSession, joinedRoomRecord, newRoomRecord, type CohortRecord, type ConveneDB } from '../../sync'

/** The cohorts on this computer (local list, never synced), last opened first. */
export async function listCohorts(db: ConveneDB): Promise<CohortRecord[]> {
  return db.cohorts.orderBy('lastOpenedAt').reverse().toArray()
}

export async function createCohort(db: ConveneDB, input: { title: string; role: Role; signaling: string[]; relays?: string[]; founder?: string }): Promise<CohortRecord> {
  const record = newRoomRecord({ ...input, title: CohortTitleSchema.parse(input.title) })
  await db.cohorts.add(record)
  return record
}

/** Join from a cohort invite; joining again (after leaving, say) opens it as a member again. */
export async function joinCohort(db: ConveneDB, invite: Invite, role: Role, switchTo = false): Promise<CohortRecord> {
  const record: CohortRecord = { ...joinedRoomRecord(await db.cohorts.get(invite.room), invite, role, switchTo), leftAt: undefined }
  await db.cohorts.put(record)
  return record
}

export async function markCohortOpened(db: ConveneDB, id: string): Promise<CohortRecord | undefined> {
  await db.cohorts.update(id, { lastOpenedAt: Date.now() })
  return db.cohorts.get(id)
}

/** After leaving: the cohort stays on this computer, opened read-only and offline. */
export async function markCohortLeft(db: ConveneDB, id: string, at: number): Promise<void> {
  await closeSession(id)
  await db.cohorts.update(id, { leftAt: at })
}

export async function deleteCohort(db: ConveneDB, id: string): Promise<void> {
  await closeSession(id)
  await db.transaction('rw', db.updates, db.cohorts, async () => {
    await db.updates.where('conveningId').equals(id).delete()
    await db.cohorts.delete(id)
  })
}
