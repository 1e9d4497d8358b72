import { useId, useMemo, useState, type FormEvent } from 'react'
import { localOrigin, peopleMap, readPeople } from '../../../shared/session'
import {
  ACTION_LIMITS,
  actionEntry,
  actionIds,
  actionsArray,
  addAction,
  longIsoDate,
  ownerFromInput,
  ownerLabel,
  readAction,
  removeAction,
  updateAction,
  type ActionItem,
} from '../../../shared/notes'
import { sameFields, useY, type ConveningSession } from '../../sync'
import { useIntl, useT, useRefusal } from '../../i18n'

const ORIGIN = localOrigin('actions')

type Draft = { text: string; owner: string; due: string }

/**
 * A due date (YYYY-MM-DD) written out in the person's language. English keeps the
 * app's own form ("20 March 2026", as in the notes); a date that is not one shows as stored.
 */
function dueDate(intl: ReturnType<typeof useIntl>, iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!match || intl.locale.startsWith('en')) return longIsoDate(iso)
  return intl.formatDate(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
}

/**
 * Action items: what, who, by when. Anyone in the convening can add, tick, edit or
 * delete one. The list follows the ids only; each row follows its own item, so one
 * person ticking an item does not redraw the others.
 */
export function ActionItems(props: { session: ConveningSession; readOnly: boolean }) {
  const { doc } = props.session
  const idsKey = useY(actionsArray(doc), () => actionIds(doc).join('\n'), Object.is)
  const ids = useMemo(() => (idsKey ? idsKey.split('\n') : []), [idsKey])
  const names = useY(peopleMap(doc), () => readPeople(doc).map((p) => p.name).join('\n'), Object.is)
  const listId = useId()
  const t = useT()
  const refusal = useRefusal()
  const [status, setStatus] = useState('')
  const [lastDeleted, setLastDeleted] = useState<Draft | null>(null)

  function remove(item: ActionItem) {
    const result = removeAction(doc, item.id, ORIGIN)
    if (!result.ok) return setStatus(refusal(result))
    setLastDeleted({ text: item.text, owner: item.owner, due: item.due })
    setStatus(t({ id: 'notes.actions.deleted', defaultMessage: 'Deleted “{text}”.' }, { text: item.text }))
  }

  function undoDelete() {
    if (!lastDeleted) return
    const result = addAction(doc, lastDeleted, ORIGIN)
    setStatus(result.ok ? t({ id: 'notes.actions.restored', defaultMessage: 'Brought back “{text}”.' }, { text: lastDeleted.text }) : refusal(result))
    setLastDeleted(null)
  }

  return (
    <section className="actions-panel stack" aria-labelledby="actions-heading">
      <div>
        <h2 id="actions-heading">{t({ id: 'notes.actions.title', defaultMessage: 'Action items' })}</h2>
        <p className="muted small">{t({ id: 'notes.actions.about', defaultMessage: 'What we agreed to do, who does it, and by when. Anyone can add, tick or change one.' })}</p>
      </div>
      {ids.length === 0 ? (
        <p className="muted">{t({ id: 'notes.actions.none', defaultMessage: 'No action items yet.' })}</p>
      ) : (
        <ul className="action-list" aria-label={t({ id: 'notes.actions.title', defaultMessage: 'Action items' })}>
          {ids.map((id) => (
            <ActionRow key={id} session={props.session} id={id} readOnly={props.readOnly} onDelete={remove} listId={listId} />
          ))}
        </ul>
      )}
      <div className="row wrap" role="status" aria-live="polite">
        {status && <span className="muted small">{status}</span>}
        {lastDeleted && (
          <button type="button" className="button quiet" onClick={undoDelete}>
            {t({ id: 'notes.actions.undo', defaultMessage: 'Undo' })}
          </button>
        )}
      </div>
      {!props.readOnly && <ActionForm session={props.session} listId={listId} onDone={setStatus} />}
      <datalist id={listId}>
        {(names ? names.split('\n') : []).map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </section>
  )
}

function ActionForm(props: { session: ConveningSession; listId: string; initial?: ActionItem; onDone: (message: string) => void; onCancel?: () => void }) {
  const { doc } = props.session
  const initial = props.initial
  const [draft, setDraft] = useState<Draft>({ text: initial?.text ?? '', owner: initial ? ownerLabel(doc, initial.owner) : '', due: initial?.due ?? '' })
  const [error, setError] = useState<string | null>(null)
  const prefix = useId()
  const t = useT()
  const refusal = useRefusal()

  function submit(event: FormEvent) {
    event.preventDefault()
    const input = { text: draft.text, owner: ownerFromInput(doc, draft.owner), due: draft.due }
    const result = initial ? updateAction(doc, initial.id, input, ORIGIN) : addAction(doc, input, ORIGIN)
    if (!result.ok) return setError(refusal(result))
    setError(null)
    props.onDone(
      initial
        ? t({ id: 'notes.actions.saved', defaultMessage: 'Saved “{text}”.' }, { text: draft.text.trim() })
        : t({ id: 'notes.actions.added', defaultMessage: 'Added “{text}”.' }, { text: draft.text.trim() }),
    )
    if (!initial) setDraft({ text: '', owner: '', due: '' })
  }

  const field = (key: keyof Draft, label: string, extra: Record<string, unknown> = {}) => (
    <label className={`field action-field-${key}`} htmlFor={`${prefix}-${key}`}>
      <span>{label}</span>
      <input
        id={`${prefix}-${key}`}
        value={draft[key]}
        onChange={(event) => {
          setDraft({ ...draft, [key]: event.target.value })
          setError(null)
        }}
        {...extra}
      />
    </label>
  )

  return (
    <form
      className="action-form"
      aria-label={initial ? t({ id: 'notes.actions.editForm', defaultMessage: 'Edit the action item' }) : t({ id: 'notes.actions.addForm', defaultMessage: 'Add an action item' })}
      onSubmit={submit}
    >
      {field('text', t({ id: 'notes.actions.what', defaultMessage: 'What needs doing' }), { maxLength: ACTION_LIMITS.textMax, autoFocus: Boolean(initial) })}
      {field('owner', t({ id: 'notes.actions.who', defaultMessage: 'Who' }), { list: props.listId, maxLength: ACTION_LIMITS.ownerMax, autoComplete: 'off' })}
      {field('due', t({ id: 'notes.actions.when', defaultMessage: 'By when' }), { type: 'date' })}
      <div className="row action-form-buttons">
        <button type="submit" className="button primary">
          {initial ? t({ id: 'common.save', defaultMessage: 'Save' }) : t({ id: 'notes.actions.add', defaultMessage: 'Add action' })}
        </button>
        {props.onCancel && (
          <button type="button" className="button" onClick={props.onCancel}>
            {t({ id: 'common.cancel', defaultMessage: 'Cancel' })}
          </button>
        )}
      </div>
      {error && (
        <p className="error action-form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}

function ActionRow(props: { session: ConveningSession; id: string; readOnly: boolean; listId: string; onDelete: (item: ActionItem) => void }) {
  const { doc } = props.session
  const entry = actionEntry(doc, props.id)
  const item = useY(entry, () => readAction(doc, props.id), sameFields)
  // Follow renames: the owner may be a person whose name changes.
  useY(peopleMap(doc), () => readPeople(doc).map((p) => p.name).join('\n'), Object.is)
  const [editing, setEditing] = useState(false)
  const checkId = useId()
  const t = useT()
  const intl = useIntl()
  if (!item) return null
  const owner = ownerLabel(doc, item.owner)

  if (editing) {
    return (
      <li className="action-row editing">
        <ActionForm session={props.session} listId={props.listId} initial={item} onDone={() => setEditing(false)} onCancel={() => setEditing(false)} />
      </li>
    )
  }
  const details = [owner, item.due ? t({ id: 'notes.actions.due', defaultMessage: 'by {date}' }, { date: dueDate(intl, item.due) }) : ''].filter(Boolean).join(' · ')
  return (
    <li className={item.done ? 'action-row done' : 'action-row'}>
      <input
        id={checkId}
        type="checkbox"
        checked={item.done}
        disabled={props.readOnly}
        onChange={(event) => updateAction(doc, item.id, { done: event.target.checked }, ORIGIN)}
      />
      <div className="action-text grow">
        <label htmlFor={checkId}>{item.text}</label>
        {details && <span className="muted small">{details}</span>}
      </div>
      {!props.readOnly && (
        <div className="row action-buttons">
          <button type="button" className="button quiet" aria-label={t({ id: 'notes.actions.editLabel', defaultMessage: 'Edit “{text}”' }, { text: item.text })} onClick={() => setEditing(true)}>
            {t({ id: 'common.edit', defaultMessage: 'Edit' })}
          </button>
          <button
            type="button"
            className="button quiet danger-text"
            aria-label={t({ id: 'notes.actions.deleteLabel', defaultMessage: 'Delete “{text}”' }, { text: item.text })}
            onClick={() => props.onDelete(item)}
          >
            {t({ id: 'common.delete', defaultMessage: 'Delete' })}
          </button>
        </div>
      )}
    </li>
  )
}
