import { moveTimer, readTimers, type SharedTimer } from '../../../shared/facilitation'
import { sameJson, useY, type ConveningSession } from '../../sync'
import { useTicking } from './ticking'
import { runTypes } from './hooks'
import { Countdown, Said, Notice, useNotice } from '../../ui'

/** The shared timers this person may see, small, in the strip. */
export function StripTimers(props: { session: ConveningSession; facilitates: boolean }) {
  const { session, facilitates } = props
  const timers = useY(runTypes(session.doc), () => readTimers(session.doc, facilitates), sameJson)
  if (timers.length === 0) return null
  return (
    <ul className="fx-timers" aria-label="Timers">
      {timers.map((t) => (
        <li key={t.id}>
          <TimerChip session={session} timer={t} facilitates={facilitates} />
        </li>
      ))}
    </ul>
  )
}

export function TimerChip(props: { session: ConveningSession; timer: SharedTimer; facilitates: boolean }) {
  const { session, timer, facilitates } = props
  const ticking = useTicking(session, timer, timer.label)
  const { notice, run } = useNotice()
  const me = session.me.id
  const paused = timer.startedAt === null
  return (
    <span className={`fx-chip${timer.visibility === 'facilitators' ? ' fx-chip-private' : ''}`} data-testid="fx-timer" data-label={timer.label}>
      <span className="fx-chip-label">
        {timer.label}
        {timer.visibility === 'facilitators' && <span className="muted small"> (facilitators)</span>}
      </span>
      <Countdown ticking={ticking} label={timer.label} />
      <Said text={ticking.said} />
      {facilitates && ticking.left > 0 && (
        <button type="button" className="link-button small" onClick={() => run(moveTimer(session.doc, me, timer.id, paused ? { kind: 'start' } : { kind: 'pause' }, session.clock))}>
          {paused ? (timer.remainingAtStartMs < timer.durationMs ? 'Resume' : 'Start') : 'Pause'}
          <span className="sr-only"> {timer.label}</span>
        </button>
      )}
      <Notice text={notice} />
    </span>
  )
}
