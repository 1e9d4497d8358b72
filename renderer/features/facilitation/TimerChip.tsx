import { moveTimer, readTimers, type SharedTimer } from '../../../shared/facilitation'
import { sameJson, useY, type ConveningSession } from '../../sync'
import { useTicking } from './ticking'
import { runTypes } from './hooks'
import { Countdown, Said, Notice, useNotice } from '../../ui'
import { useT } from '../../i18n'
import { hidden } from './words'

/** The shared timers this person may see, small, in the strip. */
export function StripTimers(props: { session: ConveningSession; facilitates: boolean }) {
  const { session, facilitates } = props
  const timers = useY(runTypes(session.doc), () => readTimers(session.doc, facilitates), sameJson)
  const t = useT()
  if (timers.length === 0) return null
  return (
    <ul className="fx-timers" aria-label={t({ id: 'facilitation.timers.label', defaultMessage: 'Timers' })}>
      {timers.map((timer) => (
        <li key={timer.id}>
          <TimerChip session={session} timer={timer} facilitates={facilitates} />
        </li>
      ))}
    </ul>
  )
}

export function TimerChip(props: { session: ConveningSession; timer: SharedTimer; facilitates: boolean }) {
  const { session, timer, facilitates } = props
  const ticking = useTicking(session, timer, timer.label)
  const { notice, run } = useNotice()
  const t = useT()
  const me = session.me.id
  const paused = timer.startedAt === null
  return (
    <span className={`fx-chip${timer.visibility === 'facilitators' ? ' fx-chip-private' : ''}`} data-testid="fx-timer" data-label={timer.label}>
      <span className="fx-chip-label">
        {timer.label}
        {timer.visibility === 'facilitators' && <span className="muted small"> {t({ id: 'facilitation.timers.private', defaultMessage: '(facilitators)' })}</span>}
      </span>
      <Countdown ticking={ticking} label={timer.label} />
      <Said text={ticking.said} />
      {facilitates && ticking.left > 0 && (
        <button type="button" className="link-button small" onClick={() => run(moveTimer(session.doc, me, timer.id, paused ? { kind: 'start' } : { kind: 'pause' }, session.clock))}>
          {paused
            ? timer.remainingAtStartMs < timer.durationMs
              ? t({ id: 'facilitation.timers.resume', defaultMessage: 'Resume<hidden> {label}</hidden>' }, { label: timer.label, hidden })
              : t({ id: 'facilitation.timers.start', defaultMessage: 'Start<hidden> {label}</hidden>' }, { label: timer.label, hidden })
            : t({ id: 'facilitation.timers.pause', defaultMessage: 'Pause<hidden> {label}</hidden>' }, { label: timer.label, hidden })}
        </button>
      )}
      <Notice text={notice} />
    </span>
  )
}
