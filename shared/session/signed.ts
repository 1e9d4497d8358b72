// Long file (about 440 lines) on purpose: every signed statement kind with its exact bytes
// and its verification; signatures depend on those bytes never changing, so the kinds live
// next to each other.
import * as Y from 'yjs'
import { z } from 'zod'
import * as ed from '@noble/ed25519'
import { sha256, sha512 } from '@noble/hashes/sha2.js'
import { base64UrlToBytes, bytesToBase64Url } from './ids'
import { RoleSchema, type Person, type Role } from './schema'
import { peopleMap, readPerson } from './doc'
import { localOrigin, type Origin } from './origins'
import { fail, ok, said, type Result } from '../result'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const SIGNED_ROLE_MESSAGES = {
  notFacilitator: { id: 'shared.session.signed.notFacilitator', defaultMessage: 'Only facilitators and co-facilitators can give people roles.' },
  noKey: { id: 'shared.session.signed.noKey', defaultMessage: '{name}’s app has not said who they are yet (it may be an older Convene). Ask them to open the convening again.' },
  noKeyUnnamed: { id: 'shared.session.signed.noKeyUnnamed', defaultMessage: 'This person’s app has not said who they are yet (it may be an older Convene). Ask them to open the convening again.' },
  twoApps: { id: 'shared.session.signed.twoApps', defaultMessage: 'Two different apps claim to be {name}: someone may be pretending to be them. No role was given. Start a new convening with a new invite if this keeps happening.' },
  twoAppsUnnamed: { id: 'shared.session.signed.twoAppsUnnamed', defaultMessage: 'Two different apps claim to be This person: someone may be pretending to be them. No role was given. Start a new convening with a new invite if this keeps happening.' },
} as const
const MSG = SIGNED_ROLE_MESSAGES

/**
 * Signed statements: roles that hold against a modified app (issue 13).
 *
 * Every person's app holds an Ed25519 key pair (renderer/sync/keys.ts: WebCrypto, the
 * private key non-extractable, kept in IndexedDB). A convening's invite carries its
 * founder's public key. Who holds which role is then decided only by statements that
 * every honest app verifies:
 *
 *   people[P].signed: Y.Map<statement id, statement text>
 *     - bind   (in P's own entry)   "person P speaks with key K", signed by K;
 *     - grant  (in the grantee's entry) "P, with key K, holds role R", signed by a
 *       facilitating person's key;
 *   and, outside the people list, `end`: "P ended the convening, leaving segment S,
 *   at T", carried by the run of show's record of the end (shared/facilitation).
 *
 * The founder (the person whose bind is signed by the invite's key) facilitates. A
 * grant counts when its signer's key is the key of someone facilitating, along a chain
 * that leads back to the founder; a person's role is their latest grant that counts,
 * so a facilitator takes a role back by granting "practitioner". Anything else in the
 * document about roles (a declared role, an unsigned `grant`, `meta.createdBy`) is
 * not consulted once a convening has a founder key.
 *
 * Verifying is synchronous (noble's Ed25519, the same algorithm WebCrypto signs with),
 * so `canFacilitate` stays a plain read that every feature can call while rendering.
 * A statement's id is a hash of its text: a value that does not hash to its key, is
 * placed in someone else's entry, names another room, or does not verify is ignored.
 *
 * Deleting is the one thing signatures cannot stop: a modified app can remove a
 * grant from the document. Every honest app that has seen a statement puts it back
 * (`watchStatements`), so a removal lasts only while no honest app is open.
 */

ed.hashes.sha512 = sha512

export const SIGNED_FIELD = 'signed'
export const SIGNED_ORIGIN = localOrigin('signed')
const VERSION = 1
const CONTEXT = 'convene-statement-v1\n'

/** What an app needs to sign as its person: WebCrypto in the app, noble in tests and Node peers. */
export interface Signer {
  personId: string
  /** The raw 32-byte Ed25519 public key, base64url. */
  publicKey: string
  sign(message: Uint8Array): Promise<Uint8Array>
}

export const CLAIM_SUBJECT_MAX = 160
export const CLAIM_BODY_MAX = 6_000
const STATEMENT_MAX = CLAIM_BODY_MAX + 1_000
const KeySchema = z.string().length(43).regex(/^[A-Za-z0-9_-]+$/)
const BaseSchema = z.object({
  v: z.literal(VERSION),
  room: z.string().min(1).max(64),
  by: z.string().min(1).max(64),
  key: KeySchema,
  at: z.number().finite(),
  sig: z.string().length(86).regex(/^[A-Za-z0-9_-]+$/),
})
const StatementSchema = z.discriminatedUnion('kind', [
  BaseSchema.extend({ kind: z.literal('bind') }),
  BaseSchema.extend({ kind: z.literal('grant'), subject: z.string().min(1).max(64), subjectKey: KeySchema, role: RoleSchema }),
  BaseSchema.extend({ kind: z.literal('end'), subject: z.string().max(64) }),
  // A claim: "I say `body` about `subject`" (a ballot, a lock). What it means is up to
  // the feature that reads it; what this module checks is who signed it.
  BaseSchema.extend({ kind: z.literal('claim'), subject: z.string().min(1).max(CLAIM_SUBJECT_MAX), body: z.string().max(CLAIM_BODY_MAX) }),
])
export type Statement = z.infer<typeof StatementSchema>
type Unsigned = Statement extends infer S ? (S extends Statement ? Omit<S, 'sig'> : never) : never

/** The exact bytes a statement's signature covers (field order fixed, never JSON key order). */
function message(s: Unsigned): Uint8Array {
  const fields: unknown[] = [s.v, s.kind, s.room, s.by, s.key, s.at, s.kind === 'bind' ? null : s.subject, s.kind === 'grant' ? s.subjectKey : null, s.kind === 'grant' ? s.role : null]
  // Claims came later: the fields above stay exactly as they were, so earlier signatures hold.
  if (s.kind === 'claim') fields.push(s.body)
  return new TextEncoder().encode(CONTEXT + JSON.stringify(fields))
}

export function statementId(text: string): string {
  return bytesToBase64Url(sha256(new TextEncoder().encode(text))).slice(0, 22)
}

async function sign(signer: Signer, unsigned: Unsigned): Promise<string> {
  const sig = await signer.sign(message(unsigned))
  return JSON.stringify({ ...unsigned, sig: bytesToBase64Url(sig) })
}

export function bindStatement(signer: Signer, room: string, at = Date.now()): Promise<string> {
  return sign(signer, { v: VERSION, kind: 'bind', room, by: signer.personId, key: signer.publicKey, at })
}

export function grantStatement(signer: Signer, room: string, grant: { subject: string; subjectKey: string; role: Role }, at = Date.now()): Promise<string> {
  return sign(signer, { v: VERSION, kind: 'grant', room, by: signer.personId, key: signer.publicKey, at, ...grant })
}

/** "I end the convening, leaving `segment` (empty: none running), at `at`." */
export function endStatement(signer: Signer, room: string, segment: string | null, at: number): Promise<string> {
  return sign(signer, { v: VERSION, kind: 'end', room, by: signer.personId, key: signer.publicKey, at, subject: segment ?? '' })
}

/** "I say `body` about `subject`", signed: a ballot, a lock (read with `readClaim`). */
export function claimStatement(signer: Signer, room: string, subject: string, body: string, at = Date.now()): Promise<string> {
  return sign(signer, { v: VERSION, kind: 'claim', room, by: signer.personId, key: signer.publicKey, at, subject, body })
}

export type Claim = Extract<Statement, { kind: 'claim' }>

/** JSON with object keys sorted, so equal content is equal text on every peer (claim bodies). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  )
}

/**
 * A claim about `subject` in this room, and in what capacity its signer made it:
 * 'facilitator' when signed with the key of their facilitating role, 'person' when
 * signed with the one key the person bound (nobody else claims to be them). Null when
 * the text is not such a claim. In rooms whose roles are not signed, returns null:
 * callers decide what unsigned records count for there.
 */
export function readClaim(doc: Y.Doc, text: unknown, subject: string): { claim: Claim; as: 'facilitator' | 'person' } | null {
  const room = signedRoom(doc)
  if (!room) return null
  const statement = verifyStatement(text)
  if (statement?.kind !== 'claim' || statement.room !== room.room || statement.subject !== subject) return null
  const standing = signedStanding(doc, statement.by)
  if (standing && standing.key === statement.key && (standing.role === 'facilitator' || standing.role === 'co-facilitator')) return { claim: statement, as: 'facilitator' }
  const keys = boundKeys(doc, statement.by)
  if (keys.length === 1 && keys[0] === statement.key) return { claim: statement, as: 'person' }
  return null
}

/**
 * Whether a record of the end, written by `by` at `at` leaving `segment`, carries a
 * statement that `by` signed with the key of their facilitating role. True in rooms
 * whose roles are not signed (nothing to check there).
 */
export function endIsSigned(doc: Y.Doc, record: { by: string; at: number; segment: string | null; statement?: string }): boolean {
  const room = signedRoom(doc)
  if (!room) return true
  const statement = verifyStatement(record.statement)
  if (statement?.kind !== 'end' || statement.room !== room.room || statement.by !== record.by) return false
  if (statement.at !== record.at || statement.subject !== (record.segment ?? '')) return false
  const standing = signedStanding(doc, record.by)
  return standing !== null && standing.key === statement.key && (standing.role === 'facilitator' || standing.role === 'co-facilitator')
}

// Verified texts, so a long-lived document is verified once per statement, not per read.
const verified = new Map<string, Statement | null>()
const VERIFIED_MAX = 20_000

/** The statement a text holds when it is well formed and its signature verifies; null otherwise. */
export function verifyStatement(text: unknown): Statement | null {
  if (typeof text !== 'string' || text.length > STATEMENT_MAX) return null
  const known = verified.get(text)
  if (known !== undefined) return known
  let result: Statement | null = null
  try {
    const parsed = StatementSchema.safeParse(JSON.parse(text))
    if (parsed.success) {
      const { sig, ...unsigned } = parsed.data
      const signature = base64UrlToBytes(sig)
      const key = base64UrlToBytes(unsigned.key)
      if (signature && key && ed.verify(signature, message(unsigned), key)) result = parsed.data
    }
  } catch {
    result = null
  }
  if (verified.size >= VERIFIED_MAX) verified.clear()
  verified.set(text, result)
  return result
}

// ---- which convening a document is, and its founder --------------------------

interface Anchor {
  room: string
  founderKey: string
  version: number
  resolved: { version: number; roles: Resolution } | null
}
const anchors = new WeakMap<Y.Doc, Anchor>()

/** Whether this document's roles come from signed statements (a founder key is known). */
export function signedRoom(doc: Y.Doc): { room: string; founderKey: string } | null {
  const anchor = anchors.get(doc)
  return anchor ? { room: anchor.room, founderKey: anchor.founderKey } : null
}

/** The valid statements placed in one person's entry. */
function statementsOf(doc: Y.Doc, personId: string, room: string): { id: string; text: string; statement: Statement }[] {
  const entry = peopleMap(doc).get(personId)
  const signed = entry instanceof Y.Map ? entry.get(SIGNED_FIELD) : undefined
  if (!(signed instanceof Y.Map)) return []
  const out: { id: string; text: string; statement: Statement }[] = []
  for (const [id, text] of signed.entries()) {
    const statement = verifyStatement(text)
    if (!statement || statementId(text as string) !== id || statement.room !== room) continue
    // Ends and claims travel with what they are about, never in a person's entry.
    if (statement.kind === 'end' || statement.kind === 'claim' || (statement.kind === 'bind' ? statement.by : statement.subject) !== personId) continue
    out.push({ id, text: text as string, statement })
  }
  return out
}

export interface Standing {
  role: Role
  /** The key this person signs with while they hold the role (null: practitioner by default). */
  key: string | null
  /** Who gave the role that counts (null for the founder and for practitioners by default). */
  grantedBy: string | null
  /** Whether a grant about this person was written (answered) at all. */
  answered: boolean
}

interface Resolution {
  founder: string | null
  standing(personId: string): Standing
  keysOf(personId: string): string[]
}

const ordered = (a: { statement: Statement; id: string }, b: { statement: Statement; id: string }): number =>
  b.statement.at - a.statement.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)

function resolveAll(doc: Y.Doc, anchor: Anchor): Resolution {
  const binds = new Map<string, string[]>()
  const grants = new Map<string, { id: string; statement: Extract<Statement, { kind: 'grant' }> }[]>()
  let founder: { person: string; at: number; id: string } | null = null
  for (const personId of peopleMap(doc).keys()) {
    for (const { id, statement } of statementsOf(doc, personId, anchor.room)) {
      if (statement.kind === 'bind') {
        binds.set(personId, [...(binds.get(personId) ?? []), statement.key])
        if (statement.key === anchor.founderKey && (!founder || statement.at < founder.at || (statement.at === founder.at && id < founder.id))) {
          founder = { person: personId, at: statement.at, id }
        }
      } else if (statement.kind === 'grant') {
        grants.set(personId, [...(grants.get(personId) ?? []), { id, statement }])
      }
    }
  }
  for (const list of grants.values()) list.sort(ordered)
  const founderPerson = founder?.person ?? null
  const memo = new Map<string, Standing>()
  const practitioner = (answered: boolean): Standing => ({ role: 'practitioner', key: null, grantedBy: null, answered })

  const standing = (personId: string, seen: Set<string>): Standing => {
    const known = memo.get(personId)
    if (known) return known
    if (personId === founderPerson) return { role: 'facilitator', key: anchor.founderKey, grantedBy: null, answered: true }
    const list = grants.get(personId) ?? []
    let result = practitioner(list.length > 0)
    for (const { statement } of list) {
      if (statement.by === personId || seen.has(statement.by)) continue
      const granter = standing(statement.by, new Set(seen).add(personId))
      if (granter.key === statement.key && (granter.role === 'facilitator' || granter.role === 'co-facilitator')) {
        result = { role: statement.role, key: statement.subjectKey, grantedBy: statement.by, answered: true }
        break
      }
    }
    // Only results computed without a cycle guard in force are final for everyone.
    if (seen.size === 0) memo.set(personId, result)
    return result
  }
  return {
    founder: founderPerson,
    standing: (personId) => standing(personId, new Set()),
    keysOf: (personId) => [...new Set(binds.get(personId) ?? [])],
  }
}

function resolution(doc: Y.Doc): Resolution | null {
  const anchor = anchors.get(doc)
  if (!anchor) return null
  if (anchor.resolved?.version !== anchor.version) anchor.resolved = { version: anchor.version, roles: resolveAll(doc, anchor) }
  return anchor.resolved.roles
}

/** A person's signed standing, or null when this document's roles are not signed. */
export function signedStanding(doc: Y.Doc, personId: string): Standing | null {
  return resolution(doc)?.standing(personId) ?? null
}

/** The founder (the person the invite's key speaks for), once their statement has arrived. */
export function signedFounder(doc: Y.Doc): string | null {
  return resolution(doc)?.founder ?? null
}

/** The keys people have bound to this person id (two or more: someone claims to be them). */
export function boundKeys(doc: Y.Doc, personId: string): string[] {
  return resolution(doc)?.keysOf(personId) ?? []
}

// ---- writing ------------------------------------------------------------------

function signedMapOf(doc: Y.Doc, personId: string): Y.Map<string> | null {
  const entry = peopleMap(doc).get(personId)
  if (!(entry instanceof Y.Map)) return null
  const existing = entry.get(SIGNED_FIELD)
  if (existing instanceof Y.Map) return existing as Y.Map<string>
  const fresh = new Y.Map<string>()
  entry.set(SIGNED_FIELD, fresh)
  return fresh
}

/** Put a statement in its person's entry (a statement already there is not written twice). */
export function placeStatement(doc: Y.Doc, personId: string, text: string, origin: Origin = SIGNED_ORIGIN): boolean {
  const id = statementId(text)
  let placed = false
  doc.transact(() => {
    const map = signedMapOf(doc, personId)
    if (!map || map.get(id) === text) return
    map.set(id, text)
    placed = true
  }, origin)
  return placed
}

/** Say, once per convening, which key this person speaks with (before any grant can name it). */
export async function ensureBound(doc: Y.Doc, signer: Signer, room: string): Promise<void> {
  const mine = statementsOf(doc, signer.personId, room).some(({ statement }) => statement.kind === 'bind' && statement.key === signer.publicKey)
  if (mine || !peopleMap(doc).has(signer.personId)) return
  placeStatement(doc, signer.personId, await bindStatement(signer, room))
}

export type SignedRoleResult = Result

/**
 * A facilitator gives someone a role as a signed grant. Refused with a reason when the
 * person's app has not said which key it speaks with, or when two keys claim them.
 */
export async function grantSignedRole(doc: Y.Doc, signer: Signer, room: string, subject: string, role: Role, at = Date.now()): Promise<SignedRoleResult> {
  const mine = signedStanding(doc, signer.personId)
  if (!mine || mine.key !== signer.publicKey || (mine.role !== 'facilitator' && mine.role !== 'co-facilitator')) {
    return fail(MSG.notFacilitator)
  }
  const keys = boundKeys(doc, subject)
  const name = readPerson(doc, subject)?.name
  if (keys.length === 0) return fail(name ? said(MSG.noKey, { name }) : MSG.noKeyUnnamed)
  if (keys.length > 1) return fail(name ? said(MSG.twoApps, { name }) : MSG.twoAppsUnnamed)
  placeStatement(doc, subject, await grantStatement(signer, room, { subject, subjectKey: keys[0], role }, at))
  return ok()
}

// ---- attaching and keeping statements -----------------------------------------

/**
 * Make this document's roles come from signed statements, anchored on the founder's
 * key (from the invite), and keep every verified statement in place: one that is
 * removed or overwritten is put back. Returns the way to stop.
 */
export function watchStatements(doc: Y.Doc, room: string, founderKey: string): () => void {
  const anchor: Anchor = { room, founderKey, version: 0, resolved: null }
  anchors.set(doc, anchor)
  const people = peopleMap(doc)
  // Everything verified that this app has seen, by person, with the person as last
  // seen: what it restores (nobody deletes a person entry honestly).
  const seen = new Map<string, { person: Person | null; statements: Map<string, string> }>()
  const remember = (): void => {
    for (const personId of people.keys()) {
      const found = statementsOf(doc, personId, room)
      const person = readPerson(doc, personId)
      const mine = seen.get(personId)
      if (mine) {
        if (person) mine.person = person
        for (const { id, text } of found) mine.statements.set(id, text)
      } else if (found.length > 0) {
        seen.set(personId, { person, statements: new Map(found.map(({ id, text }) => [id, text])) })
      }
    }
  }
  const intact = (personId: string, statements: Map<string, string>): boolean => {
    const entry = people.get(personId)
    const map = entry instanceof Y.Map ? entry.get(SIGNED_FIELD) : undefined
    if (!(map instanceof Y.Map) || !readPerson(doc, personId)) return false
    for (const [id, text] of statements) if (map.get(id) !== text) return false
    return true
  }
  let repairing = false
  const repair = (): void => {
    repairing = false
    if (anchors.get(doc) !== anchor) return
    doc.transact(() => {
      for (const [personId, { person, statements }] of seen) {
        if (intact(personId, statements)) continue
        let entry = people.get(personId)
        if (!(entry instanceof Y.Map)) people.set(personId, (entry = new Y.Map<unknown>()))
        if (person && !readPerson(doc, personId)) for (const [key, value] of Object.entries(person)) if (key !== 'id') entry.set(key, value)
        const map = signedMapOf(doc, personId)
        for (const [id, text] of statements) if (map && map.get(id) !== text) map.set(id, text)
      }
    }, SIGNED_ORIGIN)
  }
  const missing = (): boolean => [...seen].some(([personId, { statements }]) => !intact(personId, statements))
  const onChange = (): void => {
    anchor.version += 1
    if (missing() && !repairing) {
      repairing = true
      // Not inside the observer: the transaction that removed them has to finish first.
      queueMicrotask(repair)
    }
    remember()
  }
  remember()
  people.observeDeep(onChange)
  return () => {
    people.unobserveDeep(onChange)
    if (anchors.get(doc) === anchor) anchors.delete(doc)
  }
}

/** A signer from raw key bytes (tests and Node peers; the app signs with a non-extractable WebCrypto key). */
export function rawKeySigner(personId: string, secretKey: Uint8Array): Signer {
  return {
    personId,
    publicKey: bytesToBase64Url(ed.getPublicKey(secretKey)),
    sign: async (bytes) => ed.signAsync(bytes, secretKey),
  }
}

export function randomSecretKey(): Uint8Array {
  return ed.utils.randomSecretKey()
}
