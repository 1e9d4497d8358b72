import type { ReactNode } from 'react'
import {
  agendaArray,
  extendSegment,
  nextSegment,
  pauseSegment,
  readCurrent,
  readProjection,
  readSchedule,
  readSegments,
  type TimerState,
} from '../../../shared/facilitation'
import { roleTypes, sameJson, sameRecords, useY, type ConveningSession } from '../../sync'
import { useTicking } from './ticking'
import { agendaTypes, runTypes } from './hooks'
import { panelControl } from './panelControl'
import { SEGMENT_KIND_NAMES } from './words'
import { Countdown, Said, useNotice, Notice } from '../../ui'
import { useIntl, useT } from '../../i18n'
import { dayTime, duration } from './times'

/**
 * The run of show at a glance, for everyone: the segment now, its countdown, and what
 * comes next. Facilitators also get the moves they make during a segment (pause, +1,
 * +5, next) without leaving the panel they are on.
 */
export function SegmentNow(props: { session: ConveningSession; facilitates: boolean; moves: 'all' | 'next' }) {
  const { session, facilitates } = props
  const doc = session.doc
  const segments = useY([agendaArray(doc), ...roleTypes(doc)], () => readSegments(doc), sameRecords)
  const current = useY(runTypes(doc), () => readCurrent(doc), sameJson)
  const schedule = useY(runTypes(doc), () => readSchedule(doc), Object.is)
  const timer: TimerState | null = current && current.segmentId !== null ? current.timer : null
  const running = segments.find((s) => s.id === current?.segmentId) ?? null
  const t = useT()
  const intl = useIntl()
  const ticking = useTicking(session, timer, running ? running.title : t({ id: 'facilitation.segment.countdown', defaultMessage: 'Segment' }))
  // Any change to the run (a new fit, an extension) re-reads the projection at once; it
  // also depends on the time, and is read again on every tick (each render).
  const projection = useY(agendaTypes(doc), () => readProjection(doc, session.clock), sameJson)

  const zone = session.me.timeZone
  // The start in this person's own time zone, with the day: people across the world may be a day apart.
  const startTime = schedule !== null ? dayTime(intl, schedule, zone) : null
  if (segments.length === 0) {
    if (!facilitates) {
      return startTime !== null ? (
        <div className="fx-now" data-testid="fx-now">
          <span className="fx-label">{t({ id: 'facilitation.segment.starts', defaultMessage: 'Starts {time} your time' }, { time: startTime })}</span>
        </div>
      ) : null
    }
    return (
      <div className="fx-now">
        <span className="muted">
          {startTime !== null
            ? t({ id: 'facilitation.segment.startsNoAgenda', defaultMessage: 'Starts {time} your time. No agenda yet.' }, { time: startTime })
            : t({ id: 'facilitation.segment.noAgenda', defaultMessage: 'No agenda yet.' })}
        </span>
        <button type="button" className="link-button" onClick={() => panelControl(session).choose('agenda')}>
          {t({ id: 'facilitation.segment.plan', defaultMessage: 'Plan the agenda' })}
        </button>
      </div>
    )
  }
  if (current && current.segmentId === null) {
    return (
      <div className="fx-now" data-testid="fx-now">
        <span className="fx-label">{t({ id: 'facilitation.segment.ended', defaultMessage: 'The convening has ended.' })}</span>
      </div>
    )
  }
  const next = projection.next
  if (!running) {
    const plan = { count: segments.length, duration: duration(t, segments.reduce((sum, s) => sum + s.minutes, 0) * 60_000), time: startTime }
    return (
      <div className="fx-now" data-testid="fx-now">
        <span className="fx-label">
          {startTime !== null
            ? t({ id: 'facilitation.segment.startsPlan', defaultMessage: 'Starts {time} your time · {count, plural, one {# segment} other {# segments}}, {duration}' }, plan)
            : t({ id: 'facilitation.segment.notStartedPlan', defaultMessage: 'Not started · {count, plural, one {# segment} other {# segments}}, {duration}' }, plan)}
        </span>
        {next && <span className="muted">{t({ id: 'facilitation.segment.first', defaultMessage: 'First: {title}' }, { title: next.segment.title })}</span>}
      </div>
    )
  }
  return (
    <div className="fx-now" data-testid="fx-now">
      <div className="fx-now-text" title={next ? t({ id: 'facilitation.segment.nowHint', defaultMessage: '{title} · next: {next}' }, { title: running.title, next: next.segment.title }) : running.title}>
        <span className="fx-label">
          <span className="fx-kicker">{t({ id: 'facilitation.segment.now', defaultMessage: 'Now' })}</span> <strong data-testid="fx-current-segment">{running.title}</strong>
          <span className="muted small"> · {t(SEGMENT_KIND_NAMES[running.kind])}</span>
        </span>
        {next ? (
          <span className="fx-next muted" data-testid="fx-next-segment">
            {t({ id: 'facilitation.segment.next', defaultMessage: 'Next: {title} · {duration}' }, { title: next.segment.title, duration: duration(t, next.allottedMs) })}
          </span>
        ) : (
          <span className="fx-next muted">{t({ id: 'facilitation.segment.last', defaultMessage: 'Last segment' })}</span>
        )}
      </div>
      <Countdown ticking={ticking} label={running.title} className="fx-segment-countdown" />
      <Said text={ticking.said} />
      <SegmentMoves session={session} facilitates={facilitates} which={props.moves} />
    </div>
  )
}

/**
 * A facilitator's moves during a segment: pause, +1, +5 and next. `which` splits them
 * when the strip is short of room: "next" in the row, "rest" in its More.
 */
export function SegmentMoves(props: { session: ConveningSession; facilitates: boolean; which: 'all' | 'next' | 'rest' }) {
  const { session, facilitates, which } = props
  const doc = session.doc
  const current = useY(runTypes(doc), () => readCurrent(doc), sameJson)
  const { notice, run } = useNotice()
  const t = useT()
  const timer: TimerState | null = current && current.segmentId !== null ? current.timer : null
  if (!facilitates || !timer || !current || current.segmentId === null) return null
  const leaving = current.segmentId
  const last = readProjection(doc, session.clock).next === null
  return (
    <span
      className="fx-moves"
      role="group"
      aria-label={which === 'next' ? t({ id: 'facilitation.segment.nextLabel', defaultMessage: 'Next segment' }) : t({ id: 'facilitation.segment.controls', defaultMessage: 'Segment controls' })}
    >
      {which !== 'next' && (
        <>
          <button type="button" className="button small-button" onClick={() => run(pauseSegment(doc, session.me.id, timer.startedAt !== null, session.clock))}>
            {timer.startedAt !== null
              ? which === 'rest'
                ? t({ id: 'facilitation.segment.pauseSegment', defaultMessage: 'Pause the segment' })
                : t({ id: 'facilitation.segment.pause', defaultMessage: 'Pause' })
              : which === 'rest'
                ? t({ id: 'facilitation.segment.resumeSegment', defaultMessage: 'Resume the segment' })
                : t({ id: 'facilitation.segment.resume', defaultMessage: 'Resume' })}
          </button>
          <button
            type="button"
            className="button small-button"
            aria-label={t({ id: 'facilitation.segment.plusOne', defaultMessage: 'One more minute for this segment' })}
            onClick={() => run(extendSegment(doc, session.me.id, 60_000, session.clock))}
          >
            +1
          </button>
          <button
            type="button"
            className="button small-button"
            aria-label={t({ id: 'facilitation.segment.plusFive', defaultMessage: 'Five more minutes for this segment' })}
            onClick={() => run(extendSegment(doc, session.me.id, 5 * 60_000, session.clock))}
          >
            +5
          </button>
        </>
      )}
      {which !== 'rest' && (
        <button
          type="button"
          className="button primary small-button"
          onClick={() => {
            // The last "next" ends the convening, which is signed where roles are.
            const sign = last ? session.signEnd(leaving) : Promise.resolve(undefined)
            void sign.then((signed) => run(nextSegment(doc, session.me.id, session.clock, leaving, undefined, signed)))
          }}
        >
          {last
            ? t({ id: 'facilitation.segment.end', defaultMessage: 'End convening' })
            : t({ id: 'facilitation.segment.nextButton', defaultMessage: 'Next<wordy> segment</wordy>' }, { wordy: (chunks: ReactNode[]) => <span className="fx-wordy">{chunks}</span> })}
        </button>
      )}
      <Notice text={notice} />
    </span>
  )
}
