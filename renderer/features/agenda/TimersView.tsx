import { useState } from 'react'
import { createTimer, moveTimer, readTimers, removeTimer, type SharedTimer, type TimerEntry } from '../../../shared/facilitation'
import { sameJson, useY, type ConveningSession } from '../../sync'
import { runTypes, useTicking } from '../facilitation'
import { Countdown, Notice, Said, submitted, useNotice } from '../../ui'

/**
 * Shared timers: for an activity (everyone sees it) or for facilitators only (hidden on
 * other screens). Each shows the same time left on every screen, whatever the
 * machines' clocks say.
 */
export function TimersView(props: { session: ConveningSession; readOnly: boolean; facilitates: boolean }) {
  const { session, readOnly, facilitates } = props
  const timers = useY(runTypes(session.doc), () => readTimers(session.doc, facilitates), sameJson)
  return (
    <div className="stack">
      {!readOnly && <NewTimer session={session} />}
      {timers.length === 0 ? (
        <p className="muted">No timers running. The running segment has its own countdown, shown at the top.</p>
      ) : (
        <ul className="ag-timer-list" aria-label="Shared timers">
          {timers.map((t) => (
            <TimerRow key={t.id} session={session} timer={t} readOnly={readOnly} />
          ))}
        </ul>
      )}
    </div>
  )
}

function NewTimer(props: { session: ConveningSession }) {
  const { session } = props
  const [label, setLabel] = useState('')
  const [minutes, setMinutes] = useState('5')
  const [visibility, setVisibility] = useState<TimerEntry['visibility']>('everyone')
  const { notice, run } = useNotice()
  const create = (): void => {
    if (run(createTimer(session.doc, session.me.id, { label, minutes: Number(minutes), visibility, start: true }, session.clock))) setLabel('')
  }
  return (
    <form className="row wrap ag-new-timer" aria-label="New timer" onSubmit={submitted(create)}>
      <label className="field grow" htmlFor="ag-timer-label">
        <span>Timer for</span>
        <input id="ag-timer-label" value={label} maxLength={60} placeholder="Silent writing" onChange={(e) => setLabel(e.target.value)} />
      </label>
      <label className="field" htmlFor="ag-timer-minutes">
        <span>Minutes</span>
        <input id="ag-timer-minutes" type="number" min={0.5} step={0.5} max={1440} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
      </label>
      <label className="field" htmlFor="ag-timer-who">
        <span>Who sees it</span>
        <select id="ag-timer-who" value={visibility} onChange={(e) => setVisibility(e.target.value as TimerEntry['visibility'])}>
          <option value="everyone">Everyone</option>
          <option value="facilitators">Facilitators only</option>
        </select>
      </label>
      <button type="submit" className="button primary">
        Start timer
      </button>
      <Notice text={notice} />
    </form>
  )
}

function TimerRow(props: { session: ConveningSession; timer: SharedTimer; readOnly: boolean }) {
  const { session, timer, readOnly } = props
  const ticking = useTicking(session, timer, timer.label, { bell: false })
  const { notice, run } = useNotice()
  const me = session.me.id
  const paused = timer.startedAt === null
  const move = (m: Parameters<typeof moveTimer>[3]): void => {
    run(moveTimer(session.doc, me, timer.id, m, session.clock))
  }
  return (
    <li className="ag-timer card row wrap">
      <span className="grow">
        <strong>{timer.label}</strong>
        {timer.visibility === 'facilitators' && <span className="muted small"> · facilitators only</span>}
      </span>
      <Countdown ticking={ticking} label={timer.label} className="ag-timer-count" />
      <Said text={ticking.said} />
      {!readOnly && (
        <span className="row wrap" role="group" aria-label={`${timer.label} controls`}>
          {ticking.left > 0 && (
            <button type="button" className="button" onClick={() => move(paused ? { kind: 'start' } : { kind: 'pause' })}>
              {paused ? (timer.remainingAtStartMs < timer.durationMs ? 'Resume' : 'Start') : 'Pause'}
            </button>
          )}
          <button type="button" className="button" onClick={() => move({ kind: 'add', ms: 60_000 })}>
            +1 min
          </button>
          <button type="button" className="button quiet" onClick={() => move({ kind: 'reset', ms: timer.durationMs })}>
            Reset
          </button>
          <button type="button" className="button quiet danger-text" onClick={() => run(removeTimer(session.doc, me, timer.id))}>
            Remove
          </button>
        </span>
      )}
      <Notice text={notice} />
    </li>
  )
}
