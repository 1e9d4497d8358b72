import { useMemo } from 'react'
import type uPlot from 'uplot'
import type { IntlShape } from 'react-intl'
import { BLOCS, analyseRound } from '../../../../shared/climate'
import type { Pledge, Round } from '../../../../shared/climate'
import { useIntl, useT } from '../../../i18n'
import { ChartFigure } from '../charts/ChartFigure'
import { COLOURS, area, axes, line } from '../charts/palette'
import { billions, comparison, degreeRange, degrees, fixed, measure, series } from '../format'
import { blocName } from '../names'

const BLOC_COLOURS = ['#1f6f8b', '#b5446e', '#5b7f2b', '#8a5a00', '#6b4fbb', '#0f7b6c']
/** The rich world's promise of 2009: $100 billion a year. */
const FUND_GOAL = 100

/** A pledge in a line: "stops growing in 2030, cuts 5 %/yr from 2035, gives $100 billion/yr". */
export function pledgeSummary(intl: IntlShape, p: Pledge): string {
  const t = intl.formatMessage
  // Years go in as text: a number would be written 2,030.
  const parts = [
    p.peakYear !== null
      ? t({ id: 'climate.pledgeSummary.peak', defaultMessage: 'stops growing in {year}' }, { year: String(p.peakYear) })
      : t({ id: 'climate.pledgeSummary.noPeak', defaultMessage: 'no peak year' }),
    p.reductionStartYear !== null
      ? t({ id: 'climate.pledgeSummary.cuts', defaultMessage: 'cuts {rate} %/yr from {year}' }, { rate: intl.formatNumber(p.reductionRate), year: String(p.reductionStartYear) })
      : t({ id: 'climate.pledgeSummary.noCuts', defaultMessage: 'no reductions' }),
  ]
  if (p.deforestationCut > 0) parts.push(t({ id: 'climate.pledgeSummary.deforestation', defaultMessage: 'stops {share} % of deforestation' }, { share: intl.formatNumber(p.deforestationCut) }))
  if (p.afforestation > 0) parts.push(t({ id: 'climate.pledgeSummary.afforestation', defaultMessage: 'plants {share} % of its forest potential' }, { share: intl.formatNumber(p.afforestation) }))
  if (p.climateFund > 0) parts.push(t({ id: 'climate.pledgeSummary.gives', defaultMessage: 'gives {amount}' }, { amount: billions(p.climateFund, intl) }))
  if (p.climateFund < 0) parts.push(t({ id: 'climate.pledgeSummary.asks', defaultMessage: 'asks for {amount}' }, { amount: billions(p.climateFund, intl) }))
  return series(intl, parts)
}

/** The fund's balance, for `{balance, select, over {...} other {...}}`. */
export const balanceOf = (balance: number): 'over' | 'short' => (balance >= 0 ? 'over' : 'short')

const NO_PLEDGES = { id: 'climate.rounds.noPledges', defaultMessage: 'No pledges' }
const YEAR = { id: 'climate.chart.year', defaultMessage: 'Year' }
const WORLD = { id: 'climate.results.world', defaultMessage: 'World' }

/** One round's outcome, for everyone: warming, CO2, sea level, the fund, and each bloc's emissions. */
export function RoundResults(props: { round: Round }) {
  const { round } = props
  const t = useT()
  const intl = useIntl()
  const outcome = analyseRound(round)
  const { result } = outcome
  const blocs = BLOCS[round.blocSet]
  const emissionsOptions = useMemo(() => ({
    axes: axes(intl.formatMessage({ id: 'climate.chart.gtPerYear', defaultMessage: 'GtCO2 per year' }), 0, intl),
    scales: { x: { time: false }, y: { range: (_u: unknown, _min: number, max: number): [number, number] => [0, Math.max(50, Math.ceil(max / 10) * 10)] } },
    legend: { show: false }, padding: [12, 28, 0, 0] as [number, number, number, number],
    series: [{}, ...[...blocs].reverse().map((b) => area(blocName(intl, b), BLOC_COLOURS[blocs.indexOf(b)])),
      line(intl.formatMessage({ id: 'climate.chart.baseline', defaultMessage: 'Baseline' }), COLOURS.baseline, 2, [8, 6])],
  }), [blocs, intl])
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
      <h3 id={`round-${round.id}-heading`}>{t({ id: 'climate.results.heading', defaultMessage: 'Results of round {number}' }, { number: round.number })}</h3>
      <div className="climate-headline">
        <div className="headline-main">
          <p className="headline-label">{t({ id: 'climate.headline.label', defaultMessage: 'Warming in 2100' })}</p>
          <p className="headline-number" data-testid="round-warming">{degrees(outcome.warming2100, intl)}</p>
          <p className="headline-band">{t({ id: 'climate.headline.likely', defaultMessage: 'likely {range}' }, { range: degreeRange(outcome.warming2100Low, outcome.warming2100High, intl) })}</p>
        </div>
        <dl className="headline-facts">
          <div>
            <dt>{t({ id: 'climate.results.withoutPledges', defaultMessage: 'Without any pledge' })}</dt>
            <dd>
              {t(
                {
                  id: 'climate.results.pledgesMakeIt',
                  defaultMessage: '{baseline}: the pledges make it {comparison, select, less {{difference} less} more {{difference} more} other {about the same as}}',
                },
                { baseline: degrees(outcome.baselineWarming2100, intl), ...comparison(outcome.warming2100, outcome.baselineWarming2100, intl) },
              )}
            </dd>
          </div>
          <div><dt>{t({ id: 'climate.fact.co2In2100', defaultMessage: 'CO2 in 2100' })}</dt><dd>{measure('ppm', outcome.co2Ppm2100, 0, intl)}</dd></div>
          <div>
            <dt>{t({ id: 'climate.fact.seaLevelBy2100', defaultMessage: 'Sea-level rise by 2100' })}</dt>
            <dd data-testid="round-sea-level">
              {measure('cm', outcome.seaLevel2100 * 100, 0, intl)}{' '}
              <span className="muted small">
                {t({ id: 'climate.results.seaLevelWithout', defaultMessage: '({value} without pledges)' }, { value: measure('cm', outcome.baselineSeaLevel2100 * 100, 0, intl) })}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t({ id: 'climate.pledge.fund', defaultMessage: 'Climate fund' })}</dt>
            <dd data-testid="round-fund">
              {t(
                {
                  id: 'climate.results.fund',
                  defaultMessage: '{offered} offered, {asked} asked: {balance, select, over {{amount} left over} other {{amount} short}}',
                },
                {
                  offered: billions(fund.contributions, intl), asked: billions(fund.requests, intl),
                  balance: balanceOf(fund.balance), amount: billions(fund.balance, intl),
                },
              )}
              {fund.contributions < FUND_GOAL && (
                <span className="muted small">
                  {' '}
                  {t({ id: 'climate.results.fundGoal', defaultMessage: '(below the {goal} promised in 2009)' }, { goal: billions(FUND_GOAL, intl) })}
                </span>
              )}
            </dd>
          </div>
        </dl>
      </div>
      <ChartFigure
        title={t({ id: 'climate.results.chartTitle', defaultMessage: 'Fossil CO2 by delegation' })}
        options={emissionsOptions}
        data={emissionsData}
        legend={[
          ...blocs.map((b, i) => ({ label: blocName(intl, b), colour: BLOC_COLOURS[i], kind: 'area' as const })),
          { label: t({ id: 'climate.results.baseline', defaultMessage: 'Baseline (no pledges)' }), colour: COLOURS.baseline, kind: 'dash' as const },
        ]}
        summary={t(
          { id: 'climate.results.chartSummary', defaultMessage: 'World fossil CO2 goes from {y2024} Gt a year in 2024 to {y2050} in 2050 and {y2100} in 2100.' },
          { y2024: fixed(fossil(2024), 0, intl), y2050: fixed(fossil(2050), 0, intl), y2100: fixed(fossil(2100), 0, intl) },
        )}
        readout={(year) => [
          ...result.blocs.map((b, i) => ({ label: blocName(intl, b), value: measure('gt', b.fossilCo2[year - 2024], 1, intl), colour: BLOC_COLOURS[i] })),
          { label: t(WORLD), value: measure('gt', fossil(year), 1, intl), colour: COLOURS.scenario },
          { label: t(NO_PLEDGES), value: measure('gt', result.blocs.reduce((s, b) => s + b.baselineFossilCo2[year - 2024], 0), 1, intl), colour: COLOURS.baseline },
        ]}
        table={() => ({
          columns: [t(YEAR), ...blocs.map((b) => t({ id: 'climate.results.column', defaultMessage: '{bloc}, Gt' }, { bloc: blocName(intl, b) })), t(WORLD)],
          rows: [2024, 2030, 2040, 2050, 2060, 2070, 2080, 2090, 2100].map((y) => [
            String(y), ...result.blocs.map((b) => fixed(b.fossilCo2[y - 2024], 1, intl)), fixed(fossil(y), 1, intl),
          ]),
        })}
      />
      <div className="table-scroll">
        <table className="climate-table">
          <caption className="sr-only">{t({ id: 'climate.results.pledgesCaption', defaultMessage: 'The pledges of round {number}' }, { number: round.number })}</caption>
          <thead>
            <tr>
              <th scope="col">{t({ id: 'climate.delegations.delegation', defaultMessage: 'Delegation' })}</th>
              <th scope="col">{t({ id: 'climate.results.pledge', defaultMessage: 'Pledge' })}</th>
            </tr>
          </thead>
          <tbody>
            {blocs.map((b) => (
              <tr key={b.id}><th scope="row">{blocName(intl, b)}</th><td>{pledgeSummary(intl, round.pledges[b.id])}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
