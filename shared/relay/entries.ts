import type { ContentKey } from './keys'

/**
 * One entry of a relay room's log, as the relay stores and forwards it: a version
 * byte, the kind, a random 96-bit IV, then AES-GCM ciphertext of a Yjs update (or
 * snapshot, or presence update). The relay room's name is the additional
 * authenticated data, so an entry copied into another room does not open there.
 *
 * [1][kind][iv × 12][ciphertext + 16-byte tag]
 */
export const ENTRY_VERSION = 1
export const ENTRY_KIND = { update: 0, snapshot: 1, presence: 2 } as const
export type EntryKind = keyof typeof ENTRY_KIND
const KIND_NAMES: Record<number, EntryKind> = { 0: 'update', 1: 'snapshot', 2: 'presence' }
const HEADER = 2 + 12
const TAG = 16

/**
 * Not a shared/result Result on purpose: a refusal here is a reason for the log to act
 * on (skip it, say a newer build wrote it), never a sentence for a person.
 */
export type OpenedEntry = { ok: true; kind: EntryKind; payload: Uint8Array } | { ok: false; reason: 'not-an-entry' | 'newer-version' | 'not-readable' }

export async function sealEntry(key: ContentKey, room: string, kind: EntryKind, payload: Uint8Array): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(room) }, key, payload as Uint8Array<ArrayBuffer>),
  )
  const out = new Uint8Array(HEADER + sealed.length)
  out[0] = ENTRY_VERSION
  out[1] = ENTRY_KIND[kind]
  out.set(iv, 2)
  out.set(sealed, HEADER)
  return out
}

/** Never throws: whatever is in the log (a hostile member may write anything) is read or refused. */
export async function openEntry(key: ContentKey, room: string, entry: unknown): Promise<OpenedEntry> {
  if (!(entry instanceof Uint8Array) || entry.length < HEADER + TAG) return { ok: false, reason: 'not-an-entry' }
  if (entry[0] !== ENTRY_VERSION) return { ok: false, reason: entry[0] > ENTRY_VERSION ? 'newer-version' : 'not-an-entry' }
  const kind = KIND_NAMES[entry[1]] as EntryKind | undefined
  if (!kind) return { ok: false, reason: 'not-an-entry' }
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: entry.slice(2, HEADER), additionalData: new TextEncoder().encode(room) },
      key,
      entry.slice(HEADER),
    )
    return { ok: true, kind, payload: new Uint8Array(plain) }
  } catch {
    return { ok: false, reason: 'not-readable' }
  }
}
