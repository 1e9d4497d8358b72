import { useState, type FormEvent } from 'react'
import type * as Y from 'yjs'
import {
  MILESTONE_LABEL_MAX,
  canEditProject,
  changesBetween,
  facilitates,
  projectPart,
  readMilestones,
  saveMilestone,
  type Change,
  type Milestone,
  type YRecord,
} from '../../../shared/cohort'
import { useY } from '../../sync'
import { COHORT_ORIGIN, roleRoots, sameIds, useCohort, useNames } from './hooks'
import { useIntl, useT, useRefusal } from '../../i18n'
import { useCardTexts, type CardTexts } from './localContent'

type IntlShape = ReturnType<typeof useIntl>

/** A reflection's heading, on the card and in its history. */
export const REFLECTION_LABEL = { id: 'cohort.card.reflection', defaultMessage: 'Reflection: {domain}' } as const

function partLabel(t: IntlShape['formatMessage'], texts: CardTexts, change: Change): string {
  if ('field' in change.part) return texts.fields[change.part.field].label
  if ('domain' in change.part) return t(REFLECTION_LABEL, { domain: texts.domains[change.part.domain].label })
  return t({ id: 'cohort.history.goals', defaultMessage: 'Goals' })
}

/** A day as the person's language writes it (milestones, clinics held, leaving). */
export function formatDay(intl: IntlShape, at: number): string {
  return intl.formatDate(at, { year: 'numeric', month: 'short', day: 'numeric' })
}

function MilestoneEntry({ milestone, previous, by }: { milestone: Milestone; previous: Milestone | null; by: string }) {
  const intl = useIntl()
  const t = intl.formatMessage
  const texts = useCardTexts()
  const changes = changesBetween(previous?.snapshot ?? null, milestone.snapshot)
  return (
    <li className="milestone">
      <details>
        <summary>
          <span className="milestone-label">{milestone.label}</span>
          <span className="muted small">
            {' '}
            {t(
              { id: 'cohort.history.entry', defaultMessage: '· {day} · kept by {name} · {count, plural, one {# part changed} other {# parts changed}}' },
              { day: formatDay(intl, milestone.at), name: by, count: changes.length },
            )}
          </span>
        </summary>
        <dl className="changes">
          {changes.map((change) => (
            <div key={partLabel(t, texts, change)} className="change">
              <dt>{partLabel(t, texts, change)}</dt>
              <dd>
                {change.after.trim() ? <p className="cohort-read-text">{change.after}</p> : <p className="muted">{t({ id: 'cohort.history.emptied', defaultMessage: '(emptied)' })}</p>}
                {previous && change.before.trim() && (
                  <p className="muted small change-before">
                    {t({ id: 'cohort.history.before', defaultMessage: 'Before:' })} <span className="cohort-read-text">{change.before}</span>
                  </p>
                )}
              </dd>
            </div>
          ))}
        </dl>
      </details>
    </li>
  )
}

/** How the card grew, milestone by milestone (newest first), and saving a new one. */
export function CardHistory(props: { projectId: string; project: YRecord }) {
  const { doc, me, readOnly } = useCohort()
  const { projectId } = props
  const t = useT()
  const refusal = useRefusal()
  const names = useNames(doc)
  // Milestones are written once: the list changes with its array and with who may write
  // one (co-authors, roles), never while someone types in the card.
  const editors = projectPart<Y.Map<unknown>>(props.project, 'editors')
  const milestones = useY([projectPart<Y.Array<unknown>>(props.project, 'milestones'), editors, ...roleRoots(doc)], () => readMilestones(doc, projectId), sameIds)
  const mayKeep = useY([editors, ...roleRoots(doc)], () => !readOnly && (canEditProject(doc, projectId, me) || facilitates(doc, me)), Object.is)
  const [label, setLabel] = useState('')
  const [message, setMessage] = useState<{ tone: 'done' | 'error'; text: string } | null>(null)

  function submit(event: FormEvent) {
    event.preventDefault()
    const result = saveMilestone(doc, projectId, { by: me, label, now: Date.now() }, COHORT_ORIGIN)
    if (!result.ok) return setMessage({ tone: 'error', text: refusal(result) })
    setMessage({
      tone: 'done',
      text: result.value
        ? t({ id: 'cohort.history.kept', defaultMessage: 'Kept “{label}”.' }, { label: label.trim() })
        : t({ id: 'cohort.history.unchanged', defaultMessage: 'Nothing has changed since the last milestone, so there is nothing new to keep.' }),
    })
    if (result.value) setLabel('')
  }

  return (
    <section className="stack" aria-label={t({ id: 'cohort.history.label', defaultMessage: 'History of this card' })}>
      <p className="muted small">
        {t({
          id: 'cohort.history.about',
          defaultMessage:
            'A milestone keeps the whole card as it stood. One is kept for every card that changed whenever a convening is started from the cohort, so you can see how the project grew from one convening to the next.',
        })}
      </p>
      {milestones.length === 0 ? (
        <p className="muted small">{t({ id: 'cohort.history.none', defaultMessage: 'No milestones yet.' })}</p>
      ) : (
        <ol className="milestone-list" aria-label={t({ id: 'cohort.history.list', defaultMessage: 'Milestones, newest first' })}>
          {milestones
            .map((milestone, i) => ({ milestone, previous: i > 0 ? milestones[i - 1] : null }))
            .reverse()
            .map(({ milestone, previous }) => (
              <MilestoneEntry key={milestone.id} milestone={milestone} previous={previous} by={names(milestone.by)} />
            ))}
        </ol>
      )}
      {mayKeep && (
        <form className="stack" onSubmit={submit} aria-label={t({ id: 'cohort.history.save', defaultMessage: 'Save a milestone' })}>
          <label className="field" htmlFor={`milestone-${projectId}`}>
            <span>{t({ id: 'cohort.history.name', defaultMessage: 'Name a milestone' })}</span>
            <input
              id={`milestone-${projectId}`}
              value={label}
              maxLength={MILESTONE_LABEL_MAX}
              placeholder={t({ id: 'cohort.history.placeholder', defaultMessage: 'e.g. After the first pilot lesson' })}
              onChange={(event) => setLabel(event.target.value)}
            />
          </label>
          <div className="row end">
            <button type="submit" className="button" disabled={label.trim().length === 0}>
              {t({ id: 'cohort.history.save', defaultMessage: 'Save a milestone' })}
            </button>
          </div>
        </form>
      )}
      <p className="small" role="status" aria-live="polite">
        {message && <span className={message.tone === 'error' ? 'error' : 'muted'}>{message.text}</span>}
      </p>
    </section>
  )
}
