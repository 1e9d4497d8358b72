import { useEffect, useMemo } from 'react'
import { flushSync } from 'react-dom'
import {
  ICEBERG_LEVELS,
  ICEBERG_VARIANTS,
  addSticky,
  byStickyOrder,
  icebergParts,
  readSticky,
  readVariant,
  setIcebergVariant,
  type IcebergContent,
  type IcebergParts,
  type IcebergVariant,
  type Sticky,
} from '../../../../shared/diagram'
import { useT } from '../../../i18n'
import { useIcebergContent } from '../localContent'
import { sameItems, useStore, useY, type ChangeEvent } from '../../../sync'
import type { StudioProps } from '../cld/CldStudio'
import { undoKeys } from '../cld/CldStudio'
import { NoticeLine, Notices } from '../../../ui'
import { useOwned } from '../state'
import { DIAGRAM_ORIGIN, DiagramUndo, writeStep } from '../undo'
import { StickyNote, focusSticky } from './StickyNote'
import { StartVoteButton, icebergNotes } from '../../votes'

/**
 * The iceberg: four levels from what people saw happen down to the beliefs beneath,
 * each with our prompt and shared sticky notes anyone can add, edit, move and delete.
 */
export function IcebergBoard(props: StudioProps) {
  const { session, hub, diagramId, readOnly } = props
  const parts = useMemo(() => icebergParts(session.doc, diagramId), [session, diagramId])
  const undo = useOwned(() => (parts ? new DiagramUndo(parts.root) : null), (u) => u?.destroy(), [parts])
  const notices = useOwned(() => new Notices(), (n) => n.destroy(), [])
  useEffect(() => {
    hub.publish(diagramId, {}, true)
    return () => hub.leave(diagramId)
  }, [hub, diagramId])
  const variant = useY(parts?.root, () => (parts ? readVariant(parts.root) : 'current'), Object.is)
  const t = useT()
  const content = useIcebergContent()
  if (!parts || !content) {
    return (
      <p className="banner-inline">
        {t({ id: 'diagram.iceberg.missing', defaultMessage: 'This iceberg board cannot be opened: part of it is missing. The other diagrams are not affected.' })}
      </p>
    )
  }
  if (!undo || !notices) return null

  const chooseVariant = (next: IcebergVariant): void => void writeStep(undo, notices, () => setIcebergVariant(session.doc, diagramId, next, DIAGRAM_ORIGIN))

  return (
    <div className="iceberg-studio" onKeyDown={undoKeys(undo)}>
      <div className="dg-studio-toolbar" role="group" aria-label={t({ id: 'diagram.iceberg.tools', defaultMessage: 'Iceberg tools' })}>
        <span className="dg-segmented" role="radiogroup" aria-label={t({ id: 'diagram.iceberg.which', defaultMessage: 'Which iceberg' })}>
          {ICEBERG_VARIANTS.map((v) => (
            <button key={v} type="button" role="radio" aria-checked={variant === v} className={variant === v ? 'dg-segment is-on' : 'dg-segment'} disabled={readOnly} onClick={() => chooseVariant(v)}>
              {content.variants[v].name}
            </button>
          ))}
        </span>
        <UndoButtons undo={undo} notices={notices} />
        <StartVoteButton label={t({ id: 'diagram.iceberg.vote', defaultMessage: 'Vote on notes' })} className="button quiet small" candidates={() => icebergNotes(session.doc, diagramId, content.variants[variant].name)} />
      </div>
      <NoticeLine notices={notices} />
      <p className="iceberg-summary">{content.variants[variant].summary}</p>
      <div className={`iceberg iceberg-${variant}`}>
        {content.levels.map((level, i) => (
          <Level key={level.id} {...props} content={content} parts={parts} index={i} variant={variant} notices={notices} undo={undo} />
        ))}
      </div>
    </div>
  )
}

export function UndoButtons({ undo, notices }: { undo: DiagramUndo; notices: Notices }) {
  const can = useStore(undo.can)
  const t = useT()
  return (
    <>
      <button
        type="button"
        className="button quiet small"
        disabled={!can.undo}
        aria-keyshortcuts="Control+Z Meta+Z"
        onClick={() => undo.undo() || notices.tell(t({ id: 'diagram.nothingToUndoHere', defaultMessage: 'Nothing of yours to undo here.' }))}
      >
        {t({ id: 'diagram.undo', defaultMessage: 'Undo' })}
      </button>
      <button
        type="button"
        className="button quiet small"
        disabled={!can.redo}
        aria-keyshortcuts="Control+Shift+Z Control+Y"
        onClick={() => undo.redo() || notices.tell(t({ id: 'diagram.nothingToRedo', defaultMessage: 'Nothing to redo.' }))}
      >
        {t({ id: 'diagram.redo', defaultMessage: 'Redo' })}
      </button>
    </>
  )
}

/** Typing in a note changes the Y.Text inside it; a level lists its notes by their level and order, which are the note's own keys. */
const placed = (events: readonly ChangeEvent[]): boolean => events.some((event) => event.path.length < 2)

function Level(props: StudioProps & { content: IcebergContent; parts: IcebergParts; index: number; variant: IcebergVariant; notices: Notices; undo: DiagramUndo }) {
  const { content, parts, index, variant, session, diagramId, notices, undo } = props
  const t = useT()
  const level = content.levels[index]
  const ids = useY(
    { deep: parts.stickies, when: placed },
    () =>
      [...parts.stickies.entries()]
        .map(([id, entry]) => readSticky(id, entry))
        .filter((s): s is Sticky => s !== null && s.level === level.id)
        .sort(byStickyOrder)
        .map((s) => s.id),
    sameItems,
  )
  const add = (): void => {
    // Rendered at once (flushSync), so the new note has the focus before the next key
    // arrives: someone who clicks and types straight away keeps their first letter.
    let id: string | null = null
    flushSync(() => {
      id = writeStep(undo, notices, () => addSticky(session.doc, diagramId, { level: level.id, text: '', colour: session.me.colour, authorId: session.me.id }, DIAGRAM_ORIGIN))
    })
    if (id) focusSticky(id)
  }
  const text = level[variant]
  return (
    <section className={`iceberg-level dg-level-${level.id}`} aria-labelledby={`level-${level.id}`}>
      {index === 1 && (
        <div className="dg-waterline" aria-hidden="true">
          <span>{t({ id: 'diagram.iceberg.waterline', defaultMessage: 'waterline' })}</span>
        </div>
      )}
      <header className="dg-level-header">
        <h3 id={`level-${level.id}`}>
          {level.name} <span className="dg-level-depth">{level.depth}</span>
        </h3>
        <p className="dg-level-prompt">{text.prompt}</p>
        <p className="dg-level-hint">{text.hint}</p>
      </header>
      <ul className="dg-sticky-list" aria-label={t({ id: 'diagram.iceberg.notes', defaultMessage: 'Notes: {level}' }, { level: level.name })}>
        {ids.map((id) => (
          <StickyNote key={id} id={id} levels={content.levels} parts={parts} session={session} diagramId={diagramId} undo={undo} notices={notices} readOnly={props.readOnly} level={ICEBERG_LEVELS.indexOf(level.id)} />
        ))}
        <li className="dg-sticky-add">
          <button type="button" className="button quiet" disabled={props.readOnly} onClick={add}>
            {t({ id: 'diagram.iceberg.add', defaultMessage: '+ Add a note to {level}' }, { level: level.name })}
          </button>
        </li>
      </ul>
    </section>
  )
}
