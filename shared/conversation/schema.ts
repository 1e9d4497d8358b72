import * as Y from 'yjs'
import { z } from 'zod'
import { DOC_KEYS } from '../session/schema'
import { canFacilitate } from '../session/roles'
import { MAX_TIMER_MS, type TimerState } from '../facilitation/clock'
import { DeckSchema, ModeSchema } from './deck'
import { isNewerPart, stampVersion, type Migration, type VersionedPart } from '../migrations'

/**
 * Where the reflective conversation lives in the convening document:
 *
 *   doc.getMap('conversation'): Y.Map
 *     ├─ version: 1                    CONVERSATION_PART: its own version, migrated when the convening opens
 *     ├─ deck:      { deck: Deck, by, at }                         facilitator; a copy of the deck in use
 *     ├─ current:   { step, promptIndex, promptId, mode, by, at }  facilitator; ONE entry, last writer wins
 *     ├─ timer:     { step, timer: TimerState, by }                facilitator; silence / writing countdown
 *     ├─ round:     { roundId, step, order, seed, queue, perSpeakerMs, by, at }   facilitator
 *     ├─ stages:    { step, plan, index, timer, groups, seed, by } facilitator; 1-2-4-All and friends
 *     ├─ visited:   Y.Map<promptId, { text, label?, at, by }>      facilitator; prompts shown (harvest, journal)
 *     ├─ written:   Y.Map<promptId, { visibility, revealed, by }>  facilitator; response settings per prompt
 *     ├─ turns:     Y.Array<{ roundId, personId, kind, next?, at, by }>   each person for their own turn; facilitators for anyone
 *     ├─ responses: Y.Map<responseId, Y.Map>
 *     │    ├─ promptId, text, visibility ('named' | 'hidden' | 'anonymous'), createdAt, updatedAt
 *     │    ├─ author: personId            only when visibility is named or hidden; never for anonymous
 *     │    ├─ group: { label, by }        facilitator
 *     │    └─ star:  { value, by }        facilitator
 *     └─ polls: Y.Map<pollId, Y.Map>     created by the first facilitator who makes a poll (polls.ts)
 *
 * Facilitator entries carry `by` (the writer's person id). Every reader treats an entry
 * whose `by` is not a facilitator (shared/session/roles.ts) as absent, so an honest app
 * ignores a practitioner's attempt to change what everyone sees. This is a convention of
 * honest peers, not a lock: a peer-to-peer room has no server to refuse a write.
 *
 * `current` is a single value: "next" writes `step + 1` relative to what the writer saw,
 * so two facilitators pressing next at once produce one value on every peer (Yjs map
 * entries are last-writer-wins, decided the same way everywhere), never a split state.
 * Round, timer and stages entries belong to one `step`: when the prompt or mode moves
 * on, they stop applying without anyone having to clear them.
 *
 * The nested containers (visited, written, turns, responses) are created together by the
 * facilitator who first picks a deck, before anyone can write into them: a person only
 * writes a response once `current` has arrived, and Yjs delivers one writer's changes in
 * order, so the containers are already there. Two peers creating the same nested type
 * at once would lose one of them; creating them once avoids that.
 *
 * Every read is parsed with the schemas below and falls back safely.
 */
export const CONVERSATION_VERSION = 1

/** Steps raising `conversation.version`, step N from N - 1 to N (the rules: shared/migrations.ts). None yet. */
export const CONVERSATION_MIGRATIONS: Migration[] = []

export const KEYS = {
  version: 'version',
  deck: 'deck',
  current: 'current',
  timer: 'timer',
  round: 'round',
  stages: 'stages',
  visited: 'visited',
  written: 'written',
  turns: 'turns',
  responses: 'responses',
  polls: 'polls',
  revealedKeys: 'revealedKeys',
} as const

/**
 * The conversation keeps a version of its own, written by whoever first starts it. It
 * is migrated when the convening is opened (shared/session/migrations.ts), and one
 * from a newer build is shown but not changed.
 */
export const CONVERSATION_PART: VersionedPart = {
  name: 'conversation',
  root: DOC_KEYS.conversation,
  key: KEYS.version,
  version: CONVERSATION_VERSION,
  migrations: CONVERSATION_MIGRATIONS,
}

export const RESPONSE_MAX = 5_000
export const GROUP_LABEL_MAX = 60
export const MAX_PEOPLE = 200

const PersonIdSchema = z.string().min(1).max(64)
const TimeSchema = z.number().finite()

export const TimerStateSchema = z.object({
  durationMs: z.number().finite().min(0).max(MAX_TIMER_MS),
  startedAt: TimeSchema.nullable(),
  remainingAtStartMs: z.number().finite().min(0).max(MAX_TIMER_MS),
  clockOf: PersonIdSchema,
}) satisfies z.ZodType<TimerState>

export const DeckEntrySchema = z.object({ deck: DeckSchema, by: PersonIdSchema, at: TimeSchema })
export type DeckEntry = z.infer<typeof DeckEntrySchema>

export const CurrentSchema = z.object({
  step: z.number().int().min(0),
  promptIndex: z.number().int().min(0),
  promptId: z.string().max(64),
  mode: ModeSchema,
  by: PersonIdSchema,
  at: TimeSchema,
})
export type Current = z.infer<typeof CurrentSchema>

export const TimerEntrySchema = z.object({ step: z.number().int().min(0), timer: TimerStateSchema, by: PersonIdSchema })
export type TimerEntry = z.infer<typeof TimerEntrySchema>

export const ROUND_ORDERS = ['shuffle', 'facilitator', 'named'] as const
export type RoundOrder = (typeof ROUND_ORDERS)[number]
export const ROUND_ORDER_LABELS: Record<RoundOrder, string> = {
  shuffle: 'Shuffled',
  facilitator: 'In the order I set',
  named: 'Each speaker names the next',
}

export const RoundSchema = z.object({
  roundId: z.string().min(1).max(64),
  step: z.number().int().min(0),
  order: z.enum(ROUND_ORDERS),
  seed: z.number().int(),
  queue: z.array(PersonIdSchema).max(MAX_PEOPLE),
  perSpeakerMs: z.number().finite().min(1_000).max(60 * 60_000).nullable(),
  ended: z.boolean().default(false),
  by: PersonIdSchema,
  at: TimeSchema,
})
export type Round = z.infer<typeof RoundSchema>

export const TURN_KINDS = ['began', 'spoke', 'passed'] as const
export type TurnKind = (typeof TURN_KINDS)[number]
export const TurnSchema = z.object({
  roundId: z.string().min(1).max(64),
  personId: PersonIdSchema,
  kind: z.enum(TURN_KINDS),
  next: PersonIdSchema.optional(),
  at: TimeSchema,
  by: PersonIdSchema,
})
export type Turn = z.infer<typeof TurnSchema>

export const GROUP_SIZES = ['1', '2', '3', '4', '5', 'all'] as const
export type GroupSize = (typeof GROUP_SIZES)[number]
export const StageSchema = z.object({
  id: z.string().min(1).max(32),
  label: z.string().trim().min(1).max(60),
  size: z.enum(GROUP_SIZES),
  minutes: z.number().min(0.25).max(120),
})
export type Stage = z.infer<typeof StageSchema>

export const StagesSchema = z.object({
  step: z.number().int().min(0),
  plan: z.array(StageSchema).min(1).max(8),
  index: z.number().int().min(0),
  timer: TimerStateSchema,
  /** Groups per group size ('2', '4'…): lists of person ids. */
  groups: z.record(z.string().max(8), z.array(z.array(PersonIdSchema).max(MAX_PEOPLE)).max(MAX_PEOPLE)),
  seed: z.number().int(),
  by: PersonIdSchema,
})
export type Stages = z.infer<typeof StagesSchema>

export const VisitedSchema = z.object({ text: z.string().max(1000), label: z.string().max(100).optional(), at: TimeSchema, by: PersonIdSchema })
export type Visited = z.infer<typeof VisitedSchema>

/**
 * How a response is stored. 'hidden' (plain text shown after a reveal) is what builds
 * before private mode wrote; it is still read, never offered: a prompt set to it now
 * takes private responses (shared/conversation/private.ts).
 */
export const VISIBILITIES = ['named', 'private', 'anonymous', 'hidden'] as const
export type Visibility = (typeof VISIBILITIES)[number]
export const VisibilitySchema = z.enum(VISIBILITIES)
/** The choices a facilitator is offered. */
export const CHOOSABLE_VISIBILITIES = ['named', 'private', 'anonymous'] as const satisfies readonly Visibility[]
export type ChoosableVisibility = (typeof CHOOSABLE_VISIBILITIES)[number]

export const WrittenSchema = z.object({
  visibility: VisibilitySchema,
  revealed: z.boolean(),
  by: PersonIdSchema,
  /** The facilitator's signed reveal, where roles are signed (private.ts). */
  statement: z.string().max(8_000).optional(),
})
export type WrittenSettings = z.infer<typeof WrittenSchema>

const CurationSchema = <T extends z.ZodType>(value: T) => z.object({ value, by: PersonIdSchema })
export const ResponseRecordSchema = z.object({
  promptId: z.string().min(1).max(64),
  /** Absent for private responses, which hold `sealed` instead. */
  text: z.string().transform((t) => t.slice(0, RESPONSE_MAX)).optional(),
  sealed: z.string().max(RESPONSE_MAX * 6).optional(),
  keyId: z.string().max(64).optional(),
  visibility: VisibilitySchema,
  author: PersonIdSchema.optional(),
  createdAt: TimeSchema,
  updatedAt: TimeSchema,
  group: CurationSchema(z.string().max(GROUP_LABEL_MAX)).optional().catch(undefined),
  star: CurationSchema(z.boolean()).optional().catch(undefined),
})
export type ResponseRecord = z.infer<typeof ResponseRecordSchema>

export function conversationMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(DOC_KEYS.conversation)
}

/** A nested container, or null when it has not been created (or a peer wrote something else there). */
export function nestedMap<T = unknown>(doc: Y.Doc, key: typeof KEYS.visited | typeof KEYS.written | typeof KEYS.responses): Y.Map<T> | null {
  const value = conversationMap(doc).get(key)
  return value instanceof Y.Map ? (value as Y.Map<T>) : null
}

export function turnsArray(doc: Y.Doc): Y.Array<unknown> | null {
  const value = conversationMap(doc).get(KEYS.turns)
  return value instanceof Y.Array ? value : null
}

/** Create whatever nested containers are missing (inside the caller's transaction). */
export function ensureContainers(doc: Y.Doc): void {
  const root = conversationMap(doc)
  stampVersion(doc, CONVERSATION_PART)
  for (const key of [KEYS.visited, KEYS.written, KEYS.responses] as const) if (!(root.get(key) instanceof Y.Map)) root.set(key, new Y.Map())
  if (!(root.get(KEYS.turns) instanceof Y.Array)) root.set(KEYS.turns, new Y.Array())
}

/** A conversation written by a newer build, which this build shows but does not change. */
export function isNewerConversation(doc: Y.Doc): boolean {
  return isNewerPart(doc, CONVERSATION_PART)
}

/**
 * A facilitator's entry: parsed, and kept only when its writer facilitates now. An
 * entry written by anyone else reads as absent.
 */
export function readFacilitated<T extends { by: string }>(doc: Y.Doc, value: unknown, schema: z.ZodType<T>): T | null {
  const parsed = schema.safeParse(value)
  if (!parsed.success) return null
  return canFacilitate(doc, parsed.data.by) ? parsed.data : null
}

export function readEntry<T extends { by: string }>(doc: Y.Doc, key: string, schema: z.ZodType<T>): T | null {
  return readFacilitated(doc, conversationMap(doc).get(key), schema)
}
