// renderer/features/conversation/ResponseCard.tsx's BoardCard before issue 16, for the
// render benchmark's baseline (see ./hooks.tsx). Not used by the app.
import { useState } from 'react'
import { curateResponse, viewResponse } from '../../../../shared/conversation'
import type { ConveningSession } from '../../../../renderer/sync'
import { Notice, submitted, useConversationValue, useNotice } from './hooks'
import { useNames } from './people'

function useResponse(session: ConveningSession, id: string, mineAnonymous: ReadonlySet<string>) {
  const mineKey = mineAnonymous.has(id) ? 'mine' : ''
  return useConversationValue(session, () => viewResponse(session.doc, id, session.me.id, mineAnonymous), `response:${id}:${mineKey}`)
}

/** A response on the board; facilitators star it and put it in a group. */
export function BoardCard(props: {
  session: ConveningSession
  id: string
  mineAnonymous: ReadonlySet<string>
  facilitating: boolean
  readOnly: boolean
  labels: readonly string[]
  onDragStart: (id: string) => void
}) {
  const { session, id, mineAnonymous, facilitating, readOnly, labels } = props
  const view = useResponse(session, id, mineAnonymous)
  const names = useNames(session)
  const [adding, setAdding] = useState(false)
  const [label, setLabel] = useState('')
  const { notice, run } = useNotice()
  if (!view || view.text === null) return null
  const by = view.visibility === 'anonymous' ? 'Anonymous' : view.author ? names.name(view.author) : 'Someone'
  const curate = (change: { group?: string | null; star?: boolean }): boolean => run(curateResponse(session.doc, session.me.id, id, change))
  const editable = facilitating && !readOnly
  return (
    <li className={`cv-response-card${view.starred ? ' cv-starred' : ''}`} draggable={editable} onDragStart={editable ? (e) => (e.dataTransfer.setData('text/plain', id), props.onDragStart(id)) : undefined}>
      <p className="cv-response-text">{view.text}</p>
      <p className="small muted">
        {view.starred && <span aria-label="Starred for the harvest">★ </span>}
        {by}
        {view.mine && (view.visibility === 'anonymous' ? <MineMark /> : ' (you)')}
      </p>
      {editable && (
        <div className="row wrap cv-card-tools">
          <button type="button" className="button quiet" aria-pressed={view.starred} onClick={() => curate({ star: !view.starred })}>
            {view.starred ? '★ Starred' : '☆ Star for the harvest'}
          </button>
          {adding ? (
            <form
              className="row"
              onSubmit={submitted(() => curate({ group: label }) && setAdding(false))}
            >
              <label className="sr-only" htmlFor={`new-group-${id}`}>
                New group name
              </label>
              <input id={`new-group-${id}`} value={label} maxLength={60} onChange={(e) => setLabel(e.target.value)} autoFocus />
              <button type="submit" className="button quiet" disabled={label.trim() === ''}>
                Add group
              </button>
            </form>
          ) : (
            <select
              aria-label="Group"
              value={view.group ?? ''}
              onChange={(e) => {
                if (e.target.value === '\u0000new') return setAdding(true)
                curate({ group: e.target.value || null })
              }}
            >
              <option value="">No group</option>
              {labels.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
              <option value={'\u0000new'}>New group…</option>
            </select>
          )}
        </div>
      )}
      <Notice text={notice} />
    </li>
  )
}

const MINE_ANONYMOUS = 'You wrote this; others see it as anonymous'

/**
 * My own anonymous card, marked for me alone. "Anonymous (you)" would name me to
 * anyone looking at my shared screen; a small pen (a mark on every card I wrote
 * anonymously, meaning nothing to anyone else) does not. Screen readers and the tooltip
 * say what it means.
 */
function MineMark() {
  return (
    <span className="cv-mine-mark" role="img" aria-label={MINE_ANONYMOUS} title={MINE_ANONYMOUS} data-testid="mine-anonymous" style={{ marginLeft: '0.35em', verticalAlign: '-0.1em' }}>
      <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" focusable="false">
        <path d="M11.3 2.2a1.5 1.5 0 0 1 2.1 0l.4.4a1.5 1.5 0 0 1 0 2.1L6 12.5 2.5 13.5l1-3.5z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
      </svg>
    </span>
  )
}
