import { useMemo, useState, type FormEvent } from 'react'
import { formatRemaining } from '../../../shared/facilitation'
import {
  CLINIC_STAGES,
  COMMENT_MAX,
  addClinicTime,
  endClinic,
  goToStage,
  mayOffer,
  offerToClinic,
  offeringsOf,
  stageStatus,
  toggleClinicTimer,
  type ClinicState,
} from '../../../shared/cohort'
import { CommentItem } from './CardComments'
import { useY } from '../../sync'
import { COHORT_ORIGIN, roleRoots, useCardTitle, useCohort, useComments, useIsFacilitator, useNames, useProject } from './hooks'
import { Problem } from './Problem'
import { useNow } from '../../ui'
import { useLocale, useT, useRefusal } from '../../i18n'
import { inSentence, useClinicTexts } from './localContent'

function Controls({ clinic, running }: { clinic: ClinicState; running: boolean }) {
  const { doc, me, session } = useCohort()
  const t = useT()
  const { stages } = useClinicTexts()
  const control = { by: me, now: session.clock.now(), offsetTo: (id: string) => session.clock.offsetTo(id) }
  const last = clinic.stage === CLINIC_STAGES.length - 1
  return (
    <div className="row wrap clinic-controls" role="group" aria-label={t({ id: 'cohort.clinic.controls', defaultMessage: 'Run the clinic' })}>
      <button type="button" className="button" disabled={clinic.stage === 0} onClick={() => goToStage(doc, clinic.stage - 1, control, COHORT_ORIGIN)}>
        {t({ id: 'cohort.clinic.previous', defaultMessage: '← Previous stage' })}
      </button>
      <button type="button" className="button" onClick={() => toggleClinicTimer(doc, control, COHORT_ORIGIN)}>
        {running ? t({ id: 'cohort.clinic.pause', defaultMessage: 'Pause timer' }) : t({ id: 'cohort.clinic.start', defaultMessage: 'Start timer' })}
      </button>
      <button type="button" className="button" onClick={() => addClinicTime(doc, 60_000, control, COHORT_ORIGIN)}>
        {t({ id: 'cohort.clinic.addMinute', defaultMessage: '+1 minute' })}
      </button>
      {last ? (
        <button type="button" className="button primary" onClick={() => endClinic(doc, me, COHORT_ORIGIN)}>
          {t({ id: 'cohort.clinic.end', defaultMessage: 'End the clinic' })}
        </button>
      ) : (
        <button type="button" className="button primary" onClick={() => goToStage(doc, clinic.stage + 1, control, COHORT_ORIGIN)}>
          {t({ id: 'cohort.clinic.next', defaultMessage: 'Next: {stage} →' }, { stage: stages[clinic.stage + 1].label })}
        </button>
      )}
      {!last && (
        <button type="button" className="button quiet" onClick={() => endClinic(doc, me, COHORT_ORIGIN)}>
          {t({ id: 'cohort.clinic.endEarly', defaultMessage: 'End early' })}
        </button>
      )}
    </div>
  )
}

function OfferingForm({ clinic }: { clinic: ClinicState }) {
  const { doc, me } = useCohort()
  const t = useT()
  const refusal = useRefusal()
  const locale = useLocale()
  const stage = useClinicTexts().stages[clinic.stage]
  const [draft, setDraft] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  function submit(event: FormEvent) {
    event.preventDefault()
    const result = offerToClinic(doc, { by: me, text: draft, now: Date.now() }, COHORT_ORIGIN)
    if (!result.ok) return setProblem(refusal(result))
    setDraft('')
    setProblem(null)
  }

  return (
    <form className="stack" onSubmit={submit} aria-label={t({ id: 'cohort.offer.form', defaultMessage: 'Offer: {offering}' }, { offering: stage.offeringLabel ?? stage.label })}>
      <label className="field" htmlFor="clinic-offering">
        <span>{t({ id: 'cohort.offer.field', defaultMessage: 'Your {offering}' }, { offering: inSentence(stage.offeringLabel ?? stage.label, locale) })}</span>
        <textarea id="clinic-offering" rows={3} value={draft} maxLength={COMMENT_MAX} onChange={(e) => setDraft(e.target.value)} />
      </label>
      <p className="muted small">{t({ id: 'cohort.offer.where', defaultMessage: 'It is added to the presenter’s project card, with your name.' })}</p>
      <Problem message={problem} />
      <div className="row end">
        <button type="submit" className="button primary" disabled={draft.trim().length === 0}>
          {t({ id: 'cohort.offer.submit', defaultMessage: 'Offer {offering}' }, { offering: inSentence(stage.offeringLabel ?? '', locale) })}
        </button>
      </div>
    </form>
  )
}

/** The clinic on everyone's screen: whose project, which stage, how long is left, what has been offered. */
export function RunningClinic({ clinic, onOpenCard }: { clinic: ClinicState; onOpenCard: (id: string) => void }) {
  const { doc, me, session, readOnly } = useCohort()
  const t = useT()
  const names = useNames(doc)
  const now = useNow(session.clock, true)
  const status = stageStatus(clinic, session.clock.now(), (id) => session.clock.offsetTo(id))
  const { stages } = useClinicTexts()
  // The stage's words as this person reads them; how it runs (who speaks) is the shared one's.
  const shown = stages[clinic.stage]
  const project = useProject(doc, clinic.projectId)
  const title = useCardTitle(project)
  const comments = useComments(doc, clinic.projectId, project)
  const offerings = useMemo(() => offeringsOf(comments, clinic.id), [comments, clinic.id])
  const iRun = useIsFacilitator(doc, me) && !readOnly
  const iOffer = useY(roleRoots(doc), () => mayOffer(doc, clinic, me), Object.is)
  const who = { self: clinic.presenter === me ? 'yes' : 'no', name: names(clinic.presenter) }
  void now // re-rendered by the clock for the countdown

  return (
    <section className="card stack clinic-running" aria-labelledby="clinic-now-heading">
      <div className="row wrap">
        <div className="grow">
          <h3 id="clinic-now-heading">
            {title
              ? t({ id: 'cohort.clinic.presentingTitle', defaultMessage: '{self, select, yes {You are presenting: {title}} other {{name} is presenting: {title}}}' }, { ...who, title })
              : t({ id: 'cohort.clinic.presenting', defaultMessage: '{self, select, yes {You are presenting} other {{name} is presenting}}' }, who)}
          </h3>
        </div>
        <button type="button" className="button quiet" onClick={() => onOpenCard(clinic.projectId)}>
          {t({ id: 'cohort.clinic.openCard', defaultMessage: 'Open the card' })}
        </button>
      </div>
      <ol className="stage-steps" aria-label={t({ id: 'cohort.clinic.stages', defaultMessage: 'Clinic stages' })}>
        {stages.map((stage, i) => (
          <li key={stage.id} className={i < clinic.stage ? 'done' : undefined} aria-current={i === clinic.stage ? 'step' : undefined}>
            {stage.label}
          </li>
        ))}
      </ol>
      <div className="clinic-now">
        <div>
          <p className="clinic-stage-name" aria-live="polite">
            {shown.label}
          </p>
          <p className="muted">{shown.guidance}</p>
          <p className="small">
            {status.stage.speaks === 'presenter'
              ? t({ id: 'cohort.clinic.presenterSpeaks', defaultMessage: '{self, select, yes {You speak; everyone else listens.} other {{name} speaks; everyone else listens.}}' }, who)
              : t({ id: 'cohort.clinic.groupSpeaks', defaultMessage: '{self, select, yes {The group speaks; you listen.} other {The group speaks; {name} listens.}}' }, who)}
          </p>
        </div>
        <div
          className={`clinic-timer${status.timeUp ? ' time-up' : ''}`}
          role="timer"
          aria-label={t({ id: 'cohort.clinic.timeLeft', defaultMessage: 'Time left in {stage}' }, { stage: shown.label })}
        >
          {formatRemaining(status.remainingMs)}
          <span className="small muted">
            {status.timeUp
              ? t({ id: 'cohort.clinic.timeUp', defaultMessage: 'Time is up' })
              : status.running
                ? t({ id: 'cohort.clinic.running', defaultMessage: 'running' })
                : t({ id: 'cohort.clinic.paused', defaultMessage: 'paused' })}
          </span>
        </div>
      </div>
      <p className="sr-only" aria-live="assertive">
        {status.timeUp ? t({ id: 'cohort.clinic.timeUpFor', defaultMessage: 'Time is up for {stage}.' }, { stage: shown.label }) : ''}
      </p>
      {iRun && <Controls clinic={clinic} running={status.running} />}
      {iOffer && <OfferingForm clinic={clinic} />}
      <section className="stack" aria-labelledby="offerings-heading">
        <h4 id="offerings-heading" className="cohort-read-label">
          {t({ id: 'cohort.offerings.heading', defaultMessage: 'Offered so far ({count, number})' }, { count: offerings.length })}
        </h4>
        {offerings.length === 0 ? (
          <p className="muted small">
            {t({ id: 'cohort.offerings.none', defaultMessage: 'Nothing yet. Offerings appear here and on the card as they are made.' })}
          </p>
        ) : (
          <ol className="comment-list" aria-label={t({ id: 'cohort.offerings.list', defaultMessage: 'Offered in this clinic' })} aria-live="polite">
            {offerings.map((c) => (
              <CommentItem key={c.id} comment={c} name={names(c.by)} />
            ))}
          </ol>
        )}
      </section>
    </section>
  )
}
