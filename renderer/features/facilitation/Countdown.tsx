import { useEffect, useRef, useState } from 'react'
import { formatRemaining, overdueMs, remainingMs, type TimerState } from '../../../shared/facilitation'
import type { ConveningSession } from '../../sync'
import { useApp } from '../../app/context'
import { ringBell, useMuted, useNow } from './borrowed'
import { useMinute } from './PersonExtras'

export interface Ticking {
  left: number
  /** How long ago it reached zero (0 while it runs), as of this render: never ticks by the second. */
  overdue: number
  running: boolean
  /** True for a few seconds after the countdown reached zero on this screen. */
  cue: boolean
  /** What a screen reader hears when it ends. */
  said: string
}

/**
 * A shared countdown as this screen shows it: converted from its writer's clock with
 * this peer's offset estimate, ticking while it runs, and at the end a soft bell
 * (unless this person muted bells) and a visual cue. Only people who watched it reach
 * zero get the cue: opening the convening later rings nothing. A countdown shown in
 * two places rings from one of them (the strip); the other passes `bell: false`.
 */
export function useTicking(session: ConveningSession, timer: TimerState | null, label: string, options: { bell?: boolean } = {}): Ticking {
  const bell = options.bell ?? true
  const { db } = useApp()
  const muted = useMuted(db)
  const running = timer !== null && timer.startedAt !== null
  const offset = timer ? session.clock.offsetTo(timer.clockOf) : 0
  // The clock ticks only until zero: a countdown that reached its end stops there.
  const counting = running && remainingMs(timer, session.clock.now(), offset) > 0
  const now = useNow(session, counting)
  // After the end, one quiet re-render a minute keeps "ended 3 min ago" true.
  useMinute()
  const at = counting ? now : session.clock.now()
  const left = timer ? remainingMs(timer, at, offset) : 0
  const overdue = timer ? overdueMs(timer, session.clock.now(), offset) : 0
  const [cue, setCue] = useState(false)
  const [said, setSaid] = useState('')
  const previous = useRef<number | null>(null)
  useEffect(() => {
    const before = previous.current
    previous.current = left
    if (before === null || !(before > 0 && left === 0 && running)) return
    if (bell && !muted) ringBell('end')
    setSaid(`${label}: time is up.`)
    setCue(true)
    const timeout = setTimeout(() => setCue(false), 5000)
    return () => clearTimeout(timeout)
  }, [left, running, muted, label, bell])
  return { left, overdue, running: running && left > 0, cue, said }
}

/**
 * What a finished countdown says beside its 0:00. Not a second hand counting up: on a
 * shared screen a red "+4:37" racing on reads as pressure and keeps pulling eyes to it
 * long after the facilitator has chosen to run over. How late the group is matters to
 * the minute, so: "time's up" for the first minute, then "ended 3 min ago", refreshed
 * once a minute.
 */
export function endedText(overdueMs: number): string {
  const minutes = Math.floor(overdueMs / 60_000)
  if (minutes < 1) return 'time’s up'
  if (minutes < 60) return `ended ${minutes} min ago`
  return `ended ${Math.floor(minutes / 60)} h ${minutes % 60} min ago`
}

export function Countdown(props: { ticking: Ticking; label: string; paused?: boolean; className?: string }) {
  const { ticking, label } = props
  const ended = ticking.left === 0 && ticking.overdue > 0
  const text = formatRemaining(ticking.left)
  const state = ticking.left === 0 ? 'up' : ticking.running ? 'running' : 'paused'
  const spoken = ended ? `${label}: ${endedText(ticking.overdue)}` : ticking.left === 0 ? `${label}: time is up` : `${label}: ${text} left${ticking.running ? '' : ', paused'}`
  return (
    <span
      className={`fx-countdown fx-${state}${ticking.cue ? ' fx-cue' : ''}${props.className ? ` ${props.className}` : ''}`}
      role="timer"
      aria-label={spoken}
      data-testid="fx-countdown"
      data-remaining-ms={Math.round(ticking.left)}
    >
      <span aria-hidden="true">{text}</span>
      {state === 'paused' && <span className="fx-countdown-note" aria-hidden="true">paused</span>}
      {ended && <span className="fx-countdown-note" aria-hidden="true">{endedText(ticking.overdue)}</span>}
    </span>
  )
}

/** The end-of-countdown announcement, for screen readers. */
export function Said(props: { text: string }) {
  return (
    <span className="sr-only" role="status" aria-live="polite">
      {props.text}
    </span>
  )
}
