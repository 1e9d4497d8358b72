import { useEffect, useRef, useState } from 'react'
import { formatRemaining, remainingMs, type TimerState } from '../../../shared/facilitation'
import type { TimerAction } from '../../../shared/conversation'
import type { ConveningSession } from '../../sync'
import { useNow } from './hooks'
import { ringBell, type BellKind } from './bell'

/** Milliseconds left on a shared timer, ticking on this screen while it runs. */
export function useRemaining(session: ConveningSession, timer: TimerState): { left: number; running: boolean } {
  const running = timer.startedAt !== null
  const now = useNow(session, running)
  const offset = timer.clockOf ? session.clock.offsetTo(timer.clockOf) : 0
  const left = remainingMs(timer, running ? now : session.clock.now(), offset)
  return { left, running: running && left > 0 }
}

/**
 * Soft bells when a shared countdown starts and when it ends, heard only by people who
 * saw it happen (a late joiner is not greeted by a bell) and who have not muted them.
 * Returns the announcement for screen readers.
 */
export function useTimerBells(timer: TimerState, left: number, muted: boolean, words: { start: string; end: string }): string {
  const [said, setSaid] = useState('')
  const last = useRef<{ startedAt: number | null; left: number } | null>(null)
  useEffect(() => {
    const before = last.current
    last.current = { startedAt: timer.startedAt, left }
    if (!before) return
    let bell: BellKind | null = null
    if (timer.startedAt !== null && timer.startedAt !== before.startedAt && before.startedAt === null && left > 0 && left >= timer.remainingAtStartMs - 3000) bell = 'start'
    else if (before.left > 0 && left === 0 && timer.startedAt !== null) bell = 'end'
    if (!bell) return
    if (!muted) ringBell(bell)
    setSaid(bell === 'start' ? words.start : words.end)
  }, [timer.startedAt, timer.remainingAtStartMs, left, muted, words.start, words.end])
  return said
}

export function Countdown(props: { left: number; running: boolean; size?: 'large' | 'medium'; label: string }) {
  const { left, running, size = 'medium', label } = props
  const text = formatRemaining(left)
  return (
    <div className={`cv-countdown cv-countdown-${size}${left === 0 ? ' countdown-done' : ''}`} role="timer" aria-label={`${label}: ${text} left${running ? '' : left === 0 ? ', time is up' : ', paused'}`} data-testid="countdown">
      <span aria-hidden="true">{text}</span>
      <span className="cv-countdown-state muted small" aria-hidden="true">
        {left === 0 ? 'Time is up' : running ? '' : 'Paused'}
      </span>
    </div>
  )
}

const MINUTE_CHOICES = [0.5, 1, 2, 3, 4, 5, 7, 10, 15, 20]

/** Start, pause, a minute more, and a fresh length: what a facilitator needs for a countdown. */
export function TimerControls(props: { running: boolean; left: number; durationMs: number; onAction: (action: TimerAction) => void; label: string; disabled?: boolean }) {
  const { running, left, durationMs, onAction, label } = props
  const [minutes, setMinutes] = useState(() => Math.max(0.5, durationMs / 60_000))
  return (
    <fieldset className="row wrap cv-timer-controls" disabled={props.disabled}>
      <legend className="sr-only">{label} controls</legend>
      {running ? (
        <button type="button" className="button" onClick={() => onAction({ kind: 'pause' })}>
          Pause
        </button>
      ) : left > 0 ? (
        <button type="button" className="button primary" onClick={() => onAction({ kind: 'start' })}>
          {left < durationMs ? 'Resume' : 'Start'}
        </button>
      ) : null}
      <button type="button" className="button" onClick={() => onAction({ kind: 'add', ms: 60_000 })}>
        +1 min
      </button>
      <label className="row small">
        <span>Length</span>
        <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
          {[...new Set([...MINUTE_CHOICES, minutes])].sort((a, b) => a - b).map((m) => (
            <option key={m} value={m}>
              {m < 1 ? `${m * 60} s` : `${m} min`}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button quiet" onClick={() => onAction({ kind: 'reset', ms: minutes * 60_000 })}>
        Set to {minutes < 1 ? `${minutes * 60} s` : `${minutes} min`}
      </button>
    </fieldset>
  )
}
