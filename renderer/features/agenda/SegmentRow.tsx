import { memo, type DragEvent, type KeyboardEvent } from 'react'
import {
  SEGMENT_KIND_LABELS,
  formatClock,
  formatMinutes,
  removeSegment,
  startSegment,
  updateSegment,
  type RunResult,
  type ScheduledSegment,
} from '../../../shared/facilitation'
import type { ConveningSession } from '../../sync'
import { KindSelect } from './KindSelect'
import { CommitField } from '../../ui'

const STATUS: Record<ScheduledSegment['status'], string> = { done: 'Done', current: 'Now', upcoming: '', skipped: 'Skipped' }

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
  const label = segment.title || 'Untitled segment'
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
      aria-label={`${index + 1}. ${label}${STATUS[status] ? `, ${STATUS[status].toLowerCase()}` : ''}`}
      data-testid="ag-segment"
      onKeyDown={onKeyDown}
      {...drag}
    >
      <div className="ag-row-head">
        {!readOnly && (
          <button type="button" className="ag-handle" aria-label={`Move ${label}: Alt and the up or down arrow`} title="Drag to reorder, or Alt+↑ / Alt+↓">
            ⠿
          </button>
        )}
        <span className="ag-index" aria-hidden="true">
          {index + 1}
        </span>
        {status !== 'upcoming' && <span className={`ag-status ag-status-${status}`}>{STATUS[status]}</span>}
        {readOnly ? (
          <strong className="ag-title">{label}</strong>
        ) : (
          <span className="ag-field ag-title-input">
            <CommitField type="text" aria-label={`Title of segment ${index + 1}`} value={segment.title} onCommit={(title) => update({ title })} />
          </span>
        )}
        <Times row={row} zone={zone} />
      </div>
      <div className="ag-row-body">
        {readOnly ? (
          <span className="muted small">
            {SEGMENT_KIND_LABELS[segment.kind]} · {segment.minutes} min
          </span>
        ) : (
          <>
            <label className="ag-inline">
              <span className="sr-only">Kind of segment {index + 1}</span>
              <KindSelect value={segment.kind} onChange={(kind) => update({ kind })} />
            </label>
            <span className="ag-field ag-minutes">
              <CommitField aria-label={`Minutes for segment ${index + 1}`} type="number" min={1} value={String(segment.minutes)} onCommit={(m) => update({ minutes: Number(m) })} />
              <span className="muted small">min</span>
            </span>
            {facilitates && status !== 'current' && (
              <button type="button" className="button small-button" onClick={() => onResult(startSegment(doc, me, segment.id, session.clock, props.leaving))}>
                {status === 'done' ? 'Run again' : props.leaving ? 'Jump here' : 'Start here'}
              </button>
            )}
            <button type="button" className="button quiet small-button" disabled={index === 0} onClick={() => onMove(segment.id, index - 1)}>
              Move up<span className="sr-only"> {label}</span>
            </button>
            <button type="button" className="button quiet small-button" disabled={index === count - 1} onClick={() => onMove(segment.id, index + 1)}>
              Move down<span className="sr-only"> {label}</span>
            </button>
            <button type="button" className="button quiet small-button danger-text" disabled={status === 'current'} onClick={() => onResult(removeSegment(doc, me, segment.id, props.leaving))}>
              Remove<span className="sr-only"> {label}</span>
            </button>
          </>
        )}
      </div>
      {facilitates && (readOnly ? segment.notes && <p className="ag-notes">{segment.notes}</p> : (
        <span className="ag-field ag-notes-input">
          <CommitField aria-label={`Notes for facilitators, segment ${index + 1}`} multiline value={segment.notes} placeholder="Notes for facilitators (hidden on other screens)" onCommit={(notes) => update({ notes })} />
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
  const planned = `${formatClock(row.plannedStart, zone)}–${formatClock(row.plannedEnd, zone)}`
  let actual: string
  if (row.status === 'done') actual = `ran ${formatClock(row.start, zone)}–${formatClock(row.end, zone)}, ${formatMinutes(row.actualMs ?? 0)}`
  else if (row.status === 'current') actual = `started ${formatClock(row.start, zone)}, ${formatMinutes(row.actualMs ?? 0)} so far of ${formatMinutes(row.allottedMs)}`
  else if (row.status === 'skipped') actual = 'skipped'
  else actual = `expected ${formatClock(row.start, zone)}${row.allottedMs < row.plannedMs - 30_000 ? `, shortened to ${formatMinutes(row.allottedMs)}` : ''}`
  return (
    <span className="ag-times small">
      <span className="muted">planned {planned}</span>
      <span className={row.status === 'upcoming' && row.allottedMs < row.plannedMs - 30_000 ? 'ag-shortened' : ''}>{actual}</span>
    </span>
  )
}
