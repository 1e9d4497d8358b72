import * as Y from 'yjs'
import { z } from 'zod'
import type { ClockReader } from '../facilitation/clock'
import { momentSpan } from '../notes/dates'
import { isEnglish, spansAround, translatorOf, word } from '../notes/language'
import type { Translator } from '../i18n/messages'
import type { Block, HarvestSection, ListItem } from '../notes/blocks'
import { newItemId } from '../session/ids'
import { readPerson } from '../session/doc'
import { canFacilitate } from '../session/roles'
import { newSeed } from '../conversation/random'
import { diagramParts, fail, listDiagrams, type DiagramResult } from './doc'
import type { Origin } from '../session/origins'
import { ok } from '../result'
import { DIAGRAM_LIMITS } from './limits'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const PLAY_MESSAGES = {
  notFacilitator: { id: 'shared.diagram.play.notFacilitator', defaultMessage: 'Only facilitators and co-facilitators can play a pulse.' },
  diagramGone: { id: 'shared.diagram.play.diagramGone', defaultMessage: 'This diagram is no longer here.' },
  variableGone: { id: 'shared.diagram.play.variableGone', defaultMessage: 'That variable is no longer in the diagram.' },
  nothingPlaying: { id: 'shared.diagram.play.nothingPlaying', defaultMessage: 'Nothing is playing.' },
} as const
const MSG = PLAY_MESSAGES

/**
 * The play everyone sees, and the plays that were run, in the diagram's map:
 *
 *   diagramId: Y.Map
 *     ├─ play:    { id, from, direction, seed, startedAt, atStep, speed, by, clockOf }   (absent: nothing playing)
 *     └─ playLog: Y.Map<playId, { from, fromLabel, direction, at, by, swelled[], settled[] }>
 *
 * Only facilitators write them, and every reader ignores a record whose `by` does not
 * facilitate (as the run of show does), so a practitioner's app that wrote one anyway
 * plays nothing on honest screens. Plain values, replaced whole: two facilitators
 * pressing Play at once end with one play (the last write wins on every peer).
 *
 * Time: `startedAt` is in the clock of `clockOf` (shared/facilitation/clock.ts), and
 * the step shown is `atStep + elapsed seconds x speed`. Changing the speed writes the
 * step reached so far as `atStep` and starts counting again from now, so nobody's
 * pulse jumps.
 */
export const PLAY_SPEEDS = [0.75, 1.5, 3] as const
export type PlaySpeed = (typeof PLAY_SPEEDS)[number]
export const DEFAULT_PLAY_SPEED: PlaySpeed = 1.5
/** Plays kept per diagram for the harvest (the oldest go first). */
export const PLAY_LOG_MAX = 40

/** Caps of what a play keeps; the label is a variable's, so its cap is theirs. */
const PLAY_RECORD_LIMITS = { maxStep: 10_000, fromLabelMax: DIAGRAM_LIMITS.labelMax, loopsMax: 12, loopLabelMax: 120 } as const
const P = PLAY_RECORD_LIMITS

const Id = z.string().min(1).max(DIAGRAM_LIMITS.idMax)
const Direction = z.union([z.literal(1), z.literal(-1)])
const Speed = z.union([z.literal(PLAY_SPEEDS[0]), z.literal(PLAY_SPEEDS[1]), z.literal(PLAY_SPEEDS[2])])

export const PlayRecordSchema = z.object({
  id: Id,
  from: Id,
  direction: Direction,
  seed: z.number().int().min(0).max(0xffffffff),
  startedAt: z.number().finite(),
  atStep: z.number().finite().min(0).max(P.maxStep),
  speed: Speed,
  by: Id,
  clockOf: Id,
})
export type PlayRecord = z.infer<typeof PlayRecordSchema>

const LoopLabels = z.array(z.string().max(P.loopLabelMax)).max(P.loopsMax)
export const PlayLogSchema = z.object({
  from: Id,
  fromLabel: z.string().max(P.fromLabelMax),
  direction: Direction,
  at: z.number().finite(),
  by: Id,
  swelled: LoopLabels,
  settled: LoopLabels,
})
export type PlayLogEntry = z.infer<typeof PlayLogSchema> & { id: string }

const NOT_FACILITATOR = MSG.notFacilitator

/** The current play, or null: none, malformed, or written by someone who does not facilitate. */
export function readPlay(doc: Y.Doc, diagramId: string): PlayRecord | null {
  const parts = diagramParts(doc, diagramId)
  const parsed = PlayRecordSchema.safeParse(parts?.root.get('play'))
  return parsed.success && canFacilitate(doc, parsed.data.by) ? parsed.data : null
}

/** Where a play is now, in steps (fractional). `offset` = clockOf's clock minus mine. */
export function playStepAt(play: Pick<PlayRecord, 'startedAt' | 'atStep' | 'speed'>, myNow: number, offset: number): number {
  return play.atStep + (Math.max(0, myNow + offset - play.startedAt) / 1000) * play.speed
}

export interface StartPlay {
  from: string
  direction: 1 | -1
  speed?: PlaySpeed
  seed?: number
  /** What the harvest will say the play went round ("R1 Growth"), worked out by the caller. */
  swelled?: readonly string[]
  settled?: readonly string[]
}

export function startPlay(doc: Y.Doc, diagramId: string, input: StartPlay, by: string, clock: ClockReader, origin: Origin): DiagramResult<string> {
  const parts = diagramParts(doc, diagramId)
  if (!parts) return fail('no-diagram', MSG.diagramGone)
  if (!canFacilitate(doc, by)) return fail('invalid', NOT_FACILITATOR)
  const variable = parts.variables.get(input.from)
  const label = variable instanceof Y.Map ? variable.get('label') : undefined
  if (typeof label !== 'string') return fail('no-variable', MSG.variableGone)
  const id = newItemId()
  const now = clock.now()
  const record: PlayRecord = {
    id,
    from: input.from,
    direction: input.direction,
    seed: input.seed ?? newSeed(),
    startedAt: now,
    atStep: 0,
    speed: input.speed ?? DEFAULT_PLAY_SPEED,
    by,
    clockOf: by,
  }
  const entry = {
    from: input.from,
    fromLabel: label.slice(0, P.fromLabelMax),
    direction: input.direction,
    at: now,
    by,
    swelled: (input.swelled ?? []).slice(0, P.loopsMax).map((s) => s.slice(0, P.loopLabelMax)),
    settled: (input.settled ?? []).slice(0, P.loopsMax).map((s) => s.slice(0, P.loopLabelMax)),
  }
  doc.transact(() => {
    parts.root.set('play', record)
    let log = parts.root.get('playLog')
    if (!(log instanceof Y.Map)) parts.root.set('playLog', (log = new Y.Map<unknown>()))
    const map = log as Y.Map<unknown>
    map.set(id, entry)
    const old = readPlayLog(doc, diagramId, false)
    for (const gone of old.slice(0, Math.max(0, old.length - PLAY_LOG_MAX))) map.delete(gone.id)
  }, origin)
  return ok(id)
}

/** A new speed for the play running, from the step it has reached. */
export function setPlaySpeed(doc: Y.Doc, diagramId: string, speed: PlaySpeed, by: string, clock: ClockReader, origin: Origin): DiagramResult {
  const parts = diagramParts(doc, diagramId)
  const play = readPlay(doc, diagramId)
  if (!parts || !play) return fail('invalid', MSG.nothingPlaying)
  if (!canFacilitate(doc, by)) return fail('invalid', NOT_FACILITATOR)
  if (play.speed === speed) return ok()
  const now = clock.now()
  const atStep = playStepAt(play, now, clock.offsetTo(play.clockOf))
  const next: PlayRecord = { ...play, atStep: Math.min(P.maxStep, atStep), startedAt: now, speed, clockOf: by }
  doc.transact(() => parts.root.set('play', next), origin)
  return ok()
}

/** Stop for everyone (what the play went round stays in the log). */
export function stopPlay(doc: Y.Doc, diagramId: string, by: string, origin: Origin): DiagramResult {
  const parts = diagramParts(doc, diagramId)
  if (!parts) return fail('no-diagram', MSG.diagramGone)
  if (!canFacilitate(doc, by)) return fail('invalid', NOT_FACILITATOR)
  if (parts.root.has('play')) doc.transact(() => parts.root.delete('play'), origin)
  return ok()
}

/** The plays run on a diagram, oldest first; by default only those a facilitator started. */
export function readPlayLog(doc: Y.Doc, diagramId: string, honestOnly = true): PlayLogEntry[] {
  const log = diagramParts(doc, diagramId)?.root.get('playLog')
  if (!(log instanceof Y.Map)) return []
  const out: PlayLogEntry[] = []
  for (const [id, value] of (log as Y.Map<unknown>).entries()) {
    const parsed = PlayLogSchema.safeParse(value)
    if (parsed.success && (!honestOnly || canFacilitate(doc, parsed.data.by))) out.push({ ...parsed.data, id })
  }
  return out.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))
}

/** The loop plays' fixed words in the exporter's language (names, variables and loops are people's own). */
const M = {
  aFacilitator: { id: 'notes.export.plays.aFacilitator', defaultMessage: 'A facilitator', description: 'In place of the name of a facilitator who is no longer in the convening' },
  played: {
    id: 'notes.export.plays.played',
    defaultMessage: '{time} {name} played a pulse: {direction, select, more {more} other {less}} {variable}.',
    description: 'time: 14:05; variable: the variable the pulse started from, more or less of it',
  },
  swelled: { id: 'notes.export.plays.swelled', defaultMessage: 'Swelled: {loops}.', description: 'The reinforcing loops the pulse went round (loops: “R1 Growth, R2 Trust”)' },
  settled: { id: 'notes.export.plays.settled', defaultMessage: 'Settled: {loops}.', description: 'The balancing loops the pulse went round' },
  noLoop: { id: 'notes.export.plays.noLoop', defaultMessage: 'The pulse went round no loop.' },
  untitled: { id: 'notes.export.plays.untitled', defaultMessage: 'Untitled diagram' },
} as const

/** Loops' names one after another: as the notes always listed them in English, the language's own list otherwise. */
function loopList(t: Translator, loops: readonly string[]): string {
  return isEnglish(t) ? loops.join(', ') : t.formatList(loops, { type: 'conjunction' })
}

function logItem(doc: Y.Doc, entry: PlayLogEntry, timeZone: string, t: Translator): ListItem {
  const name = readPerson(doc, entry.by)?.name ?? word(t, M.aFacilitator)
  const values = { name, direction: entry.direction === 1 ? 'more' : 'less', variable: entry.fromLabel }
  const details: string[] = []
  if (entry.swelled.length) details.push(t.formatMessage(M.swelled, { loops: loopList(t, entry.swelled) }))
  if (entry.settled.length) details.push(t.formatMessage(M.settled, { loops: loopList(t, entry.settled) }))
  if (details.length === 0) details.push(word(t, M.noLoop))
  return { text: spansAround(t, M.played, values, 'time', { ...momentSpan(entry.at, timeZone, false, t), strong: true }), details }
}

/** "Loop plays": per causal loop diagram, each pulse played, from where, when, and what it went round. */
export const playsSection: HarvestSection = {
  id: 'loop-plays',
  title: 'Loop plays',
  order: 55,
  collect(doc, context) {
    const t = translatorOf(context)
    const blocks: Block[] = []
    for (const diagram of listDiagrams(doc)) {
      if (diagram.kind !== 'cld') continue
      const log = readPlayLog(doc, diagram.id)
      if (log.length === 0) continue
      blocks.push({ kind: 'heading', level: 3, text: diagram.title || word(t, M.untitled) }, { kind: 'list', items: log.map((e) => logItem(doc, e, context.timeZone, t)) })
    }
    return blocks.length ? { blocks } : null
  },
}
