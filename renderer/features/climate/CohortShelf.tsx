import { useState } from 'react'
import { keepRoundsInCohort, keepScenarioInCohort } from '../../../shared/cohort'
import { analyseRound, analyseScenario, bringEarlierRounds, saveScenario, scenarioHeadline } from '../../../shared/climate'
import type { LeverValues, Round } from '../../../shared/climate'
import { readTitle } from '../../../shared/session'
import { timeAgo } from '../../ui'
import type { CohortShelf, Shelves } from './cohortShelves'
import { useClimate } from './context'
import { degrees } from './format'
import { CLIMATE_ORIGIN } from './liveScenario'

/** The cohort chosen to keep things in (the one this convening belongs to, at first). */
export function useChosenShelf(shelves: CohortShelf[] | null): [CohortShelf | null, (id: string) => void] {
  const [chosen, setChosen] = useState<string | null>(null)
  const shelf = shelves?.find((s) => s.cohortId === chosen) ?? shelves?.[0] ?? null
  return [shelf, setChosen]
}

function CohortPicker(props: { shelves: CohortShelf[]; shelf: CohortShelf; onChoose: (id: string) => void; id: string }) {
  if (props.shelves.length === 1) return null
  return (
    <label className="field cohort-picker">
      <span>Cohort</span>
      <select id={props.id} value={props.shelf.cohortId} onChange={(event) => props.onChoose(event.target.value)}>
        {props.shelves.map((s) => <option key={s.cohortId} value={s.cohortId}>{s.title}</option>)}
      </select>
    </label>
  )
}

const NO_COHORT = 'Keep scenarios and World Climate rounds in a cohort you belong to, and its members bring them into their own workshops. No cohort of yours is on this computer yet: open or join one from the home screen.'

/** Keeps one of this convening's scenarios in the chosen cohort. */
export function useKeepScenario(shelves: Shelves, shelf: CohortShelf | null, onMessage: (text: string) => void): ((s: { name: string; levers: LeverValues }) => void) | null {
  const { session } = useClimate()
  if (!shelf) return null
  return (scenario) => {
    const from = readTitle(session.doc)
    shelves.write(shelf.cohortId, (doc) => keepScenarioInCohort(doc, { ...scenario, from }, session.me.id, Date.now(), CLIMATE_ORIGIN)).then(
      (result) => onMessage(result.ok ? `“${scenario.name}” is kept in “${shelf.title}”: its members can bring it into their own convenings.` : result.message),
      () => onMessage(`“${scenario.name}” could not be kept in “${shelf.title}”.`),
    )
  }
}

/** Scenarios the cohort keeps, to bring into this convening. */
export function ScenariosInCohort(props: { shelves: Shelves; shelf: CohortShelf | null; onChoose: (id: string) => void; onMessage: (text: string) => void }) {
  const { shelves, shelf, onMessage } = props
  const { session, readOnly } = useClimate()
  if (shelves.shelves === null) return null
  const bringIn = (name: string, levers: LeverValues): void => {
    const result = saveScenario(session.doc, name, levers, { by: session.me.id }, CLIMATE_ORIGIN)
    onMessage(result.ok ? `“${name}” is now among this convening’s saved scenarios.` : result.error.message)
  }
  return (
    <section aria-labelledby="cohort-scenarios-heading" className="stack">
      <h3 id="cohort-scenarios-heading">Kept in {shelf ? `“${shelf.title}”` : 'a cohort'}</h3>
      {!shelf ? <p className="muted small">{NO_COHORT}</p> : (
        <>
          <CohortPicker shelves={shelves.shelves} shelf={shelf} onChoose={props.onChoose} id="cohort-scenarios-picker" />
          {shelf.scenarios.length === 0 ? (
            <p className="muted small">Nothing kept yet. “Keep in the cohort” beside a saved scenario puts it here, for every member of “{shelf.title}”.</p>
          ) : (
            <ul className="climate-library" aria-label={`Scenarios kept in ${shelf.title}`}>
              {shelf.scenarios.map((s) => (
                <li key={s.key} className="row wrap">
                  <span>
                    <strong>{s.name}</strong>{' '}
                    <span className="muted small">
                      {degrees(scenarioHeadline(analyseScenario(s.levers)).warming2100)} in 2100 · kept by {s.byName}{s.from ? ` from “${s.from}”` : ''}, {timeAgo(s.at)}
                    </span>
                  </span>
                  <button type="button" className="button quiet" disabled={readOnly} onClick={() => bringIn(s.name, s.levers)} aria-label={`Bring “${s.name}” from the cohort into this convening`}>
                    Bring into this convening
                  </button>
                  {shelf.mayRemove(s.by) && (
                    <button type="button" className="button quiet danger-text" onClick={() => void shelves.forget(shelf.cohortId, s.key)} aria-label={`Remove “${s.name}” from the cohort`}>
                      Remove
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  )
}

const roundsSummary = (rounds: readonly Pick<Round, 'blocSet' | 'pledges'>[]): string => {
  const last = rounds.at(-1)
  return last ? `${rounds.length} ${rounds.length === 1 ? 'round' : 'rounds'}, the last at ${degrees(analyseRound(last).warming2100)} in 2100` : 'no rounds'
}

/**
 * World Climate rounds and the cohort: keep this convening's rounds there (any member:
 * a practitioner takes them to the workshop they run), and, for facilitators, bring
 * another group's rounds in to set beside these.
 */
export function RoundsAndCohort(props: { rounds: Round[]; amFacilitator: boolean; shelves: Shelves }) {
  const { rounds, amFacilitator, shelves } = props
  const { session, readOnly } = useClimate()
  const [shelf, choose] = useChosenShelf(shelves.shelves)
  const [message, setMessage] = useState('')
  if (shelves.shelves === null) return null
  const from = readTitle(session.doc)
  const keep = (): void => {
    if (!shelf) return
    const name = from || 'World Climate'
    shelves.write(shelf.cohortId, (doc) => keepRoundsInCohort(doc, { name, blocSet: rounds[0].blocSet, rounds, from }, session.me.id, Date.now(), CLIMATE_ORIGIN)).then(
      (result) => setMessage(result.ok ? `The ${rounds.length === 1 ? 'round' : `${rounds.length} rounds`} of “${name}” are kept in “${shelf.title}”.` : result.message),
      () => setMessage(`The rounds could not be kept in “${shelf.title}”.`),
    )
  }
  const bringIn = (kept: CohortShelf['rounds'][number]): void => {
    const result = bringEarlierRounds(session.doc, { name: kept.name, from: kept.from, blocSet: kept.blocSet, rounds: kept.rounds }, { by: session.me.id }, CLIMATE_ORIGIN)
    setMessage(result.ok ? `The rounds of “${kept.name}” are now beside this convening’s, for everyone.` : result.error.message)
  }
  const sameSet = rounds.length > 0 && rounds.every((r) => r.blocSet === rounds[0].blocSet)
  return (
    <section className="world-cohort stack" aria-labelledby="world-cohort-heading">
      <h3 id="world-cohort-heading">Rounds kept in {shelf ? `“${shelf.title}”` : 'a cohort'}</h3>
      {!shelf ? <p className="muted small">{NO_COHORT}</p> : (
        <>
          <CohortPicker shelves={shelves.shelves} shelf={shelf} onChoose={choose} id="cohort-rounds-picker" />
          {rounds.length > 0 && (
            <div className="row wrap">
              <button type="button" className="button" disabled={readOnly || !sameSet} onClick={keep}>
                {rounds.length === 1 ? 'Keep this round' : `Keep these ${rounds.length} rounds`} in “{shelf.title}”
              </button>
              {!sameSet && <span className="small muted">The rounds use different sets of blocs: only rounds played with one set are kept together.</span>}
            </div>
          )}
          {shelf.rounds.length === 0 ? (
            <p className="muted small">No rounds kept yet. Rounds kept here travel with the cohort: a member running World Climate in their own workshop sets their group’s rounds beside these.</p>
          ) : (
            <ul className="climate-library" aria-label={`Rounds kept in ${shelf.title}`}>
              {shelf.rounds.map((kept) => (
                <li key={kept.key} className="row wrap">
                  <span>
                    <strong>{kept.name}</strong>{' '}
                    <span className="muted small">{roundsSummary(kept.rounds.map((r) => ({ blocSet: kept.blocSet, pledges: r.pledges })))} · kept by {kept.byName}, {timeAgo(kept.at)}</span>
                  </span>
                  {amFacilitator && (
                    <button type="button" className="button quiet" disabled={readOnly} onClick={() => bringIn(kept)} aria-label={`Set the rounds of “${kept.name}” beside this convening’s`}>
                      Set beside ours
                    </button>
                  )}
                  {shelf.mayRemove(kept.by) && (
                    <button type="button" className="button quiet danger-text" onClick={() => void shelves.forget(shelf.cohortId, kept.key)} aria-label={`Remove the rounds of “${kept.name}” from the cohort`}>
                      Remove
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <p role="status" className="small">{message}</p>
    </section>
  )
}

