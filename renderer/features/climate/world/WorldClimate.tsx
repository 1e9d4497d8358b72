import { useState } from 'react'
import { NO_PLEDGE, pledgeShownTo, readWorld, runRound, setSealed, setStage } from '../../../../shared/climate'
import type { StageView, WorldState } from '../../../../shared/climate'
import { timeAgo } from '../../../ui'
import { sameJson, useY } from '../../../sync'
import { climateTypes, useAmFacilitator, useClimate, usePeopleNames } from '../context'
import { CLIMATE_ORIGIN } from '../liveScenario'
import { Debrief } from './Debrief'
import { Delegations } from './Delegations'
import { PledgeForm } from './PledgeForm'
import { RoundResults, pledgeSummary } from './RoundResults'
import { useApp } from '../../../app/context'
import { useCohortShelves } from '../cohortShelves'
import { RoundsAndCohort } from '../CohortShelf'
import { EarlierGroups } from './EarlierGroups'
import { Rounds } from './Rounds'

const STAGE_TEXT: Record<StageView, string> = {
  pledging: 'Delegations are writing their pledges.',
  results: 'The results are on everyone’s screen.',
  debrief: 'Debrief: what did we learn?',
}

/** The facilitator runs the rounds and decides what everyone sees. */
function RunControls(props: { world: WorldState }) {
  const { world } = props
  const { session, readOnly } = useClimate()
  const [message, setMessage] = useState('')
  const move = { by: session.me.id }
  const last = world.rounds.at(-1)
  const next = (last?.number ?? 0) + 1
  const stage = (view: StageView, roundId: string | null): void => {
    const result = setStage(session.doc, view, roundId, move, CLIMATE_ORIGIN)
    setMessage(result.ok ? '' : result.error.message)
  }
  const run = (): void => {
    const result = runRound(session.doc, move, CLIMATE_ORIGIN)
    setMessage(result.ok ? `Round ${next} is on everyone’s screen.` : result.error.message)
  }
  const pledged = world.blocs.filter((b) => world.pledges[b.id]).length
  return (
    <div className="world-run stack">
      <p>{pledged} of {world.blocs.length} delegations have saved a pledge.</p>
      <div className="row wrap">
        <button type="button" className="button primary" disabled={readOnly} onClick={run}>Run round {next} and show the results</button>
        {world.stage.view !== 'pledging' && (
          <button type="button" className="button" disabled={readOnly} onClick={() => stage('pledging', null)}>Back to the pledge forms</button>
        )}
        {world.stage.view !== 'results' && last && (
          <button type="button" className="button" disabled={readOnly} onClick={() => stage('results', last.id)}>Show the results of round {last.number}</button>
        )}
        {world.stage.view !== 'debrief' && last && (
          <button type="button" className="button" disabled={readOnly} onClick={() => stage('debrief', world.stage.roundId)}>Start the debrief</button>
        )}
      </div>
      <label className="row">
        <input
          type="checkbox"
          checked={world.sealed}
          disabled={readOnly}
          onChange={(event) => {
            const result = setSealed(session.doc, event.target.checked, move, CLIMATE_ORIGIN)
            setMessage(result.ok ? '' : result.error.message)
          }}
        />
        <span>Keep pledges private until each round runs</span>
      </label>
      {world.sealed && (
        <p className="small muted">
          Each delegation sees only its own pledge until you run the round. Every computer in the room still holds all the pledges:
          Convene keeps them off other screens, it cannot keep them secret.
        </p>
      )}
      <p role="status" className="small">{message}</p>
    </div>
  )
}

function Pledging(props: { world: WorldState; amFacilitator: boolean }) {
  const { world, amFacilitator } = props
  const { session } = useClimate()
  const names = usePeopleNames()
  const mine = world.delegations[session.me.id]
  const [chosen, setChosen] = useState<string | null>(null)
  const blocId = mine ?? (amFacilitator ? (chosen ?? world.blocs[0].id) : null)
  const bloc = world.blocs.find((b) => b.id === blocId)
  return (
    <section className="world-pledging stack" aria-labelledby="pledging-heading">
      <h3 id="pledging-heading">{bloc && mine ? `Your delegation: ${bloc.name}` : 'Pledges'}</h3>
      {!mine && amFacilitator && (
        <label className="field">
          <span>Fill in the pledge of</span>
          <select value={blocId ?? ''} onChange={(event) => setChosen(event.target.value)}>
            {world.blocs.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
          </select>
        </label>
      )}
      {!bloc && <p className="muted">You are not in a delegation yet: the facilitator seats people in delegations.</p>}
      {bloc && (
        <PledgeForm
          key={`${world.blocSet}:${bloc.id}`}
          bloc={bloc}
          blocSet={world.blocSet}
          saved={world.pledges[bloc.id]}
          savedByName={world.pledges[bloc.id] ? (names[world.pledges[bloc.id].by] ?? null) : null}
        />
      )}
      <h4>Where each delegation stands</h4>
      {world.sealed && !amFacilitator && <p className="small muted">Pledges are private until the facilitator runs the round: you see your own delegation’s.</p>}
      <ul className="pledge-status">
        {world.blocs.map((b) => {
          const saved = world.pledges[b.id]
          const shown = pledgeShownTo(world, session.me.id, b.id, amFacilitator)
          return (
            <li key={b.id}>
              <strong>{b.name}</strong>:{' '}
              {!saved && <span className="muted">no pledge yet</span>}
              {saved && !shown && <span>pledge saved <span className="muted small">· kept private until the round runs</span></span>}
              {saved && shown && (
                <>{pledgeSummary({ ...NO_PLEDGE, ...saved.pledge })} <span className="muted small">· saved by {names[saved.by] ?? 'someone'} {timeAgo(saved.at)}</span></>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}

/** The World Climate negotiation: delegations pledge, the facilitator runs rounds, then the debrief. */
export function WorldClimate() {
  const { session } = useClimate()
  const world = useY(climateTypes(session.doc), () => readWorld(session.doc), sameJson)
  const amFacilitator = useAmFacilitator()
  const shown = world.rounds.find((r) => r.id === world.stage.roundId) ?? world.rounds.at(-1)
  const { db } = useApp()
  const shelves = useCohortShelves(db, session.me.id, session.id)
  return (
    <div className="world-climate stack">
      <p className="world-stage" role="status">{STAGE_TEXT[world.stage.view]}</p>
      {amFacilitator && <RunControls world={world} />}
      {world.stage.view === 'pledging' && <Pledging world={world} amFacilitator={amFacilitator} />}
      {world.stage.view === 'results' && shown && <RoundResults round={shown} />}
      {world.stage.view === 'debrief' && <Debrief />}
      <Rounds world={world} amFacilitator={amFacilitator} />
      <EarlierGroups amFacilitator={amFacilitator} />
      <RoundsAndCohort rounds={world.rounds} amFacilitator={amFacilitator} shelves={shelves} />
      <Delegations world={world} amFacilitator={amFacilitator} />
    </div>
  )
}
