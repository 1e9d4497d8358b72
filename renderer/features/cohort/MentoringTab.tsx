import { useState } from 'react'
import {
  facilitates,
  menteesOf,
  mentorsOf,
  pairMentor,
  pairsMap,
  readMember,
  readPairs,
  unpairMentor,
  type Member,
} from '../../../shared/cohort'
import { effectiveRole } from '../../../shared/session'
import { sameFields, useY } from '../../sync'
import { COHORT_ORIGIN, roleRoots, sameRecords, useCohort, useMembers, useNames } from './hooks'
import { Mentee, MentorNotes } from './Mentee'
import { Problem } from './Problem'

/** The pairs in force (a pair is read only if a facilitator made it, and both people are still here). */
function usePairs() {
  const { doc } = useCohort()
  return useY([pairsMap(doc), ...roleRoots(doc)], () => readPairs(doc), sameRecords)
}

function PairsEditor({ members }: { members: Member[] }) {
  const { doc, me } = useCohort()
  const names = useNames(doc)
  const pairs = usePairs()
  const [mentor, setMentor] = useState('')
  const [practitioner, setPractitioner] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const active = members.filter((m) => m.leftAt === undefined)
  const mentors = active.filter((m) => m.role === 'mentor')
  const practitioners = active.filter((m) => m.role === 'practitioner')

  function pair() {
    const result = pairMentor(doc, { mentor, practitioner, by: me, now: Date.now() }, COHORT_ORIGIN)
    setProblem(result.ok ? null : result.message)
    if (result.ok) setPractitioner('')
  }

  return (
    <section className="card stack" aria-labelledby="pairs-heading">
      <h3 id="pairs-heading">Pairs</h3>
      {mentors.length === 0 || practitioners.length === 0 ? (
        <p className="muted small">Pairs can be made once mentors and practitioners have joined the cohort.</p>
      ) : (
        <div className="row wrap">
          <label className="field" htmlFor="pair-mentor">
            <span>Mentor</span>
            <select id="pair-mentor" value={mentor} onChange={(e) => setMentor(e.target.value)}>
              <option value="">Choose…</option>
              {mentors.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field" htmlFor="pair-practitioner">
            <span>Practitioner</span>
            <select id="pair-practitioner" value={practitioner} onChange={(e) => setPractitioner(e.target.value)}>
              <option value="">Choose…</option>
              {practitioners.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button primary pair-button" disabled={!mentor || !practitioner} onClick={pair}>
            Pair them
          </button>
        </div>
      )}
      <Problem message={problem} />
      {pairs.length > 0 && (
        <ul className="plain-list" aria-label="Mentoring pairs">
          {pairs.map((p) => (
            <li key={`${p.mentor}>${p.practitioner}`} className="row pair-row">
              <span className="grow">
                <strong>{names(p.mentor)}</strong> mentors <strong>{names(p.practitioner)}</strong>
              </span>
              <button
                type="button"
                className="button quiet"
                aria-label={`End the pairing of ${names(p.mentor)} and ${names(p.practitioner)}`}
                onClick={() => void unpairMentor(doc, { mentor: p.mentor, practitioner: p.practitioner, by: me }, COHORT_ORIGIN)}
              >
                End pairing
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

export function MentoringTab({ onOpenCard }: { onOpenCard: (id: string) => void }) {
  const { doc, me, readOnly } = useCohort()
  const members = useMembers(doc)
  const names = useNames(doc)
  const pairs = usePairs()
  const role = useY(roleRoots(doc), () => ({ facilitates: facilitates(doc, me), role: readMember(doc, me) ? effectiveRole(doc, me) : null }), sameFields)
  const mine = menteesOf(pairs, me)
  const myMentors = mentorsOf(pairs, me)
  const paired = [...new Set(pairs.map((p) => p.practitioner))]

  return (
    <section className="stack" aria-labelledby="mentoring-heading">
      <div>
        <h2 id="mentoring-heading">Mentoring</h2>
        <p className="muted small">Mentors from earlier cohorts walk beside practitioners through the year.</p>
      </div>
      {role.facilitates && !readOnly && <PairsEditor members={members} />}
      {role.role === 'mentor' && (
        <section className="stack" aria-labelledby="mentees-heading">
          <h3 id="mentees-heading">Your mentees</h3>
          {mine.length === 0 ? (
            <p className="muted">A facilitator pairs you with practitioners; they will appear here.</p>
          ) : (
            <div className="mentee-grid">
              {mine.map((id) => (
                <Mentee key={id} practitioner={id} onOpenCard={onOpenCard} />
              ))}
            </div>
          )}
        </section>
      )}
      {role.role === 'practitioner' && (
        <section className="card stack" aria-labelledby="my-mentors-heading">
          <h3 id="my-mentors-heading">Your mentors</h3>
          <p>{myMentors.length === 0 ? 'You have not been paired with a mentor yet.' : myMentors.map(names).join(', ')}</p>
          <MentorNotes practitioner={me} />
        </section>
      )}
      {role.facilitates && paired.length > 0 && (
        <section className="stack" aria-labelledby="all-mentees-heading">
          <h3 id="all-mentees-heading">Everyone being mentored</h3>
          {paired.map((id) => (
            <details key={id} className="mentee-details">
              <summary>
                {names(id)} <span className="muted small">with {mentorsOf(pairs, id).map(names).join(', ')}</span>
              </summary>
              <Mentee practitioner={id} onOpenCard={onOpenCard} />
            </details>
          ))}
        </section>
      )}
    </section>
  )
}
