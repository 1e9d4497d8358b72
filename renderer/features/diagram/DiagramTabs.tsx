import { useRef, useState, type KeyboardEvent } from 'react'
import { deleteDiagram, renameDiagram, type DiagramKind } from '../../../shared/diagram'
import { useStore, type ConveningSession } from '../../sync'
import { ConfirmDialog } from '../../ui'
import { useIntl, useT } from '../../i18n'
import type { Message } from '../../../shared/i18n'
import { LIST_ORIGIN } from './NewDiagramDialog'
import type { PresenceHub } from './presence'
import { DIAGRAM_ORIGIN } from './undo'
import { nameList } from './words'

export interface DiagramHeader {
  id: string
  title: string
  kind: DiagramKind
  createdAt: number
}

const KIND_MARK: Record<DiagramKind, Message> = {
  cld: { id: 'diagram.tab.kindCld', defaultMessage: 'Loops' },
  iceberg: { id: 'diagram.tab.kindIceberg', defaultMessage: 'Iceberg' },
  bot: { id: 'diagram.tab.kindBot', defaultMessage: 'Over time' },
}

const UNTITLED: Message = { id: 'diagram.tab.untitled', defaultMessage: 'Untitled' }

/**
 * The diagrams of this convening as tabs; anyone who may draw renames the open one, and
 * facilitators may delete it (after asking): a practitioner never sees a button that
 * would take a shared diagram away from everyone.
 */
export function DiagramTabs(props: {
  session: ConveningSession
  hub: PresenceHub
  list: DiagramHeader[]
  current: DiagramHeader | null
  readOnly: boolean
  facilitating: boolean
  onSelect: (id: string) => void
  onNew: () => void
}) {
  const { list, current } = props
  const t = useT()
  const { locale } = useIntl()
  const roster = useStore(props.hub.roster)
  const [renaming, setRenaming] = useState(false)
  const [confirm, setConfirm] = useState(false)
  const tabs = useRef<(HTMLButtonElement | null)[]>([])
  const onKeyDown = (event: KeyboardEvent, index: number): void => {
    const next = event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? list.length - 1 : null
    if (next === null || list.length === 0) return
    event.preventDefault()
    const wrapped = (next + list.length) % list.length
    props.onSelect(list[wrapped].id)
    tabs.current[wrapped]?.focus()
  }
  return (
    <div className="diagram-tabs">
      <div role="tablist" aria-label={t({ id: 'diagram.panel.label', defaultMessage: 'Diagrams' })} className="dg-tab-row">
        {list.map((d, i) => {
          const here = roster.filter((p) => p.diagramId === d.id)
          const selected = d.id === current?.id
          return (
            <button
              key={d.id}
              ref={(el) => {
                tabs.current[i] = el
              }}
              type="button"
              role="tab"
              id={`diagram-tab-${d.id}`}
              aria-selected={selected}
              aria-controls="diagram-tabpanel"
              tabIndex={selected ? 0 : -1}
              className="diagram-tab"
              onClick={() => props.onSelect(d.id)}
              onDoubleClick={() => !props.readOnly && setRenaming(true)}
              onKeyDown={(event) => onKeyDown(event, i)}
            >
              <span className="dg-tab-title">{d.title || t(UNTITLED)}</span>
              <span className="dg-tab-kind">{t(KIND_MARK[d.kind])}</span>
              {here.length > 0 && (
                <span className="dg-tab-people" aria-label={t({ id: 'diagram.tab.peopleHere', defaultMessage: '{names} here' }, { names: nameList(locale, here.map((p) => p.name)) })}>
                  {here.slice(0, 4).map((p) => (
                    <span key={p.clientId} className="swatch" style={{ background: p.colour }} />
                  ))}
                </span>
              )}
            </button>
          )
        })}
      </div>
      <button type="button" className="button small" disabled={props.readOnly} onClick={props.onNew}>
        {t({ id: 'diagram.tab.new', defaultMessage: '+ New diagram' })}
      </button>
      {current && !props.readOnly && (
        <span className="dg-tab-actions">
          {renaming ? (
            <RenameField
              title={current.title}
              onDone={(title) => {
                setRenaming(false)
                if (title !== null && title.trim() && title.trim() !== current.title) renameDiagram(props.session.doc, current.id, title, DIAGRAM_ORIGIN)
                tabs.current[list.indexOf(current)]?.focus()
              }}
            />
          ) : (
            <button type="button" className="button quiet small" onClick={() => setRenaming(true)}>
              {t({ id: 'diagram.tab.rename', defaultMessage: 'Rename' })}
            </button>
          )}
          {props.facilitating && (
            <button type="button" className="button quiet small danger-text" onClick={() => setConfirm(true)}>
              {t({ id: 'common.delete', defaultMessage: 'Delete' })}
            </button>
          )}
        </span>
      )}
      <ConfirmDialog
        title={t({ id: 'diagram.tab.deleteTitle', defaultMessage: 'Delete this diagram?' })}
        open={confirm}
        danger
        confirmLabel={t({ id: 'diagram.tab.deleteConfirm', defaultMessage: 'Delete for everyone' })}
        message={t(
          { id: 'diagram.tab.deleteMessage', defaultMessage: '“{title}” and everything on it will be gone for everyone in the convening. This cannot be undone.' },
          { title: current?.title || t(UNTITLED) },
        )}
        onCancel={() => setConfirm(false)}
        onConfirm={() => {
          setConfirm(false)
          if (current) deleteDiagram(props.session.doc, current.id, LIST_ORIGIN)
        }}
      />
    </div>
  )
}

function RenameField(props: { title: string; onDone: (title: string | null) => void }) {
  const [value, setValue] = useState(props.title)
  const t = useT()
  const done = useRef(false)
  const finish = (title: string | null): void => {
    if (done.current) return
    done.current = true
    props.onDone(title)
  }
  return (
    <input
      className="dg-tab-rename"
      aria-label={t({ id: 'diagram.tab.titleField', defaultMessage: 'Diagram title' })}
      value={value}
      maxLength={200}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') finish(value)
        if (e.key === 'Escape') finish(null)
      }}
      onBlur={() => finish(value)}
    />
  )
}
