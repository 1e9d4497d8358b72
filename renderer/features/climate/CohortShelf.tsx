import { useState } from 'react'
import type { IntlShape } from 'react-intl'
import { keepRoundsInCohort, keepScenarioInCohort } from '../../../shared/cohort'
import { analyseRound, analyseScenario, bringEarlierRounds, saveScenario, scenarioHeadline } from '../../../shared/climate'
import type { LeverValues, Round } from '../../../shared/climate'
import { readTitle } from '../../../shared/session'
import { timeAgo, useIntl, useT, useRefusal } from '../../i18n'
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
  const t = useT()
  if (props.shelves.length === 1) return null
  return (
    <label className="field cohort-picker">
      <span>{t({ id: 'climate.cohort.picker', defaultMessage: 'Cohort' })}</span>
      <select id={props.id} value={props.shelf.cohortId} onChange={(event) => props.onChoose(event.target.value)}>
        {props.shelves.map((s) => <option key={s.cohortId} value={s.cohortId}>{s.title}</option>)}
      </select>
    </label>
  )
}

const NO_COHORT = {
  id: 'climate.cohort.none',
  defaultMessage: 'Keep scenarios and World Climate rounds in a cohort you belong to, and its members bring them into their own workshops. No cohort of yours is on this computer yet: open or join one from the home screen.',
}
const A_MEMBER = { id: 'climate.cohort.aMember', defaultMessage: 'a member' }

/** Keeps one of this convening's scenarios in the chosen cohort. */
export function useKeepScenario(shelves: Shelves, shelf: CohortShelf | null, onMessage: (text: string) => void): ((s: { name: string; levers: LeverValues }) => void) | null {
  const { session } = useClimate()
  const t = useT()
  const refusal = useRefusal()
  if (!shelf) return null
  return (scenario) => {
    const from = readTitle(session.doc)
    const values = { name: scenario.name, cohort: shelf.title }
    shelves.write(shelf.cohortId, (doc) => keepScenarioInCohort(doc, { ...scenario, from }, session.me.id, Date.now(), CLIMATE_ORIGIN)).then(
      (result) => onMessage(result.ok
        ? t({ id: 'climate.cohort.scenarioKept', defaultMessage: '“{name}” is kept in “{cohort}”: its members can bring it into their own convenings.' }, values)
        : refusal(result)),
      () => onMessage(t({ id: 'climate.cohort.scenarioKeepFailed', defaultMessage: '“{name}” could not be kept in “{cohort}”.' }, values)),
    )
  }
}

/** Scenarios the cohort keeps, to bring into this convening. */
export function ScenariosInCohort(props: { shelves: Shelves; shelf: CohortShelf | null; onChoose: (id: string) => void; onMessage: (text: string) => void }) {
  const { shelves, shelf, onMessage } = props
  const { session, readOnly } = useClimate()
  const t = useT()
  const intl = useIntl()
  if (shelves.shelves === null) return null
  const bringIn = (name: string, levers: LeverValues): void => {
    const result = saveScenario(session.doc, name, levers, { by: session.me.id }, CLIMATE_ORIGIN)
    onMessage(result.ok ? t({ id: 'climate.scenarios.broughtIn', defaultMessage: '“{name}” is now among this convening’s saved scenarios.' }, { name }) : result.error.message)
  }
  return (
    <section aria-labelledby="cohort-scenarios-heading" className="stack">
      <h3 id="cohort-scenarios-heading">
        {shelf
          ? t({ id: 'climate.cohort.scenariosHeading', defaultMessage: 'Kept in “{cohort}”' }, { cohort: shelf.title })
          : t({ id: 'climate.cohort.scenariosHeadingNone', defaultMessage: 'Kept in a cohort' })}
      </h3>
      {!shelf ? <p className="muted small">{t(NO_COHORT)}</p> : (
        <>
          <CohortPicker shelves={shelves.shelves} shelf={shelf} onChoose={props.onChoose} id="cohort-scenarios-picker" />
          {shelf.scenarios.length === 0 ? (
            <p className="muted small">
              {t(
                { id: 'climate.cohort.scenariosEmpty', defaultMessage: 'Nothing kept yet. “Keep in the cohort” beside a saved scenario puts it here, for every member of “{cohort}”.' },
                { cohort: shelf.title },
              )}
            </p>
          ) : (
            <ul className="climate-library" aria-label={t({ id: 'climate.cohort.scenariosLabel', defaultMessage: 'Scenarios kept in {cohort}' }, { cohort: shelf.title })}>
              {shelf.scenarios.map((s) => {
                const values = {
                  warming: degrees(scenarioHeadline(analyseScenario(s.levers)).warming2100, intl),
                  name: s.byName ?? t(A_MEMBER),
                  ago: timeAgo(intl, s.at),
                }
                return (
                  <li key={s.key} className="row wrap">
                    <span>
                      <strong>{s.name}</strong>{' '}
                      <span className="muted small">
                        {s.from
                          ? t({ id: 'climate.cohort.scenarioFrom', defaultMessage: '{warming} in 2100 · kept by {name} from “{from}”, {ago}' }, { ...values, from: s.from })
                          : t({ id: 'climate.cohort.scenario', defaultMessage: '{warming} in 2100 · kept by {name}, {ago}' }, values)}
                      </span>
                    </span>
                    <button
                      type="button"
                      className="button quiet"
                      disabled={readOnly}
                      onClick={() => bringIn(s.name, s.levers)}
                      aria-label={t({ id: 'climate.cohort.bringInLabel', defaultMessage: 'Bring “{name}” from the cohort into this convening' }, { name: s.name })}
                    >
                      {t({ id: 'climate.bringIn', defaultMessage: 'Bring into this convening' })}
                    </button>
                    {shelf.mayRemove(s.by) && (
                      <button
                        type="button"
                        className="button quiet danger-text"
                        onClick={() => void shelves.forget(shelf.cohortId, s.key)}
                        aria-label={t({ id: 'climate.cohort.removeLabel', defaultMessage: 'Remove “{name}” from the cohort' }, { name: s.name })}
                      >
                        {t({ id: 'common.remove', defaultMessage: 'Remove' })}
                      </button>
                    )}
                  </li>
                )
              })}
            </ul>
          )}
        </>
      )}
    </section>
  )
}

const roundsSummary = (intl: IntlShape, rounds: readonly Pick<Round, 'blocSet' | 'pledges'>[]): string => {
  const last = rounds.at(-1)
  return intl.formatMessage(
    {
      id: 'climate.cohort.roundsSummary',
      defaultMessage: '{count, plural, =0 {no rounds} one {# round, the last at {warming} in 2100} other {# rounds, the last at {warming} in 2100}}',
    },
    { count: rounds.length, warming: last ? degrees(analyseRound(last).warming2100, intl) : '' },
  )
}

/**
 * World Climate rounds and the cohort: keep this convening's rounds there (any member:
 * a practitioner takes them to the workshop they run), and, for facilitators, bring
 * another group's rounds in to set beside these.
 */
export function RoundsAndCohort(props: { rounds: Round[]; amFacilitator: boolean; shelves: Shelves }) {
  const { rounds, amFacilitator, shelves } = props
  const { session, readOnly } = useClimate()
  const t = useT()
  const intl = useIntl()
  const refusal = useRefusal()
  const [shelf, choose] = useChosenShelf(shelves.shelves)
  const [message, setMessage] = useState('')
  if (shelves.shelves === null) return null
  const from = readTitle(session.doc)
  const keep = (): void => {
    if (!shelf) return
    // The name goes into the cohort's shared document: World Climate is the game's name in every language.
    const name = from || 'World Climate'
    shelves.write(shelf.cohortId, (doc) => keepRoundsInCohort(doc, { name, blocSet: rounds[0].blocSet, rounds, from }, session.me.id, Date.now(), CLIMATE_ORIGIN)).then(
      (result) => setMessage(result.ok
        ? t(
          { id: 'climate.cohort.roundsKept', defaultMessage: '{count, plural, one {The round of “{name}” are kept in “{cohort}”.} other {The # rounds of “{name}” are kept in “{cohort}”.}}' },
          { count: rounds.length, name, cohort: shelf.title },
        )
        : refusal(result)),
      () => setMessage(t({ id: 'climate.cohort.roundsKeepFailed', defaultMessage: 'The rounds could not be kept in “{cohort}”.' }, { cohort: shelf.title })),
    )
  }
  const bringIn = (kept: CohortShelf['rounds'][number]): void => {
    const result = bringEarlierRounds(session.doc, { name: kept.name, from: kept.from, blocSet: kept.blocSet, rounds: kept.rounds }, { by: session.me.id }, CLIMATE_ORIGIN)
    setMessage(result.ok
      ? t({ id: 'climate.cohort.roundsBroughtIn', defaultMessage: 'The rounds of “{name}” are now beside this convening’s, for everyone.' }, { name: kept.name })
      : result.error.message)
  }
  const sameSet = rounds.length > 0 && rounds.every((r) => r.blocSet === rounds[0].blocSet)
  return (
    <section className="world-cohort stack" aria-labelledby="world-cohort-heading">
      <h3 id="world-cohort-heading">
        {shelf
          ? t({ id: 'climate.cohort.roundsHeading', defaultMessage: 'Rounds kept in “{cohort}”' }, { cohort: shelf.title })
          : t({ id: 'climate.cohort.roundsHeadingNone', defaultMessage: 'Rounds kept in a cohort' })}
      </h3>
      {!shelf ? <p className="muted small">{t(NO_COHORT)}</p> : (
        <>
          <CohortPicker shelves={shelves.shelves} shelf={shelf} onChoose={choose} id="cohort-rounds-picker" />
          {rounds.length > 0 && (
            <div className="row wrap">
              <button type="button" className="button" disabled={readOnly || !sameSet} onClick={keep}>
                {t(
                  { id: 'climate.cohort.keepRounds', defaultMessage: '{count, plural, one {Keep this round in “{cohort}”} other {Keep these # rounds in “{cohort}”}}' },
                  { count: rounds.length, cohort: shelf.title },
                )}
              </button>
              {!sameSet && (
                <span className="small muted">
                  {t({ id: 'climate.cohort.mixedSets', defaultMessage: 'The rounds use different sets of blocs: only rounds played with one set are kept together.' })}
                </span>
              )}
            </div>
          )}
          {shelf.rounds.length === 0 ? (
            <p className="muted small">
              {t({
                id: 'climate.cohort.roundsEmpty',
                defaultMessage: 'No rounds kept yet. Rounds kept here travel with the cohort: a member running World Climate in their own workshop sets their group’s rounds beside these.',
              })}
            </p>
          ) : (
            <ul className="climate-library" aria-label={t({ id: 'climate.cohort.roundsLabel', defaultMessage: 'Rounds kept in {cohort}' }, { cohort: shelf.title })}>
              {shelf.rounds.map((kept) => (
                <li key={kept.key} className="row wrap">
                  <span>
                    <strong>{kept.name}</strong>{' '}
                    <span className="muted small">
                      {t(
                        { id: 'climate.cohort.roundsItem', defaultMessage: '{summary} · kept by {name}, {ago}' },
                        {
                          summary: roundsSummary(intl, kept.rounds.map((r) => ({ blocSet: kept.blocSet, pledges: r.pledges }))),
                          name: kept.byName ?? t(A_MEMBER),
                          ago: timeAgo(intl, kept.at),
                        },
                      )}
                    </span>
                  </span>
                  {amFacilitator && (
                    <button
                      type="button"
                      className="button quiet"
                      disabled={readOnly}
                      onClick={() => bringIn(kept)}
                      aria-label={t({ id: 'climate.cohort.setBesideLabel', defaultMessage: 'Set the rounds of “{name}” beside this convening’s' }, { name: kept.name })}
                    >
                      {t({ id: 'climate.cohort.setBeside', defaultMessage: 'Set beside ours' })}
                    </button>
                  )}
                  {shelf.mayRemove(kept.by) && (
                    <button
                      type="button"
                      className="button quiet danger-text"
                      onClick={() => void shelves.forget(shelf.cohortId, kept.key)}
                      aria-label={t({ id: 'climate.cohort.removeRoundsLabel', defaultMessage: 'Remove the rounds of “{name}” from the cohort' }, { name: kept.name })}
                    >
                      {t({ id: 'common.remove', defaultMessage: 'Remove' })}
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

