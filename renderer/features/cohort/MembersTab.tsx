import { useState, type FormEvent } from 'react'
import { isValidTimeZone } from '../../../shared/notes'
import {
  ABOUT_MAX,
  COUNTRY_MAX,
  ORGANISATION_MAX,
  leaveCohort,
  readCohortMeta,
  setAbout,
  setMyDetails,
  type Member,
} from '../../../shared/cohort'
import { useApp } from '../../app/context'
import { metaMap } from '../../../shared/session'
import { usePresentPeople, useStore, useY } from '../../sync'
import { ConfirmDialog, localClock, useNow } from '../../ui'
import { RoleCell } from '../facilitation'
import { COHORT_ORIGIN, YOU, useCohort, useIsFacilitator, useMember, useMembers } from './hooks'
import { markCohortLeft } from './records'
import { formatDay } from './CardHistory'
import { Problem } from './Problem'
import { useIntl, useT, useRefusal } from '../../i18n'

function localTime(intl: ReturnType<typeof useIntl>, timeZone: string, now: number): string {
  if (!isValidTimeZone(timeZone)) return ''
  return intl.formatTime(now, { hour: '2-digit', minute: '2-digit', timeZone })
}

function About() {
  const { doc, me, readOnly } = useCohort()
  const t = useT()
  const refusal = useRefusal()
  const about = useY(metaMap(doc), () => readCohortMeta(doc)?.about ?? '', Object.is)
  const mayEdit = useIsFacilitator(doc, me) && !readOnly
  const [draft, setDraft] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  if (!mayEdit) return about ? <p className="cohort-read-text">{about}</p> : null
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault()
        const result = setAbout(doc, draft ?? about, me, COHORT_ORIGIN)
        setProblem(result.ok ? null : refusal(result))
        if (result.ok) setDraft(null)
      }}
    >
      <label className="field" htmlFor="cohort-about">
        <span>{t({ id: 'cohort.about.label', defaultMessage: 'About this cohort' })}</span>
        <textarea
          id="cohort-about"
          rows={2}
          maxLength={ABOUT_MAX}
          value={draft ?? about}
          placeholder={t({ id: 'cohort.about.placeholder', defaultMessage: 'The programme, the year, what the cohort is working towards.' })}
          onChange={(e) => setDraft(e.target.value)}
        />
      </label>
      <Problem message={problem} />
      {draft !== null && (
        <div className="row end">
          <button type="submit" className="button">
            {t({ id: 'cohort.about.save', defaultMessage: 'Save description' })}
          </button>
        </div>
      )}
    </form>
  )
}

function MyDetails({ member }: { member: Member }) {
  const { doc, me, readOnly } = useCohort()
  const t = useT()
  const refusal = useRefusal()
  const [country, setCountry] = useState(member.country)
  const [organisation, setOrganisation] = useState(member.organisation)
  const [message, setMessage] = useState<string | null>(null)

  function submit(event: FormEvent) {
    event.preventDefault()
    const result = setMyDetails(doc, me, { country, organisation }, COHORT_ORIGIN)
    setMessage(result.ok ? t({ id: 'cohort.details.saved', defaultMessage: 'Saved. The others see it in the members list.' }) : refusal(result))
  }

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="my-details-heading">
      <h3 id="my-details-heading">{t({ id: 'cohort.details.heading', defaultMessage: 'Your details in this cohort' })}</h3>
      <div className="row wrap">
        <label className="field grow" htmlFor="my-country">
          <span>{t({ id: 'cohort.details.country', defaultMessage: 'Country' })}</span>
          <input id="my-country" value={country} maxLength={COUNTRY_MAX} disabled={readOnly} onChange={(e) => setCountry(e.target.value)} />
        </label>
        <label className="field grow" htmlFor="my-organisation">
          <span>{t({ id: 'cohort.details.organisation', defaultMessage: 'School or organisation' })}</span>
          <input id="my-organisation" value={organisation} maxLength={ORGANISATION_MAX} disabled={readOnly} onChange={(e) => setOrganisation(e.target.value)} />
        </label>
      </div>
      <p className="muted small">
        {t(
          { id: 'cohort.details.timeZone', defaultMessage: 'Your time zone ({timeZone}) comes from this computer, so others can see what time it is for you.' },
          { timeZone: member.timeZone },
        )}
      </p>
      <div className="row end">
        <span className="grow small muted" role="status" aria-live="polite">{message}</span>
        <button type="submit" className="button" disabled={readOnly}>
          {t({ id: 'cohort.details.save', defaultMessage: 'Save details' })}
        </button>
      </div>
    </form>
  )
}

function Leave({ onLeft }: { onLeft: () => void }) {
  const { db } = useApp()
  const { doc, me, session, readOnly } = useCohort()
  const t = useT()
  const refusal = useRefusal()
  const connection = useStore(session.connection)
  const [open, setOpen] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  async function leave() {
    const at = Date.now()
    const result = leaveCohort(doc, me, at, COHORT_ORIGIN)
    if (!result.ok) return setProblem(refusal(result))
    await session.whenSaved()
    await markCohortLeft(db, session.id, at)
    onLeft()
  }

  return (
    <section className="stack leave" aria-labelledby="leave-heading">
      <h3 id="leave-heading">{t({ id: 'cohort.leave.heading', defaultMessage: 'Leaving the cohort' })}</h3>
      <p className="muted small">
        {t({
          id: 'cohort.leave.about',
          defaultMessage:
            'Your project card stays yours: this computer keeps the cohort as it is when you leave, to read and to save your card as a file. The others keep what you shared (your card, comments and milestones), read-only.',
        })}
      </p>
      <div>
        <button type="button" className="button danger-text" disabled={readOnly} onClick={() => setOpen(true)}>
          {t({ id: 'cohort.leave.open', defaultMessage: 'Leave this cohort…' })}
        </button>
      </div>
      <Problem message={problem} />
      <ConfirmDialog
        open={open}
        title={t({ id: 'cohort.leave.title', defaultMessage: 'Leave this cohort?' })}
        message={
          connection.peers === 0
            ? t({
                id: 'cohort.leave.alone',
                defaultMessage:
                  'Nobody else is connected right now, so the others will not see that you left until someone is connected with you. You can leave anyway; your copy stays on this computer, offline.',
              })
            : t({
                id: 'cohort.leave.message',
                defaultMessage: 'The others will see that you left. Your copy of the cohort stays on this computer, offline and read-only; you can come back with the invite.',
              })
        }
        confirmLabel={t({ id: 'cohort.leave.confirm', defaultMessage: 'Leave the cohort' })}
        danger
        onCancel={() => setOpen(false)}
        onConfirm={() => {
          setOpen(false)
          void leave()
        }}
      />
    </section>
  )
}

export function MembersTab({ onLeft }: { onLeft: () => void }) {
  const { doc, me, session, readOnly } = useCohort()
  const intl = useIntl()
  const t = intl.formatMessage
  const members = useMembers(doc)
  const present = new Set(usePresentPeople(session).map((p) => p.id))
  const now = useNow(localClock, true, 30_000)
  const mine = useMember(doc, me)
  const amFacilitator = useIsFacilitator(doc, me)
  const active = members.filter((m) => m.leftAt === undefined)
  const left = members.filter((m) => m.leftAt !== undefined)
  const facilitators = active.filter((m) => m.role === 'facilitator' || m.role === 'co-facilitator')

  return (
    <section className="stack" aria-labelledby="members-heading">
      <div>
        <h2 id="members-heading">{t({ id: 'cohort.members.heading', defaultMessage: 'Members' })}</h2>
        <p className="muted small">
          {facilitators.length > 0
            ? t(
                { id: 'cohort.members.countBy', defaultMessage: '{count, number} in the cohort, facilitated by {names}.' },
                { count: active.length, names: intl.formatList(facilitators.map((f) => f.name), { type: 'conjunction' }) },
              )
            : t({ id: 'cohort.members.count', defaultMessage: '{count, number} in the cohort.' }, { count: active.length })}
        </p>
      </div>
      <About />
      <table className="members-table">
        <caption className="sr-only">{t({ id: 'cohort.members.caption', defaultMessage: 'Members of the cohort' })}</caption>
        <thead>
          <tr>
            <th scope="col">{t({ id: 'cohort.members.name', defaultMessage: 'Name' })}</th>
            <th scope="col">{t({ id: 'cohort.members.role', defaultMessage: 'Role' })}</th>
            <th scope="col">{t({ id: 'cohort.members.where', defaultMessage: 'Where' })}</th>
            <th scope="col">{t({ id: 'cohort.members.timeZone', defaultMessage: 'Time zone' })}</th>
          </tr>
        </thead>
        <tbody data-testid="cohort-members">
          {[...active, ...left].map((m) => (
            <tr key={m.id} className={m.leftAt !== undefined ? 'member-left' : undefined}>
              <th scope="row">
                <span className="swatch" style={{ background: m.colour }} aria-hidden="true" /> {m.name}
                {m.id === me && <span className="muted"> {t(YOU)}</span>}
                {present.has(m.id) && <span className="here-now"> · {t({ id: 'cohort.members.hereNow', defaultMessage: 'here now' })}</span>}
                {m.leftAt !== undefined && (
                  <span className="muted small"> · {t({ id: 'cohort.members.leftOn', defaultMessage: 'left on {day}' }, { day: formatDay(intl, m.leftAt) })}</span>
                )}
              </th>
              <td>
                <RoleCell session={session} personId={m.id} name={m.name} editable={!readOnly && m.leftAt === undefined} />
              </td>
              <td>{intl.formatList([m.organisation, m.country].filter(Boolean), { type: 'unit', style: 'short' })}</td>
              <td>
                {m.timeZone}
                <span className="muted small"> {localTime(intl, m.timeZone, now)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {amFacilitator && (
        <p className="muted small">
          {t({
            id: 'cohort.members.cannotRemove',
            defaultMessage:
              'Someone who should no longer be here? A peer-to-peer cohort cannot take its invite back: everyone who has it keeps a copy. Start a new cohort with a new invite and invite the others to it.',
          })}
        </p>
      )}
      {mine && mine.leftAt === undefined && <MyDetails key={mine.id} member={mine} />}
      {mine && mine.leftAt === undefined && <Leave onLeft={onLeft} />}
    </section>
  )
}
