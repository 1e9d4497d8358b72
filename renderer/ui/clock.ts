import { useEffect, useState, useSyncExternalStore } from 'react'

/** Something that tells the time: the session's shared clock, or this computer's. */
export interface Clock {
  now(): number
}

/**
 * This computer's clock, for what only this screen shows ("3 min ago"). Anything
 * compared with another person's time (a shared countdown, a clinic stage) reads the
 * session's clock instead (`session.clock`), which knows each writer's offset.
 */
export const localClock: Clock = { now: () => Date.now() }

/**
 * The time by `clock`, re-read every `intervalMs` while `active` (a running countdown
 * ticks; a paused one costs nothing). The clock is a parameter so that every caller
 * says which time it means.
 */
export function useNow(clock: Clock, active: boolean, intervalMs = 250): number {
  const [now, setNow] = useState(() => clock.now())
  useEffect(() => {
    setNow(clock.now())
    if (!active) return
    const timer = setInterval(() => setNow(clock.now()), intervalMs)
    return () => clearInterval(timer)
  }, [clock, active, intervalMs])
  return now
}

// One ticker for every local time on screen, aligned to the minute: however many
// clocks and "ended 3 min ago" are showing, they share one interval and re-render
// only when the minute changes.
const minuteListeners = new Set<() => void>()
let minute = Math.floor(Date.now() / 60_000)
let ticker: ReturnType<typeof setInterval> | undefined
function subscribeMinute(listener: () => void): () => void {
  minuteListeners.add(listener)
  ticker ??= setInterval(() => {
    const next = Math.floor(Date.now() / 60_000)
    if (next === minute) return
    minute = next
    for (const l of [...minuteListeners]) l()
  }, 5000)
  return () => {
    minuteListeners.delete(listener)
    if (minuteListeners.size === 0) {
      clearInterval(ticker)
      ticker = undefined
    }
  }
}

/** The current minute of this computer's clock (ms / 60 000), changing once a minute. */
export function useMinute(): number {
  return useSyncExternalStore(subscribeMinute, () => minute)
}
