import { useEffect, useRef, useState } from 'react'
import { formatRemaining, overdueMs, remainingMs, type ClockReader, type TimerState } from '../../shared/facilitation'
import { ringBell } from './bell'
import { useMinute, useNow } from './clock'
import { useT } from '../i18n'

/** A shared countdown as this screen shows it. */
export interface Ticking {
  left: number
  /** How long ago it reached zero (0 while it runs), as of this render: never ticks by the second. */
  overdue: number
  running: boolean
  /** True for a few seconds after the countdown reached zero on this screen. */
  cue: boolean
  /** What a screen reader hears when it starts or ends (put it in a live region). */
  said: string
}

export interface CountdownOptions {
  /** This person muted the bells (the app's one setting, renderer/ui/mute.ts). */
  muted: boolean
  /**
   * Which bells this view rings. A countdown shown in two places rings from one of
   * them; the other says 'none' (it still announces and cues).
   */
  bells: 'start and end' | 'end' | 'none'
  /** What a screen reader hears at the start (none when omitted) and at the end. */
  words: { start?: string; end: string }
}

/**
 * A shared countdown as this screen shows it: converted from its writer's clock with
 * this peer's offset estimate, ticking while it runs and stopping at zero. At the start
 * (when asked) and at the end, a soft bell unless this person muted bells, words for
 * screen readers, and at the end a visual cue for a few seconds. Only people who watched
 * it happen get them: opening the convening later rings nothing, and a timer seen
 * starting long after it started (a late joiner) is not greeted by a bell.
 */
export function useCountdown(clock: ClockReader, timer: TimerState | null, options: CountdownOptions): Ticking {
  const { muted, bells } = options
  const { start: startWords = '', end: endWords } = options.words
  const startedAt = timer ? timer.startedAt : null
  const running = startedAt !== null
  const offset = timer && timer.clockOf ? clock.offsetTo(timer.clockOf) : 0
  // The clock ticks only until zero: a countdown that reached its end stops there.
  const counting = timer !== null && running && remainingMs(timer, clock.now(), offset) > 0
  const now = useNow(clock, counting)
  // After the end, one quiet re-render a minute keeps "ended 3 min ago" true.
  useMinute()
  const left = timer ? remainingMs(timer, counting ? now : clock.now(), offset) : 0
  const overdue = timer ? overdueMs(timer, clock.now(), offset) : 0
  const atStart = timer ? timer.remainingAtStartMs : 0
  const [cue, setCue] = useState(false)
  const [said, setSaid] = useState('')
  const last = useRef<{ startedAt: number | null; left: number } | null>(null)
  useEffect(() => {
    const before = last.current
    last.current = { startedAt, left }
    if (!before) return
    if (startedAt !== null && before.startedAt === null && left > 0 && left >= atStart - 3000) {
      if (bells !== 'start and end') return
      if (!muted) ringBell('start')
      setSaid(startWords)
      return
    }
    if (!(before.left > 0 && left === 0 && startedAt !== null)) return
    if (bells !== 'none' && !muted) ringBell('end')
    setSaid(endWords)
    setCue(true)
    const timeout = setTimeout(() => setCue(false), 5000)
    return () => clearTimeout(timeout)
  }, [startedAt, atStart, left, muted, bells, startWords, endWords])
  return { left, overdue, running: running && left > 0, cue, said }
}

/**
 * What a finished countdown says beside its 0:00. Not a second hand counting up: on a
 * shared screen a red "+4:37" racing on reads as pressure and keeps pulling eyes to it
 * long after the facilitator has chosen to run over. How late the group is matters to
 * the minute, so: "time's up" for the first minute, then "ended 3 min ago", refreshed
 * once a minute.
 */
function endedText(t: ReturnType<typeof useT>, overdueMs: number): string {
  const minutes = Math.floor(overdueMs / 60_000)
  if (minutes < 1) return t({ id: 'facilitation.countdown.timesUp', defaultMessage: 'time’s up' })
  if (minutes < 60) return t({ id: 'facilitation.countdown.endedMinutes', defaultMessage: 'ended {minutes} min ago' }, { minutes })
  return t({ id: 'facilitation.countdown.endedHours', defaultMessage: 'ended {hours} h {minutes} min ago' }, { hours: Math.floor(minutes / 60), minutes: minutes % 60 })
}

/**
 * A countdown on screen, read by screen readers as a timer with its label. `inline`
 * sits in a line of text (the strip, a chip, a vote) and says how long ago it ended;
 * `medium` and `large` stand on their own (a conversation's stage or silence) with
 * "Paused" or "Time is up" beneath.
 */
export function Countdown(props: { ticking: Ticking; label: string; size?: 'inline' | 'medium' | 'large'; className?: string }) {
  const { ticking, label, size = 'inline' } = props
  const t = useT()
  const text = formatRemaining(ticking.left)
  const state = ticking.left === 0 ? 'up' : ticking.running ? 'running' : 'paused'
  const values = { label, time: text }
  const counting =
    state === 'running'
      ? t({ id: 'conversation.timer.left', defaultMessage: '{label}: {time} left' }, values)
      : t({ id: 'conversation.timer.leftPaused', defaultMessage: '{label}: {time} left, paused' }, values)
  const extra = props.className ? ` ${props.className}` : ''
  if (size !== 'inline') {
    return (
      <div
        className={`cv-countdown cv-countdown-${size}${state === 'up' ? ' countdown-done' : ''}${extra}`}
        role="timer"
        aria-label={state === 'up' ? t({ id: 'conversation.timer.leftUp', defaultMessage: '{label}: {time} left, time is up' }, values) : counting}
        data-testid="countdown"
      >
        <span aria-hidden="true">{text}</span>
        <span className="cv-countdown-state muted small" aria-hidden="true">
          {state === 'up'
            ? t({ id: 'conversation.timer.up', defaultMessage: 'Time is up' })
            : state === 'running'
              ? ''
              : t({ id: 'conversation.timer.paused', defaultMessage: 'Paused' })}
        </span>
      </div>
    )
  }
  const ended = state === 'up' && ticking.overdue > 0 ? endedText(t, ticking.overdue) : null
  const spoken =
    ended !== null
      ? t({ id: 'facilitation.countdown.ended', defaultMessage: '{label}: {ended}' }, { label, ended })
      : state === 'up'
        ? t({ id: 'facilitation.countdown.up', defaultMessage: '{label}: time is up' }, { label })
        : counting
  return (
    <span
      className={`fx-countdown fx-${state}${ticking.cue ? ' fx-cue' : ''}${extra}`}
      role="timer"
      aria-label={spoken}
      data-testid="fx-countdown"
      data-remaining-ms={Math.round(ticking.left)}
    >
      <span aria-hidden="true">{text}</span>
      {state === 'paused' && (
        <span className="fx-countdown-note" aria-hidden="true">
          {t({ id: 'facilitation.countdown.paused', defaultMessage: 'paused' })}
        </span>
      )}
      {ended !== null && (
        <span className="fx-countdown-note" aria-hidden="true">
          {ended}
        </span>
      )}
    </span>
  )
}

/** The words a countdown said, for screen readers (a polite live region that stays in the page). */
export function Said(props: { text: string }) {
  return (
    <span className="sr-only" role="status" aria-live="polite">
      {props.text}
    </span>
  )
}
