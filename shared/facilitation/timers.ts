import type * as Y from 'yjs'
import { said } from '../result'
import { newItemId } from '../session/ids'
import { canFacilitate } from '../session/roles'
import { applyMove, newTimer, rebaseTimer, startTimer, type ClockReader, type TimerMove, type TimerState } from './clock'
import { readCurrent } from './run'
import {
  BreakoutSchema,
  FACILITATION_ORIGIN,
  LIMITS,
  TimerEntrySchema,
  done,
  guard,
  readPrefixed,
  refuse,
  runMap,
  type Breakout,
  type Current,
  type RunResult,
  type TimerEntry,
} from './schema'
import type { Origin } from '../session/origins'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const TIMER_MESSAGES = {
  labelTooLong: { id: 'shared.facilitation.timer.labelTooLong', defaultMessage: 'Keep the label under {max} characters.' },
  length: { id: 'shared.facilitation.timer.length', defaultMessage: 'Give a length between a few seconds and a day.' },
  tooMany: { id: 'shared.facilitation.timer.tooMany', defaultMessage: 'At most {max} timers at once: remove one first.' },
  gone: { id: 'shared.facilitation.timer.gone', defaultMessage: 'This timer is no longer here.' },
} as const
const MSG = TIMER_MESSAGES

/**
 * Shared countdowns besides the segment's own: an activity timer everyone sees, or
 * one for facilitators only (hidden on other screens; the document still holds it).
 */
export interface SharedTimer extends TimerEntry {
  id: string
}

/** The timers this viewer may see, oldest first. */
export function readTimers(doc: Y.Doc, viewerFacilitates: boolean): SharedTimer[] {
  const out: SharedTimer[] = []
  for (const [id, entry] of readPrefixed(doc, 'timer:', TimerEntrySchema)) {
    if (!canFacilitate(doc, entry.by)) continue
    if (entry.visibility === 'facilitators' && !viewerFacilitates) continue
    out.push({ ...entry, id })
  }
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
}

export function createTimer(
  doc: Y.Doc,
  by: string,
  input: { label: string; minutes: number; visibility: TimerEntry['visibility']; start: boolean },
  clock: ClockReader,
  origin: Origin = FACILITATION_ORIGIN,
): RunResult<string> {
  const refusal = guard(doc, by)
  if (refusal) return refusal
  const label = input.label.trim() || 'Timer'
  if (label.length > LIMITS.label) return refuse(said(MSG.labelTooLong, { max: LIMITS.label }))
  if (!Number.isFinite(input.minutes) || input.minutes <= 0 || input.minutes > 24 * 60) return refuse(MSG.length)
  if (readTimers(doc, true).length >= LIMITS.timers) return refuse(said(MSG.tooMany, { max: LIMITS.timers }))
  const now = clock.now()
  let timer = newTimer(input.minutes * 60_000, by)
  if (input.start) timer = startTimer(timer, now, 0, by)
  const id = newItemId()
  const entry: TimerEntry = { ...timer, label, visibility: input.visibility, createdAt: now, by }
  doc.transact(() => runMap(doc).set(`timer:${id}`, entry), origin)
  return done(id)
}

export function moveTimer(doc: Y.Doc, by: string, id: string, move: TimerMove, clock: ClockReader, origin: Origin = FACILITATION_ORIGIN): RunResult {
  const refusal = guard(doc, by)
  if (refusal) return refusal
  const parsed = TimerEntrySchema.safeParse(runMap(doc).get(`timer:${id}`))
  if (!parsed.success) return refuse(MSG.gone)
  const entry = parsed.data
  const next = applyMove(entry, move, clock.now(), clock.offsetTo(entry.clockOf), by)
  doc.transact(() => runMap(doc).set(`timer:${id}`, { ...entry, ...next, by }), origin)
  return done(undefined)
}

export function removeTimer(doc: Y.Doc, by: string, id: string, origin: Origin = FACILITATION_ORIGIN): RunResult {
  const refusal = guard(doc, by)
  if (refusal) return refusal
  doc.transact(() => runMap(doc).delete(`timer:${id}`), origin)
  return done(undefined)
}

/**
 * When the person whose clock a running countdown is kept in has left, a facilitator
 * who still knows that clock rewrites the countdown in their own, so that people who
 * arrive later (and never met the absent clock) read it right. Nothing changes for
 * anyone already here. Returns how many countdowns were taken over.
 */
export function takeOverClocks(
  doc: Y.Doc,
  by: string,
  clock: ClockReader,
  isPresent: (personId: string) => boolean,
  knows: (personId: string) => boolean,
  origin: Origin = FACILITATION_ORIGIN,
): number {
  if (!canFacilitate(doc, by)) return 0
  const stale = (timer: TimerState): boolean => timer.clockOf !== by && !isPresent(timer.clockOf) && knows(timer.clockOf)
  const now = clock.now()
  const rebase = (timer: TimerState): TimerState => rebaseTimer(timer, now, clock.offsetTo(timer.clockOf), by)
  const writes: [string, unknown][] = []
  const current = readCurrent(doc)
  if (current && current.segmentId !== null && stale(current.timer)) writes.push(['current', { ...current, timer: rebase(current.timer), by } satisfies Current])
  for (const t of readTimers(doc, true)) {
    if (!stale(t)) continue
    const { id, ...entry } = t
    writes.push([`timer:${id}`, { ...entry, ...rebase(entry), by }])
  }
  const breakout = BreakoutSchema.safeParse(runMap(doc).get('breakout'))
  if (breakout.success && canFacilitate(doc, breakout.data.by) && breakout.data.closing && stale(breakout.data.closing)) {
    writes.push(['breakout', { ...breakout.data, closing: rebase(breakout.data.closing), by } satisfies Breakout])
  }
  if (writes.length > 0) doc.transact(() => writes.forEach(([key, value]) => runMap(doc).set(key, value)), origin)
  return writes.length
}
