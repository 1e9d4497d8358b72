import type * as Y from 'yjs'
import { newItemId } from '../session/ids'
import { canFacilitate } from '../session/roles'
import { readPeople } from '../session/doc'
import { deriveRound, type RoundView } from './order'
import { seededShuffle } from './random'
import { KEYS, MAX_PEOPLE, RoundSchema, TurnSchema, conversationMap, ensureContainers, isNewerConversation, readEntry, turnsArray, type Current, type Round, type RoundOrder, type Turn } from './schema'
import { CONVERSATION_ORIGIN, NEWER_BUILD, OK, facilitatorGuard, fail, readCurrent, type ConversationResult } from './state'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const ROUND_MESSAGES = {
  promptChanged: { id: 'shared.conversation.round.promptChanged', defaultMessage: 'The prompt has changed; start the round on the prompt now showing.' },
  nobodyHere: { id: 'shared.conversation.round.nobodyHere', defaultMessage: 'Nobody is here to speak yet.' },
  cannotStart: { id: 'shared.conversation.round.cannotStart', defaultMessage: 'This round cannot start.' },
  ended: { id: 'shared.conversation.round.ended', defaultMessage: 'This round has ended.' },
  hadTurn: { id: 'shared.conversation.round.hadTurn', defaultMessage: 'You have already had your turn in this round.' },
  notYourTurn: { id: 'shared.conversation.round.notYourTurn', defaultMessage: 'It is not your turn yet.' },
} as const
const MSG = ROUND_MESSAGES

/** The round of this step, or null when none was started for it (or it was written by a non-facilitator). */
export function readRound(doc: Y.Doc, step: number): Round | null {
  const round = readEntry(doc, KEYS.round, RoundSchema)
  return round && round.step === step ? round : null
}

export function readTurns(doc: Y.Doc): Turn[] {
  const turns = turnsArray(doc)
  if (!turns) return []
  const out: Turn[] = []
  for (const value of turns.toArray()) {
    const parsed = TurnSchema.safeParse(value)
    if (parsed.success) out.push(parsed.data)
  }
  return out
}

/** The round as everyone sees it now. `present` = person ids present (awareness). */
export function viewRound(doc: Y.Doc, round: Round, present: ReadonlySet<string>): RoundView {
  const people = readPeople(doc).map((p) => p.id)
  return deriveRound(round, readTurns(doc), people, present, (id) => canFacilitate(doc, id))
}

export interface RoundSetup {
  order: RoundOrder
  /** Who is in the round, in the facilitator's order ('facilitator') or with the first speaker first ('named'). */
  people: readonly string[]
  perSpeakerMs: number | null
  seed: number
}

/** Start (or restart) the round of the step the facilitator sees. The old round's turns are cleared. */
export function startRound(doc: Y.Doc, personId: string, seen: Current, setup: RoundSetup, now: number): ConversationResult {
  const refused = facilitatorGuard(doc, personId)
  if (refused) return refused
  const current = readCurrent(doc)
  if (!current || current.step !== seen.step) return fail(MSG.promptChanged)
  const people = [...new Set(setup.people)].slice(0, MAX_PEOPLE)
  if (people.length === 0) return fail(MSG.nobodyHere)
  const queue = setup.order === 'shuffle' ? seededShuffle(people, setup.seed) : people
  const round: Round = {
    roundId: newItemId(),
    step: seen.step,
    order: setup.order,
    seed: setup.seed,
    queue,
    perSpeakerMs: setup.perSpeakerMs,
    ended: false,
    by: personId,
    at: now,
  }
  const parsed = RoundSchema.safeParse(round)
  if (!parsed.success) return fail(parsed.error.issues[0]?.message ?? MSG.cannotStart)
  doc.transact(() => {
    ensureContainers(doc)
    const turns = turnsArray(doc)
    if (turns && turns.length > 0) turns.delete(0, turns.length)
    conversationMap(doc).set(KEYS.round, parsed.data)
  }, CONVERSATION_ORIGIN)
  return OK
}

export function endRound(doc: Y.Doc, personId: string, round: Round): ConversationResult {
  const refused = facilitatorGuard(doc, personId)
  if (refused) return refused
  doc.transact(() => conversationMap(doc).set(KEYS.round, { ...round, ended: true, by: personId }), CONVERSATION_ORIGIN)
  return OK
}

function appendTurns(doc: Y.Doc, entries: Turn[]): void {
  doc.transact(() => {
    ensureContainers(doc)
    turnsArray(doc)?.push(entries)
  }, CONVERSATION_ORIGIN)
}

export type TurnRequest =
  | { kind: 'done'; next?: string }
  | { kind: 'pass'; next?: string }
  | { kind: 'claim' }

/**
 * A person records their own turn: take the piece when it comes to them, finish ("I'm
 * done", optionally naming who speaks next), or pass (always allowed).
 */
export function takeTurn(doc: Y.Doc, personId: string, round: Round, request: TurnRequest, present: ReadonlySet<string>, now: number): ConversationResult {
  if (isNewerConversation(doc)) return fail(NEWER_BUILD)
  if (round.ended) return fail(MSG.ended)
  const view = viewRound(doc, round, present)
  const me = view.members.find((m) => m.personId === personId)
  if (me && (me.status === 'spoke' || me.status === 'passed')) return fail(MSG.hadTurn)
  const base = { roundId: round.roundId, personId, by: personId, at: now }
  const holding = view.current === personId
  if (request.kind === 'claim') {
    if (!holding || !view.needsClaim) return OK
    appendTurns(doc, [{ ...base, kind: 'began' }])
    return OK
  }
  if (request.kind === 'done' && !holding) return fail(MSG.notYourTurn)
  const next = request.next && request.next !== personId ? { next: request.next } : {}
  const entries: Turn[] = []
  if (holding && view.needsClaim) entries.push({ ...base, kind: 'began' })
  entries.push({ ...base, kind: request.kind === 'done' ? 'spoke' : 'passed', ...next })
  appendTurns(doc, entries)
  return OK
}

export type FacilitatorTurn = { kind: 'give'; personId: string } | { kind: 'finish'; personId: string; as: 'spoke' | 'passed' } | { kind: 'claim-for'; personId: string }

/** A facilitator moves the piece: give it to someone, mark someone done, or take it on behalf of an absent app. */
export function steerRound(doc: Y.Doc, facilitatorId: string, round: Round, action: FacilitatorTurn, now: number): ConversationResult {
  const refused = facilitatorGuard(doc, facilitatorId)
  if (refused) return refused
  if (round.ended) return fail(MSG.ended)
  const base = { roundId: round.roundId, personId: action.personId, by: facilitatorId, at: now }
  const kind = action.kind === 'finish' ? action.as : 'began'
  appendTurns(doc, [{ ...base, kind }])
  return OK
}

