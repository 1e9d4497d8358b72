import { useState, type FormEvent } from 'react'
import type * as Y from 'yjs'
import {
  COMMENT_MAX,
  addComment,
  canComment,
  projectPart,
  removeComment,
  stageOf,
  type ProjectComment,
  type YRecord,
} from '../../../shared/cohort'
import { timeAgo, useIntl, useT, useRefusal } from '../../i18n'
import { useY } from '../../sync'
import { COHORT_ORIGIN, roleRoots, useCohort, useComments, useNames } from './hooks'
import { Problem, SubmitRow } from './Problem'

/** A comment's byline and, for a clinic offering, its stage ("Appreciation · from the clinic"). */
export function CommentItem({ comment, name, onRemove }: { comment: ProjectComment; name: string; onRemove?: () => void }) {
  const intl = useIntl()
  const t = intl.formatMessage
  const tag = comment.kind === 'clinic' && comment.stage ? stageOf(comment.stage).offeringLabel : null
  return (
    <li className={`comment${tag ? ' comment-clinic' : ''}`}>
      <div className="comment-head">
        <span className="person-name">{name}</span>
        {tag && <span className="tag">{t({ id: 'cohort.comment.fromClinic', defaultMessage: '{offering} · clinic' }, { offering: tag })}</span>}
        <span className="muted small">{timeAgo(intl, comment.at)}</span>
      </div>
      <p className="comment-text">{comment.text}</p>
      {onRemove && (
        <button type="button" className="link-button small" onClick={onRemove}>
          {t({ id: 'cohort.comment.takeBack', defaultMessage: 'Take back' })}
        </button>
      )}
    </li>
  )
}

export function CardComments(props: { projectId: string; project: YRecord }) {
  const { doc, me, readOnly } = useCohort()
  const { projectId } = props
  const t = useT()
  const refusal = useRefusal()
  const names = useNames(doc)
  const comments = useComments(doc, projectId, props.project)
  const allowed = useY([projectPart<Y.Map<unknown>>(props.project, 'editors'), ...roleRoots(doc)], () => !readOnly && canComment(doc, projectId, me), Object.is)
  const [draft, setDraft] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  function submit(event: FormEvent) {
    event.preventDefault()
    const result = addComment(doc, projectId, { by: me, text: draft, now: Date.now() }, COHORT_ORIGIN)
    if (!result.ok) return setProblem(refusal(result))
    setDraft('')
    setProblem(null)
  }

  return (
    <section className="stack" aria-labelledby={`comments-${projectId}`}>
      <h3 id={`comments-${projectId}`} className="sr-only">
        {t({ id: 'cohort.comments.heading', defaultMessage: 'Comments' })}
      </h3>
      {comments.length === 0 ? (
        <p className="muted small">
          {t({ id: 'cohort.comments.none', defaultMessage: 'No comments yet. Mentors and facilitators comment here; what a clinic offers lands here too.' })}
        </p>
      ) : (
        <ol className="comment-list" aria-label={t({ id: 'cohort.comments.list', defaultMessage: 'Comments on this card' })} aria-live="polite">
          {comments.map((comment) => (
            <CommentItem
              key={comment.id}
              comment={comment}
              name={names(comment.by)}
              onRemove={comment.by === me && !readOnly ? () => void removeComment(doc, projectId, comment.id, me, COHORT_ORIGIN) : undefined}
            />
          ))}
        </ol>
      )}
      {allowed && (
        <form className="stack" onSubmit={submit} aria-label={t({ id: 'cohort.comments.add', defaultMessage: 'Add a comment' })}>
          <label className="field" htmlFor={`comment-${projectId}`}>
            <span>{t({ id: 'cohort.comments.yours', defaultMessage: 'Your comment' })}</span>
            <textarea
              id={`comment-${projectId}`}
              rows={3}
              value={draft}
              maxLength={COMMENT_MAX}
              onChange={(event) => setDraft(event.target.value)}
            />
          </label>
          <Problem message={problem} />
          <SubmitRow label={t({ id: 'cohort.comments.submit', defaultMessage: 'Comment' })} disabled={draft.trim().length === 0} />
        </form>
      )}
    </section>
  )
}
