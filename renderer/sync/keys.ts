import { z } from 'zod'
import { bytesToBase64Url, type Signer } from '../../shared/session'
import type { ConveneDB } from './db'

/**
 * This person's signing key (shared/session/signed.ts): an Ed25519 key pair made by
 * WebCrypto with a non-extractable private key, stored as a CryptoKey in IndexedDB
 * (structured clone keeps it non-extractable; nothing, not even this app, can read
 * its bytes). One key per person on this computer, for every convening and cohort.
 *
 * Losing it (clearing the browser's storage) loses the roles it was given: a
 * facilitator gives them again. A person who starts a convening is its founder
 * through this key, so a founder who clears storage starts a new convening.
 */
const SETTING = 'signing-key'

interface StoredKey {
  publicKey: string
  privateKey: CryptoKey
}

function isStoredKey(value: unknown): value is StoredKey {
  const v = value as Partial<StoredKey> | undefined
  return typeof v?.publicKey === 'string' && v.publicKey.length === 43 && typeof CryptoKey !== 'undefined' && v.privateKey instanceof CryptoKey
}

async function makeKey(): Promise<StoredKey> {
  const pair = await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))
  return { publicKey: bytesToBase64Url(raw), privateKey: pair.privateKey }
}

const loading = new WeakMap<ConveneDB, Promise<StoredKey>>()

async function storedKey(db: ConveneDB): Promise<StoredKey> {
  const row = await db.settings.get(SETTING)
  if (isStoredKey(row?.value)) return row.value
  const fresh = await makeKey()
  // Two windows making a key at once: the first one stored wins, both use it.
  return db.transaction('rw', db.settings, async () => {
    const again = await db.settings.get(SETTING)
    if (isStoredKey(again?.value)) return again.value
    await db.settings.put({ key: SETTING, value: fresh })
    return fresh
  })
}

/** The signer for this person on this computer (made the first time it is asked for). */
export async function loadSigner(db: ConveneDB, personId: string): Promise<Signer> {
  let pending = loading.get(db)
  if (!pending) {
    pending = storedKey(db)
    loading.set(db, pending)
    pending.catch(() => loading.delete(db))
  }
  const key = await pending
  return {
    personId,
    publicKey: key.publicKey,
    sign: async (message) => new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, key.privateKey, message as BufferSource)),
  }
}

// ---- private-mode keys (shared/conversation/private.ts) -------------------------

/**
 * The keys this person sealed private responses with, per convening and prompt. Raw
 * bytes, because at a reveal the app publishes them; kept only on this computer until
 * then. Losing them (clearing storage) leaves this person's private responses sealed
 * for good: the interface says so on the response.
 */
const privateSetting = (conveningId: string): string => `private-keys:${conveningId}`
const PrivateKeysSchema = z.record(z.string().min(1).max(64), z.string().length(43))

export async function loadPrivateKeys(db: ConveneDB, conveningId: string): Promise<Record<string, string>> {
  const parsed = PrivateKeysSchema.safeParse((await db.settings.get(privateSetting(conveningId)))?.value)
  return parsed.success ? parsed.data : {}
}

/** Keep a new key for a prompt; resolves to the key kept (one kept before by another window wins). */
export function keepPrivateKey(db: ConveneDB, conveningId: string, promptId: string, key: string): Promise<string> {
  return db.transaction('rw', db.settings, async () => {
    const keys = await loadPrivateKeys(db, conveningId)
    const kept = keys[promptId]
    if (kept) return kept
    await db.settings.put({ key: privateSetting(conveningId), value: { ...keys, [promptId]: key } })
    return key
  })
}
