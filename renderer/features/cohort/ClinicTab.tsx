import { useState } from 'react'
import {
  DEFAULT_MINUTES,
  clinicLog,
  clinicMap,
  projectIds,
  projectsMap,
  readClinic,
  readClinicLog,
  readMember,
  startClinic,
  totalMinutes,
} from '../../../shared/cohort'
import { formatDay } from './CardHistory'
import { peopleMap } from '../../../shared/session'
import { sameItems, sameJson, useY } from '../../sync'
import { COHORT_ORIGIN, roleRoots, sameIds, useCardTitle, useCohort, useIsFacilitator, useNames, useProject } from './hooks'
import { RunningClinic } from './RunningClinic'
import { Problem } from './Problem'
import { useIntl, useT, useRefusal } from '../../i18n'
import { useClinicTexts } from './localContent'

function StagePlan({ minutes, onMinutes }: { minutes: number[]; onMinutes?: (next: number[]) => void }) {
  const t = useT()
  const { stages } = useClinicTexts()
  return (
    <ol className="stage-plan" aria-label={t({ id: 'cohort.plan.label', defaultMessage: 'Stages of a clinic' })}>
      {stages.map((stage, i) => (
        <li key={stage.id} className="stage-plan-item">
          <div className="stage-plan-head">
            <strong>{stage.label}</strong>
            {onMinutes ? (
              <span className="row small">
                <input
                  id={`stage-minutes-${stage.id}`}
                  className="minutes-input"
                  type="number"
                  min={1}
                  max={60}
                  aria-label={t({ id: 'cohort.plan.minutesFor', defaultMessage: 'Minutes for {stage}' }, { stage: stage.label })}
                  value={minutes[i]}
                  onChange={(e) => onMinutes(minutes.map((m, j) => (j === i ? Math.max(1, Math.min(60, Math.round(Number(e.target.value) || 1))) : m)))}
                />
                <span aria-hidden="true">{t({ id: 'cohort.plan.min', defaultMessage: 'min' })}</span>
              </span>
            ) : (
              <span className="muted small">{t({ id: 'cohort.plan.minutes', defaultMessage: '{count, number} min' }, { count: minutes[i] })}</span>
            )}
          </div>
          <p className="muted small">{stage.guidance}</p>
        </li>
      ))}
    </ol>
  )
}

/** One practitioner to choose, with their card's title: it watches that title only. */
function PresenterOption({ id, name }: { id: string; name: string }) {
  const { doc } = useCohort()
  const title = useCardTitle(useProject(doc, id))
  return (
    <option value={id}>
      {name}
      {title ? ` — ${title}` : ''}
    </option>
  )
}

function ClinicSetup() {
  const { doc, me, readOnly } = useCohort()
  const t = useT()
  const refusal = useRefusal()
  const names = useNames(doc)
  const cards = useY(
    [{ shallow: projectsMap(doc) }, peopleMap(doc)],
    () => projectIds(doc).filter((id) => readMember(doc, id)?.leftAt === undefined),
    sameItems,
  )
  const [presenter, setPresenter] = useState('')
  const [minutes, setMinutes] = useState<number[]>([...DEFAULT_MINUTES])
  const [problem, setProblem] = useState<string | null>(null)

  function start() {
    const result = startClinic(doc, { projectId: presenter, by: me, now: Date.now(), minutes }, COHORT_ORIGIN)
    setProblem(result.ok ? null : refusal(result))
  }

  return (
    <section className="card stack" aria-labelledby="clinic-setup-heading">
      <h3 id="clinic-setup-heading">{t({ id: 'cohort.setup.heading', defaultMessage: 'Hold a clinic' })}</h3>
      {cards.length === 0 ? (
        <p className="muted small">
          {t({ id: 'cohort.setup.noCards', defaultMessage: 'A clinic needs a project card to look at. Practitioners start their cards under Projects.' })}
        </p>
      ) : (
        <label className="field" htmlFor="clinic-presenter">
          <span>{t({ id: 'cohort.setup.presenter', defaultMessage: 'Who presents' })}</span>
          <select id="clinic-presenter" value={presenter} onChange={(e) => setPresenter(e.target.value)}>
            <option value="">{t({ id: 'cohort.setup.choose', defaultMessage: 'Choose a practitioner…' })}</option>
            {cards.map((id) => (
              <PresenterOption key={id} id={id} name={names(id)} />
            ))}
          </select>
        </label>
      )}
      <StagePlan minutes={minutes} onMinutes={setMinutes} />
      <p className="muted small">
        {t({ id: 'cohort.setup.total', defaultMessage: '{count, plural, one {# minute in all.} other {# minutes in all.}}' }, { count: totalMinutes(minutes) })}
      </p>
      <Problem message={problem} />
      <div className="row end">
        <button type="button" className="button primary" disabled={!presenter || readOnly} onClick={start}>
          {t({ id: 'cohort.setup.start', defaultMessage: 'Start the clinic' })}
        </button>
      </div>
    </section>
  )
}

export function ClinicTab({ onOpenCard }: { onOpenCard: (id: string) => void }) {
  const { doc, me } = useCohort()
  const intl = useIntl()
  const t = intl.formatMessage
  const names = useNames(doc)
  const clinic = useY([clinicMap(doc), ...roleRoots(doc)], () => readClinic(doc), sameJson)
  const iFacilitate = useIsFacilitator(doc, me)
  const past = useY([clinicLog(doc), ...roleRoots(doc)], () => readClinicLog(doc).reverse(), sameIds)
  const { about } = useClinicTexts()

  return (
    <section className="stack" aria-labelledby="clinic-heading">
      <div>
        <h2 id="clinic-heading">{t({ id: 'cohort.clinic.heading', defaultMessage: 'Project clinic' })}</h2>
        <p className="muted small clinic-about">{about}</p>
      </div>
      {clinic ? (
        <RunningClinic clinic={clinic} onOpenCard={onOpenCard} />
      ) : iFacilitate ? (
        <ClinicSetup />
      ) : (
        <div className="card stack">
          <p role="status">
            {t({ id: 'cohort.clinic.none', defaultMessage: 'No clinic is running. A facilitator starts one; it will appear here for everyone.' })}
          </p>
          <StagePlan minutes={[...DEFAULT_MINUTES]} />
        </div>
      )}
      {past.length > 0 && (
        <section className="stack" aria-labelledby="past-clinics-heading">
          <h3 id="past-clinics-heading">{t({ id: 'cohort.clinic.past', defaultMessage: 'Clinics held' })}</h3>
          <ul className="plain-list">
            {past.map((record) => (
              <li key={record.id} className="row">
                <span className="grow">
                  {t({ id: 'cohort.clinic.pastEntry', defaultMessage: '{day}: {name} presented' }, { day: formatDay(intl, record.at), name: names(record.presenter) })}
                </span>
                <button type="button" className="button quiet" onClick={() => onOpenCard(record.projectId)}>
                  {t({ id: 'cohort.card.openOf', defaultMessage: 'Open {name}’s card' }, { name: names(record.presenter) })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  )
}
