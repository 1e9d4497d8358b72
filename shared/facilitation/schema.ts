import type * as Y from 'yjs'
import { z } from 'zod'
import { DOC_KEYS } from '../session/schema'
import { localOrigin } from '../session/origins'
import { PANELS, type Panel } from '../session/presence'
import { canFacilitate } from '../session/roles'
import { fail, ok, type Failure, type Result } from '../result'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const FACILITATION_MESSAGES = {
  notFacilitator: { id: 'shared.facilitation.notFacilitator', defaultMessage: 'Only facilitators and co-facilitators can do this.' },
} as const
const MSG = FACILITATION_MESSAGES

/**
 * The run of show in the convening document.
 *
 *   agenda: Y.Array<Y.Map>          one Y.Map per segment; the order is each segment's
 *   │                               `order` (a fraction), not its place in the array,
 *   │                               so moving a segment is one field and keeps
 *   │                               whatever another facilitator typed meanwhile
 *   └─ Y.Map { id, title, kind, minutes, notes, order, by }
 *
 *   run: Y.Map<string, plain value>  flat keys, each written whole (last writer wins),
 *   │                                each carrying `by`; readers drop what a
 *   │                                non-facilitator wrote (except a person's own hand
 *   │                                and own breakout choice)
 *   ├─ schedule         { startsAt, by }                  planned start (ms since epoch)
 *   ├─ fit              { mode: 'keep-end' | 'run-over', by }
 *   ├─ current          { segmentId, timer, by } | { segmentId: null, endedAt, clockOf, by }
 *   ├─ actual:<segId>   { startedAt, endedAt, clockOf, extendedMs, by }
 *   ├─ timer:<id>       { label, visibility, ...TimerState, createdAt, by }
 *   ├─ summon           { id, panel, at, clockOf, by }
 *   ├─ followMe         { id, target, active, by }
 *   ├─ breakout         { id, status, mode, size, groups[{ id, name, prompt, diagramId }],
 *   │                     message, closing (TimerState), returnTo, autoPlace, openedAt, clockOf, by }
 *   ├─ member:<personId> { breakoutId, groupId, via: 'facilitator' | 'choice', by }
 *   └─ hand:<personId>  { seq, at, by }
 *
 * Nested shared types are avoided on purpose: two peers creating the same nested map
 * at once would each keep their own and one would vanish; flat keys never collide.
 *
 * Presence (awareness; never stored): `follow` { target }, `reaction` { kind, at },
 * `pauseAsk` (a time, or null). See presence.ts.
 *
 * Everything here is readable by every peer's app. "Notes for facilitators" and the
 * facilitator-only timer are hidden in the interface, not secret.
 */
export const FACILITATION_ORIGIN = localOrigin('facilitation')
export const RUN_KEY = DOC_KEYS.run
export const AGENDA_KEY = DOC_KEYS.agenda

export const SEGMENT_KINDS = ['check-in', 'diagram', 'conversation', 'climate', 'breakout', 'break', 'check-out'] as const
export type SegmentKind = (typeof SEGMENT_KINDS)[number]

export const SEGMENT_KIND_LABELS: Record<SegmentKind, string> = {
  'check-in': 'Check-in',
  diagram: 'Diagram',
  conversation: 'Conversation',
  climate: 'Climate',
  breakout: 'Breakout',
  break: 'Break',
  'check-out': 'Check-out',
}

/** Where starting a segment takes everyone. */
export const SEGMENT_PANELS: Record<SegmentKind, Panel> = {
  'check-in': 'conversation',
  diagram: 'diagram',
  conversation: 'conversation',
  climate: 'climate',
  breakout: 'agenda',
  break: 'agenda',
  'check-out': 'conversation',
}

export const LIMITS = {
  title: 120,
  notes: 2000,
  segments: 60,
  minutes: 480,
  label: 60,
  prompt: 1000,
  message: 300,
  groups: 40,
  timers: 12,
} as const

const Id = z.string().min(1).max(64)
const Time = z.number().finite()
const By = Id

export const SegmentKindSchema = z.enum(SEGMENT_KINDS)
export const PanelSchema = z.enum(PANELS)
export const PANELS_SET: ReadonlySet<string> = new Set(PANELS)

export const SegmentSchema = z.object({
  id: Id,
  title: z.string().max(LIMITS.title).catch(''),
  kind: SegmentKindSchema.catch('conversation'),
  minutes: z.number().finite().min(0).max(LIMITS.minutes).catch(10),
  notes: z.string().max(LIMITS.notes).catch(''),
  order: z.number().finite(),
  by: By,
})
export type Segment = z.infer<typeof SegmentSchema>

export const TimerStateSchema = z.object({
  durationMs: z.number().finite().min(0),
  startedAt: Time.nullable(),
  remainingAtStartMs: z.number().finite().min(0),
  clockOf: Id,
})

export const ScheduleSchema = z.object({ startsAt: Time, by: By })
export const FitSchema = z.object({ mode: z.enum(['keep-end', 'run-over']), by: By })
export type FitMode = z.infer<typeof FitSchema>['mode']

export const CurrentSchema = z.union([
  z.object({ segmentId: Id, timer: TimerStateSchema, by: By }),
  z.object({
    segmentId: z.null(),
    endedAt: Time,
    clockOf: Id,
    by: By,
    /** The segment that was running when it ended (null: none). */
    left: Id.nullable().optional(),
    /** Where roles are signed: the ender's signed statement (shared/session/signed.ts). */
    statement: z.string().max(2000).optional(),
  }),
])
export type Current = z.infer<typeof CurrentSchema>

export const ActualSchema = z.object({
  startedAt: Time,
  endedAt: Time.nullable(),
  clockOf: Id,
  extendedMs: z.number().finite().catch(0),
  by: By,
})
export type Actual = z.infer<typeof ActualSchema>

export const TIMER_VISIBILITY = ['everyone', 'facilitators'] as const
export const TimerEntrySchema = TimerStateSchema.extend({
  label: z.string().max(LIMITS.label).catch('Timer'),
  visibility: z.enum(TIMER_VISIBILITY).catch('everyone'),
  createdAt: Time,
  by: By,
})
export type TimerEntry = z.infer<typeof TimerEntrySchema>

export const SummonSchema = z.object({ id: Id, panel: PanelSchema, at: Time, clockOf: Id, by: By })
export type Summon = z.infer<typeof SummonSchema>

export const FollowMeSchema = z.object({ id: Id, target: Id, active: z.boolean(), by: By })
export type FollowMe = z.infer<typeof FollowMeSchema>

export const BREAKOUT_MODES = ['random', 'hand', 'choice'] as const
export type BreakoutMode = (typeof BREAKOUT_MODES)[number]

export const GroupSchema = z.object({
  id: Id,
  name: z.string().max(LIMITS.label).catch('Group'),
  prompt: z.string().max(LIMITS.prompt).catch(''),
  diagramId: Id.nullable().catch(null),
})
export type Group = z.infer<typeof GroupSchema>

export const BreakoutSchema = z.object({
  id: Id,
  status: z.enum(['open', 'closed']),
  mode: z.enum(BREAKOUT_MODES),
  /** Most people per group (by choice: the capacity). */
  size: z.number().int().min(1).max(200),
  groups: z.array(GroupSchema).min(1).max(LIMITS.groups),
  message: z.object({ text: z.string().max(LIMITS.message), at: Time, by: By }).nullable().catch(null),
  closing: TimerStateSchema.nullable().catch(null),
  returnTo: PanelSchema.catch('notes'),
  /** Facilitators' apps place people who arrive while it is open. */
  autoPlace: z.boolean().catch(true),
  openedAt: Time,
  clockOf: Id,
  by: By,
})
export type Breakout = z.infer<typeof BreakoutSchema>

export const MemberSchema = z.object({ breakoutId: Id, groupId: Id, via: z.enum(['facilitator', 'choice']), by: By })
export type Member = z.infer<typeof MemberSchema>

export const HandSchema = z.object({ seq: z.number().int().min(0), at: Time, by: By })
export type Hand = z.infer<typeof HandSchema>

export function runMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(RUN_KEY)
}

export function agendaArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray(AGENDA_KEY)
}

/** A run value, parsed; null when missing, malformed, or written by someone who does not facilitate. */
export function readFacilitated<T extends { by: string }>(doc: Y.Doc, key: string, schema: z.ZodType<T>): T | null {
  const parsed = schema.safeParse(runMap(doc).get(key))
  return parsed.success && canFacilitate(doc, parsed.data.by) ? parsed.data : null
}

/** Run entries under a prefix (`hand:`, `member:`, `timer:`), parsed, keyed by what follows the prefix. */
export function readPrefixed<T>(doc: Y.Doc, prefix: string, schema: z.ZodType<T>): Map<string, T> {
  const out = new Map<string, T>()
  for (const [key, value] of runMap(doc).entries()) {
    if (!key.startsWith(prefix)) continue
    const parsed = schema.safeParse(value)
    if (parsed.success) out.set(key.slice(prefix.length), parsed.data)
  }
  return out
}

export type Refusal = Failure
export type RunResult<T = undefined> = Result<T>
/** shared/result's `ok` and `fail`, by the names the run of show has always used. */
export const done = ok
export const refuse = fail
export const NOT_FACILITATOR = MSG.notFacilitator

export function guard(doc: Y.Doc, by: string): Refusal | null {
  return canFacilitate(doc, by) ? null : refuse(NOT_FACILITATOR)
}
