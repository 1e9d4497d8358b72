import * as Y from 'yjs'
import { ORIGINS, metaMap, newId, readArchive, readPeople, type ArchiveHeader, type Role } from '../../../shared/session'
import { closeSession, type ConveneDB, type ConveningRecord, UpdateLog } from '../../sync'
import type { useT } from '../../i18n'

/** The person's language, for the words the app writes here (a new title, a refusal). */
type T = ReturnType<typeof useT>

/**
 * Opening a `.convene` file on this computer: checked in full first (readArchive),
 * then either a new convening (new room, new secret: the archive is no key to the
 * original room) or merged into the same convening already here. Each choice is one
 * IndexedDB transaction, so a failure leaves nothing half-written.
 */
export interface CheckedArchive {
  header: ArchiveHeader
  update: Uint8Array
  people: number
  /** The same convening, when it is already on this computer. */
  existing: ConveningRecord | null
  /** My role in the archived convening, when I took part in it. */
  myRole: Role | null
}

export type CheckResult = { ok: true; archive: CheckedArchive } | { ok: false; message: string }

export async function checkArchive(db: ConveneDB, bytes: Uint8Array, myId: string): Promise<CheckResult> {
  const result = readArchive(bytes)
  if (!result.ok) return result
  try {
    const people = readPeople(result.doc)
    const me = people.find((p) => p.id === myId)
    const existing = (await db.convenings.get(result.header.conveningId)) ?? null
    return { ok: true, archive: { header: result.header, update: result.update, people: people.length, existing, myRole: me?.role ?? null } }
  } finally {
    result.doc.destroy()
  }
}

/** A new convening holding the archive's content, under a new room and secret. */
export async function openAsNew(db: ConveneDB, archive: CheckedArchive, t: T): Promise<ConveningRecord> {
  const now = Date.now()
  const id = newId()
  const base = archive.header.title.trim() || t({ id: 'harvest.open.untitled', defaultMessage: 'Untitled convening' })
  // The copy's title is written into the convening, in the language of whoever opened it.
  const title = (archive.existing ? t({ id: 'harvest.open.copyTitle', defaultMessage: '{title} (copy)' }, { title: base }) : base).slice(0, 200)
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, archive.update, ORIGINS.archive)
    doc.transact(() => {
      const meta = metaMap(doc)
      meta.set('id', id)
      if (archive.existing) meta.set('title', title)
    }, ORIGINS.archive)
    const record: ConveningRecord = {
      id,
      secret: newId(),
      title,
      signaling: [],
      // Whoever brings a convening back to life runs it, unless they took part with another role.
      role: archive.myRole ?? 'facilitator',
      createdAt: now,
      lastOpenedAt: now,
      peopleCount: archive.people,
    }
    const state = Y.encodeStateAsUpdate(doc)
    await db.transaction('rw', db.convenings, db.updates, async () => {
      await db.convenings.add(record)
      await db.updates.add({ conveningId: id, update: state })
    })
    return record
  } finally {
    doc.destroy()
  }
}

export type MergeOutcome = { record: ConveningRecord; changed: boolean }

/** Add what the archive holds to the same convening on this computer (a CRDT merge: nothing here is lost). */
export async function mergeIntoExisting(db: ConveneDB, archive: CheckedArchive, t: T): Promise<MergeOutcome> {
  const id = archive.header.conveningId
  const record = await db.convenings.get(id)
  if (!record) {
    throw new Error(t({ id: 'harvest.open.gone', defaultMessage: 'That convening is no longer on this computer. Open the archive as a new convening instead.' }))
  }
  await closeSession(id)
  const doc = new Y.Doc()
  const log = new UpdateLog(db, id)
  try {
    await log.load(doc)
    const before = Y.encodeStateVector(doc)
    const snapshot = Y.snapshot(doc)
    Y.applyUpdate(doc, archive.update, ORIGINS.archive)
    const changed = !Y.equalSnapshots(snapshot, Y.snapshot(doc))
    if (changed) await db.updates.add({ conveningId: id, update: Y.encodeStateAsUpdate(doc, before) })
    await db.convenings.update(id, { lastOpenedAt: Date.now(), peopleCount: Math.max(record.peopleCount, archive.people) })
    return { record, changed }
  } finally {
    await log.destroy()
    doc.destroy()
  }
}
