import * as Y from 'yjs'
import {
  ORIGINS,
  TitleSchema,
  metaMap,
  newId,
  readTitle,
  setTitle,
  type Invite,
  type Role,
  type Origin,
} from '../../shared/session'
import type { ConveneDB, ConveningRecord } from './db'
import { UpdateLog, deleteStoredConvening } from './persistence'
import { closeSession } from './registry'

/** The convenings on this machine, newest (last opened) first. */
export async function listConvenings(db: ConveneDB): Promise<ConveningRecord[]> {
  return db.convenings.orderBy('lastOpenedAt').reverse().toArray()
}

/**
 * The list entry of a room this person starts (a convening, or a cohort held the same
 * way): new id, new secret, and the seed its session writes on first opening.
 */
export function newRoomRecord(input: { title: string; role: Role; signaling: string[]; relays?: string[]; founder?: string }): ConveningRecord {
  const now = Date.now()
  return {
    id: newId(),
    secret: newId(),
    title: input.title,
    signaling: input.signaling,
    relays: input.relays ?? [],
    role: input.role,
    createdAt: now,
    lastOpenedAt: now,
    peopleCount: 1,
    pendingSeed: input.title,
    ...(input.founder ? { founder: input.founder } : {}),
  }
}

/** What an invite would change in a room already on this computer (never applied without asking). */
export interface InviteChange {
  what: 'secret' | 'signaling' | 'relays' | 'founder'
  before: string[]
  after: string[]
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i])
}

export function inviteChanges(existing: ConveningRecord, invite: Invite): InviteChange[] {
  const changes: InviteChange[] = []
  // The secret itself is never shown: only that it differs.
  if (existing.secret !== invite.secret) changes.push({ what: 'secret', before: [], after: [] })
  if (!sameList(existing.signaling, invite.signaling)) changes.push({ what: 'signaling', before: existing.signaling, after: invite.signaling })
  if (invite.relays && !sameList(existing.relays ?? [], invite.relays)) changes.push({ what: 'relays', before: existing.relays ?? [], after: invite.relays })
  // Whose key the roles answer to: an invite naming another founder would hand the room to someone else.
  if (invite.founder && invite.founder !== existing.founder) changes.push({ what: 'founder', before: existing.founder ? [existing.founder] : [], after: [invite.founder] })
  return changes
}

/**
 * The list entry for a room joined from an invite. A room already here keeps its secret
 * and servers unless the person chose to switch (`switchTo`): room ids travel through
 * signaling servers in clear, so anyone could make an invite with a known id and a
 * secret of their own.
 */
export function joinedRoomRecord<T extends ConveningRecord>(existing: T | undefined, invite: Invite, role: Role, switchTo = false): T | ConveningRecord {
  const now = Date.now()
  if (existing && !switchTo) return { ...existing, lastOpenedAt: now }
  // An invite from before relays existed names none: the relays known here stay.
  const relays = invite.relays ?? existing?.relays ?? []
  const founder = invite.founder ? { founder: invite.founder } : {}
  if (existing) return { ...existing, secret: invite.secret, signaling: invite.signaling, relays, ...founder, lastOpenedAt: now }
  return { id: invite.room, secret: invite.secret, signaling: invite.signaling, relays, ...founder, title: '', role, createdAt: now, lastOpenedAt: now, peopleCount: 0 }
}

export async function createConvening(
  db: ConveneDB,
  input: { title: string; role: Role; signaling: string[]; relays?: string[]; founder?: string },
): Promise<ConveningRecord> {
  const record = newRoomRecord({ ...input, title: TitleSchema.parse(input.title) })
  await db.convenings.add(record)
  return record
}

/** Join from an invite; joining the same convening twice just opens it (switching to the invite's secret and servers only when asked). */
export async function joinConvening(db: ConveneDB, invite: Invite, role: Role, switchTo = false): Promise<ConveningRecord> {
  const record = joinedRoomRecord(await db.convenings.get(invite.room), invite, role, switchTo)
  await db.convenings.put(record)
  return record
}

export async function markOpened(db: ConveneDB, id: string): Promise<ConveningRecord | undefined> {
  await db.convenings.update(id, { lastOpenedAt: Date.now() })
  return db.convenings.get(id)
}

/**
 * Edit a convening that is not open, straight from its stored updates: the edit is
 * saved as one more update and reaches the others the next time anyone opens it.
 * (Also how a cohort writes a new convening, and reads one for its timeline.)
 */
export async function withStoredDoc<T>(db: ConveneDB, id: string, edit: (doc: Y.Doc) => T): Promise<T> {
  const doc = new Y.Doc()
  const log = new UpdateLog(db, id)
  try {
    await log.load(doc)
    doc.on('update', (update: Uint8Array, origin: Origin) => {
      if (origin !== ORIGINS.persistence) log.append(update)
    })
    const result = edit(doc)
    await log.whenFlushed()
    return result
  } finally {
    await log.destroy()
    doc.destroy()
  }
}

export async function renameConvening(db: ConveneDB, id: string, title: string): Promise<void> {
  const clean = TitleSchema.parse(title)
  const record = await db.convenings.get(id)
  if (!record) throw new Error('That convening is no longer on this machine.')
  await closeSession(id)
  await withStoredDoc(db, id, (doc) => {
    if (metaMap(doc).has('title')) setTitle(doc, clean)
  })
  await db.convenings.update(id, { title: clean, ...(record.pendingSeed ? { pendingSeed: clean } : {}) })
}

/**
 * A new, separate convening (new room, new secret) holding a copy of this one's content.
 * The person who copies it is the copy's founder (`founder`: their public key); roles
 * signed for the original name its room, so none of them carries over.
 */
export async function duplicateConvening(db: ConveneDB, id: string, founder?: string): Promise<ConveningRecord> {
  const source = await db.convenings.get(id)
  if (!source) throw new Error('That convening is no longer on this machine.')
  await closeSession(id)
  const state = await withStoredDoc(db, id, (doc) => ({ update: Y.encodeStateAsUpdate(doc), title: readTitle(doc) }))
  const now = Date.now()
  const baseTitle = state.title || source.title || 'Untitled convening'
  const copy: ConveningRecord = {
    ...source,
    id: newId(),
    secret: newId(),
    title: `${baseTitle} (copy)`.slice(0, 200),
    createdAt: now,
    lastOpenedAt: now,
    pendingSeed: undefined,
    founder,
  }
  await db.convenings.add(copy)
  await withStoredDoc(db, copy.id, (doc) => {
    Y.applyUpdate(doc, state.update, ORIGINS.archive)
    doc.transact(() => {
      const meta = metaMap(doc)
      if (meta.has('schemaVersion')) {
        meta.set('id', copy.id)
        meta.set('title', copy.title)
        meta.set('createdAt', now)
      }
    }, ORIGINS.archive)
  })
  return copy
}

export async function deleteConvening(db: ConveneDB, id: string): Promise<void> {
  await closeSession(id)
  await deleteStoredConvening(db, id)
}
