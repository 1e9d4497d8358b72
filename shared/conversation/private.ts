import * as Y from 'yjs'
import { gcm } from '@noble/ciphers/aes.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { base64UrlToBytes, bytesToBase64Url } from '../session/ids'
import { canFacilitate } from '../session/roles'
import { claimStatement, readClaim, signedRoom, type Signer } from '../session/signed'
import { localOrigin } from '../session/origins'
import { KEYS, conversationMap, nestedMap } from './schema'

/**
 * Private mode that is private: responses sealed under a key only their author holds.
 *
 * Miro's private mode hides notes on screen while every copy of the board holds them.
 * Here, while a prompt is private, each person's app seals what they write with
 * AES-256-GCM under a key it made for that prompt and keeps only on this computer
 * (IndexedDB, never synced). The shared document holds the sealed bytes, the author,
 * the prompt and the times: a modified app watching the document sees that Ana wrote
 * something, and how long it is, but not a word of it.
 *
 *   conversation.responses[id] = { visibility: 'private', sealed, keyId, author, promptId, … }
 *     sealed = base64url(iv ‖ AES-GCM(key, text, aad = "convene-private-v1\n" id \n promptId \n author))
 *     keyId  = base64url(sha256(key))[0..16]   which key opens it (says nothing about the key)
 *   conversation.revealedKeys: Y.Map<`${promptId} ${author} ${keyId}`, base64url key>
 *
 * Reveal: a facilitator's reveal of a prompt carries their signed claim (subject
 * `reveal:<promptId>`; in rooms whose roles are not signed, the facilitator's entry as
 * elsewhere). Every author's app that sees a reveal it can trust publishes its key for
 * that prompt; from then on every copy reads those responses. An author who is offline
 * at the reveal publishes when their app opens the convening again; until then their
 * responses show as "waiting for Ana". An author can withdraw (delete) a response until
 * the reveal. A reveal cannot be taken back: keys once published are in every copy.
 *
 * What this cannot stop: a facilitator revealing; an author copying their own text
 * elsewhere; the sizes and times of responses being visible.
 *
 * Tampering: the associated data binds each sealed text to its id, prompt and author,
 * so moving or re-attributing sealed bytes makes them unreadable rather than misread; a
 * published key is used only when its hash matches the record's keyId, so a junk key
 * written under someone's name is ignored.
 */

export const PRIVATE_ORIGIN = localOrigin('private')
const AAD_CONTEXT = 'convene-private-v1\n'
const KEY_BYTES = 32
const IV_BYTES = 12
const KEY_ID_LENGTH = 16
/** Published keys read per prompt: far above any room, so a flood cannot make a screen try thousands. */
const KEYS_READ_MAX = 1_000

export function revealSubject(promptId: string): string {
  return `reveal:${promptId}`
}

// ---- this person's own keys (local scope, never synced) -------------------------

interface Keyring {
  personId: string
  /** promptId → key */
  keys: Map<string, Uint8Array>
  /**
   * Called when a key is made, so it is kept on this computer before anything is sealed
   * with it. Resolves to the key actually kept (another window of this person's may
   * have kept one for the prompt first).
   */
  onNewKey?: (promptId: string, key: string) => Promise<string>
}
const keyrings = new WeakMap<Y.Doc, Keyring>()

/**
 * Give this document the keys this person made on this computer (from local storage),
 * and the way to keep a new one. Reads and the harvest then open this person's own
 * sealed responses.
 */
export function holdPrivateKeys(doc: Y.Doc, personId: string, keys: Readonly<Record<string, string>>, onNewKey?: Keyring['onNewKey']): void {
  const ring: Keyring = { personId, keys: new Map(), onNewKey }
  for (const [promptId, text] of Object.entries(keys)) {
    const key = base64UrlToBytes(text)
    if (key && key.length === KEY_BYTES) ring.keys.set(promptId, key)
  }
  keyrings.set(doc, ring)
}

/** This person's key for a prompt, if this computer made one. */
export function ownPrivateKey(doc: Y.Doc, personId: string, promptId: string): Uint8Array | null {
  const ring = keyrings.get(doc)
  return ring && ring.personId === personId ? (ring.keys.get(promptId) ?? null) : null
}

/**
 * This person's key for a prompt, made (and kept on this computer, awaited) the first
 * time they write privately to it. Null when this document holds no keyring.
 */
export async function privateKeyFor(doc: Y.Doc, personId: string, promptId: string): Promise<Uint8Array | null> {
  const ring = keyrings.get(doc)
  if (!ring || ring.personId !== personId) return null
  const known = ring.keys.get(promptId)
  if (known) return known
  const made = crypto.getRandomValues(new Uint8Array(KEY_BYTES))
  // Kept before it seals anything: a sealed response whose key was lost could never be read.
  const kept = ring.onNewKey ? base64UrlToBytes(await ring.onNewKey(promptId, bytesToBase64Url(made))) : made
  if (!kept || kept.length !== KEY_BYTES) return null
  // Another call may have made one meanwhile; the first kept wins.
  const raced = ring.keys.get(promptId)
  if (raced) return raced
  ring.keys.set(promptId, kept)
  return kept
}

export function keyIdOf(key: Uint8Array): string {
  return bytesToBase64Url(sha256(key)).slice(0, KEY_ID_LENGTH)
}

// ---- sealing ------------------------------------------------------------------

interface Binding {
  id: string
  promptId: string
  author: string
}
const aad = (b: Binding): Uint8Array => new TextEncoder().encode(`${AAD_CONTEXT}${b.id}\n${b.promptId}\n${b.author}`)

export function sealText(key: Uint8Array, text: string, binding: Binding): string {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const sealed = gcm(key, iv, aad(binding)).encrypt(new TextEncoder().encode(text))
  const out = new Uint8Array(IV_BYTES + sealed.length)
  out.set(iv)
  out.set(sealed, IV_BYTES)
  return bytesToBase64Url(out)
}

// Opened texts, so a board of 200 sealed cards does not decrypt on every render.
const opened = new Map<string, string | null>()
const OPENED_MAX = 5_000

/** The text, or null when this key does not open these bytes for this record. */
export function openSealed(key: Uint8Array, sealed: string, binding: Binding): string | null {
  const memo = `${bytesToBase64Url(key)} ${binding.id} ${binding.promptId} ${binding.author} ${sealed}`
  const known = opened.get(memo)
  if (known !== undefined) return known
  let text: string | null = null
  const bytes = base64UrlToBytes(sealed)
  if (bytes && bytes.length > IV_BYTES + 16) {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(gcm(key, bytes.slice(0, IV_BYTES), aad(binding)).decrypt(bytes.slice(IV_BYTES)))
    } catch {
      text = null
    }
  }
  if (opened.size >= OPENED_MAX) opened.clear()
  opened.set(memo, text)
  return text
}

// ---- reveal -------------------------------------------------------------------

/**
 * Whether a prompt's reveal can be trusted: in signed rooms the written settings must
 * carry a facilitator's signed claim for this prompt; elsewhere, the facilitator's
 * entry (the same check every other facilitator setting gets).
 */
export function revealIsTrusted(doc: Y.Doc, promptId: string, settings: { revealed: boolean; by: string; statement?: string }): boolean {
  if (!settings.revealed) return false
  if (!signedRoom(doc)) return canFacilitate(doc, settings.by)
  const read = readClaim(doc, settings.statement, revealSubject(promptId))
  return read !== null && read.as === 'facilitator' && read.claim.by === settings.by && read.claim.body === 'reveal'
}

/** The facilitator's signed reveal (undefined where roles are not signed or no signer is at hand). */
export async function signReveal(doc: Y.Doc, signer: Signer | undefined, promptId: string): Promise<string | undefined> {
  const room = signedRoom(doc)
  if (!room || !signer) return undefined
  return claimStatement(signer, room.room, revealSubject(promptId), 'reveal')
}

function revealedKeysMap(doc: Y.Doc): Y.Map<string> | null {
  const value = conversationMap(doc).get(KEYS.revealedKeys)
  return value instanceof Y.Map ? (value as Y.Map<string>) : null
}

const publishedName = (promptId: string, author: string, keyId: string): string => `${promptId} ${author} ${keyId}`

/** The key an author published for a prompt, if it is the one with this keyId. */
function publishedKey(doc: Y.Doc, promptId: string, author: string, keyId: string): Uint8Array | null {
  const map = revealedKeysMap(doc)
  if (!map || map.size > KEYS_READ_MAX * 20) return null
  const text = map.get(publishedName(promptId, author, keyId))
  const key = typeof text === 'string' ? base64UrlToBytes(text) : null
  return key && key.length === KEY_BYTES && keyIdOf(key) === keyId ? key : null
}

export interface SealedRecord {
  id: string
  promptId: string
  author: string
  sealed: string
  keyId: string
}

/** What this viewer reads of a sealed record: the text, or why not. */
export function readSealed(doc: Y.Doc, record: SealedRecord, viewerId: string, revealed: boolean): { text: string } | { text: null; waiting: boolean } {
  const own = record.author === viewerId ? ownPrivateKey(doc, viewerId, record.promptId) : null
  const key = own && keyIdOf(own) === record.keyId ? own : revealed ? publishedKey(doc, record.promptId, record.author, record.keyId) : null
  if (!key) return { text: null, waiting: revealed }
  const text = openSealed(key, record.sealed, record)
  return text === null ? { text: null, waiting: false } : { text }
}

/**
 * Publish this person's keys for every private prompt a facilitator has revealed, where
 * the document holds responses of theirs sealed with a key this computer has. Returns
 * how many keys it published.
 */
export function publishRevealedKeys(doc: Y.Doc, isRevealed: (promptId: string) => boolean, sealedOf: (personId: string) => SealedRecord[]): number {
  const ring = keyrings.get(doc)
  if (!ring) return 0
  const due = new Map<string, string>()
  for (const record of sealedOf(ring.personId)) {
    const key = ring.keys.get(record.promptId)
    if (!key || keyIdOf(key) !== record.keyId || !isRevealed(record.promptId)) continue
    const name = publishedName(record.promptId, ring.personId, record.keyId)
    if (revealedKeysMap(doc)?.get(name) !== bytesToBase64Url(key)) due.set(name, bytesToBase64Url(key))
  }
  if (due.size === 0) return 0
  doc.transact(() => {
    const root = conversationMap(doc)
    let map = revealedKeysMap(doc)
    if (!map) root.set(KEYS.revealedKeys, (map = new Y.Map<string>()))
    for (const [name, key] of due) map.set(name, key)
  }, PRIVATE_ORIGIN)
  return due.size
}

/**
 * Keep publishing: whenever the conversation changes (a reveal arrives, this app comes
 * back online, someone removes a published key), publish what is due. Returns the way
 * to stop.
 */
export function watchPrivateReveal(doc: Y.Doc, isRevealed: (promptId: string) => boolean, sealedOf: (personId: string) => SealedRecord[]): () => void {
  let queued = false
  const run = (): void => {
    queued = false
    if (!stopped) publishRevealedKeys(doc, isRevealed, sealedOf)
  }
  let stopped = false
  const onChange = (): void => {
    if (queued) return
    queued = true
    // After the transaction that brought the reveal has finished.
    queueMicrotask(run)
  }
  const root = conversationMap(doc)
  root.observeDeep(onChange)
  run()
  return () => {
    stopped = true
    root.unobserveDeep(onChange)
  }
}

/** Whether any response to a prompt is sealed (the facilitator's reveal button says what reveal does). */
export function hasSealed(doc: Y.Doc, promptId: string): boolean {
  for (const entry of nestedMap<unknown>(doc, KEYS.responses)?.values() ?? []) {
    if (entry instanceof Y.Map && entry.get('promptId') === promptId && entry.get('visibility') === 'private') return true
  }
  return false
}
