// runClimate: the core behind a chart-friendly face, with an optional uncertainty band
// from the ensemble. Series are Float64Arrays, one entry per year of `years`.
import { createCoreResult, runCoreInto, seriesLength } from './core'
import type { CoreResult, EmissionsSeries } from './core'
import { DEFAULT_PARAMS, ENSEMBLE } from './params'
import type { ClimateParams } from './params'
import { withSpinUp } from './reference'

export interface BandOptions {
  /** Members for an uncertainty band: true = the stored 50-member ensemble. */
  ensemble?: boolean | readonly ClimateParams[]
  /** Percentiles of the band; default [17, 83], the IPCC "likely" range. */
  band?: readonly [number, number]
}

export interface ClimateOptions extends BandOptions {
  params?: ClimateParams
  /** Prepend the historical record when the series starts after 1750 (default true). */
  spinUp?: boolean
  /** First year to report (default: the first year of the emissions); earlier years still run. */
  outputFrom?: number
}

export interface ClimateRun {
  years: Float64Array
  /** Surface warming above the 1850-1900 mean, K (= degrees C). */
  temperature: Float64Array
  temperatureLow?: Float64Array
  temperatureHigh?: Float64Array
  co2Ppm: Float64Array
  ch4Ppb: Float64Array
  n2oPpb: Float64Array
  /** Total effective radiative forcing since 1750, W/m2, and its parts. */
  forcing: Float64Array
  forcingBySource: { co2: Float64Array; ch4: Float64Array; n2o: Float64Array; other: Float64Array }
  /** Sea-level rise relative to the 1995-2014 mean, m. */
  seaLevel: Float64Array
  /** CO2 emitted since the run started (1750 after spin-up), GtCO2. */
  cumulativeCo2: Float64Array
  /** Warming in the headline year (2100, or the last year if the run ends sooner), K. */
  warming2100: number
  warming2100Low?: number
  warming2100High?: number
  headlineYear: number
}

/** Percentile `p` (0-100) of sorted values, interpolating between neighbours. */
export function percentile(sorted: Float64Array, p: number): number {
  const pos = (Math.min(Math.max(p, 0), 100) / 100) * (sorted.length - 1)
  const lo = Math.floor(pos)
  const hi = Math.min(lo + 1, sorted.length - 1)
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo)
}

const HEADLINE_YEAR = 2100

let scratch: CoreResult = createCoreResult(0, 400)
let matrix = new Float64Array(0)

/**
 * Runs every member and returns the percentile band of temperature for the `length`
 * years starting at index `offset` of the series. Reuses module buffers between calls.
 */
export function temperatureBand(
  series: EmissionsSeries, members: readonly ClimateParams[], offset: number, length: number,
  band: readonly [number, number] = [17, 83],
): { low: Float64Array; high: Float64Array } {
  const m = members.length
  const n = seriesLength(series)
  if (scratch.temperature.length < n) scratch = createCoreResult(0, n)
  if (matrix.length < m * length) matrix = new Float64Array(m * length)
  for (let j = 0; j < m; j++) {
    runCoreInto(series, members[j], scratch)
    matrix.set(scratch.temperature.subarray(offset, offset + length), j * length)
  }
  const low = new Float64Array(length)
  const high = new Float64Array(length)
  const column = new Float64Array(m)
  // Members keep nearly the same rank from one year to the next, so an insertion sort
  // of last year's order costs a few comparisons instead of a full sort per year.
  const order = Int32Array.from({ length: m }, (_, j) => j)
  for (let y = 0; y < length; y++) {
    for (let i = 1; i < m; i++) {
      const member = order[i]
      const value = matrix[member * length + y]
      let k = i - 1
      while (k >= 0 && matrix[order[k] * length + y] > value) {
        order[k + 1] = order[k]
        k--
      }
      order[k + 1] = member
    }
    for (let j = 0; j < m; j++) column[j] = matrix[order[j] * length + y]
    low[y] = percentile(column, band[0])
    high[y] = percentile(column, band[1])
  }
  return { low, high }
}

export function membersOf(ensemble: BandOptions['ensemble']): readonly ClimateParams[] {
  if (!ensemble) return []
  return ensemble === true ? ENSEMBLE : ensemble
}

/**
 * Runs the climate core on annual emissions (see EmissionsSeries for the columns).
 * The second argument is either options or just a parameter set.
 */
export function runClimate(emissions: EmissionsSeries, optionsOrParams: ClimateOptions | ClimateParams = {}): ClimateRun {
  const options: ClimateOptions = 'k1' in optionsOrParams ? { params: optionsOrParams } : optionsOrParams
  const params = options.params ?? DEFAULT_PARAMS
  const { series, prepended } = options.spinUp === false ? { series: emissions, prepended: 0 } : withSpinUp(emissions)
  const core = runCoreInto(series, params, createCoreResult(series.startYear, seriesLength(series)))
  const lastYear = emissions.startYear + seriesLength(emissions) - 1
  const firstYear = Math.min(Math.max(options.outputFrom ?? emissions.startYear, emissions.startYear), lastYear)
  const offset = prepended + firstYear - emissions.startYear
  const n = lastYear - firstYear + 1
  const cut = (a: Float64Array): Float64Array => a.subarray(offset, offset + n)
  const headline = HEADLINE_YEAR >= firstYear && HEADLINE_YEAR <= lastYear ? HEADLINE_YEAR - firstYear : n - 1
  const run: ClimateRun = {
    years: Float64Array.from({ length: n }, (_, i) => firstYear + i),
    temperature: cut(core.temperature),
    co2Ppm: cut(core.co2),
    ch4Ppb: cut(core.ch4),
    n2oPpb: cut(core.n2o),
    forcing: cut(core.forcing),
    forcingBySource: { co2: cut(core.forcingCo2), ch4: cut(core.forcingCh4), n2o: cut(core.forcingN2o), other: cut(core.forcingOther) },
    seaLevel: cut(core.seaLevel),
    cumulativeCo2: cut(core.cumulativeEmissions),
    headlineYear: firstYear + headline,
    warming2100: core.temperature[offset + headline],
  }
  const members = membersOf(options.ensemble)
  if (members.length > 0) {
    const { low, high } = temperatureBand(series, members, offset, n, options.band)
    run.temperatureLow = low
    run.temperatureHigh = high
    run.warming2100Low = low[headline]
    run.warming2100High = high[headline]
  }
  return run
}
