import { useState } from 'react'
import { cohortClimateMap, forgetKeptClimate, readKeptRounds, readKeptScenarios } from '../../../shared/cohort'
import { timeAgo, useIntl, useRefusal } from '../../i18n'
import { useY } from '../../sync'
import { COHORT_ORIGIN, roleRoots, sameRecords, useCohort, useIsFacilitator, useNames } from './hooks'

interface KeptItem {
  key: string
  kind: 'scenario' | 'rounds'
  name: string
  /** World Climate rounds kept (0 for a scenario). */
  rounds: number
  from: string
  by: string
  at: number
}

function readKept(doc: Parameters<typeof readKeptScenarios>[0]): KeptItem[] {
  const scenarios = readKeptScenarios(doc).map((s): KeptItem => ({ key: s.key, kind: 'scenario', name: s.name, rounds: 0, from: s.from, by: s.by, at: s.at }))
  const rounds = readKeptRounds(doc).map((r): KeptItem => ({
    key: r.key, kind: 'rounds', name: r.name, rounds: r.rounds.length, from: r.from, by: r.by, at: r.at,
  }))
  return [...scenarios, ...rounds].sort((a, b) => b.at - a.at || a.name.localeCompare(b.name))
}

/**
 * Climate scenarios and World Climate rounds the cohort keeps (from convenings' climate
 * panels), listed quietly under the timeline they came from: what, from where, who kept
 * it and when. Whoever kept an item, or a facilitator, removes it; bringing one into a
 * convening happens in that convening's climate panel.
 */
export function KeptClimate() {
  const { doc, me, readOnly } = useCohort()
  const intl = useIntl()
  const refusal = useRefusal()
  const t = intl.formatMessage
  const names = useNames(doc)
  const items = useY([cohortClimateMap(doc), ...roleRoots(doc)], () => readKept(doc), sameRecords)
  const iFacilitate = useIsFacilitator(doc, me)
  const [problem, setProblem] = useState('')
  if (items.length === 0) return null

  function sourceOf(item: KeptItem) {
    return { hasFrom: item.from ? 'yes' : 'no', from: item.from, self: item.by === me ? 'yes' : 'no', name: names(item.by), ago: timeAgo(intl, item.at) }
  }

  function remove(item: KeptItem) {
    const result = forgetKeptClimate(doc, item.key, me, COHORT_ORIGIN)
    setProblem(result.ok ? '' : refusal(result))
  }

  return (
    <section className="stack kept-climate" aria-labelledby="kept-climate-heading">
      <div>
        <h3 id="kept-climate-heading">{t({ id: 'cohort.kept.heading', defaultMessage: 'Kept climate work' })}</h3>
        <p className="muted small">
          {t({ id: 'cohort.kept.about', defaultMessage: 'Scenarios and World Climate rounds kept from convenings. Bring them into a convening from its climate panel.' })}
        </p>
      </div>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <ul className="plain-list" aria-label={t({ id: 'cohort.kept.list', defaultMessage: 'Climate work kept in the cohort' })}>
        {items.map((item) => (
          <li key={item.key} className="kept-climate-item row wrap">
            <span className="grow">
              <strong>{item.name}</strong>{' '}
              <span className="muted small">
                {item.kind === 'scenario'
                  ? t({ id: 'cohort.kept.scenario', defaultMessage: '· Scenario' })
                  : t({ id: 'cohort.kept.rounds', defaultMessage: '· World Climate, {count, plural, one {# round} other {# rounds}}' }, { count: item.rounds })}
              </span>
              <br />
              <span className="muted small">
                {t(
                  {
                    id: 'cohort.kept.source',
                    defaultMessage: '{hasFrom, select, yes {From “{from}”} other {From a convening}} · kept by {self, select, yes {you} other {{name}}}, {ago}',
                  },
                  sourceOf(item),
                )}
              </span>
            </span>
            {!readOnly && (item.by === me || iFacilitate) && (
              <button
                type="button"
                className="button quiet danger-text"
                onClick={() => remove(item)}
                aria-label={t({ id: 'cohort.kept.remove', defaultMessage: 'Remove “{name}” from the cohort' }, { name: item.name })}
              >
                {t({ id: 'common.remove', defaultMessage: 'Remove' })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
