import { memo, type DragEvent, type KeyboardEvent, type ReactNode } from 'react'
import {
  removeSegment,
  startSegment,
  updateSegment,
  type RunResult,
  type ScheduledSegment,
} from '../../../shared/facilitation'
import type { ConveningSession } from '../../sync'
import { KindSelect } from './KindSelect'
import { CommitField } from '../../ui'
import { useIntl, useT } from '../../i18n'
import type { Message } from '../../../shared/i18n'
import { KIND, clock, clockRange, duration } from './format'

const STATUS: Record<Exclude<ScheduledSegment['status'], 'upcoming'>, Message> = {
  done: { id: 'agenda.status.done', defaultMessage: 'Done' },
  current: { id: 'agenda.status.current', defaultMessage: 'Now' },
  skipped: { id: 'agenda.status.skipped', defaultMessage: 'Skipped' },
}

/** The sr-only part of a button's name ("Remove<hidden> Check-in</hidden>"). */
const hidden = (chunks: ReactNode[]) => <span className="sr-only">{chunks}</span>

interface Props {
  session: ConveningSession
  row: ScheduledSegment
  index: number
  count: number
  readOnly: boolean
  facilitates: boolean
  leaving: string | null
  dragging: string | null
  onDragging: (id: string | null) => void
  onMove: (id: string, to: number) => void
  onResult: (result: RunResult<unknown>) => void
}

/** One segment: its times for everyone; for facilitators its fields, notes, and moves. */
export const SegmentRow = memo(function SegmentRow(props: Props) {
  const { session, row, index, count, readOnly, facilitates, onMove, onResult } = props
  const { segment, status } = row
  const doc = session.doc
  const me = session.me.id
  const zone = session.me.timeZone
  const t = useT()
  const label = segment.title || t({ id: 'agenda.segment.untitled', defaultMessage: 'Untitled segment' })
  const update = (patch: Parameters<typeof updateSegment>[3]): void => onResult(updateSegment(doc, me, segment.id, patch))

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>): void => {
    if (readOnly || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return
    event.preventDefault()
    onMove(segment.id, index + (event.key === 'ArrowUp' ? -1 : 1))
    // Keep the keyboard on the moved segment.
    const li = event.currentTarget
    requestAnimationFrame(() => li.querySelector<HTMLElement>('.ag-handle')?.focus())
  }
  const drag = readOnly
    ? {}
    : {
        draggable: true,
        onDragStart: (e: DragEvent) => {
          e.dataTransfer.setData('text/plain', segment.id)
          e.dataTransfer.effectAllowed = 'move'
          props.onDragging(segment.id)
        },
        onDragEnd: () => props.onDragging(null),
        onDragOver: (e: DragEvent) => {
          if (props.dragging && props.dragging !== segment.id) e.preventDefault()
        },
        onDrop: (e: DragEvent) => {
          e.preventDefault()
          const id = e.dataTransfer.getData('text/plain') || props.dragging
          if (id && id !== segment.id) onMove(id, index)
          props.onDragging(null)
        },
      }

  return (
    <li
      className={`ag-row ag-${status}${props.dragging === segment.id ? ' ag-dragging' : ''}`}
      aria-label={t(
        { id: 'agenda.segment.label', defaultMessage: '{number}. {title}{status, select, done {, done} current {, now} skipped {, skipped} other {}}' },
        { number: index + 1, title: label, status },
      )}
      data-testid="ag-segment"
      onKeyDown={onKeyDown}
      {...drag}
    >
      <div className="ag-row-head">
        {!readOnly && (
          <button
            type="button"
            className="ag-handle"
            aria-label={t({ id: 'agenda.segment.handle', defaultMessage: 'Move {title}: Alt and the up or down arrow' }, { title: label })}
            title={t({ id: 'agenda.segment.handleTitle', defaultMessage: 'Drag to reorder, or Alt+↑ / Alt+↓' })}
          >
            ⠿
          </button>
        )}
        <span className="ag-index" aria-hidden="true">
          {index + 1}
        </span>
        {status !== 'upcoming' && <span className={`ag-status ag-status-${status}`}>{t(STATUS[status])}</span>}
        {readOnly ? (
          <strong className="ag-title">{label}</strong>
        ) : (
          <span className="ag-field ag-title-input">
            <CommitField type="text" aria-label={t({ id: 'agenda.segment.titleLabel', defaultMessage: 'Title of segment {number}' }, { number: index + 1 })} value={segment.title} onCommit={(title) => update({ title })} />
          </span>
        )}
        <Times row={row} zone={zone} />
      </div>
      <div className="ag-row-body">
        {readOnly ? (
          <span className="muted small">
            {t({ id: 'agenda.segment.kindMinutes', defaultMessage: '{kind} · {minutes} min' }, { kind: t(KIND[segment.kind]), minutes: segment.minutes })}
          </span>
        ) : (
          <>
            <label className="ag-inline">
              <span className="sr-only">{t({ id: 'agenda.segment.kindLabel', defaultMessage: 'Kind of segment {number}' }, { number: index + 1 })}</span>
              <KindSelect value={segment.kind} onChange={(kind) => update({ kind })} />
            </label>
            <span className="ag-field ag-minutes">
              <CommitField aria-label={t({ id: 'agenda.segment.minutesLabel', defaultMessage: 'Minutes for segment {number}' }, { number: index + 1 })} type="number" min={1} value={String(segment.minutes)} onCommit={(m) => update({ minutes: Number(m) })} />
              <span className="muted small">{t({ id: 'agenda.segment.min', defaultMessage: 'min' })}</span>
            </span>
            {facilitates && status !== 'current' && (
              <button type="button" className="button small-button" onClick={() => onResult(startSegment(doc, me, segment.id, session.clock, props.leaving))}>
                {status === 'done'
                  ? t({ id: 'agenda.segment.runAgain', defaultMessage: 'Run again' })
                  : props.leaving
                    ? t({ id: 'agenda.segment.jumpHere', defaultMessage: 'Jump here' })
                    : t({ id: 'agenda.segment.startHere', defaultMessage: 'Start here' })}
              </button>
            )}
            <button type="button" className="button quiet small-button" disabled={index === 0} onClick={() => onMove(segment.id, index - 1)}>
              {t({ id: 'agenda.segment.moveUp', defaultMessage: 'Move up<hidden> {title}</hidden>' }, { title: label, hidden })}
            </button>
            <button type="button" className="button quiet small-button" disabled={index === count - 1} onClick={() => onMove(segment.id, index + 1)}>
              {t({ id: 'agenda.segment.moveDown', defaultMessage: 'Move down<hidden> {title}</hidden>' }, { title: label, hidden })}
            </button>
            <button type="button" className="button quiet small-button danger-text" disabled={status === 'current'} onClick={() => onResult(removeSegment(doc, me, segment.id, props.leaving))}>
              {t({ id: 'agenda.segment.remove', defaultMessage: 'Remove<hidden> {title}</hidden>' }, { title: label, hidden })}
            </button>
          </>
        )}
      </div>
      {facilitates && (readOnly ? segment.notes && <p className="ag-notes">{segment.notes}</p> : (
        <span className="ag-field ag-notes-input">
          <CommitField
            aria-label={t({ id: 'agenda.segment.notesLabel', defaultMessage: 'Notes for facilitators, segment {number}' }, { number: index + 1 })}
            multiline
            value={segment.notes}
            placeholder={t({ id: 'agenda.segment.notesPlaceholder', defaultMessage: 'Notes for facilitators (hidden on other screens)' })}
            onCommit={(notes) => update({ notes })}
          />
        </span>
      ))}
    </li>
  )
}, same)

function same(a: Props, b: Props): boolean {
  return (
    a.session === b.session && a.index === b.index && a.count === b.count && a.readOnly === b.readOnly && a.facilitates === b.facilitates &&
    a.leaving === b.leaving && a.dragging === b.dragging && a.onMove === b.onMove && a.onResult === b.onResult && a.onDragging === b.onDragging &&
    JSON.stringify(a.row) === JSON.stringify(b.row)
  )
}

function Times(props: { row: ScheduledSegment; zone: string }) {
  const { row, zone } = props
  const t = useT()
  const intl = useIntl()
  const planned = clockRange(t, intl, row.plannedStart, row.plannedEnd, zone)
  let actual: string
  if (row.status === 'done') {
    actual = t({ id: 'agenda.segment.ran', defaultMessage: 'ran {range}, {duration}' }, { range: clockRange(t, intl, row.start, row.end, zone), duration: duration(t, row.actualMs ?? 0) })
  } else if (row.status === 'current') {
    actual = t(
      { id: 'agenda.segment.started', defaultMessage: 'started {time}, {elapsed} so far of {allotted}' },
      { time: clock(intl, row.start, zone), elapsed: duration(t, row.actualMs ?? 0), allotted: duration(t, row.allottedMs) },
    )
  } else if (row.status === 'skipped') {
    actual = t({ id: 'agenda.segment.skipped', defaultMessage: 'skipped' })
  } else if (row.allottedMs < row.plannedMs - 30_000) {
    actual = t({ id: 'agenda.segment.expectedShortened', defaultMessage: 'expected {time}, shortened to {duration}' }, { time: clock(intl, row.start, zone), duration: duration(t, row.allottedMs) })
  } else {
    actual = t({ id: 'agenda.segment.expected', defaultMessage: 'expected {time}' }, { time: clock(intl, row.start, zone) })
  }
  return (
    <span className="ag-times small">
      <span className="muted">{t({ id: 'agenda.segment.planned', defaultMessage: 'planned {range}' }, { range: planned })}</span>
      <span className={row.status === 'upcoming' && row.allottedMs < row.plannedMs - 30_000 ? 'ag-shortened' : ''}>{actual}</span>
    </span>
  )
}
