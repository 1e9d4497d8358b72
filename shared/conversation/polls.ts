// Long file (about 500 lines) on purpose: the three poll kinds share one record, one tally
// and one harvest section; splitting by kind would repeat the record's rules three times.
import * as Y from 'yjs'
import { z } from 'zod'
import { said } from '../result'
import { newItemId } from '../session/ids'
import { readPerson } from '../session/doc'
import type { Block, HarvestSection } from '../notes/blocks'
import { isEnglish, num, translatorOf, word } from '../notes/language'
import type { Translator } from '../i18n/messages'
import { KEYS, conversationMap, isNewerConversation, readFacilitated } from './schema'
import { CONVERSATION_ORIGIN, NEWER_BUILD, OK, facilitatorGuard, fail, type ConversationResult } from './state'
import { writeUnlinked, type WriteResult } from './responses'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const POLL_MESSAGES = {
  writeQuestion: { id: 'shared.conversation.poll.writeQuestion', defaultMessage: 'Write the question first.' },
  questionTooLong: { id: 'shared.conversation.poll.questionTooLong', defaultMessage: 'Keep the question under {max} characters (this one has {count}).' },
  optionCount: { id: 'shared.conversation.poll.optionCount', defaultMessage: 'Give between {min} and {max} options (this poll has {count}).' },
  optionTooLong: { id: 'shared.conversation.poll.optionTooLong', defaultMessage: 'Keep each option under {max} characters.' },
  sameOptions: { id: 'shared.conversation.poll.sameOptions', defaultMessage: 'Two options say the same thing: make each one different.' },
  endLabelsTooLong: { id: 'shared.conversation.poll.endLabelsTooLong', defaultMessage: 'Keep the labels of the ends under {max} characters.' },
  gone: { id: 'shared.conversation.poll.gone', defaultMessage: 'This poll is no longer here.' },
  notOpen: { id: 'shared.conversation.poll.notOpen', defaultMessage: 'This poll is not open for answers.' },
  words: { id: 'shared.conversation.poll.words', defaultMessage: 'Give one to {max} words, each under {chars} characters.' },
  chooseAnswer: { id: 'shared.conversation.poll.chooseAnswer', defaultMessage: 'Choose an answer first.' },
} as const
const MSG = POLL_MESSAGES

/**
 * Polls: multiple choice, a scale, or a few words that gather into a cloud.
 *
 *   conversation.polls: Y.Map<pollId, Y.Map>
 *     ├─ spec:    { question, kind, options | range+low+high, multiple, anonymous, results, by, at }   facilitator; written once
 *     ├─ state:   { status: 'draft' | 'open' | 'closed', revealed, by, at }                             facilitator
 *     └─ answers: Y.Map<key, { choices } | { value } | { words }>
 *                 key = the person id (named polls: one answer per person, a new answer replaces it)
 *                 key = a random id (anonymous polls: no person id, written under a throwaway
 *                       Yjs client id exactly as anonymous responses are; only the author's
 *                       computer remembers the key, so only it can change that answer)
 *
 * A poll's own map and its `answers` are created together by the facilitator who makes
 * it, so nobody else ever creates a container. The `polls` map itself is created by the
 * first facilitator who makes a poll; two facilitators making the very first poll of a
 * convening within the same instant would lose one of the two (they make it again).
 *
 * Readers ignore a poll whose spec or state was not written by a facilitator (an
 * unreadable state reads as a closed, unrevealed poll), and every answer that does not
 * fit its poll. A deletion names no writer in the document, as for responses.
 */
export const POLL_KINDS = ['choice', 'scale', 'words'] as const
export type PollKind = (typeof POLL_KINDS)[number]
export const POLL_KIND_LABELS: Record<PollKind, string> = { choice: 'Multiple choice', scale: 'Scale', words: 'Words (a word cloud)' }

export const SCALE_RANGES = ['1-5', '0-10'] as const
export type ScaleRange = (typeof SCALE_RANGES)[number]
export const SCALE_BOUNDS: Record<ScaleRange, { min: number; max: number }> = { '1-5': { min: 1, max: 5 }, '0-10': { min: 0, max: 10 } }

export const POLL_RESULTS = ['live', 'end'] as const
export type PollResultsMode = (typeof POLL_RESULTS)[number]

export const POLL_QUESTION_MAX = 200
export const POLL_OPTION_MAX = 80
export const POLL_OPTIONS_MIN = 2
export const POLL_OPTIONS_MAX = 10
export const SCALE_LABEL_MAX = 40
export const WORD_MAX = 25
export const WORDS_PER_PERSON = 3
/** Answers read per poll: far above any room, low enough that a flood cannot freeze a screen. */
export const POLL_ANSWERS_READ_MAX = 2_000

const PersonIdSchema = z.string().min(1).max(64)
const Said = (max: number) => z.string().trim().min(1).max(max)
const PollBase = {
  question: Said(POLL_QUESTION_MAX),
  anonymous: z.boolean(),
  results: z.enum(POLL_RESULTS),
  by: PersonIdSchema,
  at: z.number().finite(),
}
export const PollSpecSchema = z.discriminatedUnion('kind', [
  z.object({ ...PollBase, kind: z.literal('choice'), options: z.array(Said(POLL_OPTION_MAX)).min(POLL_OPTIONS_MIN).max(POLL_OPTIONS_MAX), multiple: z.boolean() }),
  z.object({ ...PollBase, kind: z.literal('scale'), range: z.enum(SCALE_RANGES), low: z.string().trim().max(SCALE_LABEL_MAX), high: z.string().trim().max(SCALE_LABEL_MAX) }),
  z.object({ ...PollBase, kind: z.literal('words') }),
])
export type PollSpec = z.infer<typeof PollSpecSchema>

export const POLL_STATUSES = ['draft', 'open', 'closed'] as const
export type PollStatus = (typeof POLL_STATUSES)[number]
export const PollStateSchema = z.object({ status: z.enum(POLL_STATUSES), revealed: z.boolean(), by: PersonIdSchema, at: z.number().finite() })
export type PollState = z.infer<typeof PollStateSchema>

export const PollAnswerSchema = z.union([
  z.strictObject({ choices: z.array(z.number().int().min(0).max(POLL_OPTIONS_MAX - 1)).min(1).max(POLL_OPTIONS_MAX) }),
  z.strictObject({ value: z.number().int().min(0).max(10) }),
  z.strictObject({ words: z.array(z.string().max(WORD_MAX * 4)).min(1).max(WORDS_PER_PERSON) }),
])
export type PollAnswer = z.infer<typeof PollAnswerSchema>

/** What a facilitator fills in to make a poll. */
export type PollDraft =
  | { question: string; anonymous: boolean; results: PollResultsMode; kind: 'choice'; options: string[]; multiple: boolean }
  | { question: string; anonymous: boolean; results: PollResultsMode; kind: 'scale'; range: ScaleRange; low: string; high: string }
  | { question: string; anonymous: boolean; results: PollResultsMode; kind: 'words' }

/** What each choice stores and who sees what, in the words the interface shows (the style of VISIBILITY_STATEMENTS). */
export const POLL_ANSWER_STATEMENTS = {
  named:
    'Stored in the shared convening document with your name: one answer per person, and a new answer replaces yours while the poll is open. Screens show counts only, but every participant’s copy of the document holds who answered what, and the notes list who answered.',
  anonymous:
    'Stored in the shared document with no name and no id: only your answer. Only this computer remembers that it is yours, so you can change it here while the poll is open. A peer-to-peer room cannot hold anyone to one anonymous answer: this app answers once per computer, but someone could answer again from another computer or a modified app. While you are connected, a modified app watching the network could still see which computer sent it.',
} as const

// ---- reading ----

function pollsMap(doc: Y.Doc): Y.Map<unknown> | null {
  const value = conversationMap(doc).get(KEYS.polls)
  return value instanceof Y.Map ? value : null
}

function pollMap(doc: Y.Doc, pollId: string): Y.Map<unknown> | null {
  const value = pollsMap(doc)?.get(pollId)
  return value instanceof Y.Map ? value : null
}

function answersMap(doc: Y.Doc, pollId: string): Y.Map<unknown> | null {
  const value = pollMap(doc, pollId)?.get('answers')
  return value instanceof Y.Map ? value : null
}

export interface Poll {
  id: string
  spec: PollSpec
  state: Omit<PollState, 'by' | 'at'>
}

const UNREADABLE_STATE: Poll['state'] = { status: 'closed', revealed: false }

export function readPoll(doc: Y.Doc, pollId: string): Poll | null {
  const entry = pollMap(doc, pollId)
  if (!entry) return null
  const spec = readFacilitated(doc, entry.get('spec'), PollSpecSchema)
  if (!spec) return null
  const state = readFacilitated(doc, entry.get('state'), PollStateSchema)
  return { id: pollId, spec, state: state ? { status: state.status, revealed: state.revealed } : UNREADABLE_STATE }
}

/** Polls in the order they were made; drafts only for facilitators. */
export function pollIds(doc: Y.Doc, options: { drafts: boolean }): string[] {
  const polls: Poll[] = []
  for (const id of pollsMap(doc)?.keys() ?? []) {
    const poll = readPoll(doc, id)
    if (poll && (options.drafts || poll.state.status !== 'draft')) polls.push(poll)
  }
  return polls.sort((a, b) => a.spec.at - b.spec.at || a.id.localeCompare(b.id)).map((p) => p.id)
}

/** Case-folded, trimmed, inner spaces collapsed: "  Hope " and "hope" are one word. */
export function normaliseWord(word: string): string {
  return word.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en')
}

/** The answer as it counts for this poll, or null when it does not fit (a faulty or hostile peer). */
export function fitAnswer(spec: PollSpec, raw: unknown): PollAnswer | null {
  const parsed = PollAnswerSchema.safeParse(raw)
  if (!parsed.success) return null
  const answer = parsed.data
  if (spec.kind === 'choice' && 'choices' in answer) {
    const choices = [...new Set(answer.choices)].sort((a, b) => a - b)
    if (choices.some((c) => c >= spec.options.length)) return null
    return spec.multiple || choices.length === 1 ? { choices } : null
  }
  if (spec.kind === 'scale' && 'value' in answer) {
    const { min, max } = SCALE_BOUNDS[spec.range]
    return answer.value >= min && answer.value <= max ? answer : null
  }
  if (spec.kind === 'words' && 'words' in answer) {
    const words = [...new Set(answer.words.map(normaliseWord))].filter((w) => w !== '')
    return words.length > 0 && words.every((w) => w.length <= WORD_MAX) ? { words } : null
  }
  return null
}

/** Every answer that fits, with its key. Named polls count only keys of people in the convening. */
function readAnswers(doc: Y.Doc, poll: Poll): Map<string, PollAnswer> {
  const out = new Map<string, PollAnswer>()
  for (const [key, raw] of answersMap(doc, poll.id)?.entries() ?? []) {
    if (out.size >= POLL_ANSWERS_READ_MAX) break
    if (key.length > 64 || (!poll.spec.anonymous && !readPerson(doc, key))) continue
    const answer = fitAnswer(poll.spec, raw)
    if (answer) out.set(key, answer)
  }
  return out
}

// ---- tallies ----

export interface Bar {
  label: string
  count: number
  /** Of the people who answered, 0 to 1. */
  share: number
  /** The most chosen (every option tied at the top is marked). */
  top: boolean
}

export interface ChoiceResults {
  kind: 'choice'
  answered: number
  bars: Bar[]
  /** More than one option shares the top count. */
  tie: boolean
}

export interface ScaleResults {
  kind: 'scale'
  answered: number
  bars: (Bar & { value: number; median: boolean })[]
  median: number | null
}

export interface WordCount {
  word: string
  count: number
  /** 1 (once) to 5 (the most frequent), for the cloud. */
  size: 1 | 2 | 3 | 4 | 5
}

export interface WordsResults {
  kind: 'words'
  answered: number
  words: WordCount[]
}

export type PollResults = ChoiceResults | ScaleResults | WordsResults

function bars(labels: string[], counts: number[], answered: number): { bars: Bar[]; tie: boolean } {
  const most = Math.max(0, ...counts)
  const out = labels.map((label, i) => ({ label, count: counts[i], share: answered > 0 ? counts[i] / answered : 0, top: most > 0 && counts[i] === most }))
  return { bars: out, tie: out.filter((b) => b.top).length > 1 }
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export function tallyChoices(options: readonly string[], answers: readonly PollAnswer[]): ChoiceResults {
  const counts = options.map(() => 0)
  for (const answer of answers) if ('choices' in answer) for (const c of answer.choices) if (c < counts.length) counts[c] += 1
  return { kind: 'choice', answered: answers.length, ...bars([...options], counts, answers.length) }
}

export function tallyScale(range: ScaleRange, answers: readonly PollAnswer[], ends: { low?: string; high?: string } = {}): ScaleResults {
  const { min, max } = SCALE_BOUNDS[range]
  const values = answers.flatMap((a) => ('value' in a ? [a.value] : []))
  const steps = Array.from({ length: max - min + 1 }, (_, i) => min + i)
  const counts = steps.map((v) => values.filter((x) => x === v).length)
  const labels = steps.map((v) => (v === min && ends.low ? `${v} · ${ends.low}` : v === max && ends.high ? `${v} · ${ends.high}` : String(v)))
  const mid = median(values)
  const { bars: rows } = bars(labels, counts, values.length)
  // A median between two values (3.5) marks both of them.
  return { kind: 'scale', answered: values.length, median: mid, bars: rows.map((b, i) => ({ ...b, value: steps[i], median: mid !== null && Math.abs(steps[i] - mid) < 1 })) }
}

export function tallyWords(answers: readonly PollAnswer[]): WordsResults {
  const counts = new Map<string, number>()
  for (const answer of answers) if ('words' in answer) for (const w of new Set(answer.words.map(normaliseWord))) if (w) counts.set(w, (counts.get(w) ?? 0) + 1)
  const most = Math.max(1, ...counts.values())
  const words = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([word, count]) => ({ word, count, size: Math.max(1, Math.ceil((5 * count) / most)) as WordCount['size'] }))
  return { kind: 'words', answered: answers.length, words }
}

export function tallyPoll(spec: PollSpec, answers: readonly PollAnswer[]): PollResults {
  if (spec.kind === 'choice') return tallyChoices(spec.options, answers)
  if (spec.kind === 'scale') return tallyScale(spec.range, answers, spec)
  return tallyWords(answers)
}

export interface PollView extends Poll {
  answered: number
  /** Null while the results are kept for the end (and for drafts). */
  results: PollResults | null
  /** This viewer's answer, and its key. */
  mine: { key: string; answer: PollAnswer } | null
}

/** A poll as this viewer may see it. `mineAnonymous`: keys this computer knows it wrote anonymously. */
export function viewPoll(doc: Y.Doc, pollId: string, viewerId: string, mineAnonymous: ReadonlySet<string>): PollView | null {
  const poll = readPoll(doc, pollId)
  if (!poll) return null
  const answers = readAnswers(doc, poll)
  const mineKey = poll.spec.anonymous ? [...answers.keys()].find((k) => mineAnonymous.has(k)) : answers.has(viewerId) ? viewerId : undefined
  const visible = poll.state.status !== 'draft' && (poll.spec.results === 'live' || poll.state.revealed)
  return {
    ...poll,
    answered: answers.size,
    results: visible ? tallyPoll(poll.spec, [...answers.values()]) : null,
    mine: mineKey === undefined ? null : { key: mineKey, answer: answers.get(mineKey)! },
  }
}

// ---- writing ----

export function checkPollDraft(draft: PollDraft): ConversationResult {
  const question = draft.question.trim()
  if (question === '') return fail(MSG.writeQuestion)
  if (question.length > POLL_QUESTION_MAX) return fail(said(MSG.questionTooLong, { max: POLL_QUESTION_MAX, count: question.length }))
  if (draft.kind === 'choice') {
    const options = draft.options.map((o) => o.trim()).filter((o) => o !== '')
    if (options.length < POLL_OPTIONS_MIN || options.length > POLL_OPTIONS_MAX) return fail(said(MSG.optionCount, { min: POLL_OPTIONS_MIN, max: POLL_OPTIONS_MAX, count: options.length }))
    if (options.some((o) => o.length > POLL_OPTION_MAX)) return fail(said(MSG.optionTooLong, { max: POLL_OPTION_MAX }))
    if (new Set(options.map(normaliseWord)).size < options.length) return fail(MSG.sameOptions)
  }
  if (draft.kind === 'scale' && (draft.low.trim().length > SCALE_LABEL_MAX || draft.high.trim().length > SCALE_LABEL_MAX)) return fail(said(MSG.endLabelsTooLong, { max: SCALE_LABEL_MAX }))
  return OK
}

function specOf(draft: PollDraft, by: string, at: number): PollSpec {
  const base = { question: draft.question.trim(), anonymous: draft.anonymous, results: draft.results, by, at }
  if (draft.kind === 'choice') return { ...base, kind: 'choice', options: draft.options.map((o) => o.trim()).filter((o) => o !== ''), multiple: draft.multiple }
  if (draft.kind === 'scale') return { ...base, kind: 'scale', range: draft.range, low: draft.low.trim(), high: draft.high.trim() }
  return { ...base, kind: 'words' }
}

/** A facilitator makes a poll, as a draft (`open: false`) or open at once. */
export function createPoll(doc: Y.Doc, personId: string, draft: PollDraft, now: number, open = false): WriteResult {
  const refused = facilitatorGuard(doc, personId)
  if (refused) return refused
  const checked = checkPollDraft(draft)
  if (!checked.ok) return checked
  const id = newItemId()
  const state: PollState = { status: open ? 'open' : 'draft', revealed: false, by: personId, at: now }
  doc.transact(() => {
    const root = conversationMap(doc)
    if (!(root.get(KEYS.polls) instanceof Y.Map)) root.set(KEYS.polls, new Y.Map())
    const poll = new Y.Map<unknown>()
    pollsMap(doc)?.set(id, poll)
    poll.set('spec', specOf(draft, personId, now))
    poll.set('state', state)
    poll.set('answers', new Y.Map())
  }, CONVERSATION_ORIGIN)
  return { ok: true, id }
}

/** Open, close, reopen or reveal. */
export function setPollState(doc: Y.Doc, personId: string, pollId: string, change: Partial<Poll['state']>, now: number): ConversationResult {
  const refused = facilitatorGuard(doc, personId)
  if (refused) return refused
  const poll = readPoll(doc, pollId)
  if (!poll) return fail(MSG.gone)
  const next: PollState = { ...poll.state, ...change, by: personId, at: now }
  doc.transact(() => pollMap(doc, pollId)?.set('state', next), CONVERSATION_ORIGIN)
  return OK
}

/** Delete a poll with its answers, from every copy of the document once they sync. */
export function deletePoll(doc: Y.Doc, personId: string, pollId: string): ConversationResult {
  const refused = facilitatorGuard(doc, personId)
  if (refused) return refused
  if (!pollMap(doc, pollId)) return fail(MSG.gone)
  doc.transact(() => pollsMap(doc)?.delete(pollId), CONVERSATION_ORIGIN)
  return OK
}

/**
 * Answer an open poll, or change one's answer. Named: under the person id, so each
 * person holds one answer. Anonymous: under a random key made in a throwaway Yjs client
 * (responses.ts `writeUnlinked`); the key is returned for this computer to remember.
 */
export function answerPoll(doc: Y.Doc, personId: string, pollId: string, answer: PollAnswer, mineAnonymous: ReadonlySet<string>): WriteResult {
  if (isNewerConversation(doc)) return fail(NEWER_BUILD)
  const poll = readPoll(doc, pollId)
  if (!poll) return fail(MSG.gone)
  if (poll.state.status !== 'open') return fail(MSG.notOpen)
  const fitted = fitAnswer(poll.spec, answer)
  if (!fitted) return fail(poll.spec.kind === 'words' ? said(MSG.words, { max: WORDS_PER_PERSON, chars: WORD_MAX }) : MSG.chooseAnswer)
  if (!poll.spec.anonymous) {
    doc.transact(() => answersMap(doc, pollId)?.set(personId, fitted), CONVERSATION_ORIGIN)
    return { ok: true, id: personId }
  }
  const key = [...(answersMap(doc, pollId)?.keys() ?? [])].find((k) => mineAnonymous.has(k)) ?? newItemId()
  writeUnlinked(doc, (copy) => answersMap(copy, pollId)?.set(key, fitted))
  return { ok: true, id: key }
}

// ---- harvest ----

export const pct = (share: number): string => `${Math.round(share * 100)}%`

/** "Multiple choice, one answer", "Scale 1–5 (1 = Not at all, 5 = Completely)", "Words (up to 3 each)". */
export function describePollKind(spec: PollSpec): string {
  if (spec.kind === 'choice') return `Multiple choice, ${spec.multiple ? 'several answers allowed' : 'one answer'}`
  if (spec.kind === 'scale') {
    const { min, max } = SCALE_BOUNDS[spec.range]
    const ends = [spec.low && `${min} = ${spec.low}`, spec.high && `${max} = ${spec.high}`].filter(Boolean).join(', ')
    return `Scale ${min}–${max}${ends ? ` (${ends})` : ''}`
  }
  return `Words (up to ${WORDS_PER_PERSON} each)`
}

/** The polls' fixed words in the exporter's language (questions, options, scale ends and names are people's own). */
const M = {
  type: { id: 'notes.export.polls.fact.type', defaultMessage: 'Type' },
  answers: { id: 'notes.export.polls.fact.answers', defaultMessage: 'Answers', description: 'Whether the answers are named or anonymous' },
  results: { id: 'notes.export.polls.fact.results', defaultMessage: 'Results', description: 'When the results were shown' },
  answered: { id: 'notes.export.polls.fact.answered', defaultMessage: 'Answered', description: 'How many people answered' },
  whoAnswered: { id: 'notes.export.polls.fact.whoAnswered', defaultMessage: 'Who answered' },
  choiceOne: { id: 'notes.export.polls.kind.choiceOne', defaultMessage: 'Multiple choice, one answer' },
  choiceSeveral: { id: 'notes.export.polls.kind.choiceSeveral', defaultMessage: 'Multiple choice, several answers allowed' },
  scale: { id: 'notes.export.polls.kind.scale', defaultMessage: 'Scale {min}–{max}' },
  scaleLow: { id: 'notes.export.polls.kind.scaleLow', defaultMessage: 'Scale {min}–{max} ({min} = {low})', description: 'low: what the lowest value means, as the facilitator wrote it' },
  scaleHigh: { id: 'notes.export.polls.kind.scaleHigh', defaultMessage: 'Scale {min}–{max} ({max} = {high})', description: 'high: what the highest value means, as the facilitator wrote it' },
  scaleBoth: { id: 'notes.export.polls.kind.scaleBoth', defaultMessage: 'Scale {min}–{max} ({min} = {low}, {max} = {high})' },
  words: { id: 'notes.export.polls.kind.words', defaultMessage: 'Words (up to {count} each)' },
  anonymous: { id: 'notes.export.polls.anonymous', defaultMessage: 'Anonymous (nobody is named)' },
  named: { id: 'notes.export.polls.named', defaultMessage: 'Named' },
  live: { id: 'notes.export.polls.results.live', defaultMessage: 'Live' },
  atEnd: { id: 'notes.export.polls.results.end', defaultMessage: 'Revealed at the end' },
  neverRevealed: { id: 'notes.export.polls.results.neverRevealed', defaultMessage: 'Revealed at the end, never revealed' },
  people: { id: 'notes.export.polls.people', defaultMessage: '{count, plural, one {# person} other {# people}}' },
  someone: { id: 'notes.export.polls.someone', defaultMessage: 'Someone', description: 'In place of the name of someone who is no longer in the convening' },
  headWord: { id: 'notes.export.polls.head.word', defaultMessage: 'Word' },
  headPeople: { id: 'notes.export.polls.head.people', defaultMessage: 'People', description: 'Column: how many people gave the word' },
  headValue: { id: 'notes.export.polls.head.value', defaultMessage: 'Value', description: 'Column: a value of the scale' },
  headOption: { id: 'notes.export.polls.head.option', defaultMessage: 'Option' },
  headAnswers: { id: 'notes.export.polls.head.answers', defaultMessage: 'Answers', description: 'Column: how many chose it' },
  headShare: { id: 'notes.export.polls.head.share', defaultMessage: 'Share', description: 'Column: the share of the people who answered (42%)' },
  mostChosen: { id: 'notes.export.polls.mostChosen', defaultMessage: '{option} (most chosen)' },
  tiedMostChosen: { id: 'notes.export.polls.tiedMostChosen', defaultMessage: '{option} (tied, most chosen)' },
  median: { id: 'notes.export.polls.median', defaultMessage: 'Median: {median}' },
  unrevealed: { id: 'notes.export.polls.unrevealed', defaultMessage: 'The results were never revealed, so they are not in the notes.' },
} as const

/** A share as a percentage: "42%" as the notes always wrote it in English, the language's own form otherwise ("42 %"). */
export function percent(t: Translator, share: number): string {
  return isEnglish(t) ? pct(share) : t.formatNumber(share, { style: 'percent', maximumFractionDigits: 0 })
}

/** Names one after another: comma-separated as the notes always wrote them in English, the language's own list otherwise. */
export function nameList(t: Translator, names: readonly string[]): string {
  return isEnglish(t) ? names.join(', ') : t.formatList(names, { type: 'conjunction' })
}

/** describePollKind in the exporter's language. */
function pollKindText(t: Translator, spec: PollSpec): string {
  if (spec.kind === 'choice') return word(t, spec.multiple ? M.choiceSeveral : M.choiceOne)
  if (spec.kind === 'scale') {
    const { min, max } = SCALE_BOUNDS[spec.range]
    const values = { min: num(t, min), max: num(t, max), low: spec.low, high: spec.high }
    return t.formatMessage(spec.low && spec.high ? M.scaleBoth : spec.low ? M.scaleLow : spec.high ? M.scaleHigh : M.scale, values)
  }
  return t.formatMessage(M.words, { count: num(t, WORDS_PER_PERSON) })
}

function resultBlocks(results: PollResults, t: Translator): Block[] {
  if (results.kind === 'words') return [{ kind: 'table', header: [word(t, M.headWord), word(t, M.headPeople)], rows: results.words.map((w) => [w.word, num(t, w.count)]) }]
  const label = (b: Bar): string =>
    results.kind !== 'choice' || !b.top ? b.label : t.formatMessage(results.tie ? M.tiedMostChosen : M.mostChosen, { option: b.label })
  const header = [word(t, results.kind === 'scale' ? M.headValue : M.headOption), word(t, M.headAnswers), word(t, M.headShare)]
  const blocks: Block[] = [{ kind: 'table', header, rows: results.bars.map((b) => [label(b), num(t, b.count), percent(t, b.share)]) }]
  if (results.kind === 'scale' && results.median !== null) blocks.push({ kind: 'paragraph', text: t.formatMessage(M.median, { median: num(t, results.median) }) })
  return blocks
}

function pollBlocks(doc: Y.Doc, poll: PollView, t: Translator): Block[] {
  const { spec } = poll
  const results = spec.results === 'live' ? M.live : poll.state.revealed ? M.atEnd : M.neverRevealed
  const facts: [string, string][] = [
    [word(t, M.type), pollKindText(t, spec)],
    [word(t, M.answers), word(t, spec.anonymous ? M.anonymous : M.named)],
    [word(t, M.results), word(t, results)],
    [word(t, M.answered), t.formatMessage(M.people, { count: poll.answered })],
  ]
  if (!spec.anonymous && poll.answered > 0) {
    const names = [...readAnswers(doc, poll).keys()].map((id) => readPerson(doc, id)?.name ?? word(t, M.someone)).sort((a, b) => a.localeCompare(b))
    facts.push([word(t, M.whoAnswered), nameList(t, names)])
  }
  const blocks: Block[] = [{ kind: 'heading', level: 3, text: spec.question }, { kind: 'facts', rows: facts }]
  if (poll.results) blocks.push(...resultBlocks(poll.results, t))
  else blocks.push({ kind: 'paragraph', muted: true, text: word(t, M.unrevealed) })
  return blocks
}

/** Every poll that was opened, in order, with its settings and results (anonymous polls name nobody). */
export const pollsSection: HarvestSection = {
  id: 'polls',
  title: 'Polls',
  order: 65,
  collect(doc, context) {
    const polls = pollIds(doc, { drafts: false }).flatMap((id) => viewPoll(doc, id, '', new Set()) ?? [])
    if (polls.length === 0) return null
    const t = translatorOf(context)
    return { blocks: polls.flatMap((poll) => pollBlocks(doc, poll, t)), tags: ['polls'] }
  },
}
