import { useState } from 'react'
import type { TimerAction } from '../../../shared/conversation'
import { useT } from '../../i18n'

// The countdown itself (its ticking, bells and words) is renderer/ui's `useCountdown` and `Countdown`.

const MINUTE_CHOICES = [0.5, 1, 2, 3, 4, 5, 7, 10, 15, 20]

/** Start, pause, a minute more, and a fresh length: what a facilitator needs for a countdown. */
export function TimerControls(props: { running: boolean; left: number; durationMs: number; onAction: (action: TimerAction) => void; label: string; disabled?: boolean }) {
  const { running, left, durationMs, onAction, label } = props
  const t = useT()
  const [minutes, setMinutes] = useState(() => Math.max(0.5, durationMs / 60_000))
  return (
    <fieldset className="row wrap cv-timer-controls" disabled={props.disabled}>
      <legend className="sr-only">{t({ id: 'conversation.timer.controls', defaultMessage: '{label} controls' }, { label })}</legend>
      {running ? (
        <button type="button" className="button" onClick={() => onAction({ kind: 'pause' })}>
          {t({ id: 'conversation.timer.pause', defaultMessage: 'Pause' })}
        </button>
      ) : left > 0 ? (
        <button type="button" className="button primary" onClick={() => onAction({ kind: 'start' })}>
          {left < durationMs
            ? t({ id: 'conversation.timer.resume', defaultMessage: 'Resume' })
            : t({ id: 'conversation.timer.start', defaultMessage: 'Start' })}
        </button>
      ) : null}
      <button type="button" className="button" onClick={() => onAction({ kind: 'add', ms: 60_000 })}>
        {t({ id: 'conversation.timer.addMinute', defaultMessage: '+1 min' })}
      </button>
      <label className="row small">
        <span>{t({ id: 'conversation.timer.length', defaultMessage: 'Length' })}</span>
        <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
          {[...new Set([...MINUTE_CHOICES, minutes])].sort((a, b) => a - b).map((m) => (
            <option key={m} value={m}>
              {m < 1
                ? t({ id: 'conversation.timer.seconds', defaultMessage: '{seconds} s' }, { seconds: m * 60 })
                : t({ id: 'conversation.timer.minutes', defaultMessage: '{minutes} min' }, { minutes: m })}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button quiet" onClick={() => onAction({ kind: 'reset', ms: minutes * 60_000 })}>
        {minutes < 1
          ? t({ id: 'conversation.timer.setSeconds', defaultMessage: 'Set to {seconds} s' }, { seconds: minutes * 60 })
          : t({ id: 'conversation.timer.setMinutes', defaultMessage: 'Set to {minutes} min' }, { minutes })}
      </button>
    </fieldset>
  )
}
