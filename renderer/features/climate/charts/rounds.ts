// "Warming by round": each World Climate round's temperature path beside the path with
// no pledges at all, so a room sees at a glance whether its pledges are bending the curve.
// Rounds other groups played (brought in from a cohort) are drawn too, dashed and
// muted, one hue per group, so they read as company rather than as this room's rounds.
import type uPlot from 'uplot'
import type { IntlShape } from 'react-intl'
import { BLOCS, NO_PLEDGE, analyseRound } from '../../../../shared/climate'
import type { EarlierRounds, Pledge, Round } from '../../../../shared/climate'
import { ENGLISH, comparison, degrees, fixed, sentences, series } from '../format'
import type { ChartTable, LegendItem, ReadoutItem } from './explore'
import { COLOURS, axes, labelEnds, line } from './palette'

export const ROUNDS_FROM = 2000
const TABLE_YEARS = [2030, 2050, 2070, 2100]

const NO_PLEDGES = { id: 'climate.rounds.noPledges', defaultMessage: 'No pledges' }
const ROUND = { id: 'climate.rounds.round', defaultMessage: 'Round {number}' }

/** Earlier rounds lighter, the latest darkest: the eye follows the group's progress. */
export function roundColour(index: number, count: number): string {
  const alpha = count <= 1 ? 1 : 0.35 + (0.65 * index) / (count - 1)
  return `rgba(31, 111, 139, ${alpha.toFixed(2)})`
}

/** Muted hues for other groups: apart from this room's teal and the near-black "no pledges". */
const EARLIER_HUES = ['138, 104, 48', '118, 86, 140', '84, 122, 78', '150, 80, 80', '82, 104, 140'] as const
/** At most this many lines of other groups' rounds; beyond it each group shows its last rounds only. */
export const EARLIER_LINES_MAX = 9

/** A group's rounds in its own hue, earlier ones lighter, the last one strongest. */
export function earlierColour(group: number, index: number, count: number): string {
  const alpha = count <= 1 ? 0.85 : 0.4 + (0.45 * index) / (count - 1)
  return `rgba(${EARLIER_HUES[group % EARLIER_HUES.length]}, ${alpha.toFixed(2)})`
}

interface EarlierLine { label: string; colour: string; last: boolean; group: string; temperature: Float64Array; years: Float64Array; warming2100: number }

/**
 * The lines drawn for other groups: every round while there are few, else each group's
 * last rounds (the table beside the chart keeps all of them).
 */
function earlierLines(earlier: readonly EarlierRounds[], intl: IntlShape): EarlierLine[] {
  const total = earlier.reduce((n, set) => n + set.rounds.length, 0)
  const keep = total <= EARLIER_LINES_MAX ? Infinity : Math.max(1, Math.floor(EARLIER_LINES_MAX / Math.max(1, earlier.length)))
  return earlier.flatMap((set, g) => {
    const shown = set.rounds.slice(-keep)
    return shown.map((round, i) => {
      const o = analyseRound(round)
      return {
        label: intl.formatMessage({ id: 'climate.rounds.otherGroupRound', defaultMessage: '{group}, round {number}' }, { group: set.name, number: round.number }),
        colour: earlierColour(g, i, shown.length), last: i === shown.length - 1, group: set.name,
        temperature: o.result.temperature, years: o.result.years, warming2100: o.warming2100,
      }
    })
  })
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

/** The chart of the rounds so far, in the language of `intl` (English without one). */
export function roundsChart(rounds: readonly Round[], earlier: readonly EarlierRounds[] = [], intl: IntlShape = ENGLISH): RoundsChart | null {
  if (rounds.length === 0) return null
  const others = earlierLines(earlier, intl)
  const noPledgesLabel = intl.formatMessage(NO_PLEDGES)
  const roundLabel = (number: number): string => intl.formatMessage(ROUND, { number })
  const outcomes = rounds.map((round) => analyseRound(round))
  const baseline = analyseRound(noPledges(rounds[rounds.length - 1])).result
  const years = baseline.years
  const first = years.findIndex((y) => y >= ROUNDS_FROM)
  const slice = (series: Float64Array): Float64Array => series.subarray(first)
  const at = (series: Float64Array, year: number, from = years[0]): number => series[Math.round(year - from)]
  const onYears = (l: EarlierLine): Float64Array => Float64Array.from(years.subarray(first), (y) => at(l.temperature, y, l.years[0]) ?? Number.NaN)
  const otherAt = (l: EarlierLine, year: number): number => at(l.temperature, year, l.years[0])
  const colours = rounds.map((_, i) => roundColour(i, rounds.length))
  const last = outcomes[outcomes.length - 1]
  const summary = sentences(intl, [
    intl.formatMessage({ id: 'climate.rounds.summaryNoPledges', defaultMessage: 'With no pledges the world warms {warming} by 2100.' }, { warming: degrees(baseline.warming2100, intl) }),
    intl.formatMessage({ id: 'climate.rounds.summaryRounds', defaultMessage: '{rounds}.' }, {
      rounds: series(intl, outcomes.map((o, i) => intl.formatMessage({ id: 'climate.rounds.summaryRound', defaultMessage: 'Round {number}: {warming}' }, { number: rounds[i].number, warming: degrees(o.warming2100, intl) })), true),
    }),
    intl.formatMessage(
      {
        id: 'climate.rounds.summaryLatest',
        defaultMessage: '{position, select, below {The latest round is {difference} below no pledges.} other {The latest round is {difference} above no pledges.}}',
      },
      { position: last.warming2100 <= baseline.warming2100 ? 'below' : 'above', difference: comparison(last.warming2100, baseline.warming2100, intl).difference },
    ),
    others.length > 0
      ? intl.formatMessage({ id: 'climate.rounds.summaryOthers', defaultMessage: 'Other groups, dashed: {groups}.' }, { groups: series(intl, others.map((l) => `${l.label} ${degrees(l.warming2100, intl)}`), true) })
      : '',
  ])
  return {
    options: {
      axes: axes(intl.formatMessage({ id: 'climate.rounds.axis', defaultMessage: '°C above 1850–1900' }), 1, intl),
      scales: { x: { time: false }, y: { range: (_u: unknown, _min: number, max: number): [number, number] => [0, Math.max(3, Math.ceil(max))] } },
      legend: { show: false },
      // Room on the right for the other groups' names at the end of their last round.
      padding: [12, others.length > 0 ? 120 : 28, 0, 0],
      series: [
        {},
        // Other groups first, so this room's rounds are drawn over them.
        ...others.map((l) => line(l.label, l.colour, l.last ? 2 : 1.5, [4, 4])),
        line(noPledgesLabel, COLOURS.baseline, 2, [8, 6]),
        ...rounds.map((r, i) => line(roundLabel(r.number), colours[i], i === rounds.length - 1 ? 3.5 : 2)),
      ],
      hooks: others.length > 0
        ? { draw: [labelEnds(Object.fromEntries(others.flatMap((l, i) => (l.last ? [[1 + i, { text: l.group, colour: l.colour }]] : []))))] }
        : {},
    },
    data: [slice(years), ...others.map(onYears), slice(baseline.temperature), ...outcomes.map((o) => slice(o.result.temperature))],
    legend: [
      { label: noPledgesLabel, colour: COLOURS.baseline, kind: 'dash' },
      ...rounds.map((r, i) => ({ label: roundLabel(r.number), colour: colours[i], kind: 'line' as const })),
      ...others.map((l) => ({ label: l.label, colour: l.colour, kind: 'dash' as const })),
    ],
    summary,
    readout: (year) => [
      { label: noPledgesLabel, value: degrees(at(baseline.temperature, year), intl), colour: COLOURS.baseline, dashed: true },
      ...outcomes.map((o, i) => ({ label: roundLabel(rounds[i].number), value: degrees(at(o.result.temperature, year), intl), colour: colours[i] })),
      ...others.map((l) => ({ label: l.label, value: degrees(otherAt(l, year), intl), colour: l.colour, dashed: true })),
    ],
    table: () => ({
      columns: [
        intl.formatMessage({ id: 'climate.rounds.columnPath', defaultMessage: 'Path' }),
        ...TABLE_YEARS.map((y) => intl.formatMessage({ id: 'climate.rounds.columnYear', defaultMessage: '{year}, °C' }, { year: String(y) })),
      ],
      rows: [
        [noPledgesLabel, ...TABLE_YEARS.map((y) => fixed(at(baseline.temperature, y), 2, intl))],
        ...outcomes.map((o, i) => [roundLabel(rounds[i].number), ...TABLE_YEARS.map((y) => fixed(at(o.result.temperature, y), 2, intl))]),
        ...others.map((l) => [
          intl.formatMessage({ id: 'climate.rounds.otherGroupRow', defaultMessage: '{path} (other group)' }, { path: l.label }),
          ...TABLE_YEARS.map((y) => fixed(otherAt(l, y), 2, intl)),
        ]),
      ],
    }),
  }
}
