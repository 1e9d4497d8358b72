// The charts of the explore view, each as options (which change only with the
// reference-pathway toggle and the language), data (which change on every lever move),
// a legend, a one-sentence summary and a data table for screen readers, and what it
// reads at the year under the pointer. Words and numbers are in the language of the
// `intl` given (English without one).
import type uPlot from 'uplot'
import type { IntlShape } from 'react-intl'
import { DEFAULT_LEVERS, SHOWN_FROM, analyseScenario, referencePathways } from '../../../../shared/climate'
import type { ReferencePathway, ScenarioResult, Source } from '../../../../shared/climate'
import type { Message } from '../../../../shared/i18n'
import { ENGLISH, comparison, degreeRange, degrees, fixed, measure, percent, sentences, series } from '../format'
import { COLOURS, SSP_COLOURS, area, axes, labelEnds, line, sspLabel } from './palette'

export interface LegendItem { label: string; colour: string; kind: 'line' | 'dash' | 'area' | 'band' | 'faint' }
export interface ChartTable { columns: string[]; rows: string[][] }
/** One value in a chart's hover readout. */
export interface ReadoutItem { label: string; value: string; colour: string; dashed?: boolean }
export interface ChartInput { result: ScenarioResult; showSsp: boolean; intl?: IntlShape }

export type ChartId = 'temperature' | 'emissions' | 'co2' | 'energy' | 'seaLevel'

export interface ChartDef {
  id: ChartId
  title: Message
  options(showSsp: boolean, intl?: IntlShape): Omit<uPlot.Options, 'width' | 'height'>
  data(input: ChartInput): uPlot.AlignedData
  legend(showSsp: boolean, intl?: IntlShape): LegendItem[]
  summary(input: ChartInput): string
  table(input: ChartInput): ChartTable
  readout(input: ChartInput, year: number): ReadoutItem[]
}

/** Words several charts use. */
const WORDS = {
  year: { id: 'climate.chart.year', defaultMessage: 'Year' },
  thisScenario: { id: 'climate.chart.thisScenario', defaultMessage: 'This scenario' },
  yourScenario: { id: 'climate.chart.yourScenario', defaultMessage: 'Your scenario' },
  baseline: { id: 'climate.chart.baseline', defaultMessage: 'Baseline' },
  baselineStatusQuo: { id: 'climate.chart.baselineStatusQuo', defaultMessage: 'Baseline (status quo)' },
  total: { id: 'climate.chart.total', defaultMessage: 'Total' },
  sspSummary: { id: 'climate.chart.sspSummary', defaultMessage: 'Reference pathways in 2100: {values}.' },
} as const

export const baseline = (): ScenarioResult => analyseScenario(DEFAULT_LEVERS)
const refs = (): readonly ReferencePathway[] => referencePathways(SHOWN_FROM)
const DECADES = Array.from({ length: 11 }, (_, i) => 2000 + i * 10)
const POLICY_DECADES = [2024, ...DECADES.filter((y) => y >= 2030)]
const pick = (years: Float64Array, series: ArrayLike<number>, year: number): number => series[Math.round(year - years[0])]
const ceilTo = (value: number, step: number): number => Math.ceil(value / step) * step
const floorTo = (value: number, step: number): number => Math.floor(value / step) * step

function sspSeries(showSsp: boolean): uPlot.Series[] {
  return showSsp ? refs().map((r) => line(sspLabel(r.id), SSP_COLOURS[r.id], 1.5)) : []
}
function sspLegend(showSsp: boolean): LegendItem[] {
  return showSsp ? refs().map((r) => ({ label: sspLabel(r.id), colour: SSP_COLOURS[r.id], kind: 'faint' as const })) : []
}
function sspEnds(first: number, showSsp: boolean): Record<number, { text: string; colour: string }> {
  return showSsp ? Object.fromEntries(refs().map((r, i) => [first + i, { text: sspLabel(r.id), colour: SSP_COLOURS[r.id] }])) : {}
}
function sspSentence(intl: IntlShape, showSsp: boolean, value: (r: ReferencePathway) => string): string {
  return showSsp ? intl.formatMessage(WORDS.sspSummary, { values: series(intl, refs().map((r) => `${sspLabel(r.id)} ${value(r)}`)) }) : ''
}

/** The SSPs' values at a year, for a readout (none while they are hidden). */
function sspReadout(showSsp: boolean, year: number, series: (r: ReferencePathway) => Float64Array, format: (v: number) => string): ReadoutItem[] {
  return showSsp ? refs().map((r) => ({ label: sspLabel(r.id), value: format(pick(r.years, series(r), year)), colour: SSP_COLOURS[r.id] })) : []
}

function base(unit: string, decimals: number, range: uPlot.Scale.Range, ends: Record<number, { text: string; colour: string }>, intl: IntlShape): Omit<uPlot.Options, 'width' | 'height' | 'series'> {
  return {
    axes: axes(unit, decimals, intl),
    scales: { x: { time: false }, y: { range } },
    legend: { show: false },
    padding: [12, 64, 0, 0],
    hooks: { draw: [labelEnds(ends)] },
  }
}

export const temperatureChart: ChartDef = {
  id: 'temperature',
  title: { id: 'climate.chart.temperature.title', defaultMessage: 'Temperature increase' },
  options: (showSsp, intl = ENGLISH) => ({
    ...base(intl.formatMessage({ id: 'climate.chart.temperature.axis', defaultMessage: '°C above 1850-1900' }), 0,
      (_u, _min, max) => [0, Math.max(5, Math.ceil(max))], sspEnds(3, showSsp), intl),
    series: [{}, line(intl.formatMessage({ id: 'climate.chart.likelyLow', defaultMessage: 'likely low' }), 'transparent', 0),
      line(intl.formatMessage({ id: 'climate.chart.likelyHigh', defaultMessage: 'likely high' }), 'transparent', 0), ...sspSeries(showSsp),
      line(intl.formatMessage(WORDS.baseline), COLOURS.baseline, 2, [8, 6]), line(intl.formatMessage(WORDS.yourScenario), COLOURS.scenario, 3.5)],
    bands: [{ series: [2, 1], fill: COLOURS.band }],
  }),
  data: ({ result, showSsp }) => [
    result.years, result.temperatureLow ?? result.temperature, result.temperatureHigh ?? result.temperature,
    ...(showSsp ? refs().map((r) => r.temperature) : []), baseline().temperature, result.temperature,
  ],
  legend: (showSsp, intl = ENGLISH) => [
    { label: intl.formatMessage(WORDS.thisScenario), colour: COLOURS.scenario, kind: 'line' },
    { label: intl.formatMessage({ id: 'climate.chart.likelyRange', defaultMessage: 'Likely range (17-83 %)' }), colour: COLOURS.band, kind: 'band' },
    { label: intl.formatMessage(WORDS.baselineStatusQuo), colour: COLOURS.baseline, kind: 'dash' },
    ...sspLegend(showSsp),
  ],
  summary: ({ result, showSsp, intl = ENGLISH }) => sentences(intl, [
    intl.formatMessage(
      {
        id: 'climate.chart.temperature.summary',
        defaultMessage: 'Warming reaches {warming} in 2100 (likely {range}), {comparison, select, less {{difference} less than} more {{difference} more than} other {about the same as}} the baseline\'s {baseline}.',
      },
      {
        warming: degrees(result.warming2100, intl),
        range: degreeRange(result.warming2100Low ?? result.warming2100, result.warming2100High ?? result.warming2100, intl),
        ...comparison(result.warming2100, baseline().warming2100, intl),
        baseline: degrees(baseline().warming2100, intl),
      },
    ),
    sspSentence(intl, showSsp, (r) => degrees(r.warming2100, intl)),
  ]),
  table: ({ result, intl = ENGLISH }) => ({
    columns: [
      intl.formatMessage(WORDS.year),
      intl.formatMessage({ id: 'climate.chart.temperature.columnScenario', defaultMessage: 'This scenario, °C' }),
      intl.formatMessage({ id: 'climate.chart.temperature.columnLow', defaultMessage: 'Likely low' }),
      intl.formatMessage({ id: 'climate.chart.temperature.columnHigh', defaultMessage: 'Likely high' }),
      intl.formatMessage({ id: 'climate.chart.temperature.columnBaseline', defaultMessage: 'Baseline, °C' }),
    ],
    rows: DECADES.map((y) => [String(y), ...[result.temperature, result.temperatureLow ?? result.temperature,
      result.temperatureHigh ?? result.temperature, baseline().temperature].map((s) => fixed(pick(result.years, s, y), 2, intl))]),
  }),
  readout: ({ result, showSsp, intl = ENGLISH }, year) => {
    const at = (s: ArrayLike<number>): number => pick(result.years, s, year)
    return [
      { label: intl.formatMessage(WORDS.thisScenario), value: degrees(at(result.temperature), intl), colour: COLOURS.scenario },
      {
        label: intl.formatMessage({ id: 'climate.chart.likely', defaultMessage: 'likely' }),
        value: degreeRange(at(result.temperatureLow ?? result.temperature), at(result.temperatureHigh ?? result.temperature), intl),
        colour: COLOURS.band,
      },
      { label: intl.formatMessage(WORDS.baseline), value: degrees(at(baseline().temperature), intl), colour: COLOURS.baseline },
      ...sspReadout(showSsp, year, (r) => r.temperature, (v) => degrees(v, intl)),
    ]
  },
}

export const co2Chart: ChartDef = {
  id: 'co2',
  title: { id: 'climate.chart.co2.title', defaultMessage: 'CO2 concentration' },
  options: (showSsp, intl = ENGLISH) => ({
    ...base('ppm', 0, (_u, _min, max) => [300, Math.max(700, ceilTo(max, 100))], sspEnds(1, showSsp), intl),
    series: [{}, ...sspSeries(showSsp), line(intl.formatMessage(WORDS.baseline), COLOURS.baseline, 2, [8, 6]), line(intl.formatMessage(WORDS.yourScenario), COLOURS.scenario, 3.5)],
  }),
  data: ({ result, showSsp }) => [result.years, ...(showSsp ? refs().map((r) => r.co2Ppm) : []), baseline().co2Ppm, result.co2Ppm],
  legend: (showSsp, intl = ENGLISH) => [
    { label: intl.formatMessage(WORDS.thisScenario), colour: COLOURS.scenario, kind: 'line' },
    { label: intl.formatMessage(WORDS.baselineStatusQuo), colour: COLOURS.baseline, kind: 'dash' },
    ...sspLegend(showSsp),
  ],
  summary: ({ result, showSsp, intl = ENGLISH }) => {
    const ppm = (v: number): string => measure('ppm', v, 0, intl)
    return sentences(intl, [
      intl.formatMessage(
        { id: 'climate.chart.co2.summary', defaultMessage: 'CO2 in the air goes from {from} in 2024 to {to} in 2100 (baseline {baseline}).' },
        { from: ppm(pick(result.years, result.co2Ppm, 2024)), to: ppm(pick(result.years, result.co2Ppm, 2100)), baseline: ppm(pick(result.years, baseline().co2Ppm, 2100)) },
      ),
      sspSentence(intl, showSsp, (r) => ppm(r.co2Ppm[r.co2Ppm.length - 1])),
    ])
  },
  table: ({ result, intl = ENGLISH }) => ({
    columns: [
      intl.formatMessage(WORDS.year),
      intl.formatMessage({ id: 'climate.chart.co2.columnScenario', defaultMessage: 'This scenario, ppm' }),
      intl.formatMessage({ id: 'climate.chart.co2.columnBaseline', defaultMessage: 'Baseline, ppm' }),
    ],
    rows: DECADES.map((y) => [String(y), fixed(pick(result.years, result.co2Ppm, y), 0, intl), fixed(pick(result.years, baseline().co2Ppm, y), 0, intl)]),
  }),
  readout: ({ result, showSsp, intl = ENGLISH }, year) => {
    const ppm = (v: number): string => measure('ppm', v, 0, intl)
    return [
      { label: intl.formatMessage(WORDS.thisScenario), value: ppm(pick(result.years, result.co2Ppm, year)), colour: COLOURS.scenario },
      { label: intl.formatMessage(WORDS.baseline), value: ppm(pick(result.years, baseline().co2Ppm, year)), colour: COLOURS.baseline },
      ...sspReadout(showSsp, year, (r) => r.co2Ppm, ppm),
    ]
  },
}

export const seaLevelChart: ChartDef = {
  id: 'seaLevel',
  title: { id: 'climate.chart.seaLevel.title', defaultMessage: 'Sea-level rise' },
  options: (showSsp, intl = ENGLISH) => ({
    ...base(intl.formatMessage({ id: 'climate.chart.seaLevel.axis', defaultMessage: 'cm above 1995-2014' }), 0,
      (_u, min, max) => [Math.min(-10, floorTo(min, 10)), Math.max(80, ceilTo(max, 20))], sspEnds(1, showSsp), intl),
    series: [{}, ...sspSeries(showSsp), line(intl.formatMessage(WORDS.baseline), COLOURS.baseline, 2, [8, 6]), line(intl.formatMessage(WORDS.yourScenario), COLOURS.scenario, 3.5)],
  }),
  data: ({ result, showSsp }) => {
    const toCm = (a: Float64Array): Float64Array => a.map((v) => v * 100)
    return [result.years, ...(showSsp ? refs().map((r) => toCm(r.seaLevel)) : []), toCm(baseline().seaLevel), toCm(result.seaLevel)]
  },
  legend: (showSsp, intl = ENGLISH) => [
    { label: intl.formatMessage(WORDS.thisScenario), colour: COLOURS.scenario, kind: 'line' },
    { label: intl.formatMessage(WORDS.baselineStatusQuo), colour: COLOURS.baseline, kind: 'dash' },
    ...sspLegend(showSsp),
  ],
  summary: ({ result, showSsp, intl = ENGLISH }) => {
    const cm = (metres: number): string => measure('cm', metres * 100, 0, intl)
    return sentences(intl, [
      intl.formatMessage(
        {
          id: 'climate.chart.seaLevel.summary',
          defaultMessage: 'The sea rises {rise} by 2100 above its 1995-2014 level (baseline {baseline}), and keeps rising after 2100 as the ocean warms and ice melts.',
        },
        { rise: cm(pick(result.years, result.seaLevel, 2100)), baseline: cm(pick(result.years, baseline().seaLevel, 2100)) },
      ),
      sspSentence(intl, showSsp, (r) => cm(r.seaLevel[r.seaLevel.length - 1])),
    ])
  },
  table: ({ result, intl = ENGLISH }) => ({
    columns: [
      intl.formatMessage(WORDS.year),
      intl.formatMessage({ id: 'climate.chart.seaLevel.columnScenario', defaultMessage: 'This scenario, cm' }),
      intl.formatMessage({ id: 'climate.chart.seaLevel.columnBaseline', defaultMessage: 'Baseline, cm' }),
    ],
    rows: DECADES.map((y) => [String(y), fixed(pick(result.years, result.seaLevel, y) * 100, 1, intl), fixed(pick(result.years, baseline().seaLevel, y) * 100, 1, intl)]),
  }),
  readout: ({ result, showSsp, intl = ENGLISH }, year) => {
    const cm = (metres: number): string => measure('cm', metres * 100, 0, intl)
    return [
      { label: intl.formatMessage(WORDS.thisScenario), value: cm(pick(result.years, result.seaLevel, year)), colour: COLOURS.scenario },
      { label: intl.formatMessage(WORDS.baseline), value: cm(pick(result.years, baseline().seaLevel, year)), colour: COLOURS.baseline },
      ...sspReadout(showSsp, year, (r) => r.seaLevel, cm),
    ]
  },
}

type EmissionSource = 'coal' | 'oil' | 'gas' | 'process' | 'deforestation' | 'natureRemoval' | 'techRemoval'
const EMITTERS: { id: EmissionSource; label: Message }[] = [
  { id: 'coal', label: { id: 'climate.source.coal', defaultMessage: 'Coal' } },
  { id: 'oil', label: { id: 'climate.source.oil', defaultMessage: 'Oil' } },
  { id: 'gas', label: { id: 'climate.source.gas', defaultMessage: 'Natural gas' } },
  { id: 'process', label: { id: 'climate.source.process', defaultMessage: 'Industry and other' } },
  { id: 'deforestation', label: { id: 'climate.source.deforestation', defaultMessage: 'Deforestation' } },
]
const REMOVERS: { id: EmissionSource; label: Message }[] = [
  { id: 'natureRemoval', label: { id: 'climate.source.natureRemoval', defaultMessage: 'Nature-based removal' } },
  { id: 'techRemoval', label: { id: 'climate.source.techRemoval', defaultMessage: 'Technological removal' } },
]
const NET_CO2 = { id: 'climate.chart.emissions.net', defaultMessage: 'Net CO2' }
const BASELINE_NET = { id: 'climate.chart.emissions.baselineNet', defaultMessage: 'Baseline net' }

/** Running totals of `parts` (each over the same years), biggest first, so each area paints under the one above. */
function stacked(parts: ArrayLike<number>[]): Float64Array[] {
  const n = parts[0]?.length ?? 0
  const totals: Float64Array[] = []
  let running = new Float64Array(n)
  for (const part of parts) {
    running = running.map((v, i) => v + part[i])
    totals.push(running)
  }
  return totals.reverse()
}

function netCo2(result: ScenarioResult): Float64Array {
  const from = result.policy.years[0] - result.years[0]
  return result.policy.years.map((_, k) => result.emissions.co2Fossil[from + k] + result.emissions.co2Land[from + k])
}

export const emissionsChart: ChartDef = {
  id: 'emissions',
  title: { id: 'climate.chart.emissions.title', defaultMessage: 'CO2 emissions by source' },
  options: (showSsp, intl = ENGLISH) => ({
    ...base(intl.formatMessage({ id: 'climate.chart.gtPerYear', defaultMessage: 'GtCO2 per year' }), 0,
      (_u, min, max) => [Math.min(-10, floorTo(min, 10)), Math.max(60, ceilTo(max, 10))], sspEnds(1 + EMITTERS.length + REMOVERS.length, showSsp), intl),
    series: [{}, ...[...EMITTERS].reverse().map((s) => area(intl.formatMessage(s.label), COLOURS[s.id])),
      ...[...REMOVERS].reverse().map((s) => area(intl.formatMessage(s.label), COLOURS[s.id])),
      ...sspSeries(showSsp), line(intl.formatMessage(BASELINE_NET), COLOURS.baseline, 2, [8, 6]), line(intl.formatMessage(NET_CO2), COLOURS.baseline, 3)],
  }),
  data: ({ result, showSsp }) => {
    const by = result.policy.co2BySource
    const skip = result.policy.years[0] - SHOWN_FROM
    return [
      result.policy.years,
      ...stacked(EMITTERS.map((s) => by[s.id])), ...stacked(REMOVERS.map((s) => by[s.id])),
      ...(showSsp ? refs().map((r) => r.co2Fossil.map((v, i) => v + r.co2Land[i]).subarray(skip)) : []),
      netCo2(baseline()), netCo2(result),
    ]
  },
  legend: (showSsp, intl = ENGLISH) => [
    ...EMITTERS.map((s) => ({ label: intl.formatMessage(s.label), colour: COLOURS[s.id], kind: 'area' as const })),
    ...REMOVERS.map((s) => ({ label: intl.formatMessage(s.label), colour: COLOURS[s.id], kind: 'area' as const })),
    { label: intl.formatMessage(NET_CO2), colour: COLOURS.baseline, kind: 'line' },
    { label: intl.formatMessage({ id: 'climate.chart.emissions.baselineNetCo2', defaultMessage: 'Baseline net CO2' }), colour: COLOURS.baseline, kind: 'dash' },
    ...sspLegend(showSsp),
  ],
  summary: ({ result, intl = ENGLISH }) => {
    const net = netCo2(result)
    const at = (y: number): string => fixed(pick(result.policy.years, net, y), 0, intl)
    const by = result.policy.co2BySource
    const largest = EMITTERS.reduce((a, b) => (pick(result.policy.years, by[b.id], 2050) > pick(result.policy.years, by[a.id], 2050) ? b : a))
    return sentences(intl, [
      intl.formatMessage(
        {
          id: 'climate.chart.emissions.summary',
          defaultMessage: 'Net CO2 emissions are {y2024} Gt a year in 2024, {y2050} in 2050 and {y2100} in 2100 (baseline {baseline} in 2100).',
        },
        { y2024: at(2024), y2050: at(2050), y2100: at(2100), baseline: fixed(pick(result.policy.years, netCo2(baseline()), 2100), 0, intl) },
      ),
      intl.formatMessage(
        {
          id: 'climate.chart.emissions.largest',
          defaultMessage: 'The largest source in 2050 is {source, select, coal {coal} oil {oil} gas {natural gas} process {industry and other} other {deforestation}}.',
        },
        { source: largest.id },
      ),
    ])
  },
  table: ({ result, intl = ENGLISH }) => ({
    columns: [intl.formatMessage(WORDS.year), ...EMITTERS.map((s) => intl.formatMessage(s.label)), ...REMOVERS.map((s) => intl.formatMessage(s.label)),
      intl.formatMessage(NET_CO2), intl.formatMessage(BASELINE_NET)],
    rows: POLICY_DECADES.map((y) => [String(y),
      ...[...EMITTERS, ...REMOVERS].map((s) => fixed(pick(result.policy.years, result.policy.co2BySource[s.id], y), 1, intl)),
      fixed(pick(result.policy.years, netCo2(result), y), 1, intl), fixed(pick(result.policy.years, netCo2(baseline()), y), 1, intl)]),
  }),
  readout: ({ result, showSsp, intl = ENGLISH }, year) => {
    const years = result.policy.years
    const gt = (v: number): string => measure('gt', v, 1, intl)
    return [
      { label: intl.formatMessage(NET_CO2), value: gt(pick(years, netCo2(result), year)), colour: COLOURS.baseline },
      ...[...EMITTERS, ...REMOVERS].map((s) => ({ label: intl.formatMessage(s.label), value: gt(pick(years, result.policy.co2BySource[s.id], year)), colour: COLOURS[s.id] })),
      { label: intl.formatMessage(BASELINE_NET), value: gt(pick(years, netCo2(baseline()), year)), colour: COLOURS.baseline },
      ...sspReadout(showSsp, year, (r) => r.co2Fossil.map((v, i) => v + r.co2Land[i]), gt),
    ]
  },
}

const SUPPLY: { id: Source; label: Message }[] = [
  { id: 'coal', label: { id: 'climate.source.coal', defaultMessage: 'Coal' } },
  { id: 'oil', label: { id: 'climate.source.oil', defaultMessage: 'Oil' } },
  { id: 'gas', label: { id: 'climate.source.gas', defaultMessage: 'Natural gas' } },
  { id: 'bioenergy', label: { id: 'climate.source.bioenergy', defaultMessage: 'Bioenergy' } },
  { id: 'renewables', label: { id: 'climate.source.renewables', defaultMessage: 'Renewables' } },
  { id: 'nuclear', label: { id: 'climate.source.nuclear', defaultMessage: 'Nuclear' } },
  { id: 'newTech', label: { id: 'climate.source.newTech', defaultMessage: 'New zero-carbon' } },
]
const BASELINE_TOTAL = { id: 'climate.chart.energy.baselineTotal', defaultMessage: 'Baseline total' }
const totalEnergy = (r: ScenarioResult): Float64Array => r.policy.years.map((_, k) => SUPPLY.reduce((s, src) => s + r.policy.energyBySource[src.id][k], 0))

export const energyChart: ChartDef = {
  id: 'energy',
  title: { id: 'climate.chart.energy.title', defaultMessage: 'Energy supply by source' },
  options: (_showSsp, intl = ENGLISH) => ({
    ...base(intl.formatMessage({ id: 'climate.chart.energy.axis', defaultMessage: 'EJ per year' }), 0, (_u, _min, max) => [0, Math.max(800, ceilTo(max, 200))], {}, intl),
    series: [{}, ...[...SUPPLY].reverse().map((s) => area(intl.formatMessage(s.label), COLOURS[s.id])), line(intl.formatMessage(BASELINE_TOTAL), COLOURS.baseline, 2, [8, 6])],
  }),
  data: ({ result }) => [result.policy.years, ...stacked(SUPPLY.map((s) => result.policy.energyBySource[s.id])), totalEnergy(baseline())],
  legend: (_showSsp, intl = ENGLISH) => [
    ...SUPPLY.map((s) => ({ label: intl.formatMessage(s.label), colour: COLOURS[s.id], kind: 'area' as const })),
    { label: intl.formatMessage(BASELINE_TOTAL), colour: COLOURS.baseline, kind: 'dash' },
  ],
  summary: ({ result, intl = ENGLISH }) => {
    const years = result.policy.years
    const total = totalEnergy(result)
    const share = (ids: Source[], y: number): string =>
      percent(ids.reduce((s, id) => s + pick(years, result.policy.energyBySource[id], y), 0) / pick(years, total, y), intl)
    return sentences(intl, [
      intl.formatMessage(
        { id: 'climate.chart.energy.summary', defaultMessage: 'Energy supply goes from {from} to {to} EJ a year by 2100.' },
        { from: fixed(pick(years, total, 2024), 0, intl), to: fixed(pick(years, total, 2100), 0, intl) },
      ),
      intl.formatMessage(
        { id: 'climate.chart.energy.shares', defaultMessage: 'Fossil fuels supply {fossil2024} of it in 2024 and {fossil2100} in 2100; renewables {renewables2024} and {renewables2100}.' },
        {
          fossil2024: share(['coal', 'oil', 'gas'], 2024), fossil2100: share(['coal', 'oil', 'gas'], 2100),
          renewables2024: share(['renewables'], 2024), renewables2100: share(['renewables'], 2100),
        },
      ),
    ])
  },
  table: ({ result, intl = ENGLISH }) => ({
    columns: [
      intl.formatMessage(WORDS.year),
      ...SUPPLY.map((s) => intl.formatMessage({ id: 'climate.chart.energy.column', defaultMessage: '{source}, EJ' }, { source: intl.formatMessage(s.label) })),
      intl.formatMessage(WORDS.total),
    ],
    rows: POLICY_DECADES.map((y) => [String(y), ...SUPPLY.map((s) => fixed(pick(result.policy.years, result.policy.energyBySource[s.id], y), 0, intl)),
      fixed(pick(result.policy.years, totalEnergy(result), y), 0, intl)]),
  }),
  readout: ({ result, intl = ENGLISH }, year) => {
    const years = result.policy.years
    const ej = (v: number): string => measure('ej', v, 0, intl)
    return [
      ...SUPPLY.map((s) => ({ label: intl.formatMessage(s.label), value: ej(pick(years, result.policy.energyBySource[s.id], year)), colour: COLOURS[s.id] })),
      { label: intl.formatMessage(WORDS.total), value: ej(pick(years, totalEnergy(result), year)), colour: COLOURS.baseline },
      { label: intl.formatMessage(BASELINE_TOTAL), value: ej(pick(years, totalEnergy(baseline()), year)), colour: COLOURS.baseline },
    ]
  },
}

export const EXPLORE_CHARTS: readonly ChartDef[] = [temperatureChart, emissionsChart, co2Chart, energyChart, seaLevelChart]
