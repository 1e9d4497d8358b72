import { useState } from 'react'
import type * as Y from 'yjs'
import {
  canEditProject,
  cardToMarkdown,
  cohortTitle,
  projectAuthors,
  projectMap,
  projectPart,
  readComments,
  readMilestones,
  setCoAuthor,
  snapshotProject,
  type YRecord,
} from '../../../shared/cohort'
import { platform } from '../../platform'
import { CardFields } from './CardFields'
import { CardComments } from './CardComments'
import { CardHistory, formatDay } from './CardHistory'
import { sameItems, useY } from '../../sync'
import { COHORT_ORIGIN, roleRoots, useCohort, useMember, useMembers, useNames, useProject } from './hooks'
import { Problem } from './Problem'
import { savedNotice } from './fromCohort'
import { useIntl, useT, useRefusal } from '../../i18n'

/** Save a card as Markdown: its owner keeps it wherever they like (and takes it along if they leave). */
export async function saveCardFile(doc: Y.Doc, projectId: string, names: (id: string) => string, intl: ReturnType<typeof useIntl>): Promise<string> {
  const t = intl.formatMessage
  const project = projectMap(doc, projectId)
  if (!project) return t({ id: 'cohort.file.noCard', defaultMessage: 'That card is not here.' })
  const snapshot = snapshotProject(project)
  const markdown = cardToMarkdown({
    cohort: cohortTitle(doc),
    owner: names(projectId),
    snapshot,
    comments: readComments(doc, projectId),
    milestones: readMilestones(doc, projectId),
    name: names,
    day: (at) => formatDay(intl, at),
  })
  const fallback = t({ id: 'cohort.file.ownerProject', defaultMessage: '{name} project' }, { name: names(projectId) })
  const name = `${(snapshot.title.trim() || fallback).replace(/[\\/:*?"<>|]+/g, ' ').slice(0, 80)}.md`
  const result = await platform.saveFile({ suggestedName: name, data: markdown, mimeType: 'text/markdown' })
  return savedNotice(t, result.saved, name)
}

const ALL_PROJECTS = { id: 'cohort.card.back', defaultMessage: '← All projects' } as const
/** The heading of one's own card (also on a left cohort's kept copy). */
export const YOUR_PROJECT = { id: 'cohort.card.yours', defaultMessage: 'Your project' } as const

function CoAuthors({ projectId, project }: { projectId: string; project: YRecord }) {
  const { doc, me, readOnly } = useCohort()
  const intl = useIntl()
  const refusal = useRefusal()
  const t = intl.formatMessage
  const members = useMembers(doc)
  const names = useNames(doc)
  const authors = useY([projectPart<Y.Map<unknown>>(project, 'editors'), ...roleRoots(doc)], () => projectAuthors(doc, projectId), sameItems)
  const [choice, setChoice] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const coAuthors = authors.slice(1)
  const isOwner = me === projectId && !readOnly
  const candidates = members.filter((m) => m.leftAt === undefined && !authors.includes(m.id))
  const coAuthorNames = intl.formatList(coAuthors.map(names), { type: 'unit', style: 'short' })

  function change(personId: string, on: boolean) {
    const result = setCoAuthor(doc, projectId, personId, on, me, COHORT_ORIGIN)
    setProblem(result.ok ? null : refusal(result))
    if (result.ok) setChoice('')
  }

  if (!isOwner) {
    return coAuthors.length > 0 ? <p className="muted small">{t({ id: 'cohort.coAuthors.with', defaultMessage: 'With {names}' }, { names: coAuthorNames })}</p> : null
  }
  return (
    <details className="co-authors">
      <summary>
        {coAuthors.length > 0
          ? t({ id: 'cohort.coAuthors.some', defaultMessage: 'Co-authors: {names}' }, { names: coAuthorNames })
          : t({ id: 'cohort.coAuthors.none', defaultMessage: 'Co-authors (only you edit this card)' })}
      </summary>
      <div className="stack subtle-box">
        <p className="muted small">
          {t({ id: 'cohort.coAuthors.about', defaultMessage: 'A co-author edits this card with you, at the same time if you like: a colleague from your school, say.' })}
        </p>
        {coAuthors.length > 0 && (
          <ul className="plain-list">
            {coAuthors.map((id) => (
              <li key={id} className="row">
                <span className="grow">{names(id)}</span>
                <button type="button" className="button quiet" onClick={() => change(id, false)}>
                  {t({ id: 'cohort.coAuthors.remove', defaultMessage: 'Remove {name}' }, { name: names(id) })}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="row wrap">
          <label className="sr-only" htmlFor={`coauthor-${projectId}`}>
            {t({ id: 'cohort.coAuthors.addLabel', defaultMessage: 'Add a co-author' })}
          </label>
          <select id={`coauthor-${projectId}`} value={choice} onChange={(event) => setChoice(event.target.value)}>
            <option value="">{t({ id: 'cohort.coAuthors.choose', defaultMessage: 'Choose a member…' })}</option>
            {candidates.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
          <button type="button" className="button" disabled={!choice} onClick={() => change(choice, true)}>
            {t({ id: 'cohort.coAuthors.add', defaultMessage: 'Add co-author' })}
          </button>
        </div>
        <Problem message={problem} />
      </div>
    </details>
  )
}

export function ProjectCard(props: { projectId: string; onBack: () => void }) {
  const { doc, me, readOnly } = useCohort()
  const { projectId } = props
  const intl = useIntl()
  const t = useT()
  const names = useNames(doc)
  const project = useProject(doc, projectId)
  const editors = project ? projectPart<Y.Map<unknown>>(project, 'editors') : null
  const editable = useY([editors, ...roleRoots(doc)], () => !readOnly && canEditProject(doc, projectId, me), Object.is)
  const owner = useMember(doc, projectId)
  const [side, setSide] = useState<'comments' | 'history'>('comments')
  const [saved, setSaved] = useState('')

  if (!project) {
    return (
      <section className="stack">
        <button type="button" className="link-button" onClick={props.onBack}>
          {t(ALL_PROJECTS)}
        </button>
        <p>{t({ id: 'cohort.card.missing', defaultMessage: 'This project card is not in the cohort (yet). It may still be arriving from the others.' })}</p>
      </section>
    )
  }
  const ownerName = names(projectId)
  return (
    <article className="project-card stack" aria-labelledby={`card-heading-${projectId}`}>
      <div className="row wrap">
        <button type="button" className="link-button" onClick={props.onBack}>
          {t(ALL_PROJECTS)}
        </button>
        <span className="grow" />
        <button type="button" className="button quiet" onClick={() => void saveCardFile(doc, projectId, names, intl).then(setSaved)}>
          {t({ id: 'cohort.card.save', defaultMessage: 'Save card as a file' })}
        </button>
      </div>
      <header className="stack card-header">
        <h2 id={`card-heading-${projectId}`}>
          {projectId === me ? t(YOUR_PROJECT) : t({ id: 'cohort.card.ownersProject', defaultMessage: '{name}’s project' }, { name: ownerName })}
          {owner?.leftAt !== undefined && (
            <span className="tag muted">
              {' '}
              {t({ id: 'cohort.card.ownerLeft', defaultMessage: '{name} has left the cohort: the card is kept as they shared it' }, { name: ownerName })}
            </span>
          )}
        </h2>
        <CoAuthors projectId={projectId} project={project} />
        <p className="sr-only" role="status" aria-live="polite">
          {saved}
        </p>
        {!editable && !readOnly && (
          <p className="muted small">
            {t(
              { id: 'cohort.card.whoEdits', defaultMessage: 'Only {name} and the co-authors they name edit this card. Mentors and facilitators comment beside it.' },
              { name: ownerName },
            )}
          </p>
        )}
      </header>
      <div className="card-layout">
        <CardFields projectId={projectId} project={project} editable={editable} />
        <aside className="card-side stack" aria-label={t({ id: 'cohort.card.side', defaultMessage: 'Comments and history' })}>
          <div className="segmented" role="group" aria-label={t({ id: 'cohort.card.show', defaultMessage: 'Show' })}>
            <button type="button" className="segment" aria-pressed={side === 'comments'} onClick={() => setSide('comments')}>
              {t({ id: 'cohort.card.comments', defaultMessage: 'Comments' })}
            </button>
            <button type="button" className="segment" aria-pressed={side === 'history'} onClick={() => setSide('history')}>
              {t({ id: 'cohort.card.history', defaultMessage: 'History' })}
            </button>
          </div>
          {side === 'comments' ? <CardComments projectId={projectId} project={project} /> : <CardHistory projectId={projectId} project={project} />}
        </aside>
      </div>
    </article>
  )
}
