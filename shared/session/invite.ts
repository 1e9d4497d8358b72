import { z } from 'zod'
import { base64UrlToBytes, bytesToBase64Url, ID_PATTERN } from './ids'
import { english } from '../i18n/messages'
import { fail, said, type ResultWith } from '../result'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const INVITE_MESSAGES = {
  badAddress: { id: 'shared.session.invite.badAddress', defaultMessage: 'The {what, select, relay {relay} other {signaling}} address must be a ws:// or wss:// address' },
  badRoom: { id: 'shared.session.invite.badRoom', defaultMessage: 'The room id is not valid' },
  badSecret: { id: 'shared.session.invite.badSecret', defaultMessage: 'The secret is not valid' },
  badFounder: { id: 'shared.session.invite.badFounder', defaultMessage: 'The founder key is not valid' },
  newer: { id: 'shared.session.invite.newer', defaultMessage: 'This invite comes from a newer version of Convene.' },
  notValid: { id: 'shared.session.invite.notValid', defaultMessage: 'This invite is not valid: {problem}.' },
  notValidUnknown: { id: 'shared.session.invite.notValidUnknown', defaultMessage: 'This invite is not valid: unknown problem.' },
  pasteInvite: { id: 'shared.session.invite.pasteInvite', defaultMessage: 'Paste an invite link or code.' },
  tooLong: { id: 'shared.session.invite.tooLong', defaultMessage: 'That is too long to be an invite.' },
  noInvite: { id: 'shared.session.invite.noInvite', defaultMessage: 'That address holds no invite. Ask for the full invite link.' },
  badCode: { id: 'shared.session.invite.badCode', defaultMessage: 'This invite code is not valid. Check it was copied in full.' },
  newerCode: { id: 'shared.session.invite.newerCode', defaultMessage: 'This invite code comes from a newer version of Convene.' },
} as const
const MSG = INVITE_MESSAGES

/**
 * An invite carries what a person needs to join: the room (the convening id), the
 * signaling address, the relays that store and forward it (shared/relay), and the secret (y-webrtc's `password`, which encrypts all
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
  /** Relays (ws:// or wss:// addresses) that keep the room for people who are not online together. Absent: none. */
  relays?: string[]
  /** Absent for a convening. */
  kind?: InviteKind
  /**
   * The founder's public signing key (shared/session/signed.ts): roles in the room are
   * checked back to it. Absent in invites to rooms started before roles were signed.
   */
  founder?: string
  /**
   * The room's title when the invite was made, so the join page can say what it is for.
   * A hint only (whoever makes a link can write anything here): the room's own title
   * replaces it as soon as the first copy arrives. Links carry it; codes do not.
   */
  title?: string
}

/** The longest title an invite link carries. */
export const INVITE_TITLE_MAX = 120

/** An invite's title hint, made harmless: no control characters, trimmed, at most INVITE_TITLE_MAX; empty is none. */
export function inviteTitle(raw: string | null | undefined): string | undefined {
  const text = (raw ?? '').replace(/\p{Cc}+/gu, ' ').trim().slice(0, INVITE_TITLE_MAX).trim()
  return text || undefined
}

function webSocketUrl(what: 'signaling' | 'relay') {
  return z
    .string()
    .max(500)
    .refine((value) => {
      try {
        const url = new URL(value)
        return (url.protocol === 'ws:' || url.protocol === 'wss:') && url.hostname.length > 0
      } catch {
        return false
      }
    }, english.formatMessage(MSG.badAddress, { what }))
}

const SignalUrl = webSocketUrl('signaling')
const RelayUrl = webSocketUrl('relay')

export const InviteSchema = z.object({
  room: z.string().regex(ID_PATTERN, MSG.badRoom.defaultMessage),
  secret: z.string().regex(ID_PATTERN, MSG.badSecret.defaultMessage),
  signaling: z.array(SignalUrl).max(4),
  relays: z.array(RelayUrl).max(4).optional(),
  kind: z.enum(['convening', 'cohort']).optional(),
  founder: z.string().regex(/^[A-Za-z0-9_-]{43}$/, MSG.badFounder.defaultMessage).optional(),
  title: z.string().max(INVITE_TITLE_MAX).optional(),
})

export type InviteResult = ResultWith<{ invite: Invite }>

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
  for (const url of invite.relays ?? []) params.append('relay', url)
  if (invite.kind === 'cohort') params.set('kind', 'cohort')
  if (invite.founder) params.set('founder', invite.founder)
  const title = inviteTitle(invite.title)
  if (title) params.set('title', title)
  return params.toString()
}

function fromQuery(query: string): InviteResult {
  const params = new URLSearchParams(query)
  const kind = params.get('kind')
  if (kind !== null && kind !== 'convening' && kind !== 'cohort') {
    return fail(MSG.newer)
  }
  return validate({
    room: params.get('room') ?? '',
    secret: params.get('secret') ?? '',
    signaling: params.getAll('signal'),
    ...(params.getAll('relay').length > 0 ? { relays: params.getAll('relay') } : {}),
    ...(kind === 'cohort' ? { kind } : {}),
    ...(params.get('founder') ? { founder: params.get('founder') } : {}),
    ...(inviteTitle(params.get('title')) ? { title: inviteTitle(params.get('title')) } : {}),
  })
}

function validate(candidate: unknown): InviteResult {
  const parsed = InviteSchema.safeParse(candidate)
  if (parsed.success) return { ok: true, invite: parsed.data }
  const issue = parsed.error.issues[0]
  return fail(issue ? said(MSG.notValid, { problem: issue.message }) : MSG.notValidUnknown)
}

/** Read an invite from whatever a person pasted: a convene:// link, a web link, or a code. */
export function parseInvite(input: string): InviteResult {
  const text = input.trim()
  if (text.length === 0) return fail(MSG.pasteInvite)
  if (text.length > 4000) return fail(MSG.tooLong)
  if (/^convene:/i.test(text)) {
    const query = text.replace(/^convene:\/*join\/?\??/i, '')
    return fromQuery(query)
  }
  const hashJoin = text.indexOf('#/join?')
  if (hashJoin >= 0) return fromQuery(text.slice(hashJoin + '#/join?'.length))
  if (/^https?:/i.test(text)) return fail(MSG.noInvite)
  return decodeCode(text)
}

// ---- short code ---------------------------------------------------------------

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const CODE_VERSION = 1
const COHORT_CODE_VERSION = 2
// Codes that name relays carry versions of their own, so an app from before relays
// says "newer version" instead of "not valid".
const RELAY_CODE_VERSION = 3
const RELAY_COHORT_CODE_VERSION = 4
// Codes that carry a founder key (with or without relays): older apps say "newer version".
const FOUNDER_CODE_VERSION = 5
const FOUNDER_COHORT_CODE_VERSION = 6
/** The path a relay answers on when it shares a port with signaling and the web app. */
export const RELAY_PATH = '/relay'

function checksum(bytes: Uint8Array): number {
  let sum = 0x5a
  for (const b of bytes) sum = ((sum << 1) ^ b ^ (sum >> 7)) & 0xff
  return sum
}

/**
 * Entries after the room and secret, each a kind byte and its data:
 * 1/2 ws/wss signaling at an IPv4 address and port (6 bytes); 3 any signaling address
 * as text; 4/5 ws/wss relay at an IPv4 address and port, path /relay; 6 any relay
 * address as text; 7 the relay at the same address as signaling entry i (/relay).
 */
function encodeAddress(url: string, relay: boolean): number[] {
  const parsed = new URL(url)
  const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(parsed.hostname)
  const port = parsed.port ? Number(parsed.port) : parsed.protocol === 'wss:' ? 443 : 80
  const plainPath = parsed.pathname === (relay ? RELAY_PATH : '/') && !parsed.search
  if (ipv4 && plainPath && ipv4.slice(1).every((p) => Number(p) <= 255)) {
    const kind = (parsed.protocol === 'wss:' ? 2 : 1) + (relay ? 3 : 0)
    return [kind, ...ipv4.slice(1).map(Number), port >> 8, port & 0xff]
  }
  const text = new TextEncoder().encode(url)
  if (text.length > 255) throw new Error('address too long for a code')
  return [relay ? 6 : 3, text.length, ...text]
}

/** The relay a host serves beside its signaling: same address, path /relay (without signaling's token: the relay checks its own proof). */
export function relayBeside(signal: string): string {
  const parsed = new URL(signal)
  return `${parsed.protocol}//${parsed.host}${RELAY_PATH}`
}

export function inviteCode(invite: Invite): string {
  const room = base64UrlToBytes(invite.room)
  const secret = base64UrlToBytes(invite.secret)
  if (!room || !secret) throw new Error('invite has malformed ids')
  const relays = invite.relays ?? []
  const cohort = invite.kind === 'cohort'
  const founder = invite.founder ? base64UrlToBytes(invite.founder) : null
  const version = founder
    ? cohort
      ? FOUNDER_COHORT_CODE_VERSION
      : FOUNDER_CODE_VERSION
    : relays.length > 0
      ? cohort
        ? RELAY_COHORT_CODE_VERSION
        : RELAY_CODE_VERSION
      : cohort
        ? COHORT_CODE_VERSION
        : CODE_VERSION
  const body = [version, ...room, ...secret]
  const signals = invite.signaling.slice(0, 4)
  for (const url of signals) body.push(...encodeAddress(url, false))
  for (const url of relays.slice(0, 4)) {
    const beside = signals.findIndex((signal) => relayBeside(signal) === url)
    body.push(...(beside >= 0 ? [7, beside] : encodeAddress(url, true)))
  }
  if (founder) body.push(8, ...founder)
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
  const bad: InviteResult = fail(MSG.badCode)
  if (!bytes || bytes.length < 34) return bad
  const body = bytes.subarray(0, bytes.length - 1)
  if (checksum(body) !== bytes[bytes.length - 1]) return bad
  const version = body[0]
  if (version < CODE_VERSION || version > FOUNDER_COHORT_CODE_VERSION) return fail(MSG.newerCode)
  const room = bytesToBase64Url(body.subarray(1, 17))
  const secret = bytesToBase64Url(body.subarray(17, 33))
  const signaling: string[] = []
  const relays: string[] = []
  let founder: string | null = null
  let i = 33
  while (i < body.length) {
    const kind = body[i]
    if (kind >= 1 && kind <= 6 && kind !== 3 && kind !== 6 && i + 7 <= body.length) {
      const [a, b, c, d, hi, lo] = body.subarray(i + 1, i + 7)
      const address = `${kind === 2 || kind === 5 ? 'wss' : 'ws'}://${a}.${b}.${c}.${d}:${(hi << 8) | lo}`
      if (kind <= 2) signaling.push(address)
      else relays.push(address + RELAY_PATH)
      i += 7
    } else if ((kind === 3 || kind === 6) && i + 2 <= body.length && i + 2 + body[i + 1] <= body.length) {
      const length = body[i + 1]
      ;(kind === 3 ? signaling : relays).push(new TextDecoder().decode(body.subarray(i + 2, i + 2 + length)))
      i += 2 + length
    } else if (kind === 7 && i + 2 <= body.length && body[i + 1] < signaling.length) {
      relays.push(relayBeside(signaling[body[i + 1]]))
      i += 2
    } else if (kind === 8 && founder === null && version >= FOUNDER_CODE_VERSION && i + 33 <= body.length) {
      founder = bytesToBase64Url(body.subarray(i + 1, i + 33))
      i += 33
    } else {
      return bad
    }
  }
  const cohort = version === COHORT_CODE_VERSION || version === RELAY_COHORT_CODE_VERSION || version === FOUNDER_COHORT_CODE_VERSION
  return validate({ room, secret, signaling, ...(relays.length > 0 ? { relays } : {}), ...(cohort ? { kind: 'cohort' } : {}), ...(founder ? { founder } : {}) })
}
