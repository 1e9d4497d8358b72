import type * as Y from 'yjs'
import { localOrigin } from '../session/origins'
import { canFacilitate } from '../session/roles'
import { fail, ok, type Failure, type Result } from '../result'
import { applyMove, newTimer, type TimerMove, type TimerState } from '../facilitation/clock'
import { checkUsableDeck, type Deck, type DeckCheck, type Mode, type Prompt } from './deck'
import {
  CurrentSchema,
  DeckEntrySchema,
  KEYS,
  TimerEntrySchema,
  VisitedSchema,
  conversationMap,
  ensureContainers,
  isNewerConversation,
  nestedMap,
  readEntry,
  readFacilitated,
  type Current,
  type Visited,
} from './schema'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const CONVERSATION_MESSAGES = {
  notFacilitator: { id: 'shared.conversation.notFacilitator', defaultMessage: 'Only facilitators and co-facilitators can change this.' },
  newerBuild: { id: 'shared.conversation.newerBuild', defaultMessage: 'This conversation was saved by a newer version of Convene; update Convene to change it.' },
  pickDeck: { id: 'shared.conversation.pickDeck', defaultMessage: 'Pick a deck first.' },
  promptChangedBySomeone: { id: 'shared.conversation.promptChangedBySomeone', defaultMessage: 'The prompt has just been changed by someone else, so your change was not applied.' },
  firstPrompt: { id: 'shared.conversation.firstPrompt', defaultMessage: 'This is the first prompt.' },
  lastPrompt: { id: 'shared.conversation.lastPrompt', defaultMessage: 'This is the last prompt in the deck.' },
  changedBySomeone: { id: 'shared.conversation.changedBySomeone', defaultMessage: 'The conversation has just been changed by someone else, so your change was not applied.' },
  timerGone: { id: 'shared.conversation.timerGone', defaultMessage: 'The prompt has changed; this timer is no longer on screen.' },
} as const
const MSG = CONVERSATION_MESSAGES

/** Local edits of this feature: Y.UndoManager may track exactly these. */
export const CONVERSATION_ORIGIN = localOrigin('conversation')

export type Refusal = Failure
export type ConversationResult = Result
export const OK: ConversationResult = ok()
export { fail }
export const NOT_FACILITATOR = MSG.notFacilitator
export const NEWER_BUILD = MSG.newerBuild

/** What the shared clock gives a writer (renderer/sync/clock.ts ClockSync fits). */
export interface ClockReader {
  now(): number
  /** That person's clock minus mine, in ms. */
  offsetTo(personId: string): number
}

/** Refuse before anything is written: a non-facilitator, or a conversation from a newer build. */
export function facilitatorGuard(doc: Y.Doc, personId: string): Refusal | null {
  if (isNewerConversation(doc)) return fail(NEWER_BUILD)
  if (!canFacilitate(doc, personId)) return fail(NOT_FACILITATOR)
  return null
}

export function readDeck(doc: Y.Doc): Deck | null {
  return readEntry(doc, KEYS.deck, DeckEntrySchema)?.deck ?? null
}

export function readCurrent(doc: Y.Doc): Current | null {
  return readEntry(doc, KEYS.current, CurrentSchema)
}

export interface Showing {
  deck: Deck
  current: Current
  prompt: Prompt
  index: number
}

/** The prompt everyone sees now, or null before a facilitator has picked one. */
export function readShowing(doc: Y.Doc): Showing | null {
  const deck = readDeck(doc)
  const current = readCurrent(doc)
  if (!deck || !current || deck.prompts.length === 0) return null
  // The prompt id wins (the deck may have been reordered since); the index is the fallback.
  let index = deck.prompts.findIndex((p) => p.id === current.promptId)
  if (index < 0) index = Math.min(current.promptIndex, deck.prompts.length - 1)
  return { deck, current, prompt: deck.prompts[index], index }
}

function markVisited(doc: Y.Doc, prompt: Prompt, personId: string, now: number): void {
  const visited = nestedMap(doc, KEYS.visited)
  if (!visited || visited.has(prompt.id)) return
  const entry: Visited = { text: prompt.text, at: now, by: personId, ...(prompt.label ? { label: prompt.label } : {}) }
  visited.set(prompt.id, entry)
}

function writeCurrent(doc: Y.Doc, next: Current, prompt: Prompt): void {
  conversationMap(doc).set(KEYS.current, next)
  markVisited(doc, prompt, next.by, next.at)
}

/** A facilitator writing a usable deck, or why not. */
function deckWrite(doc: Y.Doc, personId: string, deck: unknown): DeckCheck {
  return facilitatorGuard(doc, personId) ?? checkUsableDeck(deck)
}

/** Copy a deck into the convening and show its first prompt. */
export function pickDeck(doc: Y.Doc, personId: string, deck: unknown, now: number): ConversationResult {
  const checked = deckWrite(doc, personId, deck)
  if (!checked.ok) return checked
  const seen = readCurrent(doc)
  const first = checked.deck.prompts[0]
  doc.transact(() => {
    ensureContainers(doc)
    conversationMap(doc).set(KEYS.deck, { deck: checked.deck, by: personId, at: now })
    writeCurrent(doc, { step: (seen?.step ?? 0) + 1, promptIndex: 0, promptId: first.id, mode: first.mode ?? 'open', by: personId, at: now }, first)
  }, CONVERSATION_ORIGIN)
  return OK
}

/**
 * Replace the deck in use with an edited version. Prompt ids are kept by the editor,
 * so responses stay with their prompts; the prompt on screen stays on screen unless
 * it was removed.
 */
export function updateDeckInUse(doc: Y.Doc, personId: string, deck: unknown, now: number): ConversationResult {
  const checked = deckWrite(doc, personId, deck)
  if (!checked.ok) return checked
  const showing = readShowing(doc)
  doc.transact(() => {
    ensureContainers(doc)
    conversationMap(doc).set(KEYS.deck, { deck: checked.deck, by: personId, at: now })
    if (!showing) return
    const index = checked.deck.prompts.findIndex((p) => p.id === showing.prompt.id)
    if (index >= 0) {
      const prompt = checked.deck.prompts[index]
      if (index !== showing.current.promptIndex || prompt.text !== showing.prompt.text)
        writeCurrent(doc, { ...showing.current, promptIndex: index, by: personId, at: now }, prompt)
    } else {
      const at = Math.min(showing.index, checked.deck.prompts.length - 1)
      const prompt = checked.deck.prompts[at]
      writeCurrent(doc, { step: showing.current.step + 1, promptIndex: at, promptId: prompt.id, mode: prompt.mode ?? showing.current.mode, by: personId, at: now }, prompt)
    }
  }, CONVERSATION_ORIGIN)
  return OK
}

export type Move = 'next' | 'back' | { index: number }

/**
 * Move to another prompt. `seen` is the state the facilitator was looking at when they
 * pressed the button: the write is `seen.step + 1`, so two facilitators pressing next
 * together write the same thing. If the conversation already moved on since (their
 * screen was behind), nothing is written.
 */
export function goTo(doc: Y.Doc, personId: string, move: Move, seen: Current, now: number): ConversationResult {
  const refused = facilitatorGuard(doc, personId)
  if (refused) return refused
  const showing = readShowing(doc)
  if (!showing) return fail(MSG.pickDeck)
  if (showing.current.step > seen.step) return fail(MSG.promptChangedBySomeone)
  const { deck } = showing
  const from = deck.prompts.findIndex((p) => p.id === seen.promptId)
  const base = from >= 0 ? from : showing.index
  const target = move === 'next' ? base + 1 : move === 'back' ? base - 1 : move.index
  if (target < 0) return fail(MSG.firstPrompt)
  if (target >= deck.prompts.length) return fail(MSG.lastPrompt)
  const prompt = deck.prompts[target]
  doc.transact(() => {
    writeCurrent(doc, { step: seen.step + 1, promptIndex: target, promptId: prompt.id, mode: prompt.mode ?? seen.mode, by: personId, at: now }, prompt)
  }, CONVERSATION_ORIGIN)
  return OK
}

export function setMode(doc: Y.Doc, personId: string, mode: Mode, seen: Current, now: number): ConversationResult {
  const refused = facilitatorGuard(doc, personId)
  if (refused) return refused
  const showing = readShowing(doc)
  if (!showing) return fail(MSG.pickDeck)
  if (showing.current.step > seen.step) return fail(MSG.changedBySomeone)
  if (showing.current.mode === mode) return OK
  doc.transact(() => {
    writeCurrent(doc, { ...showing.current, step: seen.step + 1, mode, by: personId, at: now }, showing.prompt)
  }, CONVERSATION_ORIGIN)
  return OK
}

/** Prompts shown so far in this convening, in the order first shown. */
export function readVisited(doc: Y.Doc): (Visited & { promptId: string })[] {
  const visited = nestedMap(doc, KEYS.visited)
  if (!visited) return []
  const out: (Visited & { promptId: string })[] = []
  for (const [promptId, value] of visited.entries()) {
    const entry = readFacilitated(doc, value, VisitedSchema)
    if (entry) out.push({ ...entry, promptId })
  }
  return out.sort((a, b) => a.at - b.at || a.promptId.localeCompare(b.promptId))
}

// ---- the countdown of the current step (silent reflection, writing time) ----

const DEFAULT_TIMER_MS = 2 * 60_000

export function defaultDurationMs(prompt: Prompt | null | undefined): number {
  return prompt?.minutes ? Math.round(prompt.minutes * 60_000) : DEFAULT_TIMER_MS
}

/** The countdown for this step; before a facilitator sets one, the prompt's suggested length, not started. */
export function readTimer(doc: Y.Doc, step: number, fallbackMs: number): TimerState & { set: boolean } {
  const entry = readEntry(doc, KEYS.timer, TimerEntrySchema)
  if (entry && entry.step === step) return { ...entry.timer, set: true }
  return { ...newTimer(fallbackMs, ''), set: false }
}

/** What a facilitator does to a countdown: the same moves as every shared timer (facilitation/clock.ts). */
export type TimerAction = TimerMove

/** Change the countdown of the step the facilitator sees; times are kept in their own clock. */
export function changeTimer(doc: Y.Doc, personId: string, seen: Current, action: TimerAction, clock: ClockReader, fallbackMs: number): ConversationResult {
  const refused = facilitatorGuard(doc, personId)
  if (refused) return refused
  const current = readCurrent(doc)
  if (!current || current.step !== seen.step) return fail(MSG.timerGone)
  const timer = readTimer(doc, seen.step, fallbackMs)
  const myNow = clock.now()
  const offset = timer.clockOf ? clock.offsetTo(timer.clockOf) : 0
  const base: TimerState = { durationMs: timer.durationMs, startedAt: timer.startedAt, remainingAtStartMs: timer.remainingAtStartMs, clockOf: timer.clockOf || personId }
  const next = applyMove(base, action, myNow, offset, personId)
  doc.transact(() => conversationMap(doc).set(KEYS.timer, { step: seen.step, timer: next, by: personId }), CONVERSATION_ORIGIN)
  return OK
}

