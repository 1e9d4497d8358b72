// The historical record (1750-2014) and the five CMIP6 marker SSP pathways (2015-2100),
// from resources/climate/emissions.json. Used to spin the model up from pre-industrial
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

const cache = new Map<SspId, EmissionsArrays>()

/** The full 1750-2100 series of one SSP: the historical record, then the pathway. */
export function sspEmissions(id: SspId): EmissionsArrays {
  let series = cache.get(id)
  if (!series) {
    const future = data.scenarios[id]
    const built = { startYear: FIRST_YEAR } as EmissionsArrays
    for (const key of EMISSION_KEYS) built[key] = Float64Array.from([...data.history[key], ...future[key]])
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
 * Returns the longer series and how many years were prepended. A series that starts in
 * 1750 or earlier is returned unchanged.
 */
export function withSpinUp(e: EmissionsSeries): { series: EmissionsSeries; prepended: number } {
  const prepended = e.startYear - FIRST_YEAR
  if (prepended <= 0) return { series: e, prepended: 0 }
  if (e.startYear > LAST_YEAR + 1) {
    throw new ClimateInputError([{ field: 'year', message: `emissions must start by ${LAST_YEAR + 1} so the model can be spun up from the record; they start in ${e.startYear}` }])
  }
  const spin = sspEmissions('ssp245')
  const n = e.co2Fossil.length
  const out = { startYear: FIRST_YEAR } as EmissionsArrays
  for (const key of EMISSION_KEYS) {
    const col = new Float64Array(prepended + n)
    col.set(spin[key].subarray(0, prepended), 0)
    for (let i = 0; i < n; i++) col[prepended + i] = e[key][i]
    out[key] = col
  }
  const aerosol = e.aerosolForcing
  if (aerosol) {
    // The record has no separate aerosol figure: estimate it for the prepended years.
    const col = new Float64Array(prepended + n)
    for (let i = 0; i < prepended; i++) col[i] = estimateAerosolForcing(FIRST_YEAR + i, spin.co2Fossil[i])
    for (let i = 0; i < n; i++) col[prepended + i] = aerosol[i]
    out.aerosolForcing = col
  }
  return { series: out, prepended }
}
