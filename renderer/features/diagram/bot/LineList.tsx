import type * as Y from 'yjs'
import { deleteLine, setLineLabel, type BehaviourParts } from '../../../../shared/diagram'
import { peopleMap, readPerson } from '../../../../shared/session'
import { useY, type ConveningSession } from '../../../sync'
import { DIAGRAM_ORIGIN, writeStep, type DiagramUndo } from '../undo'
import { useLine } from './lines'
import { CommitField, type Notices } from '../../../ui'
import { useT } from '../../../i18n'
import { lineWords } from './lineWords'

interface ListProps {
  parts: BehaviourParts
  diagramId: string
  ids: readonly string[]
  session: ConveningSession
  hidden: ReadonlySet<string>
  onHidden: (hidden: ReadonlySet<string>) => void
  onHover: (id: string | null) => void
  onShape: (id: string) => void
  undo: DiagramUndo
  notices: Notices
  readOnly: boolean
}

/** The lines side by side: whose, what they stand for, how they go (in words), and which are shown. */
export function LineList(props: ListProps) {
  const t = useT()
  if (props.ids.length === 0) return <p className="muted bot-empty">{t({ id: 'diagram.bot.noLines', defaultMessage: 'No lines yet. Drag across the graph to draw the first one.' })}</p>
  const toggle = (id: string, show: boolean): void => {
    const next = new Set(props.hidden)
    if (show) next.delete(id)
    else next.add(id)
    props.onHidden(next)
  }
  return (
    <section className="bot-lines" aria-labelledby="bot-lines-heading">
      <div className="row">
        <h3 id="bot-lines-heading">{t({ id: 'diagram.bot.compare', defaultMessage: 'Compare the lines ({count})' }, { count: props.ids.length })}</h3>
        <span className="grow" />
        <button type="button" className="button quiet small" onClick={() => props.onHidden(new Set())}>
          {t({ id: 'diagram.bot.showAll', defaultMessage: 'Show all' })}
        </button>
      </div>
      <ul className="bot-line-list">
        {props.ids.map((id) => (
          <LineRow key={id} id={id} lines={props.parts.lines} {...props} shown={!props.hidden.has(id)} onToggle={(show) => toggle(id, show)} />
        ))}
      </ul>
    </section>
  )
}

function LineRow(props: ListProps & { id: string; lines: Y.Map<Y.Map<unknown>>; shown: boolean; onToggle: (show: boolean) => void }) {
  const { id, session, undo, notices } = props
  const line = useLine(props.lines, id)
  const author = useY(peopleMap(session.doc), () => (line ? readPerson(session.doc, line.authorId)?.name : undefined), Object.is)
  const t = useT()
  if (!line) return null
  const name = author ?? t({ id: 'diagram.someone', defaultMessage: 'Someone' })
  return (
    <li className="bot-line-row" onPointerEnter={() => props.onHover(id)} onPointerLeave={() => props.onHover(null)} onFocus={() => props.onHover(id)} onBlur={() => props.onHover(null)}>
      <label className="toggle">
        <input type="checkbox" checked={props.shown} onChange={(event) => props.onToggle(event.target.checked)} aria-label={t({ id: 'diagram.bot.showLine', defaultMessage: 'Show {name}’s line' }, { name })} />
        <span className="bot-swatch" style={{ background: line.colour }} aria-hidden="true" />
        <span className="bot-line-author">{name}</span>
      </label>
      <CommitField
        className="bot-line-label"
        aria-label={t({ id: 'diagram.bot.lineLabel', defaultMessage: 'Label of {name}’s line' }, { name })}
        placeholder={t({ id: 'diagram.bot.lineLabelHint', defaultMessage: 'What this line stands for' })}
        maxLength={80}
        readOnly={props.readOnly}
        value={line.label}
        onCommit={(label) => writeStep(undo, notices, () => setLineLabel(session.doc, props.diagramId, id, label, DIAGRAM_ORIGIN))}
      />
      <span className="bot-line-words small muted">{lineWords(t, line.points)}</span>
      <span className="row">
        <button type="button" className="button quiet small" disabled={props.readOnly} onClick={() => props.onShape(id)}>
          {t({ id: 'diagram.bot.shape', defaultMessage: 'Shape with keys' })}
        </button>
        <button
          type="button"
          className="button quiet small danger-text"
          disabled={props.readOnly}
          aria-label={
            line.label
              ? t({ id: 'diagram.bot.deleteLabelled', defaultMessage: 'Delete {name}’s line “{label}”' }, { name, label: line.label })
              : t({ id: 'diagram.bot.deleteLine', defaultMessage: 'Delete {name}’s line' }, { name })
          }
          onClick={() => {
            if (writeStep(undo, notices, () => deleteLine(session.doc, props.diagramId, id, DIAGRAM_ORIGIN)) !== null) {
              notices.tell(t({ id: 'diagram.bot.lineDeleted', defaultMessage: 'Line deleted. Undo (Ctrl+Z) brings it back.' }))
            }
          }}
        >
          {t({ id: 'common.delete', defaultMessage: 'Delete' })}
        </button>
      </span>
    </li>
  )
}
