import { useState } from 'react'
import { cohortClimateMap, forgetKeptClimate, readKeptRounds, readKeptScenarios } from '../../../shared/cohort'
import { plural, timeAgo } from '../../ui'
import { useY } from '../../sync'
import { COHORT_ORIGIN, roleRoots, sameRecords, useCohort, useIsFacilitator, useNames } from './hooks'

interface KeptItem {
  key: string
  kind: 'scenario' | 'rounds'
  name: string
  detail: string
  from: string
  by: string
  at: number
}

function readKept(doc: Parameters<typeof readKeptScenarios>[0]): KeptItem[] {
  const scenarios = readKeptScenarios(doc).map((s): KeptItem => ({ key: s.key, kind: 'scenario', name: s.name, detail: 'Scenario', from: s.from, by: s.by, at: s.at }))
  const rounds = readKeptRounds(doc).map((r): KeptItem => ({
    key: r.key, kind: 'rounds', name: r.name, detail: `World Climate, ${plural(r.rounds.length, 'round')}`, from: r.from, by: r.by, at: r.at,
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
  const names = useNames(doc)
  const items = useY([cohortClimateMap(doc), ...roleRoots(doc)], () => readKept(doc), sameRecords)
  const iFacilitate = useIsFacilitator(doc, me)
  const [problem, setProblem] = useState('')
  if (items.length === 0) return null

  function remove(item: KeptItem) {
    const result = forgetKeptClimate(doc, item.key, me, COHORT_ORIGIN)
    setProblem(result.ok ? '' : result.message)
  }

  return (
    <section className="stack kept-climate" aria-labelledby="kept-climate-heading">
      <div>
        <h3 id="kept-climate-heading">Kept climate work</h3>
        <p className="muted small">Scenarios and World Climate rounds kept from convenings. Bring them into a convening from its climate panel.</p>
      </div>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <ul className="plain-list" aria-label="Climate work kept in the cohort">
        {items.map((item) => (
          <li key={item.key} className="kept-climate-item row wrap">
            <span className="grow">
              <strong>{item.name}</strong> <span className="muted small">· {item.detail}</span>
              <br />
              <span className="muted small">
                {item.from ? `From “${item.from}”` : 'From a convening'} · kept by {item.by === me ? 'you' : names(item.by)}, {timeAgo(item.at)}
              </span>
            </span>
            {!readOnly && (item.by === me || iFacilitate) && (
              <button type="button" className="button quiet danger-text" onClick={() => remove(item)} aria-label={`Remove “${item.name}” from the cohort`}>
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
