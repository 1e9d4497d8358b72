// "Warming by round": each World Climate round's temperature path beside the path with
// no pledges at all, so a room sees at a glance whether its pledges are bending the curve.
import type uPlot from 'uplot'
import { BLOCS, NO_PLEDGE, analyseRound } from '../../../../shared/climate'
import type { Pledge, Round } from '../../../../shared/climate'
import { degrees, fixed } from '../format'
import type { ChartTable, LegendItem, ReadoutItem } from './explore'
import { COLOURS, axes, line } from './palette'

export const ROUNDS_FROM = 2000
const TABLE_YEARS = [2030, 2050, 2070, 2100]

/** Earlier rounds lighter, the latest darkest: the eye follows the group's progress. */
export function roundColour(index: number, count: number): string {
  const alpha = count <= 1 ? 1 : 0.35 + (0.65 * index) / (count - 1)
  return `rgba(31, 111, 139, ${alpha.toFixed(2)})`
}

function noPledges(round: Round): Pick<Round, 'blocSet' | 'pledges'> {
  const pledges: Record<string, Pledge> = {}
  for (const bloc of BLOCS[round.blocSet]) pledges[bloc.id] = NO_PLEDGE
  return { blocSet: round.blocSet, pledges }
}

export interface RoundsChart {
  options: Omit<uPlot.Options, 'width' | 'height'>
  data: uPlot.AlignedData
  legend: LegendItem[]
  summary: string
  table: () => ChartTable
  readout: (year: number) => ReadoutItem[]
}

export function roundsChart(rounds: readonly Round[]): RoundsChart | null {
  if (rounds.length === 0) return null
  const outcomes = rounds.map((round) => analyseRound(round))
  const baseline = analyseRound(noPledges(rounds[rounds.length - 1])).result
  const years = baseline.years
  const first = years.findIndex((y) => y >= ROUNDS_FROM)
  const slice = (series: Float64Array): Float64Array => series.subarray(first)
  const at = (series: Float64Array, year: number): number => series[Math.round(year - years[0])]
  const colours = rounds.map((_, i) => roundColour(i, rounds.length))
  const last = outcomes[outcomes.length - 1]
  return {
    options: {
      axes: axes('°C above 1850–1900', 1),
      scales: { x: { time: false }, y: { range: (_u: unknown, _min: number, max: number): [number, number] => [0, Math.max(3, Math.ceil(max))] } },
      legend: { show: false },
      padding: [12, 28, 0, 0],
      series: [{}, line('No pledges', COLOURS.baseline, 2, [8, 6]), ...rounds.map((r, i) => line(`Round ${r.number}`, colours[i], i === rounds.length - 1 ? 3.5 : 2))],
    },
    data: [slice(years), slice(baseline.temperature), ...outcomes.map((o) => slice(o.result.temperature))],
    legend: [
      { label: 'No pledges', colour: COLOURS.baseline, kind: 'dash' },
      ...rounds.map((r, i) => ({ label: `Round ${r.number}`, colour: colours[i], kind: 'line' as const })),
    ],
    summary:
      `With no pledges the world warms ${degrees(baseline.warming2100)} by 2100. ` +
      outcomes.map((o, i) => `Round ${rounds[i].number}: ${degrees(o.warming2100)}`).join('; ') +
      `. The latest round is ${fixed(Math.abs(baseline.warming2100 - last.warming2100), 1)} °C ${last.warming2100 <= baseline.warming2100 ? 'below' : 'above'} no pledges.`,
    readout: (year) => [
      { label: 'No pledges', value: degrees(at(baseline.temperature, year)), colour: COLOURS.baseline },
      ...outcomes.map((o, i) => ({ label: `Round ${rounds[i].number}`, value: degrees(at(o.result.temperature, year)), colour: colours[i] })),
    ],
    table: () => ({
      columns: ['Path', ...TABLE_YEARS.map((y) => `${y}, °C`)],
      rows: [
        ['No pledges', ...TABLE_YEARS.map((y) => fixed(at(baseline.temperature, y), 2))],
        ...outcomes.map((o, i) => [`Round ${rounds[i].number}`, ...TABLE_YEARS.map((y) => fixed(at(o.result.temperature, y), 2))]),
      ],
    }),
  }
}
