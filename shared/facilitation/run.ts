import type * as Y from 'yjs'
import { newItemId } from '../session/ids'
import type { Panel } from '../session/presence'
import { readSegments } from './agenda'
import { addTime, newTimer, pauseTimer, remainingMs, startTimer, toMyClock, type ClockReader } from './clock'
import { projectAgenda, type AgendaFacts, type AgendaProjection } from './plan'
import {
  ActualSchema,
  CurrentSchema,
  FACILITATION_ORIGIN,
  FitSchema,
  ScheduleSchema,
  SEGMENT_PANELS,
  SummonSchema,
  done,
  guard,
  readFacilitated,
  readPrefixed,
  refuse,
  runMap,
  type Actual,
  type Current,
  type FitMode,
  type RunResult,
  type Summon,
} from './schema'
import { canFacilitate } from '../session/roles'
import { endIsSigned, signedRoom } from '../session/signed'
import type { Origin } from '../session/origins'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const RUN_MESSAGES = {
  segmentGone: { id: 'shared.facilitation.run.segmentGone', defaultMessage: 'This segment is no longer on the agenda.' },
  movedOn: { id: 'shared.facilitation.run.movedOn', defaultMessage: 'Another facilitator has just moved the agenda on.' },
  alreadyRunning: { id: 'shared.facilitation.run.alreadyRunning', defaultMessage: 'This segment is already running.' },
  cannotSignEnd: { id: 'shared.facilitation.run.cannotSignEnd', defaultMessage: 'Convene could not sign the end of the convening with your key. Try again.' },
  nothingRunning: { id: 'shared.facilitation.run.nothingRunning', defaultMessage: 'No segment is running.' },
  notATime: { id: 'shared.facilitation.run.notATime', defaultMessage: 'That is not a time.' },
} as const
const MSG = RUN_MESSAGES

/**
 * Running the agenda: which segment is on, when each one really started and ended,
 * and its countdown. Starting a segment also brings everyone to its panel (a summon,
 * in the same transaction). Two facilitators pressing "Next" at once: the second
 * press is refused because the segment it meant to leave is already over.
 */
export function readCurrent(doc: Y.Doc): Current | null {
  const current = readFacilitated(doc, 'current', CurrentSchema)
  return current && isHonestEnd(doc, current) ? current : null
}

/** An end counts only with its ender's signature, where roles are signed (issue 13). */
function isHonestEnd(doc: Y.Doc, current: Current): boolean {
  if (current.segmentId !== null) return true
  return endIsSigned(doc, { by: current.by, at: current.endedAt, segment: current.left ?? null, statement: current.statement })
}

/** What ending the convening needs where roles are signed: the moment, and the ender's signed statement of it. */
export interface SignedEnd {
  at: number
  statement: string
}

/**
 * Where roles are signed, an end that does not verify (a modified app "ending" the
 * convening) is ignored by every reader; this also puts back what it overwrote, so the
 * running segment and its timer carry on for everyone. Returns the way to stop.
 */
export function keepSignedEnds(doc: Y.Doc): () => void {
  const run = runMap(doc)
  const onChange = (event: Y.YMapEvent<unknown>): void => {
    const change = event.changes.keys.get('current')
    if (!change || change.action !== 'update') return
    const now = CurrentSchema.safeParse(run.get('current'))
    const before = CurrentSchema.safeParse(change.oldValue)
    if (!now.success || !before.success || isHonestEnd(doc, now.data)) return
    if (!canFacilitate(doc, before.data.by) || !isHonestEnd(doc, before.data)) return
    const restore = change.oldValue as unknown
    queueMicrotask(() => {
      if (run.get('current') === now.data || !CurrentSchema.safeParse(run.get('current')).success) return
      const still = CurrentSchema.safeParse(run.get('current'))
      if (still.success && !isHonestEnd(doc, still.data)) doc.transact(() => run.set('current', restore), FACILITATION_ORIGIN)
    })
  }
  run.observe(onChange)
  return () => run.unobserve(onChange)
}

export function readActuals(doc: Y.Doc): Map<string, Actual> {
  const out = new Map<string, Actual>()
  for (const [id, actual] of readPrefixed(doc, 'actual:', ActualSchema)) if (canFacilitate(doc, actual.by)) out.set(id, actual)
  return out
}

export function readSchedule(doc: Y.Doc): number | null {
  return readFacilitated(doc, 'schedule', ScheduleSchema)?.startsAt ?? null
}

export function readFit(doc: Y.Doc): FitMode {
  return readFacilitated(doc, 'fit', FitSchema)?.mode ?? 'keep-end'
}

export function readSummon(doc: Y.Doc): Summon | null {
  return readFacilitated(doc, 'summon', SummonSchema)
}

/** The run state in my clock, ready for plan.ts. */
export function agendaFacts(doc: Y.Doc, clock: ClockReader): AgendaFacts {
  const now = clock.now()
  const current = readCurrent(doc)
  const actuals = new Map<string, { startedAt: number; endedAt: number | null; extendedMs: number }>()
  for (const [id, a] of readActuals(doc)) {
    actuals.set(id, {
      startedAt: toMyClock(a.startedAt, a.clockOf, clock),
      endedAt: a.endedAt === null ? null : toMyClock(a.endedAt, a.clockOf, clock),
      extendedMs: a.extendedMs,
    })
  }
  return {
    segments: readSegments(doc),
    plannedStartAt: readSchedule(doc),
    current:
      current && current.segmentId !== null
        ? { segmentId: current.segmentId, remainingMs: remainingMs(current.timer, now, clock.offsetTo(current.timer.clockOf)), durationMs: current.timer.durationMs }
        : null,
    endedAt: current && current.segmentId === null ? toMyClock(current.endedAt, current.clockOf, clock) : null,
    actuals,
    fit: readFit(doc),
  }
}

export function readProjection(doc: Y.Doc, clock: ClockReader): AgendaProjection {
  return projectAgenda(agendaFacts(doc, clock), clock.now())
}

function closeActual(doc: Y.Doc, segmentId: string, by: string, clock: ClockReader): void {
  const key = `actual:${segmentId}`
  const parsed = ActualSchema.safeParse(runMap(doc).get(key))
  if (!parsed.success || parsed.data.endedAt !== null) return
  const a = parsed.data
  runMap(doc).set(key, { ...a, startedAt: toMyClock(a.startedAt, a.clockOf, clock), endedAt: clock.now(), clockOf: by, by } satisfies Actual)
}

export function writeSummon(doc: Y.Doc, by: string, panel: Panel, clock: ClockReader): string {
  const id = newItemId()
  runMap(doc).set('summon', { id, panel, at: clock.now(), clockOf: by, by } satisfies Summon)
  return id
}

/**
 * Start a segment (or go back to one). `leaving` is the segment the person saw running
 * when they pressed: if someone else has moved on meanwhile, nothing happens.
 */
export function startSegment(
  doc: Y.Doc,
  by: string,
  segmentId: string,
  clock: ClockReader,
  leaving?: string | null,
  origin: Origin = FACILITATION_ORIGIN,
): RunResult {
  const refusal = guard(doc, by)
  if (refusal) return refusal
  const projection = readProjection(doc, clock)
  const row = projection.rows.find((r) => r.segment.id === segmentId)
  if (!row) return refuse(MSG.segmentGone)
  const current = readCurrent(doc)
  const runningId = current?.segmentId ?? null
  if (leaving !== undefined && runningId !== leaving) return refuse(MSG.movedOn)
  if (runningId === segmentId) return refuse(MSG.alreadyRunning)
  const now = clock.now()
  const length = row.status === 'upcoming' ? row.allottedMs : row.plannedMs
  doc.transact(() => {
    if (runningId) closeActual(doc, runningId, by, clock)
    const run = runMap(doc)
    run.set(`actual:${segmentId}`, { startedAt: now, endedAt: null, clockOf: by, extendedMs: 0, by } satisfies Actual)
    run.set('current', { segmentId, timer: startTimer(newTimer(length, by), now, 0, by), by } satisfies Current)
    writeSummon(doc, by, SEGMENT_PANELS[row.segment.kind], clock)
  }, origin)
  return done(undefined)
}

/** Move on to the next segment still to come, or end the convening after the last. */
export function nextSegment(
  doc: Y.Doc,
  by: string,
  clock: ClockReader,
  leaving: string | null,
  origin: Origin = FACILITATION_ORIGIN,
  signedEnd?: SignedEnd,
): RunResult {
  const refusal = guard(doc, by)
  if (refusal) return refusal
  const next = readProjection(doc, clock).next
  if (!next) return endConvening(doc, by, clock, leaving, origin, signedEnd)
  return startSegment(doc, by, next.segment.id, clock, leaving, origin)
}

/**
 * End the convening. Where roles are signed, the end carries the ender's signed
 * statement (`signedEnd`, made for the segment being left: `signEnd` in the app), and
 * is refused without it.
 */
export function endConvening(
  doc: Y.Doc,
  by: string,
  clock: ClockReader,
  leaving?: string | null,
  origin: Origin = FACILITATION_ORIGIN,
  signedEnd?: SignedEnd,
): RunResult {
  const refusal = guard(doc, by)
  if (refusal) return refusal
  const runningId = readCurrent(doc)?.segmentId ?? null
  if (leaving !== undefined && runningId !== leaving) return refuse(MSG.movedOn)
  const endedAt = signedEnd?.at ?? clock.now()
  const ended: Current = { segmentId: null, endedAt, clockOf: by, by, left: runningId, ...(signedEnd ? { statement: signedEnd.statement } : {}) }
  if (signedRoom(doc) && !isHonestEnd(doc, ended)) return refuse(MSG.cannotSignEnd)
  doc.transact(() => {
    if (runningId) closeActual(doc, runningId, by, clock)
    runMap(doc).set('current', ended)
  }, origin)
  return done(undefined)
}

/** The running segment, for a facilitator about to change it; refused for anyone else or when nothing runs. */
function runningFor(doc: Y.Doc, by: string): RunResult<Current & { segmentId: string }> {
  const refusal = guard(doc, by)
  if (refusal) return refusal
  const current = readCurrent(doc)
  if (!current || current.segmentId === null) return refuse(MSG.nothingRunning)
  return done({ ...current, segmentId: current.segmentId })
}

/** Give the running segment more time (or less, with a negative amount). */
export function extendSegment(doc: Y.Doc, by: string, ms: number, clock: ClockReader, origin: Origin = FACILITATION_ORIGIN): RunResult {
  const running = runningFor(doc, by)
  if (!running.ok) return running
  const current = running.value
  const now = clock.now()
  const timer = addTime(current.timer, ms, now, clock.offsetTo(current.timer.clockOf), by)
  const key = `actual:${current.segmentId}`
  const actual = ActualSchema.safeParse(runMap(doc).get(key))
  doc.transact(() => {
    runMap(doc).set('current', { ...current, timer, by })
    if (actual.success) runMap(doc).set(key, { ...actual.data, extendedMs: actual.data.extendedMs + ms, by })
  }, origin)
  return done(undefined)
}

export function pauseSegment(doc: Y.Doc, by: string, paused: boolean, clock: ClockReader, origin: Origin = FACILITATION_ORIGIN): RunResult {
  const running = runningFor(doc, by)
  if (!running.ok) return running
  const current = running.value
  const offset = clock.offsetTo(current.timer.clockOf)
  const timer = paused ? pauseTimer(current.timer, clock.now(), offset, by) : startTimer(current.timer, clock.now(), offset, by)
  doc.transact(() => runMap(doc).set('current', { ...current, timer, by }), origin)
  return done(undefined)
}

export function setSchedule(doc: Y.Doc, by: string, startsAt: number | null, origin: Origin = FACILITATION_ORIGIN): RunResult {
  const refusal = guard(doc, by)
  if (refusal) return refusal
  if (startsAt !== null && !Number.isFinite(startsAt)) return refuse(MSG.notATime)
  doc.transact(() => (startsAt === null ? runMap(doc).delete('schedule') : runMap(doc).set('schedule', { startsAt, by })), origin)
  return done(undefined)
}

export function setFit(doc: Y.Doc, by: string, mode: FitMode, origin: Origin = FACILITATION_ORIGIN): RunResult {
  const refusal = guard(doc, by)
  if (refusal) return refusal
  doc.transact(() => runMap(doc).set('fit', { mode, by }), origin)
  return done(undefined)
}
