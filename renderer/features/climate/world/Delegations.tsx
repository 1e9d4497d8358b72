import { useState } from 'react'
import { BLOCS, assignDelegation, assignEvenly, setBlocSet } from '../../../../shared/climate'
import type { BlocSet, WorldState } from '../../../../shared/climate'
import { ROLE_LABELS, isFacilitatingRole, peopleMap, readPeople } from '../../../../shared/session'
import { sameRecords, useY } from '../../../sync'
import { useClimate } from '../context'
import { fixed } from '../format'
import { CLIMATE_ORIGIN } from '../liveScenario'

const percent = (share: number): string => `${Math.round(share * 100)} %`

/** The raw material of fairness arguments: each bloc's share of emissions now and since 1850, people and income. */
export function BlocFacts(props: { world: WorldState }) {
  return (
    <div className="table-scroll">
      <table className="climate-table">
        <caption className="sr-only">The delegations, their people, income and emissions</caption>
        <thead>
          <tr>
            <th scope="col">Delegation</th><th scope="col">People (billion)</th><th scope="col">Share of world income</th>
            <th scope="col">Share of fossil CO2 today</th><th scope="col">Share of fossil CO2 since 1850</th>
          </tr>
        </thead>
        <tbody>
          {props.world.blocs.map((b) => (
            <tr key={b.id}>
              <th scope="row">{b.name}{b.members && <span className="muted small"> ({b.members})</span>}</th>
              <td className="num">{fixed(b.population, 2)}</td>
              <td className="num">{percent(b.gdpShare)}</td>
              <td className="num">{percent(b.share.co2Fossil)}</td>
              <td className="num">{percent(b.share.co2FossilCumulative)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The facilitator chooses 3 or 6 blocs and seats people in delegations; everyone sees who is where. */
export function Delegations(props: { world: WorldState; amFacilitator: boolean }) {
  const { world, amFacilitator } = props
  const { session, readOnly } = useClimate()
  const people = useY(peopleMap(session.doc), () => readPeople(session.doc), sameRecords)
  const [message, setMessage] = useState('')
  const canEdit = amFacilitator && !readOnly
  const report = (result: { ok: boolean; error?: { message: string } }, done: string): void => setMessage(result.ok ? done : (result.error?.message ?? ''))
  const delegates = people.filter((p) => !isFacilitatingRole(p.role))
  return (
    <section className="world-delegations stack" aria-labelledby="delegations-heading">
      <h3 id="delegations-heading">Delegations</h3>
      {canEdit && (
        <div className="row wrap">
          <fieldset className="field row wrap bloc-set">
            <legend>Blocs</legend>
            {(['three', 'six'] as BlocSet[]).map((set) => (
              <label key={set} className="toggle">
                <input
                  type="radio"
                  name="bloc-set"
                  checked={world.blocSet === set}
                  onChange={() => report(setBlocSet(session.doc, set, { by: session.me.id }, CLIMATE_ORIGIN), `Playing with ${set} blocs.`)}
                />
                {set === 'three' ? '3 blocs' : '6 blocs'}
              </label>
            ))}
          </fieldset>
          <button
            type="button"
            className="button"
            disabled={delegates.length === 0}
            onClick={() => report(assignEvenly(session.doc, delegates.map((p) => p.id), { by: session.me.id }, CLIMATE_ORIGIN), 'Everyone who is not facilitating has a delegation.')}
          >
            Seat everyone evenly
          </button>
        </div>
      )}
      <ul className="delegation-list">
        {people.map((person) => {
          const bloc = world.delegations[person.id]
          return (
            <li key={person.id} className="delegation-person">
              <span className="swatch" style={{ background: person.colour }} aria-hidden="true" />
              <span className="grow">
                {person.name}{person.id === session.me.id ? ' (you)' : ''} <span className="muted small">{ROLE_LABELS[person.role]}</span>
              </span>
              {canEdit ? (
                <select
                  aria-label={`Delegation of ${person.name}`}
                  value={bloc ?? ''}
                  onChange={(event) => report(assignDelegation(session.doc, person.id, event.target.value || null, { by: session.me.id }, CLIMATE_ORIGIN), `${person.name} is seated.`)}
                >
                  <option value="">No delegation</option>
                  {BLOCS[world.blocSet].map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
                </select>
              ) : (
                <span>{world.blocs.find((b) => b.id === bloc)?.name ?? <span className="muted">No delegation</span>}</span>
              )}
            </li>
          )
        })}
      </ul>
      <p role="status" className="small">{message}</p>
      <details>
        <summary>The delegations at a glance</summary>
        <BlocFacts world={world} />
      </details>
    </section>
  )
}
