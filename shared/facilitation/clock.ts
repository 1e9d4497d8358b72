/**
 * Shared time without a shared clock.
 *
 * Every peer publishes its wall-clock time in its presence every few seconds. A peer
 * that receives it at local time r learns `sent - r`, which is the sender's offset
 * minus the one-way delay; the largest such value over a recent window is the best
 * estimate (its error is the smallest delay seen: a few milliseconds on WebRTC, far
 * below the half second that timers must agree within). The window lets an estimate
 * follow a clock that is corrected or a laptop that wakes from sleep.
 *
 * Timers are stored in the clock of the person who last wrote them (`clockOf`), so
 * every reader converts with its own offset to that person: no peer has to be online
 * as a time keeper, and a co-facilitator can take over a running timer.
 */
export const CLOCK_PUBLISH_INTERVAL_MS = 5_000
export const CLOCK_WINDOW_MS = 60_000

interface Sample {
  receivedAt: number
  value: number
}

export class OffsetEstimator {
  private samples: Sample[] = []

  /** `sentAt` in the sender's clock, `receivedAt` in mine. */
  add(sentAt: number, receivedAt: number): void {
    if (!Number.isFinite(sentAt) || !Number.isFinite(receivedAt)) return
    this.samples.push({ receivedAt, value: sentAt - receivedAt })
    this.prune(receivedAt)
  }

  private prune(now: number): void {
    const cutoff = now - CLOCK_WINDOW_MS
    if (this.samples.length > 0 && this.samples[0].receivedAt < cutoff) {
      this.samples = this.samples.filter((s) => s.receivedAt >= cutoff)
    }
  }

  /** Their clock minus mine, in ms; undefined until a sample has arrived. */
  offset(now: number): number | undefined {
    this.prune(now)
    if (this.samples.length === 0) return this.last
    let best = -Infinity
    for (const s of this.samples) if (s.value > best) best = s.value
    this.last = best
    return best
  }

  private last: number | undefined
}

/** What a reader or writer needs from the shared clock (renderer/sync/clock.ts ClockSync fits). */
export interface ClockReader {
  now(): number
  /** That person's clock minus mine, in ms. */
  offsetTo(personId: string): number
}

/** A time written in `clockOf`'s clock, in mine. */
export function toMyClock(at: number, clockOf: string, clock: ClockReader): number {
  return at - clock.offsetTo(clockOf)
}

/** A countdown shared through the document. Times are in the clock of `clockOf`. */
export interface TimerState {
  durationMs: number
  /** When the current run started (clock of `clockOf`); null while paused or not started. */
  startedAt: number | null
  /** What was left when paused; equals durationMs before the first start. */
  remainingAtStartMs: number
  clockOf: string
}

export const MAX_TIMER_MS = 24 * 60 * 60 * 1000

export function newTimer(durationMs: number, clockOf: string): TimerState {
  const duration = clampDuration(durationMs)
  return { durationMs: duration, startedAt: null, remainingAtStartMs: duration, clockOf }
}

function clampDuration(ms: number): number {
  if (!Number.isFinite(ms)) return 0
  return Math.max(0, Math.min(MAX_TIMER_MS, Math.round(ms)))
}

/**
 * `offset` = clockOf's clock minus mine (ClockSync.offsetTo). Never more than the
 * timer had when it was started: an estimate that is still settling must not show a
 * five-minute timer at 5:01.
 */
export function remainingMs(timer: TimerState, myNow: number, offset: number): number {
  if (timer.startedAt === null) return Math.max(0, timer.remainingAtStartMs)
  const theirNow = myNow + offset
  return Math.max(0, Math.min(timer.remainingAtStartMs, timer.remainingAtStartMs - (theirNow - timer.startedAt)))
}

export function isRunning(timer: TimerState, myNow: number, offset: number): boolean {
  return timer.startedAt !== null && remainingMs(timer, myNow, offset) > 0
}

/** Start or resume; the writer's own clock becomes the timer's clock. */
export function startTimer(timer: TimerState, myNow: number, offset: number, me: string): TimerState {
  return { ...timer, remainingAtStartMs: remainingMs(timer, myNow, offset), startedAt: myNow, clockOf: me }
}

export function pauseTimer(timer: TimerState, myNow: number, offset: number, me: string): TimerState {
  return { ...timer, remainingAtStartMs: remainingMs(timer, myNow, offset), startedAt: null, clockOf: me }
}

/** Add (or, negative, take away) time, running or not. */
export function addTime(timer: TimerState, deltaMs: number, myNow: number, offset: number, me: string): TimerState {
  const left = remainingMs(timer, myNow, offset)
  const next = clampDuration(left + deltaMs)
  return {
    durationMs: clampDuration(timer.durationMs + deltaMs),
    remainingAtStartMs: next,
    startedAt: timer.startedAt === null ? null : myNow,
    clockOf: me,
  }
}

/**
 * The same timer, running or paused as it was, written in my clock. A co-facilitator
 * does this when the timer's clock has left the room: a late joiner never met that
 * person's clock and could not convert it.
 */
export function rebaseTimer(timer: TimerState, myNow: number, offset: number, me: string): TimerState {
  return timer.startedAt === null ? pauseTimer(timer, myNow, offset, me) : startTimer(timer, myNow, offset, me)
}

/** How long a running timer has been at zero (0 while time is left or when paused). */
export function overdueMs(timer: TimerState, myNow: number, offset: number): number {
  if (timer.startedAt === null) return 0
  return Math.max(0, myNow + offset - timer.startedAt - timer.remainingAtStartMs)
}

/** What a facilitator does to a countdown. */
export type TimerMove = { kind: 'start' } | { kind: 'pause' } | { kind: 'add'; ms: number } | { kind: 'reset'; ms: number }

export function applyMove(timer: TimerState, move: TimerMove, now: number, offset: number, me: string): TimerState {
  switch (move.kind) {
    case 'start':
      return startTimer(timer, now, offset, me)
    case 'pause':
      return pauseTimer(timer, now, offset, me)
    case 'add':
      return addTime(timer, move.ms, now, offset, me)
    case 'reset':
      return newTimer(move.ms, me)
  }
}

/** "4:05", "0:09", "1:02:03". Rounds up, so a timer shows 0:00 only when it is over. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const ss = String(s).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`
}
