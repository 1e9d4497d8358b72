import { useState } from 'react'
import { TITLE_MAX, TitleSchema } from '../../../shared/session'
import { deleteConvening, duplicateConvening, listConvenings, renameConvening, useLiveQuery, type ConveningRecord } from '../../sync'
import { useApp } from '../../app/context'
import { navigate } from '../../app/router'
import { ConfirmDialog } from '../../ui'
import { timeAgo, useIntl, useT, useRefusal } from '../../i18n'
import { errorMessage } from '../../../shared/errors'

export function ConveningList() {
  const { db, signer } = useApp()
  const convenings = useLiveQuery(() => listConvenings(db), [db])
  const [toDelete, setToDelete] = useState<ConveningRecord | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const t = useT()

  async function run(action: () => Promise<unknown>, done: string) {
    try {
      await action()
      setMessage(done)
    } catch (failure) {
      setMessage(errorMessage(failure))
    }
  }

  return (
    <section className="card stack" aria-labelledby="list-heading">
      <h2 id="list-heading">{t({ id: 'home.list.title', defaultMessage: 'Your convenings' })}</h2>
      <p className="sr-only" role="status" aria-live="polite">
        {message ?? ''}
      </p>
      {convenings === undefined ? (
        <p className="muted">{t({ id: 'home.list.loading', defaultMessage: 'Loading…' })}</p>
      ) : convenings.length === 0 ? (
        <p className="muted">
          {t({
            id: 'home.list.empty',
            defaultMessage: 'No convenings on this computer yet. Start one, or join with the invite your facilitator sent you.',
          })}
        </p>
      ) : (
        <ul className="convening-list" aria-label={t({ id: 'home.list.label', defaultMessage: 'Convenings on this computer' })}>
          {convenings.map((record) => (
            <ConveningRow
              key={record.id}
              record={record}
              onRename={(title) => run(() => renameConvening(db, record.id, title), t({ id: 'home.list.renamed', defaultMessage: 'Renamed to {title}' }, { title }))}
              onDuplicate={() => run(() => duplicateConvening(db, record.id, signer.publicKey), t({ id: 'home.list.duplicated', defaultMessage: 'Duplicated {title}' }, { title: record.title }))}
              onDelete={() => setToDelete(record)}
            />
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={toDelete !== null}
        title={t({ id: 'home.list.deleteTitle', defaultMessage: 'Delete this convening?' })}
        message={
          t(
            {
              id: 'home.list.deleteMessage',
              defaultMessage: '<strong>{title}</strong> and everything in it will be removed from this computer. Other people keep their own copies.',
            },
            {
              title: toDelete?.title || t({ id: 'home.list.thisConvening', defaultMessage: 'This convening' }),
              strong: (chunks) => <strong>{chunks}</strong>,
            },
          )
        }
        confirmLabel={t({ id: 'common.delete', defaultMessage: 'Delete' })}
        danger
        onCancel={() => setToDelete(null)}
        onConfirm={() => {
          const record = toDelete
          setToDelete(null)
          if (record) void run(() => deleteConvening(db, record.id), t({ id: 'home.list.deleted', defaultMessage: 'Deleted {title}' }, { title: record.title }))
        }}
      />
    </section>
  )
}

function ConveningRow(props: {
  record: ConveningRecord
  onRename: (title: string) => Promise<void>
  onDuplicate: () => void
  onDelete: () => void
}) {
  const { record } = props
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState(record.title)
  const [error, setError] = useState<string | null>(null)
  const t = useT()
  const intl = useIntl()
  const refusal = useRefusal()
  const title = record.title || t({ id: 'home.list.joining', defaultMessage: 'Joining… (waiting for the others)' })

  async function commit() {
    const parsed = TitleSchema.safeParse(draft)
    if (!parsed.success) return setError(refusal(parsed.error.issues[0].message))
    await props.onRename(parsed.data)
    setEditing(false)
  }

  return (
    <li className="convening-row">
      {editing ? (
        <form
          className="row grow"
          onSubmit={(event) => {
            event.preventDefault()
            void commit()
          }}
        >
          <label className="sr-only" htmlFor={`rename-${record.id}`}>
            {t({ id: 'home.list.newTitle', defaultMessage: 'New title' })}
          </label>
          <input
            id={`rename-${record.id}`}
            className="grow"
            value={draft}
            maxLength={TITLE_MAX}
            autoFocus
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setEditing(false)
            }}
          />
          <button type="submit" className="button primary">
            {t({ id: 'common.save', defaultMessage: 'Save' })}
          </button>
          <button type="button" className="button" onClick={() => setEditing(false)}>
            {t({ id: 'common.cancel', defaultMessage: 'Cancel' })}
          </button>
          {error && (
            <span className="error" role="alert">
              {error}
            </span>
          )}
        </form>
      ) : (
        <>
          <button
            type="button"
            className="convening-open"
            onClick={() => navigate({ name: 'convening', id: record.id })}
          >
            <span className="convening-title">{title}</span>
            <span className="muted small">
              {t(
                { id: 'home.list.lastOpened', defaultMessage: 'Last opened {ago} · {count, plural, one {# person} other {# people}}' },
                { ago: timeAgo(intl, record.lastOpenedAt), count: record.peopleCount },
              )}
            </span>
          </button>
          <div className="row actions" role="group" aria-label={t({ id: 'home.list.actions', defaultMessage: 'Actions for {title}' }, { title })}>
            <button
              type="button"
              className="button quiet"
              onClick={() => {
                setDraft(record.title)
                setError(null)
                setEditing(true)
              }}
            >
              {t({ id: 'home.list.rename', defaultMessage: 'Rename' })}
            </button>
            <button type="button" className="button quiet" onClick={props.onDuplicate}>
              {t({ id: 'home.list.duplicate', defaultMessage: 'Duplicate' })}
            </button>
            <button type="button" className="button quiet danger-text" onClick={props.onDelete}>
              {t({ id: 'common.delete', defaultMessage: 'Delete' })}
            </button>
          </div>
        </>
      )}
    </li>
  )
}
