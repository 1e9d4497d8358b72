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

function Controls({ clinic, running }: { clinic: ClinicState; running: boolean }) {
  const { doc, me, session } = useCohort()
  const control = { by: me, now: session.clock.now(), offsetTo: (id: string) => session.clock.offsetTo(id) }
  const last = clinic.stage === CLINIC_STAGES.length - 1
  return (
    <div className="row wrap clinic-controls" role="group" aria-label="Run the clinic">
      <button type="button" className="button" disabled={clinic.stage === 0} onClick={() => goToStage(doc, clinic.stage - 1, control, COHORT_ORIGIN)}>
        ← Previous stage
      </button>
      <button type="button" className="button" onClick={() => toggleClinicTimer(doc, control, COHORT_ORIGIN)}>
        {running ? 'Pause timer' : 'Start timer'}
      </button>
      <button type="button" className="button" onClick={() => addClinicTime(doc, 60_000, control, COHORT_ORIGIN)}>
        +1 minute
      </button>
      {last ? (
        <button type="button" className="button primary" onClick={() => endClinic(doc, me, COHORT_ORIGIN)}>
          End the clinic
        </button>
      ) : (
        <button type="button" className="button primary" onClick={() => goToStage(doc, clinic.stage + 1, control, COHORT_ORIGIN)}>
          Next: {CLINIC_STAGES[clinic.stage + 1].label} →
        </button>
      )}
      {!last && (
        <button type="button" className="button quiet" onClick={() => endClinic(doc, me, COHORT_ORIGIN)}>
          End early
        </button>
      )}
    </div>
  )
}

function OfferingForm({ clinic }: { clinic: ClinicState }) {
  const { doc, me } = useCohort()
  const stage = CLINIC_STAGES[clinic.stage]
  const [draft, setDraft] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  function submit(event: FormEvent) {
    event.preventDefault()
    const result = offerToClinic(doc, { by: me, text: draft, now: Date.now() }, COHORT_ORIGIN)
    if (!result.ok) return setProblem(result.message)
    setDraft('')
    setProblem(null)
  }

  return (
    <form className="stack" onSubmit={submit} aria-label={`Offer: ${stage.offeringLabel ?? stage.label}`}>
      <label className="field" htmlFor="clinic-offering">
        <span>Your {(stage.offeringLabel ?? stage.label).toLowerCase()}</span>
        <textarea id="clinic-offering" rows={3} value={draft} maxLength={COMMENT_MAX} onChange={(e) => setDraft(e.target.value)} />
      </label>
      <p className="muted small">It is added to the presenter&rsquo;s project card, with your name.</p>
      <Problem message={problem} />
      <div className="row end">
        <button type="submit" className="button primary" disabled={draft.trim().length === 0}>
          Offer {(stage.offeringLabel ?? '').toLowerCase()}
        </button>
      </div>
    </form>
  )
}

/** The clinic on everyone's screen: whose project, which stage, how long is left, what has been offered. */
export function RunningClinic({ clinic, onOpenCard }: { clinic: ClinicState; onOpenCard: (id: string) => void }) {
  const { doc, me, session, readOnly } = useCohort()
  const names = useNames(doc)
  const now = useNow(session.clock, true)
  const status = stageStatus(clinic, session.clock.now(), (id) => session.clock.offsetTo(id))
  const project = useProject(doc, clinic.projectId)
  const title = useCardTitle(project)
  const comments = useComments(doc, clinic.projectId, project)
  const offerings = useMemo(() => offeringsOf(comments, clinic.id), [comments, clinic.id])
  const iRun = useIsFacilitator(doc, me) && !readOnly
  const iOffer = useY(roleRoots(doc), () => mayOffer(doc, clinic, me), Object.is)
  const presenter = clinic.presenter === me ? 'You' : names(clinic.presenter)
  void now // re-rendered by the clock for the countdown

  return (
    <section className="card stack clinic-running" aria-labelledby="clinic-now-heading">
      <div className="row wrap">
        <div className="grow">
          <h3 id="clinic-now-heading">
            {presenter} {clinic.presenter === me ? 'are' : 'is'} presenting{title ? `: ${title}` : ''}
          </h3>
        </div>
        <button type="button" className="button quiet" onClick={() => onOpenCard(clinic.projectId)}>
          Open the card
        </button>
      </div>
      <ol className="stage-steps" aria-label="Clinic stages">
        {CLINIC_STAGES.map((stage, i) => (
          <li key={stage.id} className={i < clinic.stage ? 'done' : undefined} aria-current={i === clinic.stage ? 'step' : undefined}>
            {stage.label}
          </li>
        ))}
      </ol>
      <div className="clinic-now">
        <div>
          <p className="clinic-stage-name" aria-live="polite">
            {status.stage.label}
          </p>
          <p className="muted">{status.stage.guidance}</p>
          <p className="small">
            {status.stage.speaks === 'presenter' ? `${presenter} speaks; everyone else listens.` : `The group speaks; ${presenter === 'You' ? 'you listen' : `${presenter} listens`}.`}
          </p>
        </div>
        <div className={`clinic-timer${status.timeUp ? ' time-up' : ''}`} role="timer" aria-label={`Time left in ${status.stage.label}`}>
          {formatRemaining(status.remainingMs)}
          <span className="small muted">{status.timeUp ? 'Time is up' : status.running ? 'running' : 'paused'}</span>
        </div>
      </div>
      <p className="sr-only" aria-live="assertive">
        {status.timeUp ? `Time is up for ${status.stage.label}.` : ''}
      </p>
      {iRun && <Controls clinic={clinic} running={status.running} />}
      {iOffer && <OfferingForm clinic={clinic} />}
      <section className="stack" aria-labelledby="offerings-heading">
        <h4 id="offerings-heading" className="cohort-read-label">
          Offered so far ({offerings.length})
        </h4>
        {offerings.length === 0 ? (
          <p className="muted small">Nothing yet. Offerings appear here and on the card as they are made.</p>
        ) : (
          <ol className="comment-list" aria-label="Offered in this clinic" aria-live="polite">
            {offerings.map((c) => (
              <CommentItem key={c.id} comment={c} name={names(c.by)} />
            ))}
          </ol>
        )}
      </section>
    </section>
  )
}
