import { useMemo, useState, type FormEvent } from 'react'
import {
  DOMAINS,
  DOMAIN_TEXTS,
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
import { timeAgo } from '../../ui'
import { CommentItem } from './CardComments'
import { sameJson, useY } from '../../sync'
import { COHORT_ORIGIN, roleRoots, sameIds, useCohort, useComments, useMember, useNames, useProject } from './hooks'
import { Problem, SubmitRow } from './Problem'

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
  const names = useNames(doc)
  const standing = [pairsMap(doc), ...roleRoots(doc)]
  const visible = useY(standing, () => mayReadNotesFor(doc, me, practitioner), Object.is)
  const notes = useY([mentorNotesArray(doc), ...roleRoots(doc)], () => (visible ? readMentorNotes(doc, practitioner) : []), sameIds)
  const mayWrite = useY(standing, () => !readOnly && (isPaired(doc, me, practitioner) || facilitates(doc, me)), Object.is)
  const [draft, setDraft] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  if (!visible) return null
  const forName = practitioner === me ? 'you' : names(practitioner)

  function submit(event: FormEvent) {
    event.preventDefault()
    const result = addMentorNote(doc, { by: me, for: practitioner, text: draft, now: Date.now() }, COHORT_ORIGIN)
    if (!result.ok) return setProblem(result.message)
    setDraft('')
    setProblem(null)
  }

  return (
    <section className="stack" aria-label={`Notes for ${forName}`}>
      <h4 className="cohort-read-label">Notes for {forName}</h4>
      {notes.length === 0 ? (
        <p className="muted small">No notes yet.</p>
      ) : (
        <ol className="comment-list" aria-live="polite">
          {notes.map((note) => (
            <li key={note.id} className="comment">
              <div className="comment-head">
                <span className="person-name">{names(note.by)}</span>
                <span className="muted small">{timeAgo(note.at)}</span>
              </div>
              <p className="comment-text">{note.text}</p>
            </li>
          ))}
        </ol>
      )}
      {mayWrite && practitioner !== me && (
        <form className="stack" onSubmit={submit}>
          <label className="field" htmlFor={`note-${practitioner}`}>
            <span>A note for {names(practitioner)}</span>
            <textarea id={`note-${practitioner}`} rows={3} value={draft} maxLength={NOTE_MAX} onChange={(e) => setDraft(e.target.value)} />
          </label>
          <p className="muted small">
            {names(practitioner)}, their mentors and the facilitators see this note. It is kept in the cohort, so every
            member&rsquo;s computer holds a copy: write only what you would be comfortable with the cohort reading.
          </p>
          <Problem message={problem} />
          <SubmitRow label="Leave note" disabled={draft.trim().length === 0} />
        </form>
      )}
    </section>
  )
}

/** A mentee in one place: their project, their latest reflections and comments, and the notes. */
export function Mentee({ practitioner, onOpenCard }: { practitioner: string; onOpenCard: (id: string) => void }) {
  const { doc } = useCohort()
  const names = useNames(doc)
  const member = useMember(doc, practitioner)
  const recent = useRecentReflections(practitioner)
  const where = [member?.organisation, member?.country].filter(Boolean).join(', ')
  return (
    <article className="card stack mentee" aria-labelledby={`mentee-${practitioner}`}>
      <header className="row wrap">
        <div className="grow">
          <h3 id={`mentee-${practitioner}`}>{member?.name ?? 'Someone'}</h3>
          {where && <p className="muted small">{where}</p>}
        </div>
        {recent && (
          <button type="button" className="button" onClick={() => onOpenCard(practitioner)}>
            Open {member?.name ?? 'their'}&rsquo;s card
          </button>
        )}
      </header>
      {!recent ? (
        <p className="muted small">{member?.name ?? 'They'} has not started a project card yet.</p>
      ) : (
        <>
          <div>
            <h4 className="cohort-read-label">Project</h4>
            <p className="project-title">{recent.summary.title.trim() || 'Untitled project'}</p>
            {recent.summary.nextSteps.trim() && (
              <p className="small">
                <strong>Next steps:</strong> <span className="cohort-read-text">{recent.summary.nextSteps}</span>
              </p>
            )}
          </div>
          <div className="stack">
            <h4 className="cohort-read-label">Recent reflections</h4>
            {recent.reflections.length === 0 ? (
              <p className="muted small">No reflections written yet.</p>
            ) : (
              <dl className="reflections-recent">
                {recent.reflections.map((r) => (
                  <div key={r.domain}>
                    <dt>
                      {DOMAIN_TEXTS[r.domain].label}
                      {r.at > 0 && <span className="muted small"> · {timeAgo(r.at)}</span>}
                    </dt>
                    <dd className="cohort-read-text clamp">{r.text}</dd>
                  </div>
                ))}
              </dl>
            )}
          </div>
          {recent.comments.length > 0 && (
            <div className="stack">
              <h4 className="cohort-read-label">Latest comments on the card</h4>
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
