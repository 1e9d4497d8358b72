import { useState } from 'react'
import { CohortTitleSchema } from '../../../shared/cohort'
import { useLiveQuery, type CohortRecord } from '../../sync'
import { useApp } from '../../app/context'
import { navigate } from '../../app/router'
import { ConfirmDialog } from '../../ui'
import { timeAgo, useIntl, useT } from '../../i18n'
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
  const t = useT()
  return (
    <details className="start-cohort">
      <summary>{t(COHORT_TARGET.heading)}</summary>
      <div className="stack">
        <p className="muted small">
          {t({
            id: 'cohort.create.about',
            defaultMessage: 'A cohort keeps a group’s year together: its members, their project cards, mentoring, clinics, and every convening you start from it.',
          })}
        </p>
        <CreateForm target={COHORT_TARGET} embedded />
      </div>
    </details>
  )
}

function CohortRow({ record, onDelete }: { record: CohortRecord; onDelete: () => void }) {
  const intl = useIntl()
  const t = intl.formatMessage
  const title = record.title || t({ id: 'cohort.list.joining', defaultMessage: 'Joining… (waiting for the others)' })
  const seen = { ago: timeAgo(intl, record.lastOpenedAt), count: record.peopleCount }
  return (
    <li className="convening-row">
      <button type="button" className="convening-open" onClick={() => navigate({ name: 'cohort', id: record.id })}>
        <span className="convening-title">{title}</span>
        <span className="muted small">
          {record.leftAt !== undefined
            ? t({ id: 'cohort.list.leftLastOpened', defaultMessage: 'You left this cohort · Last opened {ago} · {count, plural, one {# member} other {# members}}' }, seen)
            : t({ id: 'cohort.list.lastOpened', defaultMessage: 'Last opened {ago} · {count, plural, one {# member} other {# members}}' }, seen)}
        </span>
      </button>
      <div className="row actions" role="group" aria-label={t({ id: 'cohort.list.actions', defaultMessage: 'Actions for {title}' }, { title })}>
        <button type="button" className="button quiet danger-text" onClick={onDelete}>
          {t({ id: 'common.delete', defaultMessage: 'Delete' })}
        </button>
      </div>
    </li>
  )
}

/** Home's cohorts: the ones on this computer, and starting a new one (joining goes through the invite form). */
export function CohortsSection() {
  const { db } = useApp()
  const t = useT()
  const cohorts = useLiveQuery(() => listCohorts(db), [db])
  const [toDelete, setToDelete] = useState<CohortRecord | null>(null)
  const [message, setMessage] = useState('')

  return (
    <section className="card stack" aria-labelledby="cohorts-heading">
      <h2 id="cohorts-heading">{t({ id: 'cohort.list.heading', defaultMessage: 'Your cohorts' })}</h2>
      <p className="sr-only" role="status" aria-live="polite">
        {message}
      </p>
      {cohorts === undefined ? (
        <p className="muted">{t({ id: 'cohort.list.loading', defaultMessage: 'Loading…' })}</p>
      ) : cohorts.length === 0 ? (
        <p className="muted">
          {t({
            id: 'cohort.list.empty',
            defaultMessage: 'No cohorts on this computer. Start one for a group that meets over many convenings, or join one with its invite under “Join with an invite”.',
          })}
        </p>
      ) : (
        <ul className="convening-list" aria-label={t({ id: 'cohort.list.label', defaultMessage: 'Cohorts on this computer' })}>
          {cohorts.map((record) => (
            <CohortRow key={record.id} record={record} onDelete={() => setToDelete(record)} />
          ))}
        </ul>
      )}
      <CreateCohort />
      <ConfirmDialog
        open={toDelete !== null}
        title={t({ id: 'cohort.delete.title', defaultMessage: 'Delete this cohort from this computer?' })}
        message={t(
          {
            id: 'cohort.delete.message',
            defaultMessage: '<strong>{title}</strong> will be removed from this computer. The others keep their copies, and you can join again with its invite.',
          },
          {
            title: toDelete?.title || t({ id: 'cohort.delete.thisCohort', defaultMessage: 'This cohort' }),
            strong: (chunks) => <strong>{chunks}</strong>,
          },
        )}
        confirmLabel={t({ id: 'common.delete', defaultMessage: 'Delete' })}
        danger
        onCancel={() => setToDelete(null)}
        onConfirm={() => {
          const record = toDelete
          setToDelete(null)
          if (record) void deleteCohort(db, record.id).then(() => setMessage(t({ id: 'cohort.delete.done', defaultMessage: 'Deleted {title}' }, { title: record.title })))
        }}
      />
    </section>
  )
}
