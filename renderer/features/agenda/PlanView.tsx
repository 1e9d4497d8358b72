import { useCallback, useState } from 'react'
import {
  agendaLock,
  endConvening,
  moveSegment,
  readCurrent,
  readFit,
  readProjection,
  setFit,
  startSegment,
  type FitMode,
} from '../../../shared/facilitation'
import { sameJson, useY, type ConveningSession } from '../../sync'
import { agendaTypes, runTypes } from '../facilitation'
import { AddSegment } from './AddSegment'
import { SegmentRow } from './SegmentRow'
import { TemplatesButton } from './Templates'
import { AgendaLock } from './AgendaLock'
import { StartVoteButton, agendaSegments } from '../votes'
import { Notice, useNotice, useNow } from '../../ui'
import { useIntl, useT } from '../../i18n'
import { clock, clockRange, difference, duration } from './format'

/**
 * The plan and its running: segments in order with planned and actual (or expected)
 * times, the overrun, and for facilitators: start, reorder (drag, or Alt+arrow keys,
 * or the move buttons), edit, and how an extension is absorbed.
 */
export function PlanView(props: { session: ConveningSession; readOnly: boolean; facilitates: boolean }) {
  const { session, facilitates } = props
  const doc = session.doc
  const lock = useY(runTypes(doc), () => agendaLock(doc), sameJson)
  // Locked, the segments cannot be changed; running the convening still can.
  const readOnly = props.readOnly || lock !== null
  const current = useY(runTypes(doc), () => readCurrent(doc), sameJson)
  const running = current !== null && current.segmentId !== null
  useNow(session.clock, running, 5000)
  // Re-read when the run changes, and every few seconds while it runs (times shown to the minute).
  const projection = useY(agendaTypes(doc), () => readProjection(doc, session.clock), sameJson)
  const fit = useY(runTypes(doc), () => readFit(doc), Object.is)
  const zone = session.me.timeZone
  const { notice, run } = useNotice()
  const [dragging, setDragging] = useState<string | null>(null)
  const t = useT()
  const intl = useIntl()

  const move = useCallback((id: string, to: number): void => {
    run(moveSegment(doc, session.me.id, id, to))
  }, [run, doc, session])
  const { rows } = projection
  const first = rows[0]
  const state = projection.ended ? 'ended' : projection.started ? 'running' : 'planned'

  return (
    <div className="ag-plan stack">
      <div className="ag-summary row wrap">
        {rows.length > 0 ? (
          <p data-testid="ag-summary">
            {t(
              {
                id: 'agenda.plan.summary',
                defaultMessage: '{state, select, ended {Ended} running {Running} other {Planned}}: {count, plural, one {# segment} other {# segments}}, {duration}',
              },
              {
                state,
                count: rows.length,
                duration: duration(t, rows.reduce((n, r) => n + r.plannedMs, 0)),
              },
            )}
            {first && (
              <>
                {' · '}
                {t({ id: 'agenda.plan.plannedRange', defaultMessage: '{range} planned' }, { range: clockRange(t, intl, first.plannedStart, projection.plannedEnd, zone) })}
              </>
            )}
            {projection.started && !projection.ended && (
              <>
                {' · '}
                {t(
                  { id: 'agenda.plan.nowEnds', defaultMessage: 'now ends {time} <overrun>({difference})</overrun>' },
                  {
                    time: clock(intl, projection.projectedEnd, zone),
                    difference: difference(t, projection.overrunMs),
                    overrun: (chunks) => (
                      <strong className={projection.overrunMs > 60_000 ? 'ag-over' : 'ag-on-time'} data-testid="ag-overrun">
                        {chunks}
                      </strong>
                    ),
                  },
                )}
              </>
            )}
          </p>
        ) : (
          <p className="muted">{facilitates
              ? t({ id: 'agenda.plan.emptyFacilitator', defaultMessage: 'No segments yet: start from a template or add the first segment below.' })
              : t({ id: 'agenda.plan.empty', defaultMessage: 'The facilitators have not planned the agenda yet.' })}</p>
        )}
        {!props.readOnly && (
          <span className="row wrap ag-plan-actions">
            {!readOnly && <TemplatesButton session={session} running={running} />}
            {rows.length >= 2 && <StartVoteButton label={t({ id: 'agenda.plan.vote', defaultMessage: 'Vote on segments' })} candidates={() => agendaSegments(doc, t)} />}
            {!projection.started && rows.length > 0 && (
              <button type="button" className="button primary" onClick={() => run(startSegment(doc, session.me.id, rows[0].segment.id, session.clock, null))}>
                {t({ id: 'agenda.plan.start', defaultMessage: 'Start the convening' })}
              </button>
            )}
            {running && (
              <button type="button" className="button" onClick={() => {
                  const leaving = current.segmentId
                  void session.signEnd(leaving).then((signed) => run(endConvening(doc, session.me.id, session.clock, leaving, undefined, signed)))
                }}>
                {t({ id: 'agenda.plan.end', defaultMessage: 'End the convening' })}
              </button>
            )}
          </span>
        )}
      </div>
      {rows.length > 0 && <AgendaLock session={session} lock={lock} facilitates={facilitates} readOnly={props.readOnly} />}
      {!props.readOnly && rows.length > 0 && <FitChoice fit={fit} onChange={(mode) => run(setFit(doc, session.me.id, mode))} />}
      <Notice text={notice} />
      {rows.length > 0 && (
        <ol className="ag-list" aria-label={t({ id: 'agenda.plan.segments', defaultMessage: 'Segments' })}>
          {rows.map((row, index) => (
            <SegmentRow
              key={row.segment.id}
              session={session}
              row={row}
              index={index}
              count={rows.length}
              readOnly={readOnly}
              facilitates={facilitates}
              leaving={current && current.segmentId !== null ? current.segmentId : null}
              dragging={dragging}
              onDragging={setDragging}
              onMove={move}
              onResult={run}
            />
          ))}
        </ol>
      )}
      {!readOnly && <AddSegment session={session} />}
      {facilitates && (
        <p className="muted small">
          {t({
            id: 'agenda.plan.notesWarning',
            defaultMessage:
              'Notes for facilitators are hidden on other people’s screens, but they are part of the shared convening that every participant’s app holds: do not write anything there that participants must never read.',
          })}
        </p>
      )}
    </div>
  )
}

function FitChoice(props: { fit: FitMode; onChange: (mode: FitMode) => void }) {
  const t = useT()
  return (
    <fieldset className="ag-fit">
      <legend>{t({ id: 'agenda.fit.legend', defaultMessage: 'When a segment runs long' })}</legend>
      <label className="toggle">
        <input type="radio" name="ag-fit" checked={props.fit === 'keep-end'} onChange={() => props.onChange('keep-end')} />
        {t({ id: 'agenda.fit.keepEnd', defaultMessage: 'Keep the end time: shorten what comes next (never breaks)' })}
      </label>
      <label className="toggle">
        <input type="radio" name="ag-fit" checked={props.fit === 'run-over'} onChange={() => props.onChange('run-over')} />
        {t({ id: 'agenda.fit.runOver', defaultMessage: 'Keep every segment’s length: run over' })}
      </label>
    </fieldset>
  )
}
