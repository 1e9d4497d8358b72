import { useState } from 'react'
import { NO_PLEDGE, pledgeShownTo, readWorld, runRound, setSealed, setStage } from '../../../../shared/climate'
import type { StageView, WorldState } from '../../../../shared/climate'
import type { Message } from '../../../../shared/i18n'
import { sameJson, useY } from '../../../sync'
import { timeAgo, useIntl, useT } from '../../../i18n'
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
import { blocName } from '../names'

const STAGE_TEXT: Record<StageView, Message> = {
  pledging: { id: 'climate.world.stagePledging', defaultMessage: 'Delegations are writing their pledges.' },
  results: { id: 'climate.world.stageResults', defaultMessage: 'The results are on everyone’s screen.' },
  debrief: { id: 'climate.world.stageDebrief', defaultMessage: 'Debrief: what did we learn?' },
}

/** The facilitator runs the rounds and decides what everyone sees. */
function RunControls(props: { world: WorldState }) {
  const { world } = props
  const { session, readOnly } = useClimate()
  const t = useT()
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
    setMessage(result.ok ? t({ id: 'climate.world.roundShown', defaultMessage: 'Round {number} is on everyone’s screen.' }, { number: next }) : result.error.message)
  }
  const pledged = world.blocs.filter((b) => world.pledges[b.id]).length
  return (
    <div className="world-run stack">
      <p>
        {t(
          { id: 'climate.world.pledged', defaultMessage: '{pledged} of {count} delegations have saved a pledge.' },
          { pledged, count: world.blocs.length },
        )}
      </p>
      <div className="row wrap">
        <button type="button" className="button primary" disabled={readOnly} onClick={run}>
          {t({ id: 'climate.world.run', defaultMessage: 'Run round {number} and show the results' }, { number: next })}
        </button>
        {world.stage.view !== 'pledging' && (
          <button type="button" className="button" disabled={readOnly} onClick={() => stage('pledging', null)}>
            {t({ id: 'climate.world.backToPledges', defaultMessage: 'Back to the pledge forms' })}
          </button>
        )}
        {world.stage.view !== 'results' && last && (
          <button type="button" className="button" disabled={readOnly} onClick={() => stage('results', last.id)}>
            {t({ id: 'climate.world.showResults', defaultMessage: 'Show the results of round {number}' }, { number: last.number })}
          </button>
        )}
        {world.stage.view !== 'debrief' && last && (
          <button type="button" className="button" disabled={readOnly} onClick={() => stage('debrief', world.stage.roundId)}>
            {t({ id: 'climate.world.startDebrief', defaultMessage: 'Start the debrief' })}
          </button>
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
        <span>{t({ id: 'climate.world.sealed', defaultMessage: 'Keep pledges private until each round runs' })}</span>
      </label>
      {world.sealed && (
        <p className="small muted">
          {t({
            id: 'climate.world.sealedNote',
            defaultMessage: 'Each delegation sees only its own pledge until you run the round. Every computer in the room still holds all the pledges: Convene keeps them off other screens, it cannot keep them secret.',
          })}
        </p>
      )}
      <p role="status" className="small">{message}</p>
    </div>
  )
}

function Pledging(props: { world: WorldState; amFacilitator: boolean }) {
  const { world, amFacilitator } = props
  const { session } = useClimate()
  const t = useT()
  const intl = useIntl()
  const names = usePeopleNames()
  const mine = world.delegations[session.me.id]
  const [chosen, setChosen] = useState<string | null>(null)
  const blocId = mine ?? (amFacilitator ? (chosen ?? world.blocs[0].id) : null)
  const bloc = world.blocs.find((b) => b.id === blocId)
  return (
    <section className="world-pledging stack" aria-labelledby="pledging-heading">
      <h3 id="pledging-heading">
        {bloc && mine
          ? t({ id: 'climate.world.yourDelegation', defaultMessage: 'Your delegation: {bloc}' }, { bloc: blocName(intl, bloc) })
          : t({ id: 'climate.world.pledges', defaultMessage: 'Pledges' })}
      </h3>
      {!mine && amFacilitator && (
        <label className="field">
          <span>{t({ id: 'climate.world.fillIn', defaultMessage: 'Fill in the pledge of' })}</span>
          <select value={blocId ?? ''} onChange={(event) => setChosen(event.target.value)}>
            {world.blocs.map((b) => <option key={b.id} value={b.id}>{blocName(intl, b)}</option>)}
          </select>
        </label>
      )}
      {!bloc && <p className="muted">{t({ id: 'climate.world.notSeated', defaultMessage: 'You are not in a delegation yet: the facilitator seats people in delegations.' })}</p>}
      {bloc && (
        <PledgeForm
          key={`${world.blocSet}:${bloc.id}`}
          bloc={bloc}
          blocSet={world.blocSet}
          saved={world.pledges[bloc.id]}
          savedByName={world.pledges[bloc.id] ? (names[world.pledges[bloc.id].by] ?? null) : null}
        />
      )}
      <h4>{t({ id: 'climate.world.standing', defaultMessage: 'Where each delegation stands' })}</h4>
      {world.sealed && !amFacilitator && (
        <p className="small muted">{t({ id: 'climate.world.private', defaultMessage: 'Pledges are private until the facilitator runs the round: you see your own delegation’s.' })}</p>
      )}
      <ul className="pledge-status">
        {world.blocs.map((b) => {
          const saved = world.pledges[b.id]
          const shown = pledgeShownTo(world, session.me.id, b.id, amFacilitator)
          return (
            <li key={b.id}>
              {t({ id: 'climate.world.blocStanding', defaultMessage: '<b>{bloc}</b>:' }, { bloc: blocName(intl, b), b: (chunks) => <strong>{chunks}</strong> })}{' '}
              {!saved && <span className="muted">{t({ id: 'climate.world.noPledge', defaultMessage: 'no pledge yet' })}</span>}
              {saved && !shown && (
                <span>
                  {t({ id: 'climate.world.pledgeSaved', defaultMessage: 'pledge saved' })}{' '}
                  <span className="muted small">{t({ id: 'climate.world.keptPrivate', defaultMessage: '· kept private until the round runs' })}</span>
                </span>
              )}
              {saved && shown && (
                <>
                  {pledgeSummary(intl, { ...NO_PLEDGE, ...saved.pledge })}{' '}
                  <span className="muted small">
                    {t(
                      { id: 'climate.world.savedBy', defaultMessage: '· saved by {name} {ago}' },
                      { name: names[saved.by] ?? t({ id: 'climate.pledge.someone', defaultMessage: 'someone' }), ago: timeAgo(intl, saved.at) },
                    )}
                  </span>
                </>
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
  const t = useT()
  const world = useY(climateTypes(session.doc), () => readWorld(session.doc), sameJson)
  const amFacilitator = useAmFacilitator()
  const shown = world.rounds.find((r) => r.id === world.stage.roundId) ?? world.rounds.at(-1)
  const { db } = useApp()
  const shelves = useCohortShelves(db, session.me.id, session.id)
  return (
    <div className="world-climate stack">
      <p className="world-stage" role="status">{t(STAGE_TEXT[world.stage.view])}</p>
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
