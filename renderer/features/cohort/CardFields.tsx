import { useCallback } from 'react'
import type * as Y from 'yjs'
import {
  DOMAINS,
  FIELD_MAX,
  PROJECT_FIELDS,
  REFLECTION_MAX,
  editProjectText,
  projectPart,
  readGoals,
  setGoal,
  targetText,
  type TextTarget,
  type YRecord,
} from '../../../shared/cohort'
import { BoundText } from './BoundText'
import { GOALS, GoalList, GoalPicker } from './Goals'
import { sameItems, useY } from '../../sync'
import { COHORT_ORIGIN, useCohort } from './hooks'
import { useT, useRefusal } from '../../i18n'
import { useCardTexts } from './localContent'

/** One text of the card, bound for its authors, shown to everyone else. */
function CardText(props: { projectId: string; project: YRecord; target: TextTarget; editable: boolean }) {
  const { doc, me } = useCohort()
  const { projectId, target } = props
  const text = targetText(props.project, target)
  const key = 'field' in target ? target.field : target.domain
  const refusal = useRefusal()
  const texts = useCardTexts()
  const write = useCallback(
    (value: string, cursor: number) => {
      const result = editProjectText(doc, projectId, target, value, { by: me, now: Date.now(), origin: COHORT_ORIGIN, cursor })
      return result.ok ? null : refusal(result)
    },
    // The target is a one-key object recreated each render; its key is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [doc, projectId, me, key, refusal],
  )
  if (!text) return null
  const described = 'field' in target ? texts.fields[target.field] : { ...texts.domains[target.domain], multiline: true }
  return (
    <BoundText
      id={`card-${projectId}-${key}`}
      label={described.label}
      hint={described.prompt}
      text={text}
      multiline={described.multiline}
      maxLength={'field' in target ? FIELD_MAX[target.field] : REFLECTION_MAX}
      editable={props.editable}
      write={write}
    />
  )
}

const CONTEXT = { id: 'cohort.card.context', defaultMessage: 'Context' } as const

export function CardFields(props: { projectId: string; project: YRecord; editable: boolean }) {
  const { doc, me } = useCohort()
  const { projectId, project, editable } = props
  const t = useT()
  const goals = useY(projectPart<Y.Map<unknown>>(project, 'sdgs'), () => readGoals(project), sameItems)
  const [title, ...rest] = PROJECT_FIELDS
  const context = rest.slice(0, 3)
  const story = rest.slice(3)
  return (
    <div className="stack card-fields">
      <CardText projectId={projectId} project={project} target={{ field: title }} editable={editable} />
      <section className="stack" aria-label={t(CONTEXT)}>
        <h3 className="cohort-section-heading">{t(CONTEXT)}</h3>
        <div className="card-context">
          {context.map((field) => (
            <CardText key={field} projectId={projectId} project={project} target={{ field }} editable={editable} />
          ))}
        </div>
      </section>
      {story.map((field) => (
        <CardText key={field} projectId={projectId} project={project} target={{ field }} editable={editable} />
      ))}
      {editable ? (
        <GoalPicker chosen={goals} onToggle={(goal, on) => setGoal(doc, projectId, goal, on, me, COHORT_ORIGIN)} />
      ) : (
        <section className="stack" aria-label={t(GOALS)}>
          <h3 className="cohort-section-heading">{t(GOALS)}</h3>
          {goals.length > 0 ? <GoalList goals={goals} /> : <p className="muted small">{t({ id: 'cohort.card.noGoals', defaultMessage: 'None chosen yet.' })}</p>}
        </section>
      )}
      <section className="stack" aria-labelledby={`reflections-${projectId}`}>
        <h3 id={`reflections-${projectId}`} className="cohort-section-heading">
          {t({ id: 'cohort.card.reflections', defaultMessage: 'Reflections' })}
        </h3>
        <div className="card-reflections">
          {DOMAINS.map((domain) => (
            <CardText key={domain} projectId={projectId} project={project} target={{ domain }} editable={editable} />
          ))}
        </div>
      </section>
    </div>
  )
}
