import { z } from 'zod'
import { base64UrlToBytes, bytesToBase64Url, ID_PATTERN } from './ids'

/**
 * An invite carries what a person needs to join: the room (the convening id), the
 * signaling address, and the secret (y-webrtc's `password`, which encrypts all
 * signaling; data channels are DTLS). Without the secret nobody can join.
 *
 * Two forms:
 * - a link: `convene://join?room=…&secret=…&signal=ws://…` (the desktop app opens it),
 *   or the same query after `#/join?` on the browser twin's address;
 * - a short code to read out or paste: Crockford base32 of
 *   [version, room (16 bytes), secret (16 bytes), signaling…, checksum] in groups of
 *   five. An IPv4 ws:// address packs into 7 bytes; other addresses are stored as text.
 *
 * An invite opens a convening unless it says otherwise: a cohort's invite (its own
 * room and secret, shared/cohort) carries `kind=cohort` in links and the code version
 * byte 2, so every convening invite made before cohorts existed reads as it always did.
 */
export type InviteKind = 'convening' | 'cohort'

export interface Invite {
  room: string
  secret: string
  signaling: string[]
  /** Absent for a convening. */
  kind?: InviteKind
}

const SignalUrl = z
  .string()
  .max(500)
  .refine((value) => {
    try {
      const url = new URL(value)
      return (url.protocol === 'ws:' || url.protocol === 'wss:') && url.hostname.length > 0
    } catch {
      return false
    }
  }, 'The signaling address must be a ws:// or wss:// address')

export const InviteSchema = z.object({
  room: z.string().regex(ID_PATTERN, 'The room id is not valid'),
  secret: z.string().regex(ID_PATTERN, 'The secret is not valid'),
  signaling: z.array(SignalUrl).max(4),
  kind: z.enum(['convening', 'cohort']).optional(),
})

export type InviteResult = { ok: true; invite: Invite } | { ok: false; message: string }

export function inviteLink(invite: Invite): string {
  return `convene://join?${inviteQuery(invite)}`
}

/** The browser twin's join address, given the address the app is served from. */
export function webInviteLink(invite: Invite, appUrl: string): string {
  const base = appUrl.split('#')[0]
  return `${base}#/join?${inviteQuery(invite)}`
}

function inviteQuery(invite: Invite): string {
  const params = new URLSearchParams()
  params.set('room', invite.room)
  params.set('secret', invite.secret)
  for (const url of invite.signaling) params.append('signal', url)
  if (invite.kind === 'cohort') params.set('kind', 'cohort')
  return params.toString()
}

function fromQuery(query: string): InviteResult {
  const params = new URLSearchParams(query)
  const kind = params.get('kind')
  if (kind !== null && kind !== 'convening' && kind !== 'cohort') {
    return { ok: false, message: 'This invite comes from a newer version of Convene.' }
  }
  return validate({
    room: params.get('room') ?? '',
    secret: params.get('secret') ?? '',
    signaling: params.getAll('signal'),
    ...(kind === 'cohort' ? { kind } : {}),
  })
}

function validate(candidate: unknown): InviteResult {
  const parsed = InviteSchema.safeParse(candidate)
  if (parsed.success) return { ok: true, invite: parsed.data }
  return { ok: false, message: `This invite is not valid: ${parsed.error.issues[0]?.message ?? 'unknown problem'}.` }
}

/** Read an invite from whatever a person pasted: a convene:// link, a web link, or a code. */
export function parseInvite(input: string): InviteResult {
  const text = input.trim()
  if (text.length === 0) return { ok: false, message: 'Paste an invite link or code.' }
  if (text.length > 4000) return { ok: false, message: 'That is too long to be an invite.' }
  if (/^convene:/i.test(text)) {
    const query = text.replace(/^convene:\/*join\/?\??/i, '')
    return fromQuery(query)
  }
  const hashJoin = text.indexOf('#/join?')
  if (hashJoin >= 0) return fromQuery(text.slice(hashJoin + '#/join?'.length))
  if (/^https?:/i.test(text)) return { ok: false, message: 'That address holds no invite. Ask for the full invite link.' }
  return decodeCode(text)
}

// ---- short code ---------------------------------------------------------------

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const CODE_VERSION = 1
const COHORT_CODE_VERSION = 2

function checksum(bytes: Uint8Array): number {
  let sum = 0x5a
  for (const b of bytes) sum = ((sum << 1) ^ b ^ (sum >> 7)) & 0xff
  return sum
}

function encodeSignal(url: string): number[] {
  const parsed = new URL(url)
  const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(parsed.hostname)
  const port = parsed.port ? Number(parsed.port) : parsed.protocol === 'wss:' ? 443 : 80
  const plainPath = parsed.pathname === '/' && !parsed.search
  if (ipv4 && plainPath && ipv4.slice(1).every((p) => Number(p) <= 255)) {
    const kind = parsed.protocol === 'wss:' ? 2 : 1
    return [kind, ...ipv4.slice(1).map(Number), port >> 8, port & 0xff]
  }
  const text = new TextEncoder().encode(url)
  if (text.length > 255) throw new Error('signaling address too long for a code')
  return [3, text.length, ...text]
}

export function inviteCode(invite: Invite): string {
  const room = base64UrlToBytes(invite.room)
  const secret = base64UrlToBytes(invite.secret)
  if (!room || !secret) throw new Error('invite has malformed ids')
  const body = [invite.kind === 'cohort' ? COHORT_CODE_VERSION : CODE_VERSION, ...room, ...secret]
  for (const url of invite.signaling.slice(0, 4)) body.push(...encodeSignal(url))
  const bytes = new Uint8Array([...body, checksum(new Uint8Array(body))])
  const text = base32(bytes)
  return text.match(/.{1,5}/g)?.join('-') ?? text
}

function base32(bytes: Uint8Array): string {
  let out = ''
  let value = 0
  let bits = 0
  for (const b of bytes) {
    value = (value << 8) | b
    bits += 8
    while (bits >= 5) {
      bits -= 5
      out += CROCKFORD[(value >> bits) & 31]
    }
    value &= (1 << bits) - 1
  }
  if (bits > 0) out += CROCKFORD[(value << (5 - bits)) & 31]
  return out
}

function unbase32(text: string): Uint8Array | null {
  const out: number[] = []
  let value = 0
  let bits = 0
  for (const raw of text) {
    // Crockford: O reads as 0, I and L as 1, case does not matter.
    const ch = raw.toUpperCase().replace('O', '0').replace(/[IL]/, '1')
    const index = CROCKFORD.indexOf(ch)
    if (index < 0) return null
    value = (value << 5) | index
    bits += 5
    if (bits >= 8) {
      bits -= 8
      out.push((value >> bits) & 0xff)
      value &= (1 << bits) - 1
    }
  }
  // The last character's spare bits are always zero, and never a whole character's
  // worth: anything else is a mistyped (or extra) last character.
  if (bits >= 5 || value !== 0) return null
  return new Uint8Array(out)
}

function decodeCode(text: string): InviteResult {
  const compact = text.replace(/[\s-]/g, '')
  const bytes = unbase32(compact)
  const bad: InviteResult = { ok: false, message: 'This invite code is not valid. Check it was copied in full.' }
  if (!bytes || bytes.length < 34) return bad
  const body = bytes.subarray(0, bytes.length - 1)
  if (checksum(body) !== bytes[bytes.length - 1]) return bad
  if (body[0] !== CODE_VERSION && body[0] !== COHORT_CODE_VERSION) return { ok: false, message: 'This invite code comes from a newer version of Convene.' }
  const room = bytesToBase64Url(body.subarray(1, 17))
  const secret = bytesToBase64Url(body.subarray(17, 33))
  const signaling: string[] = []
  let i = 33
  while (i < body.length) {
    const kind = body[i]
    if ((kind === 1 || kind === 2) && i + 7 <= body.length) {
      const [a, b, c, d, hi, lo] = body.subarray(i + 1, i + 7)
      signaling.push(`${kind === 2 ? 'wss' : 'ws'}://${a}.${b}.${c}.${d}:${(hi << 8) | lo}`)
      i += 7
    } else if (kind === 3 && i + 2 <= body.length && i + 2 + body[i + 1] <= body.length) {
      const length = body[i + 1]
      signaling.push(new TextDecoder().decode(body.subarray(i + 2, i + 2 + length)))
      i += 2 + length
    } else {
      return bad
    }
  }
  return validate({ room, secret, signaling, ...(body[0] === COHORT_CODE_VERSION ? { kind: 'cohort' } : {}) })
}
