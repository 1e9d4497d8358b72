import { base64UrlToBytes, bytesToBase64Url } from '../session/ids'

/**
 * What a relay room needs, all derived from the invite's secret with HKDF-SHA-256, one
 * key per purpose, so the relay learns nothing it could use on its own:
 *
 * - `name`: the room's name on the relay. Not the convening id: someone who learns a
 *   convening id (from a file name, a log line) cannot even address its relay room.
 * - `token`: the proof of the secret the relay checks before it accepts a connection
 *   (it keeps only a SHA-256 of it; shared/relay/verifier.ts).
 * - `content`: the AES-GCM key for everything written to the relay (updates, snapshots
 *   and presence). Never leaves this computer, and cannot be exported.
 *
 * Deriving from the room id as well as the secret keeps two rooms that somehow shared
 * a secret apart.
 */
/** A WebCrypto key, as each runtime's types name it (shared/ compiles against DOM, Node and its own globals). */
export type ContentKey = Awaited<ReturnType<typeof crypto.subtle.deriveKey>>

export interface RelayKeys {
  name: string
  token: string
  content: ContentKey
}

const SALT = new TextEncoder().encode('convene relay v1')
export const RELAY_ROOM_PREFIX = 'c1.'
/** A relay room name: the prefix and 32 bytes of base64url. */
export const RELAY_ROOM_PATTERN = /^c1\.[A-Za-z0-9_-]{43}$/
/** An access token: 32 bytes of base64url. */
export const RELAY_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

function secretBytes(secret: string): Uint8Array<ArrayBuffer> {
  const bytes = base64UrlToBytes(secret)
  // Secrets are 22 base64url characters (shared/session/ids.ts); anything else is used as text.
  return bytes && bytes.length >= 16 ? new Uint8Array(bytes) : new TextEncoder().encode(secret)
}

function info(purpose: string, room: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`${purpose}:${room}`)
}

export async function deriveRelayKeys(room: string, secret: string): Promise<RelayKeys> {
  const base = await crypto.subtle.importKey('raw', secretBytes(secret), 'HKDF', false, ['deriveBits', 'deriveKey'])
  const bits = async (purpose: string): Promise<Uint8Array> =>
    new Uint8Array(await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: SALT, info: info(purpose, room) }, base, 256))
  const [name, token, content] = await Promise.all([
    bits('name'),
    bits('access'),
    crypto.subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: SALT, info: info('content', room) },
      base,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    ),
  ])
  return { name: RELAY_ROOM_PREFIX + bytesToBase64Url(name), token: bytesToBase64Url(token), content }
}
