import { useMemo } from 'react'
import { analyseRound, readEarlierRounds, setStage } from '../../../../shared/climate'
import type { WorldState } from '../../../../shared/climate'
import { sameJson, useY } from '../../../sync'
import { climateTypes, useClimate } from '../context'
import { billions, degrees, fixed } from '../format'
import { CLIMATE_ORIGIN } from '../liveScenario'
import { ChartFigure } from '../charts/ChartFigure'
import { roundsChart } from '../charts/rounds'

/** Every round so far, side by side: did the pledges get closer to the goal? */
export function Rounds(props: { world: WorldState; amFacilitator: boolean }) {
  const { world, amFacilitator } = props
  const { session, readOnly } = useClimate()
  const earlier = useY(climateTypes(session.doc), () => readEarlierRounds(session.doc), sameJson)
  // Sets brought in are only ever added or removed, so their ids say when they changed.
  const earlierKey = earlier.map((set) => set.id).join(' ')
  // eslint-disable-next-line react-hooks/exhaustive-deps -- earlierKey stands for earlier
  const stableEarlier = useMemo(() => earlier, [earlierKey])
  const chart = useMemo(() => roundsChart(world.rounds, stableEarlier), [world.rounds, stableEarlier])
  if (world.rounds.length === 0 || !chart) return null
  let previous: number | null = null
  return (
    <section className="world-rounds stack" aria-labelledby="rounds-heading">
      <h3 id="rounds-heading">Rounds so far</h3>
      <ChartFigure title="Warming by round" options={chart.options} data={chart.data} legend={chart.legend} summary={chart.summary} table={chart.table} readout={chart.readout} />
      <div className="table-scroll">
        <table className="climate-table">
          <thead>
            <tr>
              <th scope="col">Round</th><th scope="col">Warming in 2100 (likely)</th><th scope="col">Change</th>
              <th scope="col">CO2 in 2100</th><th scope="col">Sea-level rise</th><th scope="col">Climate fund</th>
              {amFacilitator && <th scope="col"><span className="sr-only">Show</span></th>}
            </tr>
          </thead>
          <tbody>
            {world.rounds.map((round) => {
              const o = analyseRound(round)
              const change = previous === null ? '' : `${o.warming2100 - previous < 0 ? '−' : '+'}${fixed(Math.abs(o.warming2100 - previous), 1)} °C`
              previous = o.warming2100
              const onScreen = world.stage.view === 'results' && world.stage.roundId === round.id
              return (
                <tr key={round.id} className={onScreen ? 'is-current' : undefined}>
                  <th scope="row">Round {round.number} <span className="muted small">({round.blocSet === 'three' ? '3' : '6'} blocs)</span></th>
                  <td className="num"><strong>{degrees(o.warming2100)}</strong> <span className="muted small">({fixed(o.warming2100Low, 1)}–{fixed(o.warming2100High, 1)})</span></td>
                  <td className="num">{change}</td>
                  <td className="num">{fixed(o.co2Ppm2100, 0)} ppm</td>
                  <td className="num">{fixed(o.seaLevel2100 * 100, 0)} cm</td>
                  <td className="num">{o.fund.balance >= 0 ? `${billions(o.fund.balance)} over` : `${billions(o.fund.balance)} short`}</td>
                  {amFacilitator && (
                    <td>
                      <button
                        type="button"
                        className="button quiet"
                        disabled={readOnly || onScreen}
                        onClick={() => setStage(session.doc, 'results', round.id, { by: session.me.id }, CLIMATE_ORIGIN)}
                      >
                        {onScreen ? 'On screen' : `Show round ${round.number}`}
                      </button>
                    </td>
                  )}
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}
