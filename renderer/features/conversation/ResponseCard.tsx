import { useState } from 'react'
import { RESPONSE_MAX, curateResponse, editResponse, withdrawResponse } from '../../../shared/conversation'
import type { ConveningSession } from '../../sync'
import { ConfirmDialog, Notice, submitted, useNotice } from '../../ui'
import { useResponse } from './hooks'
import { useNames } from './people'
import { useT } from '../../i18n'
import { VISIBILITY_LABEL } from './labels'

/** One of my own responses: read, edit or withdraw it. */
export function MyResponse(props: { session: ConveningSession; id: string; mineAnonymous: ReadonlySet<string>; readOnly: boolean }) {
  const { session, id, mineAnonymous, readOnly } = props
  const view = useResponse(session, id, mineAnonymous)
  const [draft, setDraft] = useState<string | null>(null)
  const [withdrawing, setWithdrawing] = useState(false)
  const { notice, run } = useNotice()
  const t = useT()
  if (!view || view.text === null) return null
  return (
    <li className="cv-response-card cv-mine">
      <p className="muted small">{t(VISIBILITY_LABEL[view.visibility])}</p>
      {draft === null ? (
        <p className="cv-response-text">{view.text}</p>
      ) : (
        <label className="field">
          <span className="sr-only">{t({ id: 'conversation.card.editLabel', defaultMessage: 'Edit your response' })}</span>
          <textarea rows={3} value={draft} maxLength={RESPONSE_MAX} onChange={(e) => setDraft(e.target.value)} />
        </label>
      )}
      <div className="row wrap">
        {draft === null ? (
          <>
            <button type="button" className="button quiet" disabled={readOnly} onClick={() => setDraft(view.text)}>
              {t({ id: 'common.edit', defaultMessage: 'Edit' })}
            </button>
            <button type="button" className="button quiet danger-text" disabled={readOnly} onClick={() => setWithdrawing(true)}>
              {t({ id: 'conversation.card.withdraw', defaultMessage: 'Withdraw' })}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button primary" onClick={() => run(editResponse(session.doc, session.me.id, id, draft, mineAnonymous, Date.now())) && setDraft(null)}>
              {t({ id: 'common.save', defaultMessage: 'Save' })}
            </button>
            <button type="button" className="button quiet" onClick={() => setDraft(null)}>
              {t({ id: 'common.cancel', defaultMessage: 'Cancel' })}
            </button>
          </>
        )}
      </div>
      <Notice text={notice} />
      <ConfirmDialog
        title={t({ id: 'conversation.card.withdrawTitle', defaultMessage: 'Withdraw this response?' })}
        open={withdrawing}
        message={t({
          id: 'conversation.card.withdrawMessage',
          defaultMessage: 'It is removed from the shared document on every computer as they sync. Someone may already have read or copied it.',
        })}
        confirmLabel={t({ id: 'conversation.card.withdraw', defaultMessage: 'Withdraw' })}
        danger
        onConfirm={() => {
          setWithdrawing(false)
          run(withdrawResponse(session.doc, session.me.id, id, mineAnonymous))
        }}
        onCancel={() => setWithdrawing(false)}
      />
    </li>
  )
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
  const t = useT()
  if (!view || view.text === null) return null
  const by =
    view.visibility === 'anonymous'
      ? t({ id: 'conversation.card.anonymous', defaultMessage: 'Anonymous' })
      : view.author
        ? names.name(view.author)
        : t({ id: 'conversation.card.someone', defaultMessage: 'Someone' })
  const curate = (change: { group?: string | null; star?: boolean }): boolean => run(curateResponse(session.doc, session.me.id, id, change))
  const editable = facilitating && !readOnly
  return (
    <li className={`cv-response-card${view.starred ? ' cv-starred' : ''}`} draggable={editable} onDragStart={editable ? (e) => (e.dataTransfer.setData('text/plain', id), props.onDragStart(id)) : undefined}>
      <p className="cv-response-text">{view.text}</p>
      <p className="small muted">
        {view.starred && <span aria-label={t({ id: 'conversation.card.starredLabel', defaultMessage: 'Starred for the harvest' })}>★ </span>}
        {by}
        {view.mine && (view.visibility === 'anonymous' ? <MineMark /> : ` ${t({ id: 'conversation.you', defaultMessage: '(you)' })}`)}
      </p>
      {editable && (
        <div className="row wrap cv-card-tools">
          <button type="button" className="button quiet" aria-pressed={view.starred} onClick={() => curate({ star: !view.starred })}>
            {view.starred ? '★ ' : '☆ '}
            {view.starred
              ? t({ id: 'conversation.card.starred', defaultMessage: 'Starred' })
              : t({ id: 'conversation.card.star', defaultMessage: 'Star for the harvest' })}
          </button>
          {adding ? (
            <form
              className="row"
              onSubmit={submitted(() => curate({ group: label }) && setAdding(false))}
            >
              <label className="sr-only" htmlFor={`new-group-${id}`}>
                {t({ id: 'conversation.card.newGroupName', defaultMessage: 'New group name' })}
              </label>
              <input id={`new-group-${id}`} value={label} maxLength={60} onChange={(e) => setLabel(e.target.value)} autoFocus />
              <button type="submit" className="button quiet" disabled={label.trim() === ''}>
                {t({ id: 'conversation.card.addGroup', defaultMessage: 'Add group' })}
              </button>
            </form>
          ) : (
            <select
              aria-label={t({ id: 'conversation.card.group', defaultMessage: 'Group' })}
              value={view.group ?? ''}
              onChange={(e) => {
                if (e.target.value === '\u0000new') return setAdding(true)
                curate({ group: e.target.value || null })
              }}
            >
              <option value="">{t({ id: 'conversation.card.noGroup', defaultMessage: 'No group' })}</option>
              {labels.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
              <option value={'\u0000new'}>{t({ id: 'conversation.card.newGroup', defaultMessage: 'New group…' })}</option>
            </select>
          )}
        </div>
      )}
      <Notice text={notice} />
    </li>
  )
}

/**
 * My own anonymous card, marked for me alone. "Anonymous (you)" would name me to
 * anyone looking at my shared screen; a small pen (a mark on every card I wrote
 * anonymously, meaning nothing to anyone else) does not. Screen readers and the tooltip
 * say what it means.
 */
function MineMark() {
  const t = useT()
  const meaning = t({ id: 'conversation.card.mineAnonymous', defaultMessage: 'You wrote this; others see it as anonymous' })
  return (
    <span className="cv-mine-mark" role="img" aria-label={meaning} title={meaning} data-testid="mine-anonymous" style={{ marginLeft: '0.35em', verticalAlign: '-0.1em' }}>
      <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" focusable="false">
        <path d="M11.3 2.2a1.5 1.5 0 0 1 2.1 0l.4.4a1.5 1.5 0 0 1 0 2.1L6 12.5 2.5 13.5l1-3.5z" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" />
      </svg>
    </span>
  )
}
