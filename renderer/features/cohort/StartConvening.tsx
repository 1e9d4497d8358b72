import { useState, type FormEvent } from 'react'
import { TITLE_MAX, TitleSchema } from '../../../shared/session'
import { useApp } from '../../app/context'
import { navigate } from '../../app/router'
import { useCohort } from './hooks'
import { startConveningFromCohort } from './fromCohort'
import { Problem, SubmitRow } from './Problem'
import { errorMessage } from '../../../shared/errors'
import { useT, useRefusal } from '../../i18n'

function today(): string {
  const now = new Date()
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}

const START = { id: 'cohort.start.heading', defaultMessage: 'Start a convening from this cohort' } as const

/** A facilitator starts the cohort's next convening: its members come along, it joins the timeline. */
export function StartConvening() {
  const { db, signer } = useApp()
  const { session } = useCohort()
  const t = useT()
  const refusal = useRefusal()
  const [title, setTitle] = useState('')
  const [date, setDate] = useState(today)
  const [share, setShare] = useState(true)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const checked = TitleSchema.safeParse(title)
    if (!checked.success) return setProblem(refusal(checked.error.issues[0].message))
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setProblem(t({ id: 'cohort.start.noDay', defaultMessage: 'Choose the day it is held.' }))
    setBusy(true)
    try {
      const record = await startConveningFromCohort(db, session, signer, { title: checked.data, date, shareInvite: share }, t)
      navigate({ name: 'convening', id: record.id })
    } catch (failure) {
      setProblem(errorMessage(failure))
      setBusy(false)
    }
  }

  return (
    <details className="card start-convening">
      <summary>{t(START)}</summary>
      <form className="stack" onSubmit={(event) => void submit(event)} aria-label={t(START)}>
        <div className="row wrap">
          <label className="field grow" htmlFor="cohort-convening-title">
            <span>{t({ id: 'cohort.start.title', defaultMessage: 'Title' })}</span>
            <input
              id="cohort-convening-title"
              value={title}
              maxLength={TITLE_MAX}
              placeholder={t({ id: 'cohort.start.placeholder', defaultMessage: 'e.g. Convening 4: mapping our systems' })}
              onChange={(e) => setTitle(e.target.value)}
            />
          </label>
          <label className="field" htmlFor="cohort-convening-date">
            <span>{t({ id: 'cohort.start.day', defaultMessage: 'Day' })}</span>
            <input id="cohort-convening-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
        </div>
        <label className="toggle">
          <input type="checkbox" checked={share} onChange={(e) => setShare(e.target.checked)} />
          <span>{t({ id: 'cohort.start.share', defaultMessage: 'Keep its invite in the cohort, so any member can open it from the timeline' })}</span>
        </label>
        <p className="muted small">
          {t({
            id: 'cohort.start.about',
            defaultMessage:
              'Everyone in the cohort is added to the new convening with their name, role and time zone. A snapshot of every project card that changed is kept in its history. With the invite kept, every member of the cohort, including people who join it later, can open this convening and everything in it.',
          })}
        </p>
        <Problem message={problem} />
        <SubmitRow label={t({ id: 'cohort.start.submit', defaultMessage: 'Create the convening' })} disabled={busy} />
      </form>
    </details>
  )
}
