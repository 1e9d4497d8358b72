import { useMemo } from 'react'
import * as Y from 'yjs'
import { ICEBERG_LEVELS, deleteSticky, moveSticky, readSticky, type IcebergContent, type IcebergParts } from '../../../../shared/diagram'
import { peopleMap, readPerson } from '../../../../shared/session'
import { useY, type ConveningSession } from '../../../sync'
import { type Notices, useBoundText } from '../../../ui'
import { DIAGRAM_ORIGIN, writeStep, type DiagramUndo } from '../undo'
import { useT } from '../../../i18n'

export function focusSticky(id: string, attempts = 5): void {
  const field = document.querySelector<HTMLTextAreaElement>(`[data-sticky="${CSS.escape(id)}"] textarea`)
  if (field) field.focus()
  else if (attempts > 0) requestAnimationFrame(() => focusSticky(id, attempts - 1))
}

const sameSticky = (a: ReturnType<typeof readSticky>, b: ReturnType<typeof readSticky>) =>
  a === b || (!!a && !!b && a.colour === b.colour && a.authorId === b.authorId && a.level === b.level)

/** One shared note: everyone can type in it at once; it says who started it. */
export function StickyNote(props: {
  id: string
  parts: IcebergParts
  session: ConveningSession
  diagramId: string
  undo: DiagramUndo
  notices: Notices
  readOnly: boolean
  level: number
  /** The levels as the person reads them (names in their language). */
  levels: IcebergContent['levels']
}) {
  const { id, parts, session, diagramId, undo, notices } = props
  const entry = parts.stickies.get(id)
  const sticky = useY(entry instanceof Y.Map ? entry : null, () => readSticky(id, entry), sameSticky)
  const text = useMemo(() => {
    const t = entry instanceof Y.Map ? entry.get('text') : null
    return t instanceof Y.Text ? t : null
  }, [entry])
  const ref = useBoundText(text, { origin: DIAGRAM_ORIGIN, beforeEdit: () => undo.step('typing', id) })
  const author = useY(peopleMap(session.doc), () => (sticky ? readPerson(session.doc, sticky.authorId)?.name : undefined), Object.is)
  const t = useT()
  if (!sticky) return null
  const { levels } = props
  const move = (to: number): void => {
    if (writeStep(undo, notices, () => moveSticky(session.doc, diagramId, id, ICEBERG_LEVELS[to], DIAGRAM_ORIGIN)) !== null) focusSticky(id)
  }
  const remove = (): void => {
    if (writeStep(undo, notices, () => deleteSticky(session.doc, diagramId, id, DIAGRAM_ORIGIN)) !== null) {
      notices.tell(t({ id: 'diagram.iceberg.noteDeleted', defaultMessage: 'Note deleted. Undo (Ctrl+Z) brings it back.' }))
    }
  }
  const name = author ?? t({ id: 'diagram.someone', defaultMessage: 'Someone' })
  return (
    <li className="dg-sticky" data-sticky={id} style={{ borderTopColor: sticky.colour }}>
      <label className="sr-only" htmlFor={`sticky-${id}`}>
        {t({ id: 'diagram.iceberg.noteLabel', defaultMessage: 'Note by {name} in {level}' }, { name, level: levels[props.level].name })}
      </label>
      <textarea
        id={`sticky-${id}`}
        ref={ref}
        className="dg-sticky-text"
        rows={3}
        maxLength={1000}
        readOnly={props.readOnly}
        placeholder={t({ id: 'diagram.iceberg.notePlaceholder', defaultMessage: 'Write here…' })}
        onBlur={(event) => {
          // A note its author left empty was an accident: it goes.
          if (!event.currentTarget.value.trim() && sticky.authorId === session.me.id && !props.readOnly) deleteSticky(session.doc, diagramId, id, DIAGRAM_ORIGIN)
        }}
      />
      <div className="dg-sticky-foot">
        <span className="dg-sticky-author small" style={{ color: sticky.colour }}>
          {name}
        </span>
        <span className="grow" />
        <button type="button" className="dg-sticky-action" disabled={props.readOnly || props.level === 0} aria-label={
            props.level > 0
              ? t({ id: 'diagram.iceberg.moveUpTo', defaultMessage: 'Move up to {level}' }, { level: levels[props.level - 1].name })
              : t({ id: 'diagram.iceberg.moveUp', defaultMessage: 'Move up' })
          } onClick={() => move(props.level - 1)}>
          ↑
        </button>
        <button
          type="button"
          className="dg-sticky-action"
          disabled={props.readOnly || props.level === levels.length - 1}
          aria-label={
            props.level < levels.length - 1
              ? t({ id: 'diagram.iceberg.moveDownTo', defaultMessage: 'Move down to {level}' }, { level: levels[props.level + 1].name })
              : t({ id: 'diagram.iceberg.moveDown', defaultMessage: 'Move down' })
          }
          onClick={() => move(props.level + 1)}
        >
          ↓
        </button>
        <button type="button" className="dg-sticky-action" disabled={props.readOnly} aria-label={t({ id: 'diagram.iceberg.deleteNote', defaultMessage: 'Delete this note' })} onClick={remove}>
          ×
        </button>
      </div>
    </li>
  )
}
