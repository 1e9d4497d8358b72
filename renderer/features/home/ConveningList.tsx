import { useState } from 'react'
import { TITLE_MAX, TitleSchema } from '../../../shared/session'
import { deleteConvening, duplicateConvening, listConvenings, renameConvening, useLiveQuery, type ConveningRecord } from '../../sync'
import { useApp } from '../../app/context'
import { navigate } from '../../app/router'
import { ConfirmDialog } from '../../ui/Dialog'
import { plural, timeAgo } from '../../ui/format'
import { errorMessage } from '../../../shared/errors'

export function ConveningList() {
  const { db, signer } = useApp()
  const convenings = useLiveQuery(() => listConvenings(db), [db])
  const [toDelete, setToDelete] = useState<ConveningRecord | null>(null)
  const [message, setMessage] = useState<string | null>(null)

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
      <h2 id="list-heading">Your convenings</h2>
      <p className="sr-only" role="status" aria-live="polite">
        {message ?? ''}
      </p>
      {convenings === undefined ? (
        <p className="muted">Loading…</p>
      ) : convenings.length === 0 ? (
        <p className="muted">
          No convenings on this computer yet. Start one, or join with the invite your facilitator sent you.
        </p>
      ) : (
        <ul className="convening-list" aria-label="Convenings on this computer">
          {convenings.map((record) => (
            <ConveningRow
              key={record.id}
              record={record}
              onRename={(title) => run(() => renameConvening(db, record.id, title), `Renamed to ${title}`)}
              onDuplicate={() => run(() => duplicateConvening(db, record.id, signer.publicKey), `Duplicated ${record.title}`)}
              onDelete={() => setToDelete(record)}
            />
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={toDelete !== null}
        title="Delete this convening?"
        message={
          <>
            <strong>{toDelete?.title || 'This convening'}</strong> and everything in it will be removed from this
            computer. Other people keep their own copies.
          </>
        }
        confirmLabel="Delete"
        danger
        onCancel={() => setToDelete(null)}
        onConfirm={() => {
          const record = toDelete
          setToDelete(null)
          if (record) void run(() => deleteConvening(db, record.id), `Deleted ${record.title}`)
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
  const title = record.title || 'Joining… (waiting for the others)'

  async function commit() {
    const parsed = TitleSchema.safeParse(draft)
    if (!parsed.success) return setError(parsed.error.issues[0].message)
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
            New title
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
            Save
          </button>
          <button type="button" className="button" onClick={() => setEditing(false)}>
            Cancel
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
              Last opened {timeAgo(record.lastOpenedAt)} · {plural(record.peopleCount, 'person', 'people')}
            </span>
          </button>
          <div className="row actions" role="group" aria-label={`Actions for ${title}`}>
            <button
              type="button"
              className="button quiet"
              onClick={() => {
                setDraft(record.title)
                setError(null)
                setEditing(true)
              }}
            >
              Rename
            </button>
            <button type="button" className="button quiet" onClick={props.onDuplicate}>
              Duplicate
            </button>
            <button type="button" className="button quiet danger-text" onClick={props.onDelete}>
              Delete
            </button>
          </div>
        </>
      )}
    </li>
  )
}
