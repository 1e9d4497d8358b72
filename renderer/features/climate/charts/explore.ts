// The charts of the explore view, each as options (which change only with the
// reference-pathway toggle), data (which change on every lever move), a legend, a
// one-sentence summary and a data table for screen readers, and what it reads at the
// year under the pointer.
import type uPlot from 'uplot'
import { DEFAULT_LEVERS, SHOWN_FROM, analyseScenario, referencePathways } from '../../../../shared/climate'
import type { ReferencePathway, ScenarioResult, Source } from '../../../../shared/climate'
import { degrees, degreesDifference, fixed } from '../format'
import { COLOURS, SSP_COLOURS, area, axes, labelEnds, line, sspLabel } from './palette'

export interface LegendItem { label: string; colour: string; kind: 'line' | 'dash' | 'area' | 'band' | 'faint' }
export interface ChartTable { columns: string[]; rows: string[][] }
/** One value in a chart's hover readout. */
export interface ReadoutItem { label: string; value: string; colour: string; dashed?: boolean }
export interface ChartInput { result: ScenarioResult; showSsp: boolean }


export type ChartId = 'temperature' | 'emissions' | 'co2' | 'energy' | 'seaLevel'

export interface ChartDef {
  id: ChartId
  title: string
  options(showSsp: boolean): Omit<uPlot.Options, 'width' | 'height'>
  data(input: ChartInput): uPlot.AlignedData
  legend(showSsp: boolean): LegendItem[]
  summary(input: ChartInput): string
  table(input: ChartInput): ChartTable
  readout(input: ChartInput, year: number): ReadoutItem[]
}

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
function sspSentence(showSsp: boolean, value: (r: ReferencePathway) => string): string {
  return showSsp ? ` Reference pathways in 2100: ${refs().map((r) => `${sspLabel(r.id)} ${value(r)}`).join(', ')}.` : ''
}

/** The SSPs' values at a year, for a readout (none while they are hidden). */
function sspReadout(showSsp: boolean, year: number, series: (r: ReferencePathway) => Float64Array, format: (v: number) => string): ReadoutItem[] {
  return showSsp ? refs().map((r) => ({ label: sspLabel(r.id), value: format(pick(r.years, series(r), year)), colour: SSP_COLOURS[r.id] })) : []
}

function base(unit: string, decimals: number, range: uPlot.Scale.Range, ends: Record<number, { text: string; colour: string }>): Omit<uPlot.Options, 'width' | 'height' | 'series'> {
  return {
    axes: axes(unit, decimals),
    scales: { x: { time: false }, y: { range } },
    legend: { show: false },
    padding: [12, 64, 0, 0],
    hooks: { draw: [labelEnds(ends)] },
  }
}

export const temperatureChart: ChartDef = {
  id: 'temperature',
  title: 'Temperature increase',
  options: (showSsp) => ({
    ...base('°C above 1850-1900', 0, (_u, _min, max) => [0, Math.max(5, Math.ceil(max))], sspEnds(3, showSsp)),
    series: [{}, line('likely low', 'transparent', 0), line('likely high', 'transparent', 0), ...sspSeries(showSsp),
      line('Baseline', COLOURS.baseline, 2, [8, 6]), line('Your scenario', COLOURS.scenario, 3.5)],
    bands: [{ series: [2, 1], fill: COLOURS.band }],
  }),
  data: ({ result, showSsp }) => [
    result.years, result.temperatureLow ?? result.temperature, result.temperatureHigh ?? result.temperature,
    ...(showSsp ? refs().map((r) => r.temperature) : []), baseline().temperature, result.temperature,
  ],
  legend: (showSsp) => [
    { label: 'This scenario', colour: COLOURS.scenario, kind: 'line' },
    { label: 'Likely range (17-83 %)', colour: COLOURS.band, kind: 'band' },
    { label: 'Baseline (status quo)', colour: COLOURS.baseline, kind: 'dash' },
    ...sspLegend(showSsp),
  ],
  summary: ({ result, showSsp }) =>
    `Warming reaches ${degrees(result.warming2100)} in 2100 (likely ${fixed(result.warming2100Low ?? result.warming2100, 1)} to ` +
    `${fixed(result.warming2100High ?? result.warming2100, 1)} °C), ${degreesDifference(result.warming2100, baseline().warming2100)} ` +
    `the baseline's ${degrees(baseline().warming2100)}.${sspSentence(showSsp, (r) => degrees(r.warming2100))}`,
  table: ({ result }) => ({
    columns: ['Year', 'This scenario, °C', 'Likely low', 'Likely high', 'Baseline, °C'],
    rows: DECADES.map((y) => [String(y), ...[result.temperature, result.temperatureLow ?? result.temperature,
      result.temperatureHigh ?? result.temperature, baseline().temperature].map((s) => fixed(pick(result.years, s, y), 2))]),
  }),
  readout: ({ result, showSsp }, year) => {
    const at = (s: ArrayLike<number>): number => pick(result.years, s, year)
    return [
      { label: 'This scenario', value: degrees(at(result.temperature)), colour: COLOURS.scenario },
      { label: 'likely', value: `${fixed(at(result.temperatureLow ?? result.temperature), 1)} to ${fixed(at(result.temperatureHigh ?? result.temperature), 1)} °C`, colour: COLOURS.band },
      { label: 'Baseline', value: degrees(at(baseline().temperature)), colour: COLOURS.baseline },
      ...sspReadout(showSsp, year, (r) => r.temperature, (v) => degrees(v)),
    ]
  },
}

export const co2Chart: ChartDef = {
  id: 'co2',
  title: 'CO2 concentration',
  options: (showSsp) => ({
    ...base('ppm', 0, (_u, _min, max) => [300, Math.max(700, ceilTo(max, 100))], sspEnds(1, showSsp)),
    series: [{}, ...sspSeries(showSsp), line('Baseline', COLOURS.baseline, 2, [8, 6]), line('Your scenario', COLOURS.scenario, 3.5)],
  }),
  data: ({ result, showSsp }) => [result.years, ...(showSsp ? refs().map((r) => r.co2Ppm) : []), baseline().co2Ppm, result.co2Ppm],
  legend: (showSsp) => [
    { label: 'This scenario', colour: COLOURS.scenario, kind: 'line' },
    { label: 'Baseline (status quo)', colour: COLOURS.baseline, kind: 'dash' },
    ...sspLegend(showSsp),
  ],
  summary: ({ result, showSsp }) =>
    `CO2 in the air goes from ${fixed(pick(result.years, result.co2Ppm, 2024), 0)} ppm in 2024 to ${fixed(pick(result.years, result.co2Ppm, 2100), 0)} ppm ` +
    `in 2100 (baseline ${fixed(pick(result.years, baseline().co2Ppm, 2100), 0)} ppm).${sspSentence(showSsp, (r) => `${fixed(r.co2Ppm[r.co2Ppm.length - 1], 0)} ppm`)}`,
  table: ({ result }) => ({
    columns: ['Year', 'This scenario, ppm', 'Baseline, ppm'],
    rows: DECADES.map((y) => [String(y), fixed(pick(result.years, result.co2Ppm, y), 0), fixed(pick(result.years, baseline().co2Ppm, y), 0)]),
  }),
  readout: ({ result, showSsp }, year) => [
    { label: 'This scenario', value: `${fixed(pick(result.years, result.co2Ppm, year), 0)} ppm`, colour: COLOURS.scenario },
    { label: 'Baseline', value: `${fixed(pick(result.years, baseline().co2Ppm, year), 0)} ppm`, colour: COLOURS.baseline },
    ...sspReadout(showSsp, year, (r) => r.co2Ppm, (v) => `${fixed(v, 0)} ppm`),
  ],
}

const cm = (metres: number): string => `${fixed(metres * 100, 0)} cm`

export const seaLevelChart: ChartDef = {
  id: 'seaLevel',
  title: 'Sea-level rise',
  options: (showSsp) => ({
    ...base('cm above 1995-2014', 0, (_u, min, max) => [Math.min(-10, floorTo(min, 10)), Math.max(80, ceilTo(max, 20))], sspEnds(1, showSsp)),
    series: [{}, ...sspSeries(showSsp), line('Baseline', COLOURS.baseline, 2, [8, 6]), line('Your scenario', COLOURS.scenario, 3.5)],
  }),
  data: ({ result, showSsp }) => {
    const toCm = (a: Float64Array): Float64Array => a.map((v) => v * 100)
    return [result.years, ...(showSsp ? refs().map((r) => toCm(r.seaLevel)) : []), toCm(baseline().seaLevel), toCm(result.seaLevel)]
  },
  legend: (showSsp) => [
    { label: 'This scenario', colour: COLOURS.scenario, kind: 'line' },
    { label: 'Baseline (status quo)', colour: COLOURS.baseline, kind: 'dash' },
    ...sspLegend(showSsp),
  ],
  summary: ({ result, showSsp }) =>
    `The sea rises ${cm(pick(result.years, result.seaLevel, 2100))} by 2100 above its 1995-2014 level (baseline ` +
    `${cm(pick(result.years, baseline().seaLevel, 2100))}), and keeps rising after 2100 as the ocean warms and ice melts.` +
    `${sspSentence(showSsp, (r) => cm(r.seaLevel[r.seaLevel.length - 1]))}`,
  table: ({ result }) => ({
    columns: ['Year', 'This scenario, cm', 'Baseline, cm'],
    rows: DECADES.map((y) => [String(y), fixed(pick(result.years, result.seaLevel, y) * 100, 1), fixed(pick(result.years, baseline().seaLevel, y) * 100, 1)]),
  }),
  readout: ({ result, showSsp }, year) => [
    { label: 'This scenario', value: cm(pick(result.years, result.seaLevel, year)), colour: COLOURS.scenario },
    { label: 'Baseline', value: cm(pick(result.years, baseline().seaLevel, year)), colour: COLOURS.baseline },
    ...sspReadout(showSsp, year, (r) => r.seaLevel, cm),
  ],
}

type EmissionSource = 'coal' | 'oil' | 'gas' | 'process' | 'deforestation' | 'natureRemoval' | 'techRemoval'
const EMITTERS: { id: EmissionSource; label: string }[] = [
  { id: 'coal', label: 'Coal' }, { id: 'oil', label: 'Oil' }, { id: 'gas', label: 'Natural gas' },
  { id: 'process', label: 'Industry and other' }, { id: 'deforestation', label: 'Deforestation' },
]
const REMOVERS: { id: EmissionSource; label: string }[] = [
  { id: 'natureRemoval', label: 'Nature-based removal' }, { id: 'techRemoval', label: 'Technological removal' },
]

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
  title: 'CO2 emissions by source',
  options: (showSsp) => ({
    ...base('GtCO2 per year', 0, (_u, min, max) => [Math.min(-10, floorTo(min, 10)), Math.max(60, ceilTo(max, 10))],
      sspEnds(1 + EMITTERS.length + REMOVERS.length, showSsp)),
    series: [{}, ...[...EMITTERS].reverse().map((s) => area(s.label, COLOURS[s.id])), ...[...REMOVERS].reverse().map((s) => area(s.label, COLOURS[s.id])),
      ...sspSeries(showSsp), line('Baseline net', COLOURS.baseline, 2, [8, 6]), line('Net CO2', COLOURS.baseline, 3)],
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
  legend: (showSsp) => [
    ...EMITTERS.map((s) => ({ label: s.label, colour: COLOURS[s.id], kind: 'area' as const })),
    ...REMOVERS.map((s) => ({ label: s.label, colour: COLOURS[s.id], kind: 'area' as const })),
    { label: 'Net CO2', colour: COLOURS.baseline, kind: 'line' },
    { label: 'Baseline net CO2', colour: COLOURS.baseline, kind: 'dash' },
    ...sspLegend(showSsp),
  ],
  summary: ({ result }) => {
    const net = netCo2(result)
    const at = (y: number): string => fixed(pick(result.policy.years, net, y), 0)
    const by = result.policy.co2BySource
    const largest = EMITTERS.reduce((a, b) => (pick(result.policy.years, by[b.id], 2050) > pick(result.policy.years, by[a.id], 2050) ? b : a))
    return `Net CO2 emissions are ${at(2024)} Gt a year in 2024, ${at(2050)} in 2050 and ${at(2100)} in 2100 ` +
      `(baseline ${fixed(pick(result.policy.years, netCo2(baseline()), 2100), 0)} in 2100). The largest source in 2050 is ${largest.label.toLowerCase()}.`
  },
  table: ({ result }) => ({
    columns: ['Year', ...EMITTERS.map((s) => s.label), ...REMOVERS.map((s) => s.label), 'Net CO2', 'Baseline net'],
    rows: POLICY_DECADES.map((y) => [String(y),
      ...[...EMITTERS, ...REMOVERS].map((s) => fixed(pick(result.policy.years, result.policy.co2BySource[s.id], y), 1)),
      fixed(pick(result.policy.years, netCo2(result), y), 1), fixed(pick(result.policy.years, netCo2(baseline()), y), 1)]),
  }),
  readout: ({ result, showSsp }, year) => {
    const years = result.policy.years
    const gt = (v: number): string => `${fixed(v, 1)} Gt`
    return [
      { label: 'Net CO2', value: gt(pick(years, netCo2(result), year)), colour: COLOURS.baseline },
      ...[...EMITTERS, ...REMOVERS].map((s) => ({ label: s.label, value: gt(pick(years, result.policy.co2BySource[s.id], year)), colour: COLOURS[s.id] })),
      { label: 'Baseline net', value: gt(pick(years, netCo2(baseline()), year)), colour: COLOURS.baseline },
      ...sspReadout(showSsp, year, (r) => r.co2Fossil.map((v, i) => v + r.co2Land[i]), gt),
    ]
  },
}

const SUPPLY: { id: Source; label: string }[] = [
  { id: 'coal', label: 'Coal' }, { id: 'oil', label: 'Oil' }, { id: 'gas', label: 'Natural gas' }, { id: 'bioenergy', label: 'Bioenergy' },
  { id: 'renewables', label: 'Renewables' }, { id: 'nuclear', label: 'Nuclear' }, { id: 'newTech', label: 'New zero-carbon' },
]
const totalEnergy = (r: ScenarioResult): Float64Array => r.policy.years.map((_, k) => SUPPLY.reduce((s, src) => s + r.policy.energyBySource[src.id][k], 0))

export const energyChart: ChartDef = {
  id: 'energy',
  title: 'Energy supply by source',
  options: () => ({
    ...base('EJ per year', 0, (_u, _min, max) => [0, Math.max(800, ceilTo(max, 200))], {}),
    series: [{}, ...[...SUPPLY].reverse().map((s) => area(s.label, COLOURS[s.id])), line('Baseline total', COLOURS.baseline, 2, [8, 6])],
  }),
  data: ({ result }) => [result.policy.years, ...stacked(SUPPLY.map((s) => result.policy.energyBySource[s.id])), totalEnergy(baseline())],
  legend: () => [
    ...SUPPLY.map((s) => ({ label: s.label, colour: COLOURS[s.id], kind: 'area' as const })),
    { label: 'Baseline total', colour: COLOURS.baseline, kind: 'dash' },
  ],
  summary: ({ result }) => {
    const years = result.policy.years
    const total = totalEnergy(result)
    const share = (ids: Source[], y: number): string =>
      `${Math.round((ids.reduce((s, id) => s + pick(years, result.policy.energyBySource[id], y), 0) / pick(years, total, y)) * 100)} %`
    return `Energy supply goes from ${fixed(pick(years, total, 2024), 0)} to ${fixed(pick(years, total, 2100), 0)} EJ a year by 2100. ` +
      `Fossil fuels supply ${share(['coal', 'oil', 'gas'], 2024)} of it in 2024 and ${share(['coal', 'oil', 'gas'], 2100)} in 2100; ` +
      `renewables ${share(['renewables'], 2024)} and ${share(['renewables'], 2100)}.`
  },
  table: ({ result }) => ({
    columns: ['Year', ...SUPPLY.map((s) => `${s.label}, EJ`), 'Total'],
    rows: POLICY_DECADES.map((y) => [String(y), ...SUPPLY.map((s) => fixed(pick(result.policy.years, result.policy.energyBySource[s.id], y), 0)),
      fixed(pick(result.policy.years, totalEnergy(result), y), 0)]),
  }),
  readout: ({ result }, year) => {
    const years = result.policy.years
    const ej = (v: number): string => `${fixed(v, 0)} EJ`
    return [
      ...SUPPLY.map((s) => ({ label: s.label, value: ej(pick(years, result.policy.energyBySource[s.id], year)), colour: COLOURS[s.id] })),
      { label: 'Total', value: ej(pick(years, totalEnergy(result), year)), colour: COLOURS.baseline },
      { label: 'Baseline total', value: ej(pick(years, totalEnergy(baseline()), year)), colour: COLOURS.baseline },
    ]
  },
}

export const EXPLORE_CHARTS: readonly ChartDef[] = [temperatureChart, emissionsChart, co2Chart, energyChart, seaLevelChart]
