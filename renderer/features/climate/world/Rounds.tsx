import { useMemo } from 'react'
import { analyseRound, readEarlierRounds, setStage } from '../../../../shared/climate'
import type { WorldState } from '../../../../shared/climate'
import { sameJson, useY } from '../../../sync'
import { useIntl, useT } from '../../../i18n'
import { climateTypes, useClimate } from '../context'
import { billions, degrees, measure, shortRange } from '../format'
import { CLIMATE_ORIGIN } from '../liveScenario'
import { ChartFigure } from '../charts/ChartFigure'
import { roundsChart } from '../charts/rounds'
import { balanceOf } from './RoundResults'

/** Every round so far, side by side: did the pledges get closer to the goal? */
export function Rounds(props: { world: WorldState; amFacilitator: boolean }) {
  const { world, amFacilitator } = props
  const { session, readOnly } = useClimate()
  const t = useT()
  const intl = useIntl()
  const earlier = useY(climateTypes(session.doc), () => readEarlierRounds(session.doc), sameJson)
  // Sets brought in are only ever added or removed, so their ids say when they changed.
  const earlierKey = earlier.map((set) => set.id).join(' ')
  // eslint-disable-next-line react-hooks/exhaustive-deps -- earlierKey stands for earlier
  const stableEarlier = useMemo(() => earlier, [earlierKey])
  const chart = useMemo(() => roundsChart(world.rounds, stableEarlier, intl), [world.rounds, stableEarlier, intl])
  if (world.rounds.length === 0 || !chart) return null
  let previous: number | null = null
  return (
    <section className="world-rounds stack" aria-labelledby="rounds-heading">
      <h3 id="rounds-heading">{t({ id: 'climate.rounds.heading', defaultMessage: 'Rounds so far' })}</h3>
      <ChartFigure title={t({ id: 'climate.rounds.chartTitle', defaultMessage: 'Warming by round' })} options={chart.options} data={chart.data} legend={chart.legend} summary={chart.summary} table={chart.table} readout={chart.readout} />
      <div className="table-scroll">
        <table className="climate-table">
          <thead>
            <tr>
              <th scope="col">{t({ id: 'climate.rounds.columnRound', defaultMessage: 'Round' })}</th>
              <th scope="col">{t({ id: 'climate.column.warmingLikely', defaultMessage: 'Warming in 2100 (likely)' })}</th>
              <th scope="col">{t({ id: 'climate.rounds.columnChange', defaultMessage: 'Change' })}</th>
              <th scope="col">{t({ id: 'climate.fact.co2In2100', defaultMessage: 'CO2 in 2100' })}</th>
              <th scope="col">{t({ id: 'climate.column.seaLevel', defaultMessage: 'Sea-level rise' })}</th>
              <th scope="col">{t({ id: 'climate.pledge.fund', defaultMessage: 'Climate fund' })}</th>
              {amFacilitator && <th scope="col"><span className="sr-only">{t({ id: 'climate.rounds.columnShow', defaultMessage: 'Show' })}</span></th>}
            </tr>
          </thead>
          <tbody>
            {world.rounds.map((round) => {
              const o = analyseRound(round)
              const change = previous === null ? '' : degrees(o.warming2100 - previous, intl)
              previous = o.warming2100
              const onScreen = world.stage.view === 'results' && world.stage.roundId === round.id
              return (
                <tr key={round.id} className={onScreen ? 'is-current' : undefined}>
                  <th scope="row">
                    {t({ id: 'climate.rounds.round', defaultMessage: 'Round {number}' }, { number: round.number })}{' '}
                    <span className="muted small">{t({ id: 'climate.rounds.blocs', defaultMessage: '({count} blocs)' }, { count: round.blocSet === 'three' ? 3 : 6 })}</span>
                  </th>
                  <td className="num">
                    <strong>{degrees(o.warming2100, intl)}</strong> <span className="muted small">{shortRange(o.warming2100Low, o.warming2100High, intl)}</span>
                  </td>
                  <td className="num">{change}</td>
                  <td className="num">{measure('ppm', o.co2Ppm2100, 0, intl)}</td>
                  <td className="num">{measure('cm', o.seaLevel2100 * 100, 0, intl)}</td>
                  <td className="num">
                    {t(
                      { id: 'climate.rounds.fund', defaultMessage: '{balance, select, over {{amount} over} other {{amount} short}}' },
                      { balance: balanceOf(o.fund.balance), amount: billions(o.fund.balance, intl) },
                    )}
                  </td>
                  {amFacilitator && (
                    <td>
                      <button
                        type="button"
                        className="button quiet"
                        disabled={readOnly || onScreen}
                        onClick={() => setStage(session.doc, 'results', round.id, { by: session.me.id }, CLIMATE_ORIGIN)}
                      >
                        {onScreen
                          ? t({ id: 'climate.rounds.onScreen', defaultMessage: 'On screen' })
                          : t({ id: 'climate.rounds.show', defaultMessage: 'Show round {number}' }, { number: round.number })}
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
