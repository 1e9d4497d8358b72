import { useState } from 'react'
import { analyseScenario, deleteScenario, leverDifferences, readScenarios, saveScenario, scenarioHeadline, setAllLevers, DEFAULT_LEVERS } from '../../../shared/climate'
import type { SavedScenario } from '../../../shared/climate'
import { canFacilitate } from '../../../shared/session'
import { sameJson, useY } from '../../sync'
import { timeAgo, useIntl, useT } from '../../i18n'
import { climateTypes, useAmFacilitator, useClimate, useLive, usePeopleNames } from './context'
import { degrees, measure, shortRange } from './format'
import { CLIMATE_ORIGIN } from './liveScenario'
import { ScenarioCompare } from './ScenarioCompare'
import { useApp } from '../../app/context'
import { forgetScenario, keepScenario, useLibraryScenarios, type LibraryScenario } from './library'
import { useCohortShelves } from './cohortShelves'
import { ScenariosInCohort, useChosenShelf, useKeepScenario } from './CohortShelf'

function ScenarioRow(props: { scenario: SavedScenario; onMessage: (text: string) => void; keepInCohort: ((s: SavedScenario) => void) | null; cohortTitle: string }) {
  const { scenario, onMessage, keepInCohort } = props
  const { session, readOnly } = useClimate()
  const t = useT()
  const intl = useIntl()
  const { db } = useApp()
  const names = usePeopleNames()
  const locked = useLive((s) => s.doc.lock !== null)
  const amFacilitator = useAmFacilitator()
  const mayDelete = !readOnly && (scenario.by === session.me.id || canFacilitate(session.doc, session.me.id))
  const h = scenarioHeadline(analyseScenario(scenario.levers))
  const changed = leverDifferences(DEFAULT_LEVERS, scenario.levers).length
  const load = (): void => {
    const result = setAllLevers(session.doc, scenario.levers, `“${scenario.name}”`, { by: session.me.id }, CLIMATE_ORIGIN)
    onMessage(result.ok ? t({ id: 'climate.scenarios.loaded', defaultMessage: 'The levers now stand as in “{name}”.' }, { name: scenario.name }) : result.error.message)
  }
  const keep = (): void => {
    keepScenario(db, scenario).then(
      () => onMessage(t({ id: 'climate.scenarios.kept', defaultMessage: '“{name}” is in your library on this computer, ready for later convenings.' }, { name: scenario.name })),
      () => onMessage(t({ id: 'climate.scenarios.keepFailed', defaultMessage: 'The scenario could not be kept on this computer.' })),
    )
  }
  const remove = (): void => {
    const result = deleteScenario(session.doc, scenario.id, { by: session.me.id }, CLIMATE_ORIGIN)
    onMessage(result.ok ? t({ id: 'climate.scenarios.deleted', defaultMessage: 'Deleted “{name}”.' }, { name: scenario.name }) : result.error.message)
  }
  return (
    <tr>
      <th scope="row">{scenario.name}</th>
      <td>
        {t(
          { id: 'climate.scenarios.savedBy', defaultMessage: '{name}, {ago}' },
          { name: names[scenario.by] ?? t({ id: 'climate.someone', defaultMessage: 'Someone' }), ago: timeAgo(intl, scenario.at) },
        )}
      </td>
      <td className="num">
        <strong>{degrees(h.warming2100, intl)}</strong> <span className="muted small">{shortRange(h.warming2100Low, h.warming2100High, intl)}</span>
      </td>
      <td className="num">{measure('ppm', h.co2Ppm2100, 0, intl)}</td>
      <td className="num">{intl.formatNumber(changed)}</td>
      <td>
        <div className="row wrap">
          <button
            type="button"
            className="button"
            disabled={readOnly || (locked && !amFacilitator)}
            onClick={load}
            aria-label={t({ id: 'climate.scenarios.useLabel', defaultMessage: 'Set the levers to “{name}”' }, { name: scenario.name })}
          >
            {t({ id: 'climate.scenarios.use', defaultMessage: 'Use these levers' })}
          </button>
          <button
            type="button"
            className="button quiet"
            onClick={keep}
            aria-label={t({ id: 'climate.scenarios.keepLabel', defaultMessage: 'Keep “{name}” in my library' }, { name: scenario.name })}
          >
            {t({ id: 'climate.scenarios.keep', defaultMessage: 'Keep in my library' })}
          </button>
          {keepInCohort && (
            <button
              type="button"
              className="button quiet"
              onClick={() => keepInCohort(scenario)}
              aria-label={t({ id: 'climate.scenarios.keepInCohortLabel', defaultMessage: 'Keep “{name}” in the cohort “{cohort}”' }, { name: scenario.name, cohort: props.cohortTitle })}
            >
              {t({ id: 'climate.scenarios.keepInCohort', defaultMessage: 'Keep in the cohort' })}
            </button>
          )}
          {mayDelete && (
            <button
              type="button"
              className="button quiet danger-text"
              onClick={remove}
              aria-label={t({ id: 'climate.scenarios.deleteLabel', defaultMessage: 'Delete “{name}”' }, { name: scenario.name })}
            >
              {t({ id: 'common.delete', defaultMessage: 'Delete' })}
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
  const t = useT()
  const scenarios = useY(climateTypes(session.doc), () => readScenarios(session.doc), sameJson)
  const [message, setMessage] = useState('')
  const { db } = useApp()
  const shelves = useCohortShelves(db, session.me.id, session.id)
  const [shelf, chooseShelf] = useChosenShelf(shelves.shelves)
  const keepInCohort = useKeepScenario(shelves, shelf, setMessage)
  return (
    <div className="climate-scenarios stack">
      <section aria-labelledby="saved-heading" className="stack">
        <h3 id="saved-heading">{t({ id: 'climate.scenarios.heading', defaultMessage: 'Saved scenarios' })}</h3>
        {scenarios.length === 0 ? (
          <p className="muted">
            {t({ id: 'climate.scenarios.empty', defaultMessage: 'No scenario saved yet. Move the levers under Explore, then save them with a name to compare them here.' })}
          </p>
        ) : (
          <div className="table-scroll">
            <table className="climate-table">
              <thead>
                <tr>
                  <th scope="col">{t({ id: 'climate.scenarios.columnScenario', defaultMessage: 'Scenario' })}</th>
                  <th scope="col">{t({ id: 'climate.scenarios.columnSavedBy', defaultMessage: 'Saved by' })}</th>
                  <th scope="col">{t({ id: 'climate.column.warmingLikely', defaultMessage: 'Warming in 2100 (likely)' })}</th>
                  <th scope="col">{t({ id: 'climate.fact.co2In2100', defaultMessage: 'CO2 in 2100' })}</th>
                  <th scope="col">{t({ id: 'climate.scenarios.columnMoved', defaultMessage: 'Levers moved' })}</th>
                  <th scope="col"><span className="sr-only">{t({ id: 'climate.scenarios.columnActions', defaultMessage: 'Actions' })}</span></th>
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
  const t = useT()
  const intl = useIntl()
  const { db } = useApp()
  const kept = useLibraryScenarios(db)
  const bringIn = (scenario: LibraryScenario): void => {
    const result = saveScenario(session.doc, scenario.name, scenario.levers, { by: session.me.id }, CLIMATE_ORIGIN)
    props.onMessage(result.ok ? t({ id: 'climate.scenarios.broughtIn', defaultMessage: '“{name}” is now among this convening’s saved scenarios.' }, { name: scenario.name }) : result.error.message)
  }
  return (
    <section aria-labelledby="library-heading" className="stack">
      <h3 id="library-heading">{t({ id: 'climate.library.heading', defaultMessage: 'My library' })}</h3>
      {kept.length === 0 ? (
        <p className="muted small">
          {t({ id: 'climate.library.empty', defaultMessage: 'Scenarios you keep (“Keep in my library”) stay on this computer for later convenings.' })}
        </p>
      ) : (
        <ul className="climate-library" aria-label={t({ id: 'climate.library.label', defaultMessage: 'Scenarios in my library' })}>
          {kept.map((scenario) => (
            <li key={scenario.id} className="row wrap">
              <span>
                <strong>{scenario.name}</strong>{' '}
                <span className="muted small">
                  {t(
                    { id: 'climate.library.item', defaultMessage: '{warming} in 2100 · kept {ago}' },
                    { warming: degrees(scenarioHeadline(analyseScenario(scenario.levers)).warming2100, intl), ago: timeAgo(intl, scenario.savedAt) },
                  )}
                </span>
              </span>
              <button
                type="button"
                className="button quiet"
                disabled={readOnly}
                onClick={() => bringIn(scenario)}
                aria-label={t({ id: 'climate.library.bringInLabel', defaultMessage: 'Bring “{name}” into this convening' }, { name: scenario.name })}
              >
                {t({ id: 'climate.bringIn', defaultMessage: 'Bring into this convening' })}
              </button>
              <button
                type="button"
                className="button quiet danger-text"
                onClick={() => void forgetScenario(db, scenario.id)}
                aria-label={t({ id: 'climate.library.removeLabel', defaultMessage: 'Remove “{name}” from my library' }, { name: scenario.name })}
              >
                {t({ id: 'common.remove', defaultMessage: 'Remove' })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
