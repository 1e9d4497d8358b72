import { useMemo } from 'react'
import type uPlot from 'uplot'
import { BLOCS, analyseRound } from '../../../../shared/climate'
import type { Pledge, Round } from '../../../../shared/climate'
import { ChartFigure } from '../charts/ChartFigure'
import { COLOURS, area, axes, line } from '../charts/palette'
import { billions, degrees, degreesDifference, fixed } from '../format'

const BLOC_COLOURS = ['#1f6f8b', '#b5446e', '#5b7f2b', '#8a5a00', '#6b4fbb', '#0f7b6c']
/** The rich world's promise of 2009: $100 billion a year. */
const FUND_GOAL = 100

export function pledgeSummary(p: Pledge): string {
  const parts = [
    p.peakYear !== null ? `stops growing in ${p.peakYear}` : 'no peak year',
    p.reductionStartYear !== null ? `cuts ${p.reductionRate} %/yr from ${p.reductionStartYear}` : 'no reductions',
  ]
  if (p.deforestationCut > 0) parts.push(`stops ${p.deforestationCut} % of deforestation`)
  if (p.afforestation > 0) parts.push(`plants ${p.afforestation} % of its forest potential`)
  if (p.climateFund > 0) parts.push(`gives ${billions(p.climateFund)}`)
  if (p.climateFund < 0) parts.push(`asks for ${billions(p.climateFund)}`)
  return parts.join(', ')
}

/** One round's outcome, for everyone: warming, CO2, sea level, the fund, and each bloc's emissions. */
export function RoundResults(props: { round: Round }) {
  const { round } = props
  const outcome = analyseRound(round)
  const { result } = outcome
  const blocs = BLOCS[round.blocSet]
  const emissionsOptions = useMemo(() => ({
    axes: axes('GtCO2 per year', 0),
    scales: { x: { time: false }, y: { range: (_u: unknown, _min: number, max: number): [number, number] => [0, Math.max(50, Math.ceil(max / 10) * 10)] } },
    legend: { show: false }, padding: [12, 28, 0, 0] as [number, number, number, number],
    series: [{}, ...[...blocs].reverse().map((b) => area(b.name, BLOC_COLOURS[blocs.indexOf(b)])), line('Baseline', COLOURS.baseline, 2, [8, 6])],
  }), [blocs])
  const emissionsData = useMemo((): uPlot.AlignedData => {
    const stacks: Float64Array[] = []
    let running = new Float64Array(result.pledgeYears.length)
    for (const bloc of result.blocs) {
      running = running.map((v, k) => v + bloc.fossilCo2[k])
      stacks.push(running)
    }
    const baseline = result.pledgeYears.map((_, k) => result.blocs.reduce((s, b) => s + b.baselineFossilCo2[k], 0))
    return [result.pledgeYears, ...stacks.reverse(), baseline]
  }, [result])
  const fossil = (year: number): number => result.blocs.reduce((s, b) => s + b.fossilCo2[year - 2024], 0)
  const { fund } = outcome

  return (
    <section className="round-results stack" aria-labelledby={`round-${round.id}-heading`}>
      <h3 id={`round-${round.id}-heading`}>Results of round {round.number}</h3>
      <div className="climate-headline">
        <div className="headline-main">
          <p className="headline-label">Warming in 2100</p>
          <p className="headline-number" data-testid="round-warming">{degrees(outcome.warming2100)}</p>
          <p className="headline-band">likely {fixed(outcome.warming2100Low, 1)} to {fixed(outcome.warming2100High, 1)} °C</p>
        </div>
        <dl className="headline-facts">
          <div><dt>Without any pledge</dt><dd>{degrees(outcome.baselineWarming2100)}: the pledges make it {degreesDifference(outcome.warming2100, outcome.baselineWarming2100).replace(' than', '')}</dd></div>
          <div><dt>CO2 in 2100</dt><dd>{fixed(outcome.co2Ppm2100, 0)} ppm</dd></div>
          <div><dt>Sea-level rise by 2100</dt><dd data-testid="round-sea-level">{fixed(outcome.seaLevel2100 * 100, 0)} cm <span className="muted small">({fixed(outcome.baselineSeaLevel2100 * 100, 0)} cm without pledges)</span></dd></div>
          <div>
            <dt>Climate fund</dt>
            <dd data-testid="round-fund">
              {billions(fund.contributions)} offered, {billions(fund.requests)} asked:{' '}
              {fund.balance >= 0 ? `${billions(fund.balance)} left over` : `${billions(fund.balance)} short`}
              {fund.contributions < FUND_GOAL && <span className="muted small"> (below the {billions(FUND_GOAL)} promised in 2009)</span>}
            </dd>
          </div>
        </dl>
      </div>
      <ChartFigure
        title="Fossil CO2 by delegation"
        options={emissionsOptions}
        data={emissionsData}
        legend={[
          ...blocs.map((b, i) => ({ label: b.name, colour: BLOC_COLOURS[i], kind: 'area' as const })),
          { label: 'Baseline (no pledges)', colour: COLOURS.baseline, kind: 'dash' as const },
        ]}
        summary={`World fossil CO2 goes from ${fixed(fossil(2024), 0)} Gt a year in 2024 to ${fixed(fossil(2050), 0)} in 2050 and ${fixed(fossil(2100), 0)} in 2100.`}
        readout={(year) => [
          ...result.blocs.map((b, i) => ({ label: b.name, value: `${fixed(b.fossilCo2[year - 2024], 1)} Gt`, colour: BLOC_COLOURS[i] })),
          { label: 'World', value: `${fixed(fossil(year), 1)} Gt`, colour: COLOURS.scenario },
          { label: 'No pledges', value: `${fixed(result.blocs.reduce((s, b) => s + b.baselineFossilCo2[year - 2024], 0), 1)} Gt`, colour: COLOURS.baseline },
        ]}
        table={() => ({
          columns: ['Year', ...blocs.map((b) => `${b.name}, Gt`), 'World'],
          rows: [2024, 2030, 2040, 2050, 2060, 2070, 2080, 2090, 2100].map((y) => [
            String(y), ...result.blocs.map((b) => fixed(b.fossilCo2[y - 2024], 1)), fixed(fossil(y), 1),
          ]),
        })}
      />
      <div className="table-scroll">
        <table className="climate-table">
          <caption className="sr-only">The pledges of round {round.number}</caption>
          <thead><tr><th scope="col">Delegation</th><th scope="col">Pledge</th></tr></thead>
          <tbody>
            {blocs.map((b) => (
              <tr key={b.id}><th scope="row">{b.name}</th><td>{pledgeSummary(round.pledges[b.id])}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
