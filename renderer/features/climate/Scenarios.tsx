import { useState } from 'react'
import { analyseScenario, deleteScenario, leverDifferences, readScenarios, saveScenario, scenarioHeadline, setAllLevers, DEFAULT_LEVERS } from '../../../shared/climate'
import type { SavedScenario } from '../../../shared/climate'
import { canFacilitate } from '../../../shared/session'
import { timeAgo } from '../../ui'
import { sameJson, useY } from '../../sync'
import { climateTypes, useAmFacilitator, useClimate, useLive, usePeopleNames } from './context'
import { degrees, fixed } from './format'
import { CLIMATE_ORIGIN } from './liveScenario'
import { ScenarioCompare } from './ScenarioCompare'
import { useApp } from '../../app/context'
import { forgetScenario, keepScenario, useLibraryScenarios, type LibraryScenario } from './library'
import { useCohortShelves } from './cohortShelves'
import { ScenariosInCohort, useChosenShelf, useKeepScenario } from './CohortShelf'

function ScenarioRow(props: { scenario: SavedScenario; onMessage: (text: string) => void; keepInCohort: ((s: SavedScenario) => void) | null; cohortTitle: string }) {
  const { scenario, onMessage, keepInCohort } = props
  const { session, readOnly } = useClimate()
  const { db } = useApp()
  const names = usePeopleNames()
  const locked = useLive((s) => s.doc.lock !== null)
  const amFacilitator = useAmFacilitator()
  const mayDelete = !readOnly && (scenario.by === session.me.id || canFacilitate(session.doc, session.me.id))
  const h = scenarioHeadline(analyseScenario(scenario.levers))
  const changed = leverDifferences(DEFAULT_LEVERS, scenario.levers).length
  const load = (): void => {
    const result = setAllLevers(session.doc, scenario.levers, `“${scenario.name}”`, { by: session.me.id }, CLIMATE_ORIGIN)
    onMessage(result.ok ? `The levers now stand as in “${scenario.name}”.` : result.error.message)
  }
  const keep = (): void => {
    keepScenario(db, scenario).then(
      () => onMessage(`“${scenario.name}” is in your library on this computer, ready for later convenings.`),
      () => onMessage('The scenario could not be kept on this computer.'),
    )
  }
  const remove = (): void => {
    const result = deleteScenario(session.doc, scenario.id, { by: session.me.id }, CLIMATE_ORIGIN)
    onMessage(result.ok ? `Deleted “${scenario.name}”.` : result.error.message)
  }
  return (
    <tr>
      <th scope="row">{scenario.name}</th>
      <td>{names[scenario.by] ?? 'Someone'}, {timeAgo(scenario.at)}</td>
      <td className="num"><strong>{degrees(h.warming2100)}</strong> <span className="muted small">({fixed(h.warming2100Low, 1)}–{fixed(h.warming2100High, 1)})</span></td>
      <td className="num">{fixed(h.co2Ppm2100, 0)} ppm</td>
      <td className="num">{changed}</td>
      <td>
        <div className="row wrap">
          <button type="button" className="button" disabled={readOnly || (locked && !amFacilitator)} onClick={load} aria-label={`Set the levers to “${scenario.name}”`}>
            Use these levers
          </button>
          <button type="button" className="button quiet" onClick={keep} aria-label={`Keep “${scenario.name}” in my library`}>
            Keep in my library
          </button>
          {keepInCohort && (
            <button type="button" className="button quiet" onClick={() => keepInCohort(scenario)} aria-label={`Keep “${scenario.name}” in the cohort “${props.cohortTitle}”`}>
              Keep in the cohort
            </button>
          )}
          {mayDelete && (
            <button type="button" className="button quiet danger-text" onClick={remove} aria-label={`Delete “${scenario.name}”`}>
              Delete
            </button>
          )}
        </div>
      </td>
    </tr>
  )
}

/** Saved scenarios, and two of them side by side. */
export function Scenarios() {
  const { session } = useClimate()
  const scenarios = useY(climateTypes(session.doc), () => readScenarios(session.doc), sameJson)
  const [message, setMessage] = useState('')
  const { db } = useApp()
  const shelves = useCohortShelves(db, session.me.id, session.id)
  const [shelf, chooseShelf] = useChosenShelf(shelves.shelves)
  const keepInCohort = useKeepScenario(shelves, shelf, setMessage)
  return (
    <div className="climate-scenarios stack">
      <section aria-labelledby="saved-heading" className="stack">
        <h3 id="saved-heading">Saved scenarios</h3>
        {scenarios.length === 0 ? (
          <p className="muted">No scenario saved yet. Move the levers under Explore, then save them with a name to compare them here.</p>
        ) : (
          <div className="table-scroll">
            <table className="climate-table">
              <thead>
                <tr>
                  <th scope="col">Scenario</th><th scope="col">Saved by</th><th scope="col">Warming in 2100 (likely)</th>
                  <th scope="col">CO2 in 2100</th><th scope="col">Levers moved</th><th scope="col"><span className="sr-only">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {scenarios.map((s) => <ScenarioRow key={s.id} scenario={s} onMessage={setMessage} keepInCohort={keepInCohort} cohortTitle={shelf?.title ?? ''} />)}
              </tbody>
            </table>
          </div>
        )}
        <p role="status" className="small">{message}</p>
      </section>
      <MyLibrary onMessage={setMessage} />
      <ScenariosInCohort shelves={shelves} shelf={shelf} onChoose={chooseShelf} onMessage={setMessage} />
      <ScenarioCompare scenarios={scenarios} />
    </div>
  )
}

/** Scenarios kept on this computer from earlier convenings, to bring into this one. */
function MyLibrary(props: { onMessage: (text: string) => void }) {
  const { session, readOnly } = useClimate()
  const { db } = useApp()
  const kept = useLibraryScenarios(db)
  const bringIn = (scenario: LibraryScenario): void => {
    const result = saveScenario(session.doc, scenario.name, scenario.levers, { by: session.me.id }, CLIMATE_ORIGIN)
    props.onMessage(result.ok ? `“${scenario.name}” is now among this convening’s saved scenarios.` : result.error.message)
  }
  return (
    <section aria-labelledby="library-heading" className="stack">
      <h3 id="library-heading">My library</h3>
      {kept.length === 0 ? (
        <p className="muted small">Scenarios you keep (“Keep in my library”) stay on this computer for later convenings.</p>
      ) : (
        <ul className="climate-library" aria-label="Scenarios in my library">
          {kept.map((scenario) => (
            <li key={scenario.id} className="row wrap">
              <span>
                <strong>{scenario.name}</strong>{' '}
                <span className="muted small">
                  {degrees(scenarioHeadline(analyseScenario(scenario.levers)).warming2100)} in 2100 · kept {timeAgo(scenario.savedAt)}
                </span>
              </span>
              <button type="button" className="button quiet" disabled={readOnly} onClick={() => bringIn(scenario)} aria-label={`Bring “${scenario.name}” into this convening`}>
                Bring into this convening
              </button>
              <button type="button" className="button quiet danger-text" onClick={() => void forgetScenario(db, scenario.id)} aria-label={`Remove “${scenario.name}” from my library`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
