import type { FitMode, Segment } from './schema'

/**
 * Agenda arithmetic: planned against actual, and where the rest of the plan lands.
 * Pure; every time is in the reader's own clock (the run state is converted first).
 *
 * Two ways to absorb an extension or a late start, chosen by the facilitator:
 * - keep-end: the segments still to come shrink, each in proportion to how much it can
 *   give (never below half its plan or a minute; breaks are never shortened), so the
 *   convening still ends on time; what cannot be absorbed shows as overrun;
 * - run-over: the segments keep their length and the end moves, shown as overrun.
 */
export const MINUTE = 60_000
export const MIN_SEGMENT_MS = MINUTE

export interface AgendaFacts {
  segments: readonly Segment[]
  /** The planned start (schedule), if the facilitator set one. */
  plannedStartAt: number | null
  current: { segmentId: string; remainingMs: number; durationMs: number } | null
  /** When the convening ended (the last segment was closed), if it did. */
  endedAt: number | null
  actuals: ReadonlyMap<string, { startedAt: number; endedAt: number | null; extendedMs: number }>
  fit: FitMode
}

export type SegmentStatus = 'done' | 'current' | 'upcoming' | 'skipped'

export interface ScheduledSegment {
  segment: Segment
  status: SegmentStatus
  plannedStart: number
  plannedEnd: number
  plannedMs: number
  /** Actual start, or where it is now expected to start. */
  start: number
  /** Actual end, or where it is now expected to end. */
  end: number
  /** The time it has (current: its timer's length; upcoming: what it will get). */
  allottedMs: number
  /** How long it took (done) or has taken so far (current). */
  actualMs: number | null
}

export interface AgendaProjection {
  rows: ScheduledSegment[]
  started: boolean
  ended: boolean
  plannedEnd: number
  projectedEnd: number
  /** Projected end minus planned end: positive = running over, negative = ahead. */
  overrunMs: number
  current: ScheduledSegment | null
  next: ScheduledSegment | null
}

const plannedMsOf = (s: Segment): number => Math.max(0, s.minutes) * MINUTE

/** How long each segment still to come gets, so that they fit in `availableMs` if they can. */
export function rebalance(segments: readonly Segment[], availableMs: number, fit: FitMode): number[] {
  const planned = segments.map(plannedMsOf)
  const total = planned.reduce((a, b) => a + b, 0)
  if (fit === 'run-over' || availableMs >= total) return planned
  const floors = segments.map((s, i) => (s.kind === 'break' ? planned[i] : Math.min(planned[i], Math.max(MIN_SEGMENT_MS, planned[i] / 2))))
  const flex = planned.map((p, i) => p - floors[i])
  const flexTotal = flex.reduce((a, b) => a + b, 0)
  const need = total - Math.max(0, availableMs)
  if (flexTotal <= 0) return planned
  const share = Math.min(1, need / flexTotal)
  // Whole seconds, so the timers they become read cleanly.
  return planned.map((p, i) => Math.floor((p - flex[i] * share) / 1000) * 1000)
}

export function projectAgenda(facts: AgendaFacts, now: number): AgendaProjection {
  const { segments, actuals, current } = facts
  const started = current !== null || facts.endedAt !== null || segments.some((s) => actuals.has(s.id))
  const firstActual = Math.min(...segments.map((s) => actuals.get(s.id)?.startedAt ?? Infinity))
  const base = facts.plannedStartAt ?? (Number.isFinite(firstActual) ? firstActual : now)

  let cursor = base
  const planned = segments.map((segment) => {
    const plannedMs = plannedMsOf(segment)
    const row = { plannedStart: cursor, plannedEnd: cursor + plannedMs, plannedMs }
    cursor += plannedMs
    return row
  })
  const plannedEnd = cursor

  const currentIndex = current ? segments.findIndex((s) => s.id === current.segmentId) : -1
  const rows: ScheduledSegment[] = []
  let projectedCursor = started ? now : Math.max(base, now)
  if (currentIndex >= 0 && current) projectedCursor = now + current.remainingMs

  const upcoming: number[] = []
  segments.forEach((segment, i) => {
    const actual = actuals.get(segment.id)
    const p = planned[i]
    if (i === currentIndex && current) {
      const start = actual?.startedAt ?? now
      rows.push({ segment, status: 'current', ...p, start, end: now + current.remainingMs, allottedMs: current.durationMs, actualMs: now - start })
    } else if (actual && (actual.endedAt !== null || facts.endedAt !== null || currentIndex >= 0)) {
      const end = actual.endedAt ?? Math.max(actual.startedAt, facts.endedAt ?? actual.startedAt)
      rows.push({ segment, status: 'done', ...p, start: actual.startedAt, end, allottedMs: p.plannedMs + actual.extendedMs, actualMs: end - actual.startedAt })
    } else if (facts.endedAt !== null || (currentIndex >= 0 && i < currentIndex)) {
      rows.push({ segment, status: 'skipped', ...p, start: p.plannedStart, end: p.plannedStart, allottedMs: 0, actualMs: null })
    } else {
      upcoming.push(rows.length)
      rows.push({ segment, status: 'upcoming', ...p, start: 0, end: 0, allottedMs: p.plannedMs, actualMs: null })
    }
  })

  const lengths = rebalance(upcoming.map((r) => rows[r].segment), plannedEnd - projectedCursor, facts.fit)
  upcoming.forEach((r, k) => {
    rows[r].start = projectedCursor
    rows[r].allottedMs = lengths[k]
    projectedCursor += lengths[k]
    rows[r].end = projectedCursor
  })

  const ended = facts.endedAt !== null
  const lastDone = rows.reduce((latest, r) => (r.status === 'done' ? Math.max(latest, r.end) : latest), base)
  const projectedEnd = facts.endedAt ?? (upcoming.length > 0 || currentIndex >= 0 ? projectedCursor : lastDone)
  const currentRow = rows.find((r) => r.status === 'current') ?? null
  const next = upcoming.length > 0 ? rows[upcoming[0]] : null
  return { rows, started, ended, plannedEnd, projectedEnd, overrunMs: projectedEnd - plannedEnd, current: currentRow, next }
}

/** "+6 min", "−2 min", "on time": how a difference reads in the plan. */
export function formatDifference(ms: number): string {
  const minutes = Math.round(ms / MINUTE)
  if (minutes === 0) return 'on time'
  return minutes > 0 ? `+${minutes} min` : `−${-minutes} min`
}

/** "12 min", "1 h 5 min". */
export function formatMinutes(ms: number): string {
  const minutes = Math.round(ms / MINUTE)
  if (minutes < 60) return `${minutes} min`
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return m === 0 ? `${h} h` : `${h} h ${m} min`
}
