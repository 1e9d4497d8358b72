import { useState } from 'react'
import { createTimer, moveTimer, readTimers, removeTimer, type SharedTimer, type TimerEntry } from '../../../shared/facilitation'
import { sameJson, useY, type ConveningSession } from '../../sync'
import { runTypes, useTicking } from '../facilitation'
import { Countdown, Notice, Said, submitted, useNotice } from '../../ui'
import { useT } from '../../i18n'

/**
 * Shared timers: for an activity (everyone sees it) or for facilitators only (hidden on
 * other screens). Each shows the same time left on every screen, whatever the
 * machines' clocks say.
 */
export function TimersView(props: { session: ConveningSession; readOnly: boolean; facilitates: boolean }) {
  const { session, readOnly, facilitates } = props
  const timers = useY(runTypes(session.doc), () => readTimers(session.doc, facilitates), sameJson)
  const t = useT()
  return (
    <div className="stack">
      {!readOnly && <NewTimer session={session} />}
      {timers.length === 0 ? (
        <p className="muted">{t({ id: 'agenda.timers.none', defaultMessage: 'No timers running. The running segment has its own countdown, shown at the top.' })}</p>
      ) : (
        <ul className="ag-timer-list" aria-label={t({ id: 'agenda.timers.list', defaultMessage: 'Shared timers' })}>
          {timers.map((timer) => (
            <TimerRow key={timer.id} session={session} timer={timer} readOnly={readOnly} />
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
  const t = useT()
  const create = (): void => {
    if (run(createTimer(session.doc, session.me.id, { label, minutes: Number(minutes), visibility, start: true }, session.clock))) setLabel('')
  }
  return (
    <form className="row wrap ag-new-timer" aria-label={t({ id: 'agenda.timers.new', defaultMessage: 'New timer' })} onSubmit={submitted(create)}>
      <label className="field grow" htmlFor="ag-timer-label">
        <span>{t({ id: 'agenda.timers.for', defaultMessage: 'Timer for' })}</span>
        <input id="ag-timer-label" value={label} maxLength={60} placeholder={t({ id: 'agenda.timers.forPlaceholder', defaultMessage: 'Silent writing' })} onChange={(e) => setLabel(e.target.value)} />
      </label>
      <label className="field" htmlFor="ag-timer-minutes">
        <span>{t({ id: 'agenda.minutes', defaultMessage: 'Minutes' })}</span>
        <input id="ag-timer-minutes" type="number" min={0.5} step={0.5} max={1440} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
      </label>
      <label className="field" htmlFor="ag-timer-who">
        <span>{t({ id: 'agenda.timers.who', defaultMessage: 'Who sees it' })}</span>
        <select id="ag-timer-who" value={visibility} onChange={(e) => setVisibility(e.target.value as TimerEntry['visibility'])}>
          <option value="everyone">{t({ id: 'agenda.timers.everyone', defaultMessage: 'Everyone' })}</option>
          <option value="facilitators">{t({ id: 'agenda.timers.facilitators', defaultMessage: 'Facilitators only' })}</option>
        </select>
      </label>
      <button type="submit" className="button primary">
        {t({ id: 'agenda.timers.start', defaultMessage: 'Start timer' })}
      </button>
      <Notice text={notice} />
    </form>
  )
}

function TimerRow(props: { session: ConveningSession; timer: SharedTimer; readOnly: boolean }) {
  const { session, timer, readOnly } = props
  const ticking = useTicking(session, timer, timer.label, { bell: false })
  const { notice, run } = useNotice()
  const t = useT()
  const me = session.me.id
  const paused = timer.startedAt === null
  const move = (m: Parameters<typeof moveTimer>[3]): void => {
    run(moveTimer(session.doc, me, timer.id, m, session.clock))
  }
  return (
    <li className="ag-timer card row wrap">
      <span className="grow">
        <strong>{timer.label}</strong>
        {timer.visibility === 'facilitators' && <span className="muted small"> · {t({ id: 'agenda.timers.facilitatorsOnly', defaultMessage: 'facilitators only' })}</span>}
      </span>
      <Countdown ticking={ticking} label={timer.label} className="ag-timer-count" />
      <Said text={ticking.said} />
      {!readOnly && (
        <span className="row wrap" role="group" aria-label={t({ id: 'agenda.timers.controls', defaultMessage: '{label} controls' }, { label: timer.label })}>
          {ticking.left > 0 && (
            <button type="button" className="button" onClick={() => move(paused ? { kind: 'start' } : { kind: 'pause' })}>
              {paused
                ? timer.remainingAtStartMs < timer.durationMs
                  ? t({ id: 'agenda.timers.resume', defaultMessage: 'Resume' })
                  : t({ id: 'agenda.timers.startPaused', defaultMessage: 'Start' })
                : t({ id: 'agenda.timers.pause', defaultMessage: 'Pause' })}
            </button>
          )}
          <button type="button" className="button" onClick={() => move({ kind: 'add', ms: 60_000 })}>
            {t({ id: 'agenda.timers.addMinute', defaultMessage: '+1 min' })}
          </button>
          <button type="button" className="button quiet" onClick={() => move({ kind: 'reset', ms: timer.durationMs })}>
            {t({ id: 'agenda.timers.reset', defaultMessage: 'Reset' })}
          </button>
          <button type="button" className="button quiet danger-text" onClick={() => run(removeTimer(session.doc, me, timer.id))}>
            {t({ id: 'common.remove', defaultMessage: 'Remove' })}
          </button>
        </span>
      )}
      <Notice text={notice} />
    </li>
  )
}
