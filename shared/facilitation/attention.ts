import type * as Y from 'yjs'
import { newItemId } from '../session/ids'
import type { Panel } from '../session/presence'
import { canFacilitate } from '../session/roles'
import type { ClockReader } from './clock'
import { writeSummon } from './run'
import {
  FACILITATION_ORIGIN,
  FollowMeSchema,
  HandSchema,
  PANELS_SET,
  done,
  guard,
  readFacilitated,
  readPrefixed,
  refuse,
  runMap,
  type FollowMe,
  type RunResult,
  type Summon,
} from './schema'
import type { Origin } from '../session/origins'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const ATTENTION_MESSAGES = {
  unknownPanel: { id: 'shared.facilitation.attention.unknownPanel', defaultMessage: 'That panel is not known.' },
  lowerHand: { id: 'shared.facilitation.attention.lowerHand', defaultMessage: 'Only the person themselves or a facilitator can lower a hand.' },
} as const
const MSG = ATTENTION_MESSAGES

/**
 * Attention: "bring everyone to me" (a summon: a document write every peer acts on
 * once), "follow me" (a standing request: each peer follows the facilitator's panel
 * through presence until they step out), and raised hands (a queue in the document).
 */
export const SUMMON_FRESH_MS = 2 * 60_000

export function summon(doc: Y.Doc, by: string, panel: Panel, clock: ClockReader, origin: Origin = FACILITATION_ORIGIN): RunResult<string> {
  const refusal = guard(doc, by)
  if (refusal) return refusal
  if (!PANELS_SET.has(panel)) return refuse(MSG.unknownPanel)
  let id = ''
  doc.transact(() => (id = writeSummon(doc, by, panel, clock)), origin)
  return done(id)
}

/**
 * Whether this peer should act on a summon: once per summon, and only while it is
 * fresh (someone opening the convening an hour later, or a laptop waking from sleep,
 * is not pulled by an old one).
 */
export function shouldAnswerSummon(summoned: Summon | null, handledId: string | null, clock: ClockReader): boolean {
  if (!summoned || summoned.id === handledId) return false
  const age = clock.now() + clock.offsetTo(summoned.clockOf) - summoned.at
  return age < SUMMON_FRESH_MS
}

export function readFollowMe(doc: Y.Doc): FollowMe | null {
  return readFacilitated(doc, 'followMe', FollowMeSchema)
}

/** Ask everyone to follow me (or stop asking). A new request reaches people who stepped out of the last one. */
export function setFollowMe(doc: Y.Doc, by: string, active: boolean, origin: Origin = FACILITATION_ORIGIN): RunResult {
  const refusal = guard(doc, by)
  if (refusal) return refusal
  const existing = readFollowMe(doc)
  if (!active && (!existing || !existing.active)) return done(undefined)
  const value: FollowMe = active ? { id: newItemId(), target: by, active: true, by } : { ...existing!, active: false, by }
  doc.transact(() => runMap(doc).set('followMe', value), origin)
  return done(undefined)
}

/**
 * Whom this person's view follows: their own pick of someone first, else the
 * facilitator's standing "follow me" unless they stepped out of that very request.
 */
export function followTarget(me: string, own: string | null, followMe: FollowMe | null, steppedOutOf: string | null): string | null {
  if (own && own !== me) return own
  if (followMe && followMe.active && followMe.target !== me && followMe.id !== steppedOutOf) return followMe.target
  return null
}

// ---- raised hands ----

export interface RaisedHand {
  personId: string
  seq: number
  at: number
}

/**
 * The queue in the order hands went up, the same on every screen: each raise takes a
 * number one above every hand its raiser could see; hands raised at the same moment
 * on two machines share a number and stand in person-id order.
 */
export function readHands(doc: Y.Doc): RaisedHand[] {
  const out: RaisedHand[] = []
  for (const [personId, hand] of readPrefixed(doc, 'hand:', HandSchema)) {
    // Only a person raises their own hand.
    if (hand.by === personId) out.push({ personId, seq: hand.seq, at: hand.at })
  }
  return out.sort((a, b) => a.seq - b.seq || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0))
}

export function raiseHand(doc: Y.Doc, personId: string, now: number, origin: Origin = FACILITATION_ORIGIN): RunResult {
  const hands = readHands(doc)
  if (hands.some((h) => h.personId === personId)) return done(undefined)
  const seq = hands.reduce((max, h) => Math.max(max, h.seq), 0) + 1
  doc.transact(() => runMap(doc).set(`hand:${personId}`, { seq, at: now, by: personId }), origin)
  return done(undefined)
}

/** Lower a hand: one's own, or anyone's by a facilitator. */
export function lowerHand(doc: Y.Doc, by: string, personId: string, origin: Origin = FACILITATION_ORIGIN): RunResult {
  if (by !== personId && !canFacilitate(doc, by)) return refuse(MSG.lowerHand)
  if (!runMap(doc).has(`hand:${personId}`)) return done(undefined)
  doc.transact(() => runMap(doc).delete(`hand:${personId}`), origin)
  return done(undefined)
}

export function lowerAllHands(doc: Y.Doc, by: string, origin: Origin = FACILITATION_ORIGIN): RunResult {
  const refusal = guard(doc, by)
  if (refusal) return refusal
  const keys = [...runMap(doc).keys()].filter((k) => k.startsWith('hand:'))
  if (keys.length > 0) doc.transact(() => keys.forEach((k) => runMap(doc).delete(k)), origin)
  return done(undefined)
}
