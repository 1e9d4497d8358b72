import * as Y from 'yjs'
import { z } from 'zod'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToBase64Url } from '../session/ids'
import { localOrigin } from '../session/origins'
import { readPerson } from '../session/doc'
import { canFacilitate } from '../session/roles'
import { canonicalJson, claimStatement, readClaim, signedRoom, statementId, type Signer } from '../session/signed'
import { diagramParts, diagramsMap } from '../diagram/doc'
import { agendaArray, done, runMap, refuse, NOT_FACILITATOR, type RunResult } from './schema'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const LOCK_MESSAGES = {
  diagramGone: { id: 'shared.facilitation.lock.diagramGone', defaultMessage: 'This diagram is no longer here.' },
  tooLarge: { id: 'shared.facilitation.lock.tooLarge', defaultMessage: 'This is too large to lock as one piece. Lock a region of it instead.' },
  cannotSign: { id: 'shared.facilitation.lock.cannotSign', defaultMessage: 'This window cannot sign as you, so the lock would count for nobody. Reopen the convening and try again.' },
} as const
const MSG = LOCK_MESSAGES

/**
 * Locks: a facilitator freezes a diagram, a region of one (chosen variables and links),
 * or the agenda. Locked content cannot be changed in anyone's app until a facilitator
 * unlocks it (the facilitator unlocks first, as in Miro, so a lock never has to decide
 * whose later edit counts). The lock says who locked it.
 *
 *   run['lock:<record id>'] = { target, locked, by, at, snapshot, statement? }
 *     target    'diagram:<diagramId>' | 'region:<diagramId>:<regionId>' | 'agenda'
 *     snapshot  the locked content as canonical JSON, as it was at the lock
 *     statement the facilitator's signed claim (subject `lock:<target>`, body
 *               { locked, hash of the snapshot }) where roles are signed
 *
 * For each target the latest record that counts decides (locked or not). A record
 * counts where roles are signed only with a facilitator's signed claim matching it;
 * where they are not (convenings from before signed roles), when its writer
 * facilitates, as every other run-of-show entry.
 *
 * Changes that bypass the app (a modified peer writing into the document) are undone
 * by every honest peer: `watchLocks` puts locked content back to its snapshot whenever
 * it differs, and puts back a lock record someone removed. So a modified app can show
 * its own person something else, and its change flickers into others' documents until
 * the next honest peer sees it; it does not last while an honest app is open.
 */

export const LOCK_ORIGIN = localOrigin('locks')
const PREFIX = 'lock:'
const SNAPSHOT_MAX = 2_000_000

export type LockTarget =
  | { kind: 'diagram'; diagramId: string }
  | { kind: 'region'; diagramId: string; regionId: string; variables: readonly string[]; links: readonly string[] }
  | { kind: 'agenda' }

export function lockTargetKey(target: LockTarget): string {
  if (target.kind === 'diagram') return `diagram:${target.diagramId}`
  if (target.kind === 'region') return `region:${target.diagramId}:${target.regionId}`
  return 'agenda'
}

const RecordSchema = z.object({
  target: z.string().min(1).max(200),
  locked: z.boolean(),
  by: z.string().min(1).max(64),
  at: z.number().finite(),
  snapshot: z.string().max(SNAPSHOT_MAX),
  statement: z.string().max(8_000).optional(),
})
type LockRecord = z.infer<typeof RecordSchema>

export interface ActiveLock {
  target: string
  by: string
  byName: string
  at: number
  /** The locked content (canonical JSON of what the target held at the lock). */
  snapshot: string
}

// ---- canonical snapshots ------------------------------------------------------

const canonical = canonicalJson
const hashOf = (text: string): string => bytesToBase64Url(sha256(new TextEncoder().encode(text)))

type Fields = Record<string, unknown>
const fieldsOf = (value: unknown): Fields | null => (value instanceof Y.Map ? (value.toJSON()) : null)

const loose = (map: Y.Map<Y.Map<unknown>>): Y.Map<unknown> => map as unknown as Y.Map<unknown>

function pick(map: Y.Map<unknown>, ids: readonly string[] | null): Record<string, Fields> {
  const out: Record<string, Fields> = {}
  for (const id of ids ?? [...map.keys()]) {
    const fields = fieldsOf(map.get(id))
    if (fields) out[id] = fields
  }
  return out
}

interface DiagramSnapshot {
  title?: unknown
  kind?: unknown
  createdAt?: unknown
  variables: Record<string, Fields>
  links: Record<string, Fields>
  loopNames?: Record<string, unknown>
}

/**
 * The agenda by segment id. Two peers putting back a removed segment at once leave two
 * copies in the array (array inserts merge); readers list a segment once, so equal
 * copies are the same agenda, and only copies that differ count as a change.
 */
function agendaSnapshot(doc: Y.Doc): string {
  const segments: Record<string, Fields> = {}
  let differs = false
  for (const entry of agendaArray(doc)) {
    const fields = fieldsOf(entry)
    const id = fields?.id
    if (!fields || typeof id !== 'string') continue
    if (segments[id] && canonical(segments[id]) !== canonical(fields)) differs = true
    segments[id] = fields
  }
  return canonical({ segments }) + (differs ? ' (copies differ)' : '')
}

function snapshotOf(doc: Y.Doc, target: LockTarget): string | null {
  if (target.kind === 'agenda') return agendaSnapshot(doc)
  const parts = diagramParts(doc, target.diagramId)
  if (!parts) return null
  if (target.kind === 'region') {
    return canonical({ variables: pick(loose(parts.variables), target.variables), links: pick(loose(parts.links), target.links) } satisfies DiagramSnapshot)
  }
  return canonical({
    title: parts.root.get('title'),
    kind: parts.root.get('kind'),
    createdAt: parts.root.get('createdAt'),
    variables: pick(loose(parts.variables), null),
    links: pick(loose(parts.links), null),
    loopNames: parts.loopNames.toJSON(),
  } satisfies DiagramSnapshot)
}

/** Which target a key names, with the ids a region snapshot holds. */
function targetOf(key: string, snapshot: string): LockTarget | null {
  if (key === 'agenda') return { kind: 'agenda' }
  const [kind, diagramId, regionId] = key.split(':')
  if (kind === 'diagram' && diagramId) return { kind: 'diagram', diagramId }
  if (kind === 'region' && diagramId && regionId) {
    try {
      const parsed = JSON.parse(snapshot) as DiagramSnapshot
      return { kind: 'region', diagramId, regionId, variables: Object.keys(parsed.variables ?? {}), links: Object.keys(parsed.links ?? {}) }
    } catch {
      return null
    }
  }
  return null
}

// ---- reading ------------------------------------------------------------------

const claimBody = (locked: boolean, snapshot: string): string => canonical({ locked, hash: hashOf(snapshot) })

function counts(doc: Y.Doc, record: LockRecord): boolean {
  if (!signedRoom(doc)) return canFacilitate(doc, record.by)
  const read = readClaim(doc, record.statement, `${PREFIX}${record.target}`)
  return read !== null && read.as === 'facilitator' && read.claim.by === record.by && read.claim.at === record.at && read.claim.body === claimBody(record.locked, record.snapshot)
}

/** Every record that counts, the latest per target (the one that decides). */
function decidingRecords(doc: Y.Doc): Map<string, { id: string; record: LockRecord }> {
  const latest = new Map<string, { id: string; record: LockRecord }>()
  for (const [key, value] of runMap(doc).entries()) {
    if (!key.startsWith(PREFIX)) continue
    const parsed = RecordSchema.safeParse(value)
    if (!parsed.success || !counts(doc, parsed.data)) continue
    const record = parsed.data
    const known = latest.get(record.target)
    if (!known || record.at > known.record.at || (record.at === known.record.at && key > known.id)) latest.set(record.target, { id: key, record })
  }
  return latest
}

/** The locks in force, by target key. */
export function readLocks(doc: Y.Doc): Map<string, ActiveLock> {
  const out = new Map<string, ActiveLock>()
  for (const [target, { record }] of decidingRecords(doc)) {
    if (!record.locked) continue
    out.set(target, { target, by: record.by, byName: readPerson(doc, record.by)?.name || 'A facilitator', at: record.at, snapshot: record.snapshot })
  }
  return out
}

export interface DiagramLocks {
  /** The whole diagram's lock. */
  whole: ActiveLock | null
  /** Locked variables and links (by a region lock, or the whole diagram's). */
  variables: Map<string, ActiveLock>
  links: Map<string, ActiveLock>
  regions: { regionId: string; lock: ActiveLock; variables: string[]; links: string[] }[]
}

export function diagramLocks(doc: Y.Doc, diagramId: string): DiagramLocks {
  const result: DiagramLocks = { whole: null, variables: new Map(), links: new Map(), regions: [] }
  for (const lock of readLocks(doc).values()) {
    const target = targetOf(lock.target, lock.snapshot)
    if (!target || target.kind === 'agenda' || target.diagramId !== diagramId) continue
    if (target.kind === 'diagram') result.whole = lock
    else {
      result.regions.push({ regionId: target.regionId, lock, variables: [...target.variables], links: [...target.links] })
      for (const id of target.variables) result.variables.set(id, lock)
      for (const id of target.links) result.links.set(id, lock)
    }
  }
  if (result.whole) {
    const parts = diagramParts(doc, diagramId)
    for (const id of parts?.variables.keys() ?? []) result.variables.set(id, result.whole)
    for (const id of parts?.links.keys() ?? []) result.links.set(id, result.whole)
  }
  return result
}

export function agendaLock(doc: Y.Doc): ActiveLock | null {
  return readLocks(doc).get('agenda') ?? null
}

// ---- writing ------------------------------------------------------------------

/**
 * Lock or unlock a target as `by` (a facilitator). Where roles are signed, `signer`
 * signs the record; without it the lock is refused there (it would count for nobody).
 */
export async function setLock(doc: Y.Doc, signer: Signer | undefined, by: string, target: LockTarget, locked: boolean, at = Date.now()): Promise<RunResult> {
  if (!canFacilitate(doc, by)) return refuse(NOT_FACILITATOR)
  const key = lockTargetKey(target)
  const snapshot = locked ? snapshotOf(doc, target) : (readLocks(doc).get(key)?.snapshot ?? '')
  if (snapshot === null) return refuse(MSG.diagramGone)
  if (snapshot.length > SNAPSHOT_MAX) return refuse(MSG.tooLarge)
  const room = signedRoom(doc)
  let statement: string | undefined
  if (room) {
    if (!signer) return refuse(MSG.cannotSign)
    statement = await claimStatement(signer, room.room, `${PREFIX}${key}`, claimBody(locked, snapshot), at)
  }
  const record: LockRecord = { target: key, locked, by, at, snapshot, ...(statement ? { statement } : {}) }
  const id = `${PREFIX}${statementId(canonical(record))}`
  doc.transact(() => runMap(doc).set(id, record), LOCK_ORIGIN)
  return done()
}

// ---- keeping locked content as it was locked ------------------------------------------

function restoreFields(map: Y.Map<unknown>, id: string, fields: Fields, existing?: Y.Map<unknown>): void {
  let entry = existing ?? map.get(id)
  if (!(entry instanceof Y.Map)) map.set(id, (entry = new Y.Map<unknown>()))
  const live = entry as Y.Map<unknown>
  for (const key of [...live.keys()]) if (!(key in fields)) live.delete(key)
  for (const [key, value] of Object.entries(fields)) if (canonical(live.get(key)) !== canonical(value)) live.set(key, value)
}

function restore(doc: Y.Doc, target: LockTarget, snapshot: string): void {
  const parsed = JSON.parse(snapshot) as DiagramSnapshot & { segments?: Record<string, Fields> }
  if (target.kind === 'agenda') {
    const agenda = agendaArray(doc)
    const wanted = parsed.segments ?? {}
    const present = new Set<string>()
    // From the end, so deleting does not move the entries still to visit.
    for (let i = agenda.length - 1; i >= 0; i--) {
      const entry = agenda.get(i)
      const id = entry instanceof Y.Map ? entry.get('id') : undefined
      if (typeof id !== 'string' || !wanted[id]) agenda.delete(i, 1)
      else {
        present.add(id)
        restoreFields(agenda as unknown as Y.Map<unknown>, '', wanted[id], entry)
      }
    }
    for (const [id, fields] of Object.entries(wanted)) {
      if (present.has(id)) continue
      const entry = new Y.Map<unknown>()
      for (const [key, value] of Object.entries(fields)) entry.set(key, value)
      agenda.push([entry])
    }
    return
  }
  let parts = diagramParts(doc, target.diagramId)
  if (!parts && target.kind === 'diagram') {
    const root = new Y.Map<unknown>()
    for (const key of ['variables', 'links', 'loopNames', 'loopNumbers']) root.set(key, new Y.Map())
    diagramsMap(doc).set(target.diagramId, root)
    parts = diagramParts(doc, target.diagramId)
  }
  if (!parts) return
  for (const [id, fields] of Object.entries(parsed.variables ?? {})) restoreFields(loose(parts.variables), id, fields)
  for (const [id, fields] of Object.entries(parsed.links ?? {})) restoreFields(loose(parts.links), id, fields)
  if (target.kind === 'diagram') {
    for (const key of ['title', 'kind', 'createdAt'] as const) if (parts.root.get(key) !== parsed[key]) parts.root.set(key, parsed[key])
    for (const id of [...parts.variables.keys()]) if (!(id in (parsed.variables ?? {}))) parts.variables.delete(id)
    for (const id of [...parts.links.keys()]) if (!(id in (parsed.links ?? {}))) parts.links.delete(id)
    const names = parsed.loopNames ?? {}
    for (const id of [...parts.loopNames.keys()]) if (!(id in names)) parts.loopNames.delete(id)
    for (const [id, name] of Object.entries(names)) if (typeof name === 'string' && parts.loopNames.get(id) !== name) parts.loopNames.set(id, name)
  }
}

/**
 * Keep every lock: put locked content back to its snapshot when it differs, and put
 * back a deciding lock record someone removed or overwrote. Returns the way to stop.
 */
export function watchLocks(doc: Y.Doc): () => void {
  const seen = new Map<string, { id: string; record: LockRecord }>()
  let queued = false
  let stopped = false
  const enforce = (): void => {
    queued = false
    if (stopped) return
    doc.transact(() => {
      const run = runMap(doc)
      // Records: keep the latest deciding one per target that this app has seen.
      const deciding = decidingRecords(doc)
      for (const [target, found] of deciding) {
        const known = seen.get(target)
        if (!known || found.record.at > known.record.at || (found.record.at === known.record.at && found.id > known.id)) seen.set(target, found)
      }
      for (const { id, record } of seen.values()) if (canonical(run.get(id)) !== canonical(record)) run.set(id, record)
      // Content: as it was locked.
      for (const { record } of seen.values()) {
        if (!record.locked) continue
        const target = targetOf(record.target, record.snapshot)
        if (target && snapshotOf(doc, target) !== record.snapshot) restore(doc, target, record.snapshot)
      }
    }, LOCK_ORIGIN)
  }
  const onChange = (_events: unknown, transaction: Y.Transaction): void => {
    if (transaction.origin === LOCK_ORIGIN || queued) return
    queued = true
    // Not inside the observer: the transaction that changed it has to finish first.
    queueMicrotask(enforce)
  }
  const run = runMap(doc)
  const diagrams = diagramsMap(doc)
  const agenda = agendaArray(doc)
  run.observeDeep(onChange)
  diagrams.observeDeep(onChange)
  agenda.observeDeep(onChange)
  enforce()
  return () => {
    stopped = true
    run.unobserveDeep(onChange)
    diagrams.unobserveDeep(onChange)
    agenda.unobserveDeep(onChange)
  }
}
