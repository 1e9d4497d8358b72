import {
  SEGMENT_KIND_LABELS,
  agendaArray,
  extendSegment,
  formatDayTime,
  formatMinutes,
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
import { Countdown, Said, useNotice, Notice } from '../../ui'

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
  const ticking = useTicking(session, timer, running ? running.title : 'Segment')
  // Any change to the run (a new fit, an extension) re-reads the projection at once; it
  // also depends on the time, and is read again on every tick (each render).
  const projection = useY(agendaTypes(doc), () => readProjection(doc, session.clock), sameJson)

  const zone = session.me.timeZone
  // The start in this person's own time zone, with the day: people across the world may be a day apart.
  const starts = schedule !== null ? `Starts ${formatDayTime(schedule, zone)} your time` : null
  if (segments.length === 0) {
    if (!facilitates) {
      return starts ? (
        <div className="fx-now" data-testid="fx-now">
          <span className="fx-label">{starts}</span>
        </div>
      ) : null
    }
    return (
      <div className="fx-now">
        <span className="muted">{starts ? `${starts}. No agenda yet.` : 'No agenda yet.'}</span>
        <button type="button" className="link-button" onClick={() => panelControl(session).choose('agenda')}>
          Plan the agenda
        </button>
      </div>
    )
  }
  if (current && current.segmentId === null) {
    return (
      <div className="fx-now" data-testid="fx-now">
        <span className="fx-label">The convening has ended.</span>
      </div>
    )
  }
  const next = projection.next
  if (!running) {
    return (
      <div className="fx-now" data-testid="fx-now">
        <span className="fx-label">
          {starts ?? 'Not started'} · {segments.length} segments, {formatMinutes(segments.reduce((sum, s) => sum + s.minutes, 0) * 60_000)}
        </span>
        {next && <span className="muted">First: {next.segment.title}</span>}
      </div>
    )
  }
  return (
    <div className="fx-now" data-testid="fx-now">
      <div className="fx-now-text" title={`${running.title}${next ? ` · next: ${next.segment.title}` : ''}`}>
        <span className="fx-label">
          <span className="fx-kicker">Now</span> <strong data-testid="fx-current-segment">{running.title}</strong>
          <span className="muted small"> · {SEGMENT_KIND_LABELS[running.kind]}</span>
        </span>
        {next ? (
          <span className="fx-next muted" data-testid="fx-next-segment">
            Next: {next.segment.title} · {formatMinutes(next.allottedMs)}
          </span>
        ) : (
          <span className="fx-next muted">Last segment</span>
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
  const timer: TimerState | null = current && current.segmentId !== null ? current.timer : null
  if (!facilitates || !timer || !current || current.segmentId === null) return null
  const leaving = current.segmentId
  const last = readProjection(doc, session.clock).next === null
  return (
    <span className="fx-moves" role="group" aria-label={which === 'next' ? 'Next segment' : 'Segment controls'}>
      {which !== 'next' && (
        <>
          <button type="button" className="button small-button" onClick={() => run(pauseSegment(doc, session.me.id, timer.startedAt !== null, session.clock))}>
            {timer.startedAt !== null ? 'Pause' : 'Resume'}
            {which === 'rest' && ' the segment'}
          </button>
          <button type="button" className="button small-button" aria-label="One more minute for this segment" onClick={() => run(extendSegment(doc, session.me.id, 60_000, session.clock))}>
            +1
          </button>
          <button type="button" className="button small-button" aria-label="Five more minutes for this segment" onClick={() => run(extendSegment(doc, session.me.id, 5 * 60_000, session.clock))}>
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
          {last ? (
            'End convening'
          ) : (
            <>
              Next<span className="fx-wordy"> segment</span>
            </>
          )}
        </button>
      )}
      <Notice text={notice} />
    </span>
  )
}
