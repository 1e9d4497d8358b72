import { useState } from 'react'
import { curateResponse, responseIds, viewResponse } from '../../../shared/conversation'
import { sameJson, useY, type ConveningSession } from '../../sync'
import { placementTypes } from './hooks'
import { BoardCard } from './ResponseCard'
import { StartVoteButton, promptResponses } from '../votes'
import { useNames } from './people'
import { useIntl } from '../../i18n'

interface Layout {
  groups: { label: string | null; ids: string[] }[]
  withheld: number
  /** Authors of revealed private responses whose keys have not arrived (they are offline). */
  waitingFor: string[]
  total: number
}

/**
 * Everyone's responses as this person may see them, in the facilitator's groups.
 * The board subscribes to the layout (which response is in which group), re-read
 * only when responses come, go or move (placementTypes), never on an edit of their
 * text; each card reads its own record.
 */
export function ResponsesBoard(props: { session: ConveningSession; promptId: string; facilitating: boolean; readOnly: boolean; mineAnonymous: ReadonlySet<string> }) {
  const { session, promptId, facilitating, readOnly, mineAnonymous } = props
  const me = session.me.id
  const layout = useY(placementTypes(session.doc), () => boardLayout(session, promptId, mineAnonymous), sameJson)
  const names = useNames(session)
  const intl = useIntl()
  const t = intl.formatMessage
  const [dragging, setDragging] = useState<string | null>(null)
  const [over, setOver] = useState<string | null>(null)
  const labels = layout.groups.map((g) => g.label).filter((l): l is string => l !== null)
  const drop = (label: string | null): void => {
    if (dragging) curateResponse(session.doc, me, dragging, { group: label })
    setDragging(null)
    setOver(null)
  }
  return (
    <section className="stack" aria-labelledby="board-heading">
      <h3 id="board-heading">
        {t({ id: 'conversation.board.heading', defaultMessage: 'Responses ({count})' }, { count: layout.total })}
      </h3>
      {!readOnly && layout.total >= 2 && <StartVoteButton label={t({ id: 'conversation.board.vote', defaultMessage: 'Vote on these responses' })} candidates={() => promptResponses(session.doc, promptId, me, mineAnonymous)} />}
      {layout.withheld > 0 && (
        <p className="cv-hidden-count" role="status">
          {t(
            { id: 'conversation.board.withheld', defaultMessage: '{count, plural, one {# response is} other {# responses are}} private until a facilitator reveals them.' },
            { count: layout.withheld },
          )}
        </p>
      )}
      {layout.waitingFor.length > 0 && (
        <p className="cv-hidden-count" role="status">
          {t(
            { id: 'conversation.board.waitingFor', defaultMessage: 'Revealed, waiting for {names}: their private responses show when their app is back online.' },
            { names: intl.formatList(layout.waitingFor.map((id) => names.name(id)), { type: 'conjunction' }) },
          )}
        </p>
      )}
      {layout.total === 0 && <p className="muted">{t({ id: 'conversation.board.empty', defaultMessage: 'No responses yet.' })}</p>}
      {layout.groups.map((group) => {
        const name = group.label ?? t({ id: 'conversation.board.ungrouped', defaultMessage: 'Not grouped' })
        const key = group.label ?? '\u0000'
        return (
          <section
            key={key}
            className={`cv-response-group${over === key ? ' cv-group-over' : ''}`}
            aria-label={name}
            onDragOver={facilitating && !readOnly ? (e) => (e.preventDefault(), setOver(key)) : undefined}
            onDragLeave={() => setOver(null)}
            onDrop={facilitating && !readOnly ? (e) => (e.preventDefault(), drop(group.label)) : undefined}
          >
            {(layout.groups.length > 1 || group.label !== null) && <h4 className="cv-response-group-title">{name}</h4>}
            <ul className="cv-response-list">
              {group.ids.map((id) => (
                <BoardCard key={id} session={session} id={id} mineAnonymous={mineAnonymous} facilitating={facilitating} readOnly={readOnly} labels={labels} onDragStart={setDragging} />
              ))}
            </ul>
          </section>
        )
      })}
    </section>
  )
}

function boardLayout(session: ConveningSession, promptId: string, mineAnonymous: ReadonlySet<string>): Layout {
  const byLabel = new Map<string | null, string[]>()
  let withheld = 0
  const waitingFor = new Set<string>()
  let total = 0
  for (const id of responseIds(session.doc, promptId)) {
    const view = viewResponse(session.doc, id, session.me.id, mineAnonymous)
    if (!view) continue
    total += 1
    if (view.text === null) {
      if (view.waiting && view.author) waitingFor.add(view.author)
      else withheld += 1
      continue
    }
    const list = byLabel.get(view.group) ?? []
    list.push(id)
    byLabel.set(view.group, list)
  }
  const labels = [...byLabel.keys()].filter((l): l is string => l !== null).sort((a, b) => a.localeCompare(b))
  const groups: Layout['groups'] = labels.map((label) => ({ label, ids: byLabel.get(label)! }))
  // Ungrouped responses first, so new ones are seen; always present for dropping onto.
  groups.unshift({ label: null, ids: byLabel.get(null) ?? [] })
  return { groups, withheld, waitingFor: [...waitingFor].sort(), total }
}
