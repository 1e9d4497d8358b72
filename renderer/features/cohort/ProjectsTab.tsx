import { useState } from 'react'
import { createProject, isPractitioner, projectIds, projectsMap, readMember, readProjectSummary } from '../../../shared/cohort'
import { peopleMap } from '../../../shared/session'
import { sameItems, sameJson, useY } from '../../sync'
import { timeAgo, useIntl, useT, useRefusal } from '../../i18n'
import { GoalList } from './Goals'
import { COHORT_ORIGIN, SOMEONE, YOU, roleRoots, useCohort, useIsFacilitator, useMember, useProject } from './hooks'
import { StartVoteButton, VotesArchive, cohortProjects } from '../votes'

/** One tile: subscribes to its own card only, so typing in another card does not redraw it. */
function ProjectTile({ projectId, onOpen }: { projectId: string; onOpen: (id: string) => void }) {
  const { doc, me } = useCohort()
  const intl = useIntl()
  const t = intl.formatMessage
  const project = useProject(doc, projectId)
  const summary = useY(project, () => readProjectSummary(doc, projectId), sameJson)
  const owner = useMember(doc, projectId)
  if (!summary) return null
  const ownerName = owner?.name ?? t(SOMEONE)
  const where = intl.formatList([summary.school, summary.country].filter((s) => s.trim()), { type: 'unit', style: 'short' })
  return (
    <li className="project-tile">
      <button type="button" className="project-open" onClick={() => onOpen(projectId)}>
        <span className="project-owner">
          {owner && <span className="swatch" style={{ background: owner.colour }} aria-hidden="true" />}
          {ownerName}
          {projectId === me && <span className="muted"> {t(YOU)}</span>}
          {owner?.leftAt !== undefined && <span className="muted"> · {t({ id: 'cohort.project.left', defaultMessage: 'left the cohort' })}</span>}
        </span>
        <span className="project-title">{summary.title.trim() || t({ id: 'cohort.project.untitled', defaultMessage: 'Untitled project' })}</span>
        {where && <span className="muted small">{where}</span>}
        {summary.updatedAt > 0 && (
          <span className="muted small">{t({ id: 'cohort.project.changed', defaultMessage: 'Changed {ago}' }, { ago: timeAgo(intl, summary.updatedAt) })}</span>
        )}
      </button>
      <GoalList goals={summary.sdgs} compact />
    </li>
  )
}

export function ProjectsTab(props: { onOpen: (id: string | null) => void }) {
  const { session, doc, me, readOnly } = useCohort()
  const t = useT()
  const refusal = useRefusal()
  const ids = useY([{ shallow: projectsMap(doc) }, peopleMap(doc)], () => projectIds(doc), sameItems)
  const mayStart = useY(roleRoots(doc), () => !readOnly && isPractitioner(doc, me) && readMember(doc, me)?.leftAt === undefined, Object.is)
  const iFacilitate = useIsFacilitator(doc, me)
  const [problem, setProblem] = useState<string | null>(null)
  const hasOwn = ids.includes(me)

  function start() {
    const result = createProject(doc, me, Date.now(), COHORT_ORIGIN)
    if (!result.ok) return setProblem(refusal(result))
    props.onOpen(result.value)
  }

  return (
    <section className="stack" aria-labelledby="projects-heading">
      <div className="row wrap">
        <div className="grow">
          <h2 id="projects-heading">{t({ id: 'cohort.projects.heading', defaultMessage: 'Projects' })}</h2>
          <p className="muted small">
            {t({ id: 'cohort.projects.about', defaultMessage: 'Each practitioner keeps one card for the project they are bringing into their school or organisation.' })}
          </p>
        </div>
        {mayStart && !hasOwn && (
          <button type="button" className="button primary" onClick={start}>
            {t({ id: 'cohort.projects.start', defaultMessage: 'Start your project card' })}
          </button>
        )}
        {hasOwn && (
          <button type="button" className="button" onClick={() => props.onOpen(me)}>
            {t({ id: 'cohort.projects.openMine', defaultMessage: 'Open your card' })}
          </button>
        )}
        {!readOnly && ids.length >= 2 && (
          <StartVoteButton label={t({ id: 'cohort.projects.vote', defaultMessage: 'Vote on projects' })} candidates={() => cohortProjects(doc, t)} />
        )}
      </div>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {ids.length === 0 ? (
        <p className="muted">{t({ id: 'cohort.projects.none', defaultMessage: 'No project cards yet. Practitioners start theirs here.' })}</p>
      ) : (
        <ul className="project-grid" aria-label={t({ id: 'cohort.projects.list', defaultMessage: 'Project cards' })} data-testid="project-list">
          {ids.map((id) => (
            <ProjectTile key={id} projectId={id} onOpen={props.onOpen} />
          ))}
        </ul>
      )}
      <VotesArchive session={session} facilitates={iFacilitate} readOnly={readOnly} />
    </section>
  )
}
