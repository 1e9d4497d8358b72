// Long file (about 840 lines) on purpose: a vote's definition, its signed ballots, the
// tally that clamps them and the harvest section read the same rules; the tally IS the
// enforcement, so the writers and readers stay in one file where they cannot drift apart.
import type * as Y from 'yjs'
import { z } from 'zod'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToBase64Url, newItemId } from '../session/ids'
import { readPeople, readPerson } from '../session/doc'
import { canFacilitate } from '../session/roles'
import { claimStatement, readClaim, signedRoom, verifyStatement, type Signer } from '../session/signed'
import { writeUnlinked } from '../conversation/responses'
import { nameList, percent } from '../conversation/polls'
import type { Block, HarvestSection, SectionContent } from '../notes/blocks'
import { plural } from '../notes/sections/words'
import { num, translatorOf, word } from '../notes/language'
import { english, type Translator } from '../i18n/messages'
import type { ClockReader } from './clock'
import { FACILITATION_ORIGIN, done, guard, refuse, runMap, type RunResult } from './schema'
import { said, type ResultWith } from '../result'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const VOTE_MESSAGES = {
  notInVote: { id: 'shared.facilitation.vote.notInVote', defaultMessage: 'This is not part of the vote.' },
  noDot: { id: 'shared.facilitation.vote.noDot', defaultMessage: 'You have no dot on this to take back.' },
  allPlaced: { id: 'shared.facilitation.vote.allPlaced', defaultMessage: 'You have placed all {count, plural, one {# dot} other {# dots}}: take one back to move it.' },
  onePerItem: { id: 'shared.facilitation.vote.onePerItem', defaultMessage: 'One dot per item in this vote.' },
  gone: { id: 'shared.facilitation.vote.gone', defaultMessage: 'This vote is no longer here.' },
  ended: { id: 'shared.facilitation.vote.ended', defaultMessage: 'This vote has ended.' },
  ignored: { id: 'shared.facilitation.vote.ignored', defaultMessage: 'That ballot would be ignored: {reason, select, forged {not signed by the person it names} stranger {from someone who is not in the convening} tooMany {more dots than allowed} stacked {more than one dot on an item} unknown {dots on things not in the vote} late {cast after the vote ended} other {unreadable}}.' },
  cannotSignBallot: { id: 'shared.facilitation.vote.cannotSignBallot', defaultMessage: 'Convene could not sign your ballot with your key. Open the convening again.' },
  writeQuestion: { id: 'shared.facilitation.vote.writeQuestion', defaultMessage: 'Write the question first.' },
  questionTooLong: { id: 'shared.facilitation.vote.questionTooLong', defaultMessage: 'Keep the question under {max} characters (this one has {count}).' },
  tooFewItems: { id: 'shared.facilitation.vote.tooFewItems', defaultMessage: 'Choose at least {min} things to vote on.' },
  tooManyItems: { id: 'shared.facilitation.vote.tooManyItems', defaultMessage: 'A vote holds at most {max} things (this one has {count}).' },
  sameItem: { id: 'shared.facilitation.vote.sameItem', defaultMessage: 'The same thing is in the vote twice.' },
  dots: { id: 'shared.facilitation.vote.dots', defaultMessage: 'Give each person between {min} and {max} dots.' },
  timeLimit: { id: 'shared.facilitation.vote.timeLimit', defaultMessage: 'Give a time limit between a few seconds and {max} minutes, or none.' },
  cannotSignVote: { id: 'shared.facilitation.vote.cannotSignVote', defaultMessage: 'Convene could not sign the vote with your key. Open the convening again.' },
  alreadyEnded: { id: 'shared.facilitation.vote.alreadyEnded', defaultMessage: 'This vote has already ended.' },
  cannotSignEnd: { id: 'shared.facilitation.vote.cannotSignEnd', defaultMessage: 'Convene could not sign the end of the vote with your key. Open the convening again.' },
} as const
const MSG = VOTE_MESSAGES

/**
 * Dot votes: a facilitator puts a set of things to the vote (variables or notes of a
 * diagram, written responses, segments of the agenda, cohort projects), everyone places
 * a few dots, and the results show ranked.
 *
 *   run: Y.Map (flat keys, as the rest of the run of show: schema.ts says why)
 *   ├─ vote:<voteId>          { spec: JSON text of VoteSpec, statement? }   facilitator; written once
 *   ├─ vote-end:<voteId>      { end: JSON text of VoteEnd, statement? }     facilitator; ends it early
 *   ├─ vote-closed:<voteId>   { closed, by, at }                            facilitator; off every screen
 *   └─ ballot:<voteId>:<key>  a named vote: key = the person id, and the value is
 *                             - where roles are signed: a claim statement signed by
 *                               that person (subject `vote:<voteId>`, body `{"dots":…}`);
 *                             - in older rooms without signed roles: `{ dots, at }`;
 *                             an anonymous vote: key = a random id, value `{ dots, at }`,
 *                             written under a throwaway Yjs client id (writeUnlinked, as
 *                             anonymous responses and poll answers are), so nothing in
 *                             the document ties it to a person. Only the author's
 *                             computer remembers the key (in its local settings).
 *
 * One key per ballot, replaced whole: a person's dots are one value, so taking a dot
 * back and placing it elsewhere can never leave a half-changed ballot, and a late
 * joiner's first ballot is simply a new key.
 *
 * Where roles are signed (shared/session/signed.ts), the definition and the end carry
 * a statement signed by a facilitator over a hash of the JSON text they hold (the spec
 * of a 60-item vote is larger than a claim's body may be, and a hash of the exact text
 * needs no canonical JSON). Readers ignore a vote whose definition is not signed so,
 * an end that is not, and every ballot that is not the named person's own. Times are
 * in the vote's clock (its starter's, `clockOf`: clock.ts), so a ballot's signed time
 * and the signed end compare the same on every copy.
 *
 * Every reader checks every ballot against the vote: more dots than allowed, more than
 * one on an item where votes are not cumulative, or dots on things that are not in the
 * vote, and the ballot counts as nothing; the results say how many were ignored and why.
 */
/** Votes are run-of-show writes: no undo manager tracks them (a ballot is taken back with a dot's own button). */
export const VOTES_ORIGIN = FACILITATION_ORIGIN

export const VOTE_QUESTION_MAX = 200
export const VOTE_ITEM_LABEL_MAX = 120
export const VOTE_ITEMS_MIN = 2
export const VOTE_ITEMS_MAX = 100
export const VOTE_DOTS_MIN = 1
export const VOTE_DOTS_MAX = 10
/** Minutes a vote may run by itself; "no limit" is null. */
export const VOTE_MINUTES_MAX = 240
/** Ballots read per vote: far above any room, low enough that a flood cannot freeze a screen. */
export const VOTE_BALLOTS_READ_MAX = 2_000
const SPEC_TEXT_MAX = 40_000

export const VOTE_SOURCES = ['variables', 'notes', 'responses', 'segments', 'projects'] as const
export type VoteSourceKind = (typeof VOTE_SOURCES)[number]
export const VOTE_SOURCE_LABELS: Record<VoteSourceKind, string> = {
  variables: 'Variables of a diagram',
  notes: 'Notes of a diagram',
  responses: 'Written responses',
  segments: 'Segments of the agenda',
  projects: 'Cohort projects',
}

export const VOTE_RESULTS = ['live', 'end'] as const
export type VoteResultsMode = (typeof VOTE_RESULTS)[number]
export const VOTE_RESULTS_LABELS: Record<VoteResultsMode, string> = { live: 'Live tally', end: 'Tally at the end' }

const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/)
const Time = z.number().finite()

export const VoteItemSchema = z.object({ key: Id, label: z.string().min(1).max(VOTE_ITEM_LABEL_MAX) })
export type VoteItem = z.infer<typeof VoteItemSchema>

export const VoteSpecSchema = z.object({
  question: z.string().trim().min(1).max(VOTE_QUESTION_MAX),
  items: z.array(VoteItemSchema).min(VOTE_ITEMS_MIN).max(VOTE_ITEMS_MAX),
  dots: z.number().int().min(VOTE_DOTS_MIN).max(VOTE_DOTS_MAX),
  cumulative: z.boolean(),
  anonymous: z.boolean(),
  results: z.enum(VOTE_RESULTS),
  source: z.object({ kind: z.enum(VOTE_SOURCES), id: z.string().max(64).nullable(), title: z.string().max(VOTE_ITEM_LABEL_MAX) }),
  /** Null: it runs until a facilitator ends it. */
  durationMs: z.number().int().min(0).max(VOTE_MINUTES_MAX * 60_000).nullable(),
  /** When it started, in the starter's clock (`clockOf`), which is the vote's clock. */
  startedAt: Time,
  clockOf: Id,
  by: Id,
})
export type VoteSpec = z.infer<typeof VoteSpecSchema>

const VoteEndSchema = z.object({ at: Time, by: Id })
type VoteEnd = z.infer<typeof VoteEndSchema>
const ClosedSchema = z.object({ closed: z.boolean(), by: Id, at: Time })

const Statement = z.string().max(10_000).optional()
const SpecRecordSchema = z.object({ spec: z.string().max(SPEC_TEXT_MAX), statement: Statement })
const EndRecordSchema = z.object({ end: z.string().max(SPEC_TEXT_MAX), statement: Statement })

/** A ballot's dots: item key → how many. */
export type Dots = Record<string, number>
const DotsSchema = z.record(z.string().max(64), z.number().int().min(0).max(VOTE_DOTS_MAX))
const PlainBallotSchema = z.strictObject({ dots: DotsSchema, at: Time })
const ClaimBodySchema = z.strictObject({ dots: DotsSchema })

/** What a facilitator fills in to start a vote. */
export interface VoteDraft {
  question: string
  items: VoteItem[]
  dots: number
  cumulative: boolean
  anonymous: boolean
  results: VoteResultsMode
  /** Null: no time limit. */
  minutes: number | null
  source: VoteSpec['source']
}

/** Who is writing: their person id, their signing key (where the app has one), and the shared clock. */
export interface VoteWriter {
  personId: string
  signer: Signer | null
  clock: ClockReader
}

// ---- what this room can and cannot enforce, in the words the interface shows ----

/** Said next to the settings and on the vote, chosen by `enforcementStatements`. */
export const VOTE_ENFORCEMENT = {
  signedNamed:
    'Named, and checked on every copy: each ballot is signed with its voter’s own key. Every copy of the convening counts one ballot per person, ignores a ballot written in someone else’s name, one with more dots than allowed (or more than one on an item, where that is not allowed) and one cast after the vote ended, and says how many it ignored. What it cannot do: keep who placed which dots from anyone, since every copy of the document holds each person’s dots; or stop a modified app from deleting ballots in its own copy (every honest app puts back the ballots it has seen).',
  unsignedNamed:
    'Named, not signed: this convening was started before Convene signed roles, so a ballot carries its voter’s id but no signature. Every copy ignores ballots with more dots than allowed, but a modified app could write a ballot in someone else’s name. Every copy of the document holds each person’s dots.',
  anonymous:
    'Anonymous: a ballot is stored with no name and no id, under a random key that only the voter’s computer remembers. Every copy ignores a ballot with more dots than allowed (or more than one on an item, where that is not allowed), and the results say plainly when there are more ballots than people who have been in the convening. What no peer-to-peer room can enforce: one ballot per person. This app votes once per computer, but someone could vote again from another computer or a modified app, and nobody can tell whose extra ballot it is. While you are connected, a modified app watching the network could see which computer sent a ballot.',
} as const
export const VOTE_RESULTS_STATEMENTS: Record<VoteResultsMode, string> = {
  live: 'Everyone sees the tally as dots are placed.',
  end: 'Screens show how many have voted, and the tally only when the vote ends. The dots are in every copy of the document as soon as they are placed, so a modified app could count them earlier.',
}

/** What this room enforces for a vote with these settings, then what people see when. */
export function enforcementStatements(doc: Y.Doc, settings: { anonymous: boolean; results: VoteResultsMode }): string[] {
  const who = settings.anonymous ? VOTE_ENFORCEMENT.anonymous : signedRoom(doc) ? VOTE_ENFORCEMENT.signedNamed : VOTE_ENFORCEMENT.unsignedNamed
  return [who, VOTE_RESULTS_STATEMENTS[settings.results]]
}

// ---- facilitators' records, signed where roles are signed ----

const digest = (text: string): string => `sha256:${bytesToBase64Url(sha256(new TextEncoder().encode(text)))}`

/**
 * A facilitator's record: the JSON `text` parsed with `schema`, kept only when its
 * writer facilitates, and, where roles are signed, when `statement` is their signed
 * claim about `subject` over the hash of exactly this text.
 */
function readSealed<T extends { by: string }>(doc: Y.Doc, text: string, statement: string | undefined, subject: string, schema: z.ZodType<T>): T | null {
  let data: T
  try {
    const parsed = schema.safeParse(JSON.parse(text))
    if (!parsed.success) return null
    data = parsed.data
  } catch {
    return null
  }
  if (!signedRoom(doc)) return canFacilitate(doc, data.by) ? data : null
  const read = readClaim(doc, statement, subject)
  return read?.as === 'facilitator' && read.claim.by === data.by && read.claim.body === digest(text) ? data : null
}

/** The statement a facilitator's record needs where roles are signed (undefined elsewhere); null when it cannot be made. */
async function seal(doc: Y.Doc, writer: VoteWriter, subject: string, text: string, at: number): Promise<{ statement?: string } | null> {
  const room = signedRoom(doc)
  if (!room) return {}
  if (!writer.signer || writer.signer.personId !== writer.personId) return null
  const statement = await claimStatement(writer.signer, room.room, subject, digest(text), at)
  const read = readClaim(doc, statement, subject)
  return read?.as === 'facilitator' ? { statement } : null
}

const specSubject = (voteId: string): string => `vote-spec:${voteId}`
const endSubject = (voteId: string): string => `vote-end:${voteId}`
/** The subject of a named ballot's claim. */
export const ballotSubject = (voteId: string): string => `vote:${voteId}`
const SPEC_PREFIX = 'vote:'
const END_PREFIX = 'vote-end:'
const CLOSED_PREFIX = 'vote-closed:'
const BALLOT_PREFIX = 'ballot:'
const ballotKey = (voteId: string, key: string): string => `${BALLOT_PREFIX}${voteId}:${key}`

// ---- reading ----

export interface Vote {
  id: string
  spec: VoteSpec
  /** When it ends or ended, in the vote's clock; null while it runs with no time limit. */
  endsAt: number | null
  /** A facilitator ended it (rather than its time running out). */
  endedEarly: boolean
  /** Its results are off everyone's screen (still in the list of votes and the notes). */
  closed: boolean
}

export function readVote(doc: Y.Doc, voteId: string): Vote | null {
  const run = runMap(doc)
  const record = SpecRecordSchema.safeParse(run.get(`${SPEC_PREFIX}${voteId}`))
  if (!record.success) return null
  const spec = readSealed(doc, record.data.spec, record.data.statement, specSubject(voteId), VoteSpecSchema)
  if (!spec || spec.clockOf !== spec.by) return null
  const end = readEnd(doc, voteId)
  const byTime = spec.durationMs === null ? null : spec.startedAt + spec.durationMs
  const early = end !== null && (byTime === null || end.at < byTime)
  const closed = ClosedSchema.safeParse(run.get(`${CLOSED_PREFIX}${voteId}`))
  return {
    id: voteId,
    spec,
    endsAt: early ? end.at : byTime,
    endedEarly: early,
    closed: closed.success && canFacilitate(doc, closed.data.by) && closed.data.closed,
  }
}

function readEnd(doc: Y.Doc, voteId: string): VoteEnd | null {
  const record = EndRecordSchema.safeParse(runMap(doc).get(`${END_PREFIX}${voteId}`))
  return record.success ? readSealed(doc, record.data.end, record.data.statement, endSubject(voteId), VoteEndSchema) : null
}

/** Now, in the vote's clock (its starter's). */
export function voteNow(vote: Vote, clock: ClockReader): number {
  return clock.now() + clock.offsetTo(vote.spec.clockOf)
}

/**
 * Whether it still takes dots on this screen. A facilitator's end closes it as soon as
 * it arrives, whatever this computer's estimate of the starter's clock says (an
 * estimate a few milliseconds behind would otherwise keep it open, with nothing to
 * re-read it later); a time limit closes it when the shared clock reaches it.
 */
export function isVoteOpen(vote: Vote, clock: ClockReader): boolean {
  if (vote.endedEarly) return false
  return vote.endsAt === null || voteNow(vote, clock) < vote.endsAt
}

/** Every vote that counts, in the order they were started. */
export function voteIds(doc: Y.Doc): string[] {
  const votes: Vote[] = []
  for (const key of runMap(doc).keys()) {
    if (!key.startsWith(SPEC_PREFIX)) continue
    const vote = readVote(doc, key.slice(SPEC_PREFIX.length))
    if (vote) votes.push(vote)
  }
  return votes.sort((a, b) => a.spec.startedAt - b.spec.startedAt || a.id.localeCompare(b.id)).map((v) => v.id)
}

/** The votes on everyone's screen: running, or ended with results a facilitator has not closed. */
export function shownVoteIds(doc: Y.Doc): string[] {
  return voteIds(doc).filter((id) => !readVote(doc, id)?.closed)
}

// ---- ballots ----

export const IGNORED_REASONS = ['unreadable', 'forged', 'stranger', 'too-many', 'stacked', 'unknown', 'late'] as const
export type IgnoredReason = (typeof IGNORED_REASONS)[number]
export const IGNORED_LABELS: Record<IgnoredReason, string> = {
  unreadable: 'unreadable',
  forged: 'not signed by the person it names',
  stranger: 'from someone who is not in the convening',
  'too-many': 'more dots than allowed',
  stacked: 'more than one dot on an item',
  unknown: 'dots on things not in the vote',
  late: 'cast after the vote ended',
}

/** A ballot's dots as they count for this vote (no zeros), or why it counts as nothing. */
export function fitDots(spec: VoteSpec, dots: Dots): { dots: Dots } | { ignored: IgnoredReason } {
  const items = new Set(spec.items.map((i) => i.key))
  const out: Dots = {}
  let total = 0
  for (const [key, count] of Object.entries(dots)) {
    if (count === 0) continue
    if (!items.has(key)) return { ignored: 'unknown' }
    if (!spec.cumulative && count > 1) return { ignored: 'stacked' }
    total += count
    out[key] = count
  }
  return total > spec.dots ? { ignored: 'too-many' } : { dots: out }
}

interface RawBallot {
  dots: Dots
  /** When it was cast, in the vote's clock (signed, for named ballots in signed rooms). */
  at: number
}

/** A ballot as written under `key`, before it is checked against the vote; or why it cannot be read. */
function readBallot(doc: Y.Doc, vote: Vote, key: string, value: unknown): RawBallot | IgnoredReason {
  if (vote.spec.anonymous) {
    const plain = PlainBallotSchema.safeParse(value)
    return plain.success ? plain.data : 'unreadable'
  }
  if (!readPerson(doc, key)) return 'stranger'
  const plain = PlainBallotSchema.safeParse(value)
  // Where roles are signed, a plain ballot names someone without their signature.
  if (plain.success) return signedRoom(doc) ? 'forged' : plain.data
  const claim = signedRoom(doc) ? readClaim(doc, value, ballotSubject(vote.id))?.claim : verifyStatement(value)
  if (!claim || claim.kind !== 'claim' || claim.subject !== ballotSubject(vote.id)) return typeof value === 'string' ? 'forged' : 'unreadable'
  // The claim verifies as made by its signer (readClaim); counted only under its signer's own id.
  if (claim.by !== key) return 'forged'
  try {
    const body = ClaimBodySchema.safeParse(JSON.parse(claim.body))
    return body.success ? { dots: body.data.dots, at: claim.at } : 'unreadable'
  } catch {
    return 'unreadable'
  }
}

export interface CountedBallot {
  key: string
  dots: Dots
  at: number
}

export interface BallotReading {
  /** Ballots that count, with at least one dot. */
  counted: CountedBallot[]
  ignored: Map<IgnoredReason, number>
}

function ballotEntries(doc: Y.Doc, voteId: string): [string, unknown][] {
  const prefix = `${BALLOT_PREFIX}${voteId}:`
  const out: [string, unknown][] = []
  for (const [key, value] of runMap(doc).entries()) {
    if (out.length >= VOTE_BALLOTS_READ_MAX) break
    if (key.startsWith(prefix)) out.push([key.slice(prefix.length), value])
  }
  return out
}

/** Every ballot of a vote, checked. */
export function readBallots(doc: Y.Doc, vote: Vote): BallotReading {
  const counted: CountedBallot[] = []
  const ignored = new Map<IgnoredReason, number>()
  const ignore = (reason: IgnoredReason): void => void ignored.set(reason, (ignored.get(reason) ?? 0) + 1)
  for (const [key, value] of ballotEntries(doc, vote.id)) {
    const raw = readBallot(doc, vote, key, value)
    if (typeof raw === 'string') {
      ignore(raw)
      continue
    }
    const fitted = fitDots(vote.spec, raw.dots)
    if ('ignored' in fitted) ignore(fitted.ignored)
    else if (vote.endsAt !== null && raw.at > vote.endsAt && Object.keys(fitted.dots).length > 0) ignore('late')
    else if (Object.keys(fitted.dots).length > 0) counted.push({ key, dots: fitted.dots, at: raw.at })
  }
  return { counted, ignored }
}

// ---- results ----

export interface ResultRow {
  key: string
  label: string
  count: number
  /** 1 for the most dots; items with the same count share a rank. */
  rank: number
  /** Another item has the same count (never said of items with no dots). */
  tied: boolean
  /** Of the most dots any item got, 0 to 1 (for the bars). */
  share: number
  /** Named votes: who put dots on it (person ids), in name order of the ballots. */
  voters: string[]
}

export interface VoteResults {
  rows: ResultRow[]
  ballots: number
  dotsPlaced: number
  /** "1 ballot ignored (more dots than allowed)"; empty when none was. */
  ignoredText: string
  /** Anonymous votes: "7 ballots from 6 people: someone may have voted more than once", or null. */
  excessText: string | null
}

/** Ranked rows from each item's count; ties share a rank and are marked. */
export function rankItems(items: readonly VoteItem[], counts: ReadonlyMap<string, number>, voters: ReadonlyMap<string, string[]> = new Map()): ResultRow[] {
  const most = Math.max(0, ...counts.values())
  const rows = items.map((item, order) => ({ item, order, count: counts.get(item.key) ?? 0 }))
  rows.sort((a, b) => b.count - a.count || a.order - b.order)
  return rows.map(({ item, count }) => ({
    key: item.key,
    label: item.label,
    count,
    rank: 1 + rows.filter((r) => r.count > count).length,
    tied: count > 0 && rows.filter((r) => r.count === count).length > 1,
    share: most > 0 ? count / most : 0,
    voters: voters.get(item.key) ?? [],
  }))
}

export function ignoredText(ignored: ReadonlyMap<IgnoredReason, number>): string {
  return IGNORED_REASONS.filter((r) => (ignored.get(r) ?? 0) > 0)
    .map((r) => `${plural(ignored.get(r)!, 'ballot')} ignored (${IGNORED_LABELS[r]})`)
    .join('; ')
}

export function tallyVote(doc: Y.Doc, vote: Vote, reading: BallotReading = readBallots(doc, vote)): VoteResults {
  const counts = new Map<string, number>()
  const voters = new Map<string, string[]>()
  let dotsPlaced = 0
  for (const ballot of reading.counted) {
    for (const [key, count] of Object.entries(ballot.dots)) {
      counts.set(key, (counts.get(key) ?? 0) + count)
      dotsPlaced += count
      if (!vote.spec.anonymous) voters.set(key, [...(voters.get(key) ?? []), ballot.key])
    }
  }
  const people = readPeople(doc).length
  const ballots = reading.counted.length
  return {
    rows: rankItems(vote.spec.items, counts, voters),
    ballots,
    dotsPlaced,
    ignoredText: ignoredText(reading.ignored),
    excessText: vote.spec.anonymous && ballots > people ? `${plural(ballots, 'ballot')} from ${plural(people, 'person', 'people')}: someone may have voted more than once` : null,
  }
}

export interface VoteView extends Vote {
  /** Whether it still takes dots, as of the `now` it was read at. */
  open: boolean
  /** People (named) or ballots (anonymous) with at least one dot counted. */
  voted: number
  /** This viewer's dots as they count, and the key of their ballot. */
  mine: Dots
  mineKey: string | null
  dotsLeft: number
  /** Null while the tally is kept for the end. */
  results: VoteResults | null
}

/**
 * A vote as this viewer sees it. `mineAnonymous`: keys this computer remembers writing
 * (anonymous votes). `open` is decided by the caller's clock (`isVoteOpen`), so a
 * cached view changes when the vote's time runs out, not every second.
 */
export function viewVote(doc: Y.Doc, voteId: string, viewerId: string, mineAnonymous: ReadonlySet<string>, open: boolean): VoteView | null {
  const vote = readVote(doc, voteId)
  if (!vote) return null
  const reading = readBallots(doc, vote)
  const own = vote.spec.anonymous ? reading.counted.find((b) => mineAnonymous.has(b.key)) : reading.counted.find((b) => b.key === viewerId)
  const mine = own?.dots ?? {}
  // An anonymous ballot of mine that no longer counts (all dots taken back) is still mine to reuse.
  const mineKey = own?.key ?? (vote.spec.anonymous ? (ballotEntries(doc, voteId).find(([k]) => mineAnonymous.has(k))?.[0] ?? null) : null)
  return {
    ...vote,
    open,
    voted: reading.counted.length,
    mine,
    mineKey,
    dotsLeft: Math.max(0, vote.spec.dots - sumDots(mine)),
    results: vote.spec.results === 'live' || !open ? tallyVote(doc, vote, reading) : null,
  }
}

export function sumDots(dots: Dots): number {
  return Object.values(dots).reduce((n, c) => n + c, 0)
}

/** "3 of 5 dots left", for the live region. */
export function dotsLeftText(view: Pick<VoteView, 'dotsLeft' | 'spec'>): string {
  return `${view.dotsLeft} of ${plural(view.spec.dots, 'dot')} left`
}

// ---- placing and taking back dots ----

/** Add (+1) or take back (−1) a dot on an item: the whole new ballot, or why not. */
export function moveDot(spec: VoteSpec, current: Dots, itemKey: string, delta: 1 | -1): ResultWith<{ dots: Dots }> {
  if (!spec.items.some((i) => i.key === itemKey)) return refuse(MSG.notInVote)
  const now = current[itemKey] ?? 0
  if (delta < 0 && now === 0) return refuse(MSG.noDot)
  if (delta > 0 && sumDots(current) >= spec.dots) return refuse(said(MSG.allPlaced, { count: spec.dots }))
  if (delta > 0 && !spec.cumulative && now >= 1) return refuse(MSG.onePerItem)
  const next: Dots = { ...current, [itemKey]: now + delta }
  if (next[itemKey] === 0) delete next[itemKey]
  return { ok: true, dots: next }
}

export type BallotResult = ResultWith<{ key: string }>

/**
 * Cast (or replace) this person's ballot: `dots` is the whole ballot. Named: under the
 * person id, signed where roles are signed. Anonymous: under `anonymousKey` (the key
 * this computer remembers, or a new one), in a throwaway Yjs client; the key is
 * returned for this computer to remember.
 */
export async function castBallot(doc: Y.Doc, writer: VoteWriter, voteId: string, dots: Dots, anonymousKey: string | null = null): Promise<BallotResult> {
  const vote = readVote(doc, voteId)
  if (!vote) return refuse(MSG.gone)
  if (!isVoteOpen(vote, writer.clock)) return refuse(MSG.ended)
  const fitted = fitDots(vote.spec, dots)
  if ('ignored' in fitted) return refuse(said(MSG.ignored, { reason: fitted.ignored === 'too-many' ? 'tooMany' : fitted.ignored }))
  const at = Math.floor(voteNow(vote, writer.clock))
  if (vote.spec.anonymous) {
    const key = anonymousKey ?? newItemId()
    // Whole seconds: a ballot's time says nothing finer about who sent it.
    const ballot = { dots: fitted.dots, at: Math.floor(at / 1000) * 1000 }
    writeUnlinked(doc, (copy) => runMap(copy).set(ballotKey(voteId, key), ballot))
    return { ok: true, key }
  }
  const room = signedRoom(doc)
  if (!room) {
    doc.transact(() => runMap(doc).set(ballotKey(voteId, writer.personId), { dots: fitted.dots, at }), VOTES_ORIGIN)
    return { ok: true, key: writer.personId }
  }
  if (!writer.signer || writer.signer.personId !== writer.personId) return refuse(MSG.cannotSignBallot)
  // A new ballot is never older than the one it replaces (honest apps keep the newest: keepSignedVotes).
  const before = readBallot(doc, vote, writer.personId, runMap(doc).get(ballotKey(voteId, writer.personId)))
  const signedAt = typeof before === 'string' ? at : Math.max(at, before.at + 1)
  const statement = await claimStatement(writer.signer, room.room, ballotSubject(voteId), JSON.stringify({ dots: fitted.dots }), signedAt)
  doc.transact(() => runMap(doc).set(ballotKey(voteId, writer.personId), statement), VOTES_ORIGIN)
  return { ok: true, key: writer.personId }
}

// ---- facilitators: start, end, close ----

export function checkVoteDraft(draft: VoteDraft): RunResult {
  const question = draft.question.trim()
  if (question === '') return refuse(MSG.writeQuestion)
  if (question.length > VOTE_QUESTION_MAX) return refuse(said(MSG.questionTooLong, { max: VOTE_QUESTION_MAX, count: question.length }))
  if (draft.items.length < VOTE_ITEMS_MIN) return refuse(said(MSG.tooFewItems, { min: VOTE_ITEMS_MIN }))
  if (draft.items.length > VOTE_ITEMS_MAX) return refuse(said(MSG.tooManyItems, { max: VOTE_ITEMS_MAX, count: draft.items.length }))
  if (new Set(draft.items.map((i) => i.key)).size < draft.items.length) return refuse(MSG.sameItem)
  if (!Number.isInteger(draft.dots) || draft.dots < VOTE_DOTS_MIN || draft.dots > VOTE_DOTS_MAX) return refuse(said(MSG.dots, { min: VOTE_DOTS_MIN, max: VOTE_DOTS_MAX }))
  if (draft.minutes !== null && !(Number.isFinite(draft.minutes) && draft.minutes > 0 && draft.minutes <= VOTE_MINUTES_MAX)) return refuse(said(MSG.timeLimit, { max: VOTE_MINUTES_MAX }))
  return done(undefined)
}

/** An item's label as the vote keeps it: one line, at most VOTE_ITEM_LABEL_MAX characters. */
export function itemLabel(text: string, fallback = 'Untitled'): string {
  const line = text.replace(/\s+/g, ' ').trim() || fallback
  return line.length > VOTE_ITEM_LABEL_MAX ? `${line.slice(0, VOTE_ITEM_LABEL_MAX - 1)}…` : line
}

/** A facilitator starts a vote (signed where roles are signed). */
export async function startVote(doc: Y.Doc, writer: VoteWriter, draft: VoteDraft): Promise<RunResult<string>> {
  const refusal = guard(doc, writer.personId)
  if (refusal) return refusal
  const checked = checkVoteDraft(draft)
  if (!checked.ok) return checked
  const id = newItemId()
  const now = writer.clock.now()
  const spec: VoteSpec = {
    question: draft.question.trim(),
    items: draft.items.map((i) => ({ key: i.key, label: itemLabel(i.label) })),
    dots: draft.dots,
    cumulative: draft.cumulative,
    anonymous: draft.anonymous,
    results: draft.results,
    source: { ...draft.source, title: itemLabel(draft.source.title, VOTE_SOURCE_LABELS[draft.source.kind]) },
    durationMs: draft.minutes === null ? null : Math.round(draft.minutes * 60_000),
    startedAt: now,
    clockOf: writer.personId,
    by: writer.personId,
  }
  const text = JSON.stringify(spec)
  const sealed = await seal(doc, writer, specSubject(id), text, now)
  if (!sealed) return refuse(MSG.cannotSignVote)
  doc.transact(() => runMap(doc).set(`${SPEC_PREFIX}${id}`, { spec: text, ...sealed }), VOTES_ORIGIN)
  return done(id)
}

/** A facilitator ends a running vote now (signed where roles are signed). */
export async function endVote(doc: Y.Doc, writer: VoteWriter, voteId: string): Promise<RunResult> {
  const refusal = guard(doc, writer.personId)
  if (refusal) return refusal
  const vote = readVote(doc, voteId)
  if (!vote) return refuse(MSG.gone)
  if (!isVoteOpen(vote, writer.clock)) return refuse(MSG.alreadyEnded)
  // In the vote's clock, so the end compares with the ballots' times on every copy.
  const end: VoteEnd = { at: Math.floor(voteNow(vote, writer.clock)), by: writer.personId }
  const text = JSON.stringify(end)
  const sealed = await seal(doc, writer, endSubject(voteId), text, writer.clock.now())
  if (!sealed) return refuse(MSG.cannotSignEnd)
  doc.transact(() => runMap(doc).set(`${END_PREFIX}${voteId}`, { end: text, ...sealed }), VOTES_ORIGIN)
  return done(undefined)
}

/**
 * Take a vote's results off everyone's screen (or put them back). Not signed: a forged
 * "closed" only hides a card, and the results stay in the list of votes and the notes.
 */
export function closeVote(doc: Y.Doc, personId: string, voteId: string, closed: boolean, now: number): RunResult {
  const refusal = guard(doc, personId)
  if (refusal) return refusal
  if (!readVote(doc, voteId)) return refuse(MSG.gone)
  doc.transact(() => runMap(doc).set(`${CLOSED_PREFIX}${voteId}`, { closed, by: personId, at: now }), VOTES_ORIGIN)
  return done(undefined)
}

// ---- keeping signed records ----

/** A signed named ballot that counts under `key` (null: not one). */
function signedBallotAt(doc: Y.Doc, voteId: string, key: string, value: unknown): number | null {
  const vote = readVote(doc, voteId)
  if (!vote || vote.spec.anonymous || typeof value !== 'string') return null
  const ballot = readBallot(doc, vote, key, value)
  return typeof ballot === 'string' ? null : ballot.at
}

/** Whether `before` is a signed record that `after` (a removal, a forgery, an older ballot) should not replace. */
function keepsOver(doc: Y.Doc, key: string, before: unknown, after: unknown): boolean {
  if (key.startsWith(BALLOT_PREFIX)) {
    const [voteId, owner] = splitBallotKey(key)
    const was = signedBallotAt(doc, voteId, owner, before)
    if (was === null) return false
    const now = signedBallotAt(doc, voteId, owner, after)
    return now === null || now < was
  }
  const readRecord = (value: unknown): boolean => {
    if (key.startsWith(SPEC_PREFIX)) {
      const r = SpecRecordSchema.safeParse(value)
      return r.success && readSealed(doc, r.data.spec, r.data.statement, specSubject(key.slice(SPEC_PREFIX.length)), VoteSpecSchema) !== null
    }
    if (key.startsWith(END_PREFIX)) {
      const r = EndRecordSchema.safeParse(value)
      return r.success && readSealed(doc, r.data.end, r.data.statement, endSubject(key.slice(END_PREFIX.length)), VoteEndSchema) !== null
    }
    return false
  }
  return readRecord(before) && !readRecord(after)
}

function splitBallotKey(key: string): [string, string] {
  const rest = key.slice(BALLOT_PREFIX.length)
  const at = rest.indexOf(':')
  return at < 0 ? [rest, ''] : [rest.slice(0, at), rest.slice(at + 1)]
}

/**
 * Where roles are signed, keep every signed vote, end and named ballot this app has
 * seen: one that is removed, overwritten by something that does not verify, or (a
 * ballot) replaced by an older ballot of the same person (a replay) is put back. As
 * for roles, deleting is the one thing signatures cannot stop; this makes a deletion
 * last only while no honest app is open. Returns the way to stop.
 */
export function keepSignedVotes(doc: Y.Doc): () => void {
  const run = runMap(doc)
  const onChange = (event: Y.YMapEvent<unknown>): void => {
    if (!signedRoom(doc)) return
    const restore: [string, unknown][] = []
    for (const [key, change] of event.changes.keys) {
      if (change.action === 'add' || !(key.startsWith(BALLOT_PREFIX) || key.startsWith(SPEC_PREFIX) || key.startsWith(END_PREFIX))) continue
      if (keepsOver(doc, key, change.oldValue, run.get(key))) restore.push([key, change.oldValue])
    }
    if (restore.length === 0) return
    // Not inside the observer: the transaction that changed them has to finish first.
    queueMicrotask(() => {
      const still = restore.filter(([key, value]) => keepsOver(doc, key, value, run.get(key)))
      if (still.length > 0) doc.transact(() => still.forEach(([key, value]) => run.set(key, value)), VOTES_ORIGIN)
    })
  }
  run.observe(onChange)
  return () => run.unobserve(onChange)
}

// ---- harvest ----

/** The votes' fixed words in the exporter's language (questions, items, sources' titles and names are people's own). */
const M = {
  on: { id: 'notes.export.votes.fact.on', defaultMessage: 'On', description: 'What was put to the vote' },
  dots: { id: 'notes.export.votes.fact.dots', defaultMessage: 'Dots' },
  ballots: { id: 'notes.export.votes.fact.ballots', defaultMessage: 'Ballots', description: 'Whether the ballots are named or anonymous' },
  tally: { id: 'notes.export.votes.fact.tally', defaultMessage: 'Tally', description: 'When the tally was shown' },
  time: { id: 'notes.export.votes.fact.time', defaultMessage: 'Time', description: 'How long the vote ran' },
  voted: { id: 'notes.export.votes.fact.voted', defaultMessage: 'Voted', description: 'How many voted, and how many dots they placed' },
  whoVoted: { id: 'notes.export.votes.fact.whoVoted', defaultMessage: 'Who voted' },
  source: {
    id: 'notes.export.votes.source',
    defaultMessage:
      '{source, select, variables {Variables of a diagram} notes {Notes of a diagram} responses {Written responses} segments {Segments of the agenda} other {Cohort projects}}',
  },
  sourceTitled: {
    id: 'notes.export.votes.sourceTitled',
    defaultMessage:
      '{source, select, variables {Variables of a diagram} notes {Notes of a diagram} responses {Written responses} segments {Segments of the agenda} other {Cohort projects}}: {title}',
    description: 'title: the diagram, prompt or list the items came from, as people named it',
  },
  perPerson: {
    id: 'notes.export.votes.perPerson',
    defaultMessage: '{dots, plural, one {# dot} other {# dots}} per person, {cumulative, select, yes {several on one item allowed} other {at most one per item}}',
  },
  anonymous: { id: 'notes.export.votes.anonymous', defaultMessage: 'Anonymous (nobody is named)' },
  named: { id: 'notes.export.votes.named', defaultMessage: 'Named' },
  live: { id: 'notes.export.votes.tally.live', defaultMessage: 'Live (seen while voting)' },
  atEnd: { id: 'notes.export.votes.tally.end', defaultMessage: 'Shown at the end' },
  noLimit: { id: 'notes.export.votes.noLimit', defaultMessage: 'No time limit' },
  minutes: { id: 'notes.export.votes.minutes', defaultMessage: '{minutes, plural, one {# minute} other {# minutes}} on the shared clock' },
  minutesEndedEarly: {
    id: 'notes.export.votes.minutesEndedEarly',
    defaultMessage: '{minutes, plural, one {# minute} other {# minutes}} on the shared clock, ended early by a facilitator',
  },
  votedBallots: {
    id: 'notes.export.votes.votedBallots',
    defaultMessage:
      '{ballots, plural, one {# ballot} other {# ballots}}, {dots, plural, one {# dot} other {# dots}}{running, select, yes { (still running when these notes were made)} other {}}',
    description: 'An anonymous vote: ballots counted and dots placed',
  },
  votedPeople: {
    id: 'notes.export.votes.votedPeople',
    defaultMessage:
      '{people, plural, one {# person} other {# people}}, {dots, plural, one {# dot} other {# dots}}{running, select, yes { (still running when these notes were made)} other {}}',
    description: 'A named vote: people who voted and dots placed',
  },
  someone: { id: 'notes.export.votes.someone', defaultMessage: 'Someone', description: 'In place of the name of someone who is no longer in the convening' },
  headRank: { id: 'notes.export.votes.head.rank', defaultMessage: 'Rank' },
  headItem: { id: 'notes.export.votes.head.item', defaultMessage: 'Item' },
  headDots: { id: 'notes.export.votes.head.dots', defaultMessage: 'Dots' },
  headShare: { id: 'notes.export.votes.head.share', defaultMessage: 'Share', description: 'Column: the share of all dots placed (42%)' },
  headWho: { id: 'notes.export.votes.head.who', defaultMessage: 'Who', description: 'Column: who put dots on the item' },
  tied: { id: 'notes.export.votes.tied', defaultMessage: '{rank} (tied)', description: 'A rank shared with another item' },
  ignored: {
    id: 'notes.export.votes.ignored',
    defaultMessage:
      '{count, plural, one {# ballot ignored} other {# ballots ignored}} ({reason, select, forged {not signed by the person it names} stranger {from someone who is not in the convening} tooMany {more dots than allowed} stacked {more than one dot on an item} unknown {dots on things not in the vote} late {cast after the vote ended} other {unreadable}})',
  },
  ignoredJoin: { id: 'notes.export.votes.ignoredJoin', defaultMessage: '{before}; {after}', description: 'Two or more notes.export.votes.ignored one after the other' },
  ignoredSentence: { id: 'notes.export.votes.ignoredSentence', defaultMessage: '{ignored}.', description: 'The ballots ignored (notes.export.votes.ignored, joined) as a sentence' },
  excess: {
    id: 'notes.export.votes.excess',
    defaultMessage: '{ballots, plural, one {# ballot} other {# ballots}} from {people, plural, one {# person} other {# people}}: someone may have voted more than once.',
    description: 'An anonymous vote with more ballots than people in the convening',
  },
} as const

/** "1 ballot ignored (unreadable); 2 ballots ignored (cast after the vote ended).", or null when none was (as ignoredText, in the exporter's language). */
function ignoredSentence(t: Translator, ignored: ReadonlyMap<IgnoredReason, number>): string | null {
  const parts = IGNORED_REASONS.filter((r) => (ignored.get(r) ?? 0) > 0).map((r) =>
    t.formatMessage(M.ignored, { count: ignored.get(r)!, reason: r === 'too-many' ? 'tooMany' : r }),
  )
  if (parts.length === 0) return null
  const joined = parts.reduce((before, after) => t.formatMessage(M.ignoredJoin, { before, after }))
  return t.formatMessage(M.ignoredSentence, { ignored: joined })
}

function voteBlocks(doc: Y.Doc, vote: Vote, now: number, t: Translator): Block[] {
  const { spec } = vote
  const running = vote.endsAt === null || now < vote.endsAt
  const reading = readBallots(doc, vote)
  const results = tallyVote(doc, vote, reading)
  const someone = word(t, M.someone)
  const names = (ids: readonly string[]): string => nameList(t, ids.map((id) => readPerson(doc, id)?.name ?? someone).sort((a, b) => a.localeCompare(b)))
  const { kind, title } = spec.source
  const minutes = Math.round((spec.durationMs ?? 0) / 60_000) || 1
  const counts = { ballots: results.ballots, people: results.ballots, dots: results.dotsPlaced, running: running ? 'yes' : 'no' }
  const facts: [string, string][] = [
    [word(t, M.on), title && title !== VOTE_SOURCE_LABELS[kind] ? t.formatMessage(M.sourceTitled, { source: kind, title }) : t.formatMessage(M.source, { source: kind })],
    [word(t, M.dots), t.formatMessage(M.perPerson, { dots: spec.dots, cumulative: spec.cumulative ? 'yes' : 'no' })],
    [word(t, M.ballots), word(t, spec.anonymous ? M.anonymous : M.named)],
    [word(t, M.tally), word(t, spec.results === 'live' ? M.live : M.atEnd)],
    [word(t, M.time), spec.durationMs === null ? word(t, M.noLimit) : t.formatMessage(vote.endedEarly ? M.minutesEndedEarly : M.minutes, { minutes })],
    [word(t, M.voted), t.formatMessage(spec.anonymous ? M.votedBallots : M.votedPeople, counts)],
  ]
  if (!spec.anonymous && results.ballots > 0) facts.push([word(t, M.whoVoted), names(reading.counted.map((b) => b.key))])
  const header = [M.headRank, M.headItem, M.headDots, M.headShare, ...(spec.anonymous ? [] : [M.headWho])].map((m) => word(t, m))
  const total = Math.max(1, results.dotsPlaced)
  const rows = results.rows.map((r) => {
    const rank = num(t, r.rank)
    const row = [r.tied ? t.formatMessage(M.tied, { rank }) : rank, r.label, num(t, r.count), percent(t, r.count / total)]
    if (!spec.anonymous) row.push(names(r.voters))
    return row
  })
  const blocks: Block[] = [
    { kind: 'heading', level: 3, text: spec.question },
    { kind: 'facts', rows: facts },
    { kind: 'table', header, rows },
  ]
  const people = readPeople(doc).length
  const notes = [ignoredSentence(t, reading.ignored), spec.anonymous && results.ballots > people ? t.formatMessage(M.excess, { ballots: results.ballots, people }) : null]
  for (const note of notes) if (note) blocks.push({ kind: 'paragraph', muted: true, text: note })
  return blocks
}

/** Every vote, in order, with its question, settings and ranked counts (anonymous votes name nobody); null without votes. */
export function votesHarvest(doc: Y.Doc, now: number, t: Translator = english): SectionContent | null {
  const votes = voteIds(doc).flatMap((id) => readVote(doc, id) ?? [])
  return votes.length === 0 ? null : { blocks: votes.flatMap((vote) => voteBlocks(doc, vote, now, t)), tags: ['dot-voting'] }
}

export const votesSection: HarvestSection = { id: 'votes', title: 'Votes', order: 66, collect: (doc, context) => votesHarvest(doc, context.now, translatorOf(context)) }
