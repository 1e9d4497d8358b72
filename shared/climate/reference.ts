// The historical record (1750-2014) and the five CMIP6 marker SSP pathways (2015-2100),
// from resources/climate/emissions.json, with the aerosol part of the other forcing
// (RCMIP v5.1.0, like the rest), so a parameter set's aerosol scaling follows each
// pathway's own clean-air path rather than an estimate from fossil CO2. Used to spin the model up from pre-industrial
// times and to draw faint comparison lines beside a group's scenario.
import data from '../../resources/climate/emissions.json'
import { estimateAerosolForcing } from './core'
import { ClimateInputError } from './errors'
import type { EmissionsSeries } from './core'

export const SSP_IDS = ['ssp119', 'ssp126', 'ssp245', 'ssp370', 'ssp585'] as const
export type SspId = (typeof SSP_IDS)[number]

/** Years covered by the bundled historical record and by the SSP pathways. */
export const FIRST_YEAR = 1750
export const HISTORY_END = 2014
export const LAST_YEAR = 2100

export const SSP_LABELS: Record<SspId, string> = {
  ssp119: data.scenarios.ssp119.label,
  ssp126: data.scenarios.ssp126.label,
  ssp245: data.scenarios.ssp245.label,
  ssp370: data.scenarios.ssp370.label,
  ssp585: data.scenarios.ssp585.label,
}

/** The columns of an emissions series, in the order of the CSV format. */
export const EMISSION_KEYS = ['co2Fossil', 'co2Land', 'ch4', 'n2o', 'otherForcing'] as const
export type EmissionKey = (typeof EMISSION_KEYS)[number]

/** An emissions series whose columns are plain Float64Arrays (what this module returns). */
export type EmissionsArrays = Omit<EmissionsSeries, EmissionKey | 'aerosolForcing'> &
  Record<EmissionKey, Float64Array> & { aerosolForcing?: Float64Array }

/** A bundled series: the aerosol part is always known. */
export type SspSeries = EmissionsArrays & { aerosolForcing: Float64Array }

const cache = new Map<SspId, SspSeries>()

/** The full 1750-2100 series of one SSP: the historical record, then the pathway. */
export function sspEmissions(id: SspId): SspSeries {
  let series = cache.get(id)
  if (!series) {
    const future = data.scenarios[id]
    const built = { startYear: FIRST_YEAR } as SspSeries
    for (const key of [...EMISSION_KEYS, 'aerosolForcing'] as const) built[key] = Float64Array.from([...data.history[key], ...future[key]])
    series = built
    cache.set(id, series)
  }
  return series
}

/** A copy of the years [from, to] of a series (both inside it). */
export function sliceYears(e: EmissionsSeries, from: number, to: number): EmissionsArrays {
  const i0 = from - e.startYear
  const i1 = to - e.startYear + 1
  const out = { startYear: from } as EmissionsArrays
  for (const key of EMISSION_KEYS) out[key] = Float64Array.from(Array.prototype.slice.call(e[key], i0, i1) as number[])
  if (e.aerosolForcing) out.aerosolForcing = Float64Array.from(Array.prototype.slice.call(e.aerosolForcing, i0, i1) as number[])
  return out
}

/**
 * Prepends the years before `e` starts, from the historical record and SSP2-4.5 after
 * 2014 (close to what happened), so the carbon cycle and ocean start in the right state.
 * Returns the longer series and how many years were prepended (none for a series that
 * starts in 1750 or earlier).
 *
 * The result always carries the aerosol part of the other forcing: the prepended years
 * take the record's; the series' own years keep theirs if it gives them, or a bundled
 * SSP's if they are that pathway; else they take the record's up to 2014 (the history
 * every pathway shares) and, after it, an estimate from the series' fossil CO2, scaled
 * to meet the record where the two join.
 */
export function withSpinUp(e: EmissionsSeries): { series: EmissionsSeries; prepended: number } {
  const prepended = Math.max(e.startYear - FIRST_YEAR, 0)
  if (prepended === 0 && e.aerosolForcing) return { series: e, prepended: 0 }
  if (e.startYear > LAST_YEAR + 1) {
    throw new ClimateInputError([{ field: 'year', message: `emissions must start by ${LAST_YEAR + 1} so the model can be spun up from the record; they start in ${e.startYear}` }])
  }
  const spin = sspEmissions('ssp245')
  const n = e.co2Fossil.length
  const out = { startYear: e.startYear - prepended } as EmissionsArrays
  for (const key of EMISSION_KEYS) {
    const col = new Float64Array(prepended + n)
    col.set(spin[key].subarray(0, prepended), 0)
    for (let i = 0; i < n; i++) col[prepended + i] = e[key][i]
    out[key] = col
  }
  out.aerosolForcing = aerosolColumn(e, spin, prepended)
  return { series: out, prepended }
}

/** How far a value may be from the bundled copy and still be the same pathway (its rounding). */
const SAME_PATHWAY: Record<EmissionKey, number> = { co2Fossil: 0.002, co2Land: 0.002, ch4: 0.06, n2o: 0.002, otherForcing: 0.002 }

/**
 * The bundled SSP whose pathway `e` reproduces after 2014 (to the bundled rounding),
 * if any, for a series inside 1750-2100 that reaches past 2014: the published data
 * file, read with its scenario column, is one of them.
 */
export function matchingSsp(e: EmissionsSeries): SspId | undefined {
  const n = e.co2Fossil.length
  const from = Math.max(e.startYear, HISTORY_END + 1)
  const to = e.startYear + n - 1
  if (e.startYear < FIRST_YEAR || to > LAST_YEAR || to < from) return undefined
  return SSP_IDS.find((id) => {
    const s = sspEmissions(id)
    for (let year = from; year <= to; year++) {
      for (const key of EMISSION_KEYS) {
        if (!(Math.abs(e[key][year - e.startYear] - s[key][year - FIRST_YEAR]) <= SAME_PATHWAY[key])) return false
      }
    }
    return true
  })
}

function aerosolColumn(e: EmissionsSeries, spin: SspSeries, prepended: number): Float64Array {
  const n = e.co2Fossil.length
  const col = new Float64Array(prepended + n)
  col.set(spin.aerosolForcing.subarray(0, prepended), 0)
  const known = e.aerosolForcing ? undefined : matchingSsp(e)
  const given = e.aerosolForcing ?? (known && sspEmissions(known).aerosolForcing.subarray(e.startYear - FIRST_YEAR))
  const joinYear = Math.max(e.startYear - 1, HISTORY_END)
  const j = joinYear - FIRST_YEAR
  const ratio = spin.aerosolForcing[j] / estimateAerosolForcing(joinYear, spin.co2Fossil[j])
  const join = Math.min(Math.max(ratio, 0.5), 2)
  for (let i = 0; i < n; i++) {
    const year = e.startYear + i
    col[prepended + i] = given ? given[i]
      : year >= FIRST_YEAR && year <= HISTORY_END ? spin.aerosolForcing[year - FIRST_YEAR]
        : (year > HISTORY_END ? join : 1) * estimateAerosolForcing(year, e.co2Fossil[i])
  }
  return col
}
