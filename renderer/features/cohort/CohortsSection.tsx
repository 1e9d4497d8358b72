import { useState } from 'react'
import { CohortTitleSchema } from '../../../shared/cohort'
import { useLiveQuery, type CohortRecord } from '../../sync'
import { useApp } from '../../app/context'
import { navigate } from '../../app/router'
import { ConfirmDialog, plural, timeAgo } from '../../ui'
import { CreateForm, type CreateTarget } from '../home'
import { createCohort, deleteCohort, listCohorts } from './records'
import './cohort.css'

const COHORT_TARGET: CreateTarget = {
  heading: { id: 'cohort.create.heading', defaultMessage: 'Start a cohort' },
  titleLabel: { id: 'cohort.create.title', defaultMessage: 'Cohort name' },
  placeholder: { id: 'cohort.create.placeholder', defaultMessage: 'e.g. Compassionate Systems Fellows 2027' },
  submitLabel: { id: 'cohort.create.submit', defaultMessage: 'Create cohort' },
  idPrefix: 'cohort-create',
  titleSchema: CohortTitleSchema,
  create: async (app, title, role) => {
    const record = await createCohort(app.db, { title, role, signaling: app.network.signaling, relays: app.network.relays, founder: app.signer.publicKey })
    return { name: 'cohort', id: record.id }
  },
}

function CreateCohort() {
  return (
    <details className="start-cohort">
      <summary>Start a cohort</summary>
      <div className="stack">
        <p className="muted small">
          A cohort keeps a group&rsquo;s year together: its members, their project cards, mentoring, clinics, and every
          convening you start from it.
        </p>
        <CreateForm target={COHORT_TARGET} embedded />
      </div>
    </details>
  )
}

function CohortRow({ record, onDelete }: { record: CohortRecord; onDelete: () => void }) {
  const title = record.title || 'Joining… (waiting for the others)'
  return (
    <li className="convening-row">
      <button type="button" className="convening-open" onClick={() => navigate({ name: 'cohort', id: record.id })}>
        <span className="convening-title">{title}</span>
        <span className="muted small">
          {record.leftAt !== undefined ? 'You left this cohort · ' : ''}Last opened {timeAgo(record.lastOpenedAt)} ·{' '}
          {plural(record.peopleCount, 'member')}
        </span>
      </button>
      <div className="row actions" role="group" aria-label={`Actions for ${title}`}>
        <button type="button" className="button quiet danger-text" onClick={onDelete}>
          Delete
        </button>
      </div>
    </li>
  )
}

/** Home's cohorts: the ones on this computer, and starting a new one (joining goes through the invite form). */
export function CohortsSection() {
  const { db } = useApp()
  const cohorts = useLiveQuery(() => listCohorts(db), [db])
  const [toDelete, setToDelete] = useState<CohortRecord | null>(null)
  const [message, setMessage] = useState('')

  return (
    <section className="card stack" aria-labelledby="cohorts-heading">
      <h2 id="cohorts-heading">Your cohorts</h2>
      <p className="sr-only" role="status" aria-live="polite">
        {message}
      </p>
      {cohorts === undefined ? (
        <p className="muted">Loading…</p>
      ) : cohorts.length === 0 ? (
        <p className="muted">
          No cohorts on this computer. Start one for a group that meets over many convenings, or join one with its
          invite under &ldquo;Join with an invite&rdquo;.
        </p>
      ) : (
        <ul className="convening-list" aria-label="Cohorts on this computer">
          {cohorts.map((record) => (
            <CohortRow key={record.id} record={record} onDelete={() => setToDelete(record)} />
          ))}
        </ul>
      )}
      <CreateCohort />
      <ConfirmDialog
        open={toDelete !== null}
        title="Delete this cohort from this computer?"
        message={
          <>
            <strong>{toDelete?.title || 'This cohort'}</strong> will be removed from this computer. The others keep their
            copies, and you can join again with its invite.
          </>
        }
        confirmLabel="Delete"
        danger
        onCancel={() => setToDelete(null)}
        onConfirm={() => {
          const record = toDelete
          setToDelete(null)
          if (record) void deleteCohort(db, record.id).then(() => setMessage(`Deleted ${record.title}`))
        }}
      />
    </section>
  )
}
