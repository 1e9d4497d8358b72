import { useMemo, useState, type FormEvent } from 'react'
import {
  DOMAINS,
  NOTE_MAX,
  addMentorNote,
  facilitates,
  isPaired,
  mayReadNotesFor,
  mentorNotesArray,
  pairsMap,
  readMentorNotes,
  readProjectSummary,
  reflectionText,
} from '../../../shared/cohort'
import { timeAgo, useIntl, useRefusal } from '../../i18n'
import { CommentItem } from './CardComments'
import { sameJson, useY } from '../../sync'
import { COHORT_ORIGIN, SOMEONE, roleRoots, sameIds, useCohort, useComments, useMember, useNames, useProject } from './hooks'
import { Problem, SubmitRow } from './Problem'
import { useCardTexts } from './localContent'

/** The reflections that changed most recently first, with when. */
function useRecentReflections(practitioner: string) {
  const { doc } = useCohort()
  const project = useProject(doc, practitioner)
  const comments = useComments(doc, practitioner, project)
  const card = useY(
    project,
    () => {
      const summary = readProjectSummary(doc, practitioner)
      if (!summary || !project) return null
      const reflections = DOMAINS.map((domain) => ({
        domain,
        text: reflectionText(project, domain)?.toString().trim() ?? '',
        at: summary.updated[`reflections.${domain}`] ?? 0,
      }))
        .filter((r) => r.text)
        .sort((a, b) => b.at - a.at)
      return { summary, reflections }
    },
    sameJson,
  )
  const latest = useMemo(() => comments.slice(-3), [comments])
  return card && { ...card, comments: latest }
}

/** Notes from mentors (and facilitators) to one practitioner, and writing a new one. */
export function MentorNotes({ practitioner }: { practitioner: string }) {
  const { doc, me, readOnly } = useCohort()
  const intl = useIntl()
  const refusal = useRefusal()
  const t = intl.formatMessage
  const names = useNames(doc)
  const standing = [pairsMap(doc), ...roleRoots(doc)]
  const visible = useY(standing, () => mayReadNotesFor(doc, me, practitioner), Object.is)
  const notes = useY([mentorNotesArray(doc), ...roleRoots(doc)], () => (visible ? readMentorNotes(doc, practitioner) : []), sameIds)
  const mayWrite = useY(standing, () => !readOnly && (isPaired(doc, me, practitioner) || facilitates(doc, me)), Object.is)
  const [draft, setDraft] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  if (!visible) return null
  const notesFor = t(
    { id: 'cohort.notes.for', defaultMessage: '{self, select, yes {Notes for you} other {Notes for {name}}}' },
    { self: practitioner === me ? 'yes' : 'no', name: names(practitioner) },
  )

  function submit(event: FormEvent) {
    event.preventDefault()
    const result = addMentorNote(doc, { by: me, for: practitioner, text: draft, now: Date.now() }, COHORT_ORIGIN)
    if (!result.ok) return setProblem(refusal(result))
    setDraft('')
    setProblem(null)
  }

  return (
    <section className="stack" aria-label={notesFor}>
      <h4 className="cohort-read-label">{notesFor}</h4>
      {notes.length === 0 ? (
        <p className="muted small">{t({ id: 'cohort.notes.none', defaultMessage: 'No notes yet.' })}</p>
      ) : (
        <ol className="comment-list" aria-live="polite">
          {notes.map((note) => (
            <li key={note.id} className="comment">
              <div className="comment-head">
                <span className="person-name">{names(note.by)}</span>
                <span className="muted small">{timeAgo(intl, note.at)}</span>
              </div>
              <p className="comment-text">{note.text}</p>
            </li>
          ))}
        </ol>
      )}
      {mayWrite && practitioner !== me && (
        <form className="stack" onSubmit={submit}>
          <label className="field" htmlFor={`note-${practitioner}`}>
            <span>{t({ id: 'cohort.notes.new', defaultMessage: 'A note for {name}' }, { name: names(practitioner) })}</span>
            <textarea id={`note-${practitioner}`} rows={3} value={draft} maxLength={NOTE_MAX} onChange={(e) => setDraft(e.target.value)} />
          </label>
          <p className="muted small">
            {t(
              {
                id: 'cohort.notes.who',
                defaultMessage:
                  '{name}, their mentors and the facilitators see this note. It is kept in the cohort, so every member’s computer holds a copy: write only what you would be comfortable with the cohort reading.',
              },
              { name: names(practitioner) },
            )}
          </p>
          <Problem message={problem} />
          <SubmitRow label={t({ id: 'cohort.notes.leave', defaultMessage: 'Leave note' })} disabled={draft.trim().length === 0} />
        </form>
      )}
    </section>
  )
}

/** A mentee in one place: their project, their latest reflections and comments, and the notes. */
export function Mentee({ practitioner, onOpenCard }: { practitioner: string; onOpenCard: (id: string) => void }) {
  const { doc } = useCohort()
  const intl = useIntl()
  const t = intl.formatMessage
  const names = useNames(doc)
  const member = useMember(doc, practitioner)
  const known = { known: member ? 'yes' : 'no', name: member?.name ?? '' }
  const recent = useRecentReflections(practitioner)
  const { domains } = useCardTexts()
  const where = [member?.organisation, member?.country].filter(Boolean).join(', ')
  return (
    <article className="card stack mentee" aria-labelledby={`mentee-${practitioner}`}>
      <header className="row wrap">
        <div className="grow">
          <h3 id={`mentee-${practitioner}`}>{member?.name ?? t(SOMEONE)}</h3>
          {where && <p className="muted small">{where}</p>}
        </div>
        {recent && (
          <button type="button" className="button" onClick={() => onOpenCard(practitioner)}>
            {t({ id: 'cohort.mentee.open', defaultMessage: '{known, select, yes {Open {name}’s card} other {Open their card}}' }, known)}
          </button>
        )}
      </header>
      {!recent ? (
        <p className="muted small">
          {t({ id: 'cohort.mentee.noCard', defaultMessage: '{known, select, yes {{name} has not started a project card yet.} other {They have not started a project card yet.}}' }, known)}
        </p>
      ) : (
        <>
          <div>
            <h4 className="cohort-read-label">{t({ id: 'cohort.mentee.project', defaultMessage: 'Project' })}</h4>
            <p className="project-title">{recent.summary.title.trim() || t({ id: 'cohort.project.untitled', defaultMessage: 'Untitled project' })}</p>
            {recent.summary.nextSteps.trim() && (
              <p className="small">
                <strong>{t({ id: 'cohort.mentee.nextSteps', defaultMessage: 'Next steps:' })}</strong> <span className="cohort-read-text">{recent.summary.nextSteps}</span>
              </p>
            )}
          </div>
          <div className="stack">
            <h4 className="cohort-read-label">{t({ id: 'cohort.mentee.reflections', defaultMessage: 'Recent reflections' })}</h4>
            {recent.reflections.length === 0 ? (
              <p className="muted small">{t({ id: 'cohort.mentee.noReflections', defaultMessage: 'No reflections written yet.' })}</p>
            ) : (
              <dl className="reflections-recent">
                {recent.reflections.map((r) => (
                  <div key={r.domain}>
                    <dt>
                      {domains[r.domain].label}
                      {r.at > 0 && <span className="muted small"> · {timeAgo(intl, r.at)}</span>}
                    </dt>
                    <dd className="cohort-read-text clamp">{r.text}</dd>
                  </div>
                ))}
              </dl>
            )}
          </div>
          {recent.comments.length > 0 && (
            <div className="stack">
              <h4 className="cohort-read-label">{t({ id: 'cohort.mentee.comments', defaultMessage: 'Latest comments on the card' })}</h4>
              <ol className="comment-list">
                {recent.comments.map((c) => (
                  <CommentItem key={c.id} comment={c} name={names(c.by)} />
                ))}
              </ol>
            </div>
          )}
        </>
      )}
      <MentorNotes practitioner={practitioner} />
    </article>
  )
}
