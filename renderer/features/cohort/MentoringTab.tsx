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
import { useIntl, useT, useRefusal } from '../../i18n'

/** The pairs in force (a pair is read only if a facilitator made it, and both people are still here). */
function usePairs() {
  const { doc } = useCohort()
  return useY([pairsMap(doc), ...roleRoots(doc)], () => readPairs(doc), sameRecords)
}

function PairsEditor({ members }: { members: Member[] }) {
  const { doc, me } = useCohort()
  const t = useT()
  const refusal = useRefusal()
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
    setProblem(result.ok ? null : refusal(result))
    if (result.ok) setPractitioner('')
  }

  return (
    <section className="card stack" aria-labelledby="pairs-heading">
      <h3 id="pairs-heading">{t({ id: 'cohort.pairs.heading', defaultMessage: 'Pairs' })}</h3>
      {mentors.length === 0 || practitioners.length === 0 ? (
        <p className="muted small">
          {t({ id: 'cohort.pairs.notYet', defaultMessage: 'Pairs can be made once mentors and practitioners have joined the cohort.' })}
        </p>
      ) : (
        <div className="row wrap">
          <label className="field" htmlFor="pair-mentor">
            <span>{t({ id: 'cohort.pairs.mentor', defaultMessage: 'Mentor' })}</span>
            <select id="pair-mentor" value={mentor} onChange={(e) => setMentor(e.target.value)}>
              <option value="">{t({ id: 'cohort.pairs.choose', defaultMessage: 'Choose…' })}</option>
              {mentors.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field" htmlFor="pair-practitioner">
            <span>{t({ id: 'cohort.pairs.practitioner', defaultMessage: 'Practitioner' })}</span>
            <select id="pair-practitioner" value={practitioner} onChange={(e) => setPractitioner(e.target.value)}>
              <option value="">{t({ id: 'cohort.pairs.choose', defaultMessage: 'Choose…' })}</option>
              {practitioners.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button primary pair-button" disabled={!mentor || !practitioner} onClick={pair}>
            {t({ id: 'cohort.pairs.pair', defaultMessage: 'Pair them' })}
          </button>
        </div>
      )}
      <Problem message={problem} />
      {pairs.length > 0 && (
        <ul className="plain-list" aria-label={t({ id: 'cohort.pairs.list', defaultMessage: 'Mentoring pairs' })}>
          {pairs.map((p) => (
            <li key={`${p.mentor}>${p.practitioner}`} className="row pair-row">
              <span className="grow">
                {t(
                  { id: 'cohort.pairs.row', defaultMessage: '<strong>{mentor}</strong> mentors <strong>{practitioner}</strong>' },
                  { mentor: names(p.mentor), practitioner: names(p.practitioner), strong: (chunks) => <strong>{chunks}</strong> },
                )}
              </span>
              <button
                type="button"
                className="button quiet"
                aria-label={t(
                  { id: 'cohort.pairs.endLabel', defaultMessage: 'End the pairing of {mentor} and {practitioner}' },
                  { mentor: names(p.mentor), practitioner: names(p.practitioner) },
                )}
                onClick={() => void unpairMentor(doc, { mentor: p.mentor, practitioner: p.practitioner, by: me }, COHORT_ORIGIN)}
              >
                {t({ id: 'cohort.pairs.end', defaultMessage: 'End pairing' })}
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
  const intl = useIntl()
  const t = intl.formatMessage
  const members = useMembers(doc)
  const names = useNames(doc)
  const list = (ids: string[]) => intl.formatList(ids.map(names), { type: 'unit', style: 'short' })
  const pairs = usePairs()
  const role = useY(roleRoots(doc), () => ({ facilitates: facilitates(doc, me), role: readMember(doc, me) ? effectiveRole(doc, me) : null }), sameFields)
  const mine = menteesOf(pairs, me)
  const myMentors = mentorsOf(pairs, me)
  const paired = [...new Set(pairs.map((p) => p.practitioner))]

  return (
    <section className="stack" aria-labelledby="mentoring-heading">
      <div>
        <h2 id="mentoring-heading">{t({ id: 'cohort.mentoring.heading', defaultMessage: 'Mentoring' })}</h2>
        <p className="muted small">
          {t({ id: 'cohort.mentoring.about', defaultMessage: 'Mentors from earlier cohorts walk beside practitioners through the year.' })}
        </p>
      </div>
      {role.facilitates && !readOnly && <PairsEditor members={members} />}
      {role.role === 'mentor' && (
        <section className="stack" aria-labelledby="mentees-heading">
          <h3 id="mentees-heading">{t({ id: 'cohort.mentoring.mentees', defaultMessage: 'Your mentees' })}</h3>
          {mine.length === 0 ? (
            <p className="muted">
              {t({ id: 'cohort.mentoring.noMentees', defaultMessage: 'A facilitator pairs you with practitioners; they will appear here.' })}
            </p>
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
          <h3 id="my-mentors-heading">{t({ id: 'cohort.mentoring.mentors', defaultMessage: 'Your mentors' })}</h3>
          <p>
            {myMentors.length === 0
              ? t({ id: 'cohort.mentoring.noMentor', defaultMessage: 'You have not been paired with a mentor yet.' })
              : list(myMentors)}
          </p>
          <MentorNotes practitioner={me} />
        </section>
      )}
      {role.facilitates && paired.length > 0 && (
        <section className="stack" aria-labelledby="all-mentees-heading">
          <h3 id="all-mentees-heading">{t({ id: 'cohort.mentoring.everyone', defaultMessage: 'Everyone being mentored' })}</h3>
          {paired.map((id) => (
            <details key={id} className="mentee-details">
              <summary>
                {names(id)}{' '}
                <span className="muted small">
                  {t({ id: 'cohort.mentoring.with', defaultMessage: 'with {names}' }, { names: list(mentorsOf(pairs, id)) })}
                </span>
              </summary>
              <Mentee practitioner={id} onOpenCard={onOpenCard} />
            </details>
          ))}
        </section>
      )}
    </section>
  )
}
