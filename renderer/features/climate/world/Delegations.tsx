import { useState } from 'react'
import { BLOCS, BLOC_SETS, assignDelegation, assignEvenly, setBlocSet } from '../../../../shared/climate'
import type { WorldState } from '../../../../shared/climate'
import { ROLE_MESSAGES, isFacilitatingRole, peopleMap, readPeople } from '../../../../shared/session'
import { sameRecords, useY } from '../../../sync'
import { useIntl, useT } from '../../../i18n'
import { useClimate } from '../context'
import { fixed, percent } from '../format'
import { CLIMATE_ORIGIN } from '../liveScenario'
import { blocMembers, blocName } from '../names'

const DELEGATION = { id: 'climate.delegations.delegation', defaultMessage: 'Delegation' }
const NO_DELEGATION = { id: 'climate.delegations.none', defaultMessage: 'No delegation' }

/** The raw material of fairness arguments: each bloc's share of emissions now and since 1850, people and income. */
export function BlocFacts(props: { world: WorldState }) {
  const t = useT()
  const intl = useIntl()
  return (
    <div className="table-scroll">
      <table className="climate-table">
        <caption className="sr-only">{t({ id: 'climate.delegations.factsCaption', defaultMessage: 'The delegations, their people, income and emissions' })}</caption>
        <thead>
          <tr>
            <th scope="col">{t(DELEGATION)}</th>
            <th scope="col">{t({ id: 'climate.delegations.people', defaultMessage: 'People (billion)' })}</th>
            <th scope="col">{t({ id: 'climate.delegations.income', defaultMessage: 'Share of world income' })}</th>
            <th scope="col">{t({ id: 'climate.delegations.co2Today', defaultMessage: 'Share of fossil CO2 today' })}</th>
            <th scope="col">{t({ id: 'climate.delegations.co2Since1850', defaultMessage: 'Share of fossil CO2 since 1850' })}</th>
          </tr>
        </thead>
        <tbody>
          {props.world.blocs.map((b) => {
            const members = blocMembers(intl, b)
            return (
              <tr key={b.id}>
                <th scope="row">
                  {blocName(intl, b)}
                  {members && <span className="muted small"> {t({ id: 'climate.delegations.members', defaultMessage: '({members})' }, { members })}</span>}
                </th>
                <td className="num">{fixed(b.population, 2, intl)}</td>
                <td className="num">{percent(b.gdpShare, intl)}</td>
                <td className="num">{percent(b.share.co2Fossil, intl)}</td>
                <td className="num">{percent(b.share.co2FossilCumulative, intl)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

/** The facilitator chooses 3 or 6 blocs and seats people in delegations; everyone sees who is where. */
export function Delegations(props: { world: WorldState; amFacilitator: boolean }) {
  const { world, amFacilitator } = props
  const { session, readOnly } = useClimate()
  const t = useT()
  const intl = useIntl()
  const people = useY(peopleMap(session.doc), () => readPeople(session.doc), sameRecords)
  const [message, setMessage] = useState('')
  const canEdit = amFacilitator && !readOnly
  const report = (result: { ok: boolean; error?: { message: string } }, done: string): void => setMessage(result.ok ? done : (result.error?.message ?? ''))
  const delegates = people.filter((p) => !isFacilitatingRole(p.role))
  return (
    <section className="world-delegations stack" aria-labelledby="delegations-heading">
      <h3 id="delegations-heading">{t({ id: 'climate.delegations.heading', defaultMessage: 'Delegations' })}</h3>
      {canEdit && (
        <div className="row wrap">
          <fieldset className="field row wrap bloc-set">
            <legend>{t({ id: 'climate.delegations.blocs', defaultMessage: 'Blocs' })}</legend>
            {BLOC_SETS.map((set) => (
              <label key={set} className="toggle">
                <input
                  type="radio"
                  name="bloc-set"
                  checked={world.blocSet === set}
                  onChange={() => report(
                    setBlocSet(session.doc, set, { by: session.me.id }, CLIMATE_ORIGIN),
                    t({ id: 'climate.delegations.playing', defaultMessage: '{set, select, three {Playing with three blocs.} other {Playing with six blocs.}}' }, { set }),
                  )}
                />
                {t({ id: 'climate.delegations.blocCount', defaultMessage: '{count} blocs' }, { count: set === 'three' ? 3 : 6 })}
              </label>
            ))}
          </fieldset>
          <button
            type="button"
            className="button"
            disabled={delegates.length === 0}
            onClick={() => report(
              assignEvenly(session.doc, delegates.map((p) => p.id), { by: session.me.id }, CLIMATE_ORIGIN),
              t({ id: 'climate.delegations.seated', defaultMessage: 'Everyone who is not facilitating has a delegation.' }),
            )}
          >
            {t({ id: 'climate.delegations.seatEvenly', defaultMessage: 'Seat everyone evenly' })}
          </button>
        </div>
      )}
      <ul className="delegation-list">
        {people.map((person) => {
          const bloc = world.delegations[person.id]
          const seatedIn = world.blocs.find((b) => b.id === bloc)
          return (
            <li key={person.id} className="delegation-person">
              <span className="swatch" style={{ background: person.colour }} aria-hidden="true" />
              <span className="grow">
                {person.id === session.me.id ? t({ id: 'climate.delegations.you', defaultMessage: '{name} (you)' }, { name: person.name }) : person.name}{' '}
                <span className="muted small">{t(ROLE_MESSAGES[person.role])}</span>
              </span>
              {canEdit ? (
                <select
                  aria-label={t({ id: 'climate.delegations.of', defaultMessage: 'Delegation of {name}' }, { name: person.name })}
                  value={bloc ?? ''}
                  onChange={(event) => report(
                    assignDelegation(session.doc, person.id, event.target.value || null, { by: session.me.id }, CLIMATE_ORIGIN),
                    t({ id: 'climate.delegations.personSeated', defaultMessage: '{name} is seated.' }, { name: person.name }),
                  )}
                >
                  <option value="">{t(NO_DELEGATION)}</option>
                  {BLOCS[world.blocSet].map((b) => <option key={b.id} value={b.id}>{blocName(intl, b)}</option>)}
                </select>
              ) : (
                <span>{seatedIn ? blocName(intl, seatedIn) : <span className="muted">{t(NO_DELEGATION)}</span>}</span>
              )}
            </li>
          )
        })}
      </ul>
      <p role="status" className="small">{message}</p>
      <details>
        <summary>{t({ id: 'climate.delegations.atAGlance', defaultMessage: 'The delegations at a glance' })}</summary>
        <BlocFacts world={world} />
      </details>
    </section>
  )
}
