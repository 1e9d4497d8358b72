// How the parameter sets in params.ts were obtained, as code: the checks they must
// pass and the procedure that generated the uncertainty ensemble. Tests rerun both, so
// the stored numbers cannot silently drift from what is written here.
import * as prng from 'lib0/prng'
import { createCoreResult, runCoreInto } from './core'
import type { CoreResult, EmissionsSeries } from './core'
import { equilibriumSensitivity, transientResponse } from './energyBalance'
import { FORCING_2XCO2 } from './forcing'
import { DEFAULT_PARAMS, ensembleMember } from './params'
import type { ClimateParams, EnsembleRow } from './params'
import { FIRST_YEAR, SSP_IDS, sspEmissions } from './reference'
import type { SspId } from './reference'

/** A published value the model is compared with, and how far from it we accept. */
export interface Target {
  value: number
  tolerance: number
  source: string
}

export const TARGETS = {
  co2_1850: { value: 284, tolerance: 3, source: 'CLIMATE.md (AR6: 285.5 ppm)' },
  co2_2000: { value: 369.7, tolerance: 3, source: 'NOAA/Law Dome, ppm' },
  co2_2010: { value: 389.9, tolerance: 3, source: 'NOAA, ppm' },
  co2_2019: { value: 410, tolerance: 3, source: 'AR6 (409.9 ppm)' },
  warming_2011_2020: { value: 1.09, tolerance: 0.06, source: 'AR6 GMST above 1850-1900, K (likely 0.95-1.20)' },
  cumulative_co2_1850_2014: { value: 2100, tolerance: 150, source: 'CLIMATE.md, GtCO2' },
  ecs: { value: 3, tolerance: 0.05, source: 'AR6 best estimate, K' },
  tcr: { value: 1.8, tolerance: 0.2, source: 'AR6 best estimate, K (likely 1.4-2.2)' },
} satisfies Record<string, Target>

/** An assessed value: the central (best) estimate and its range. */
export interface Assessed {
  central: number
  low: number
  high: number
}

/** Five [best, low, high] values, in the order of SSP_IDS (1-1.9, 1-2.6, 2-4.5, 3-7.0, 5-8.5). */
function bySsp(values: readonly (readonly [number, number, number])[]): Record<SspId, Assessed> {
  return Object.fromEntries(SSP_IDS.map((id, i) => [id, { central: values[i][0], low: values[i][1], high: values[i][2] }])) as Record<SspId, Assessed>
}

/**
 * AR6 WG1 Table SPM.1: warming above 1850-1900 in 2041-2060 and 2081-2100, best
 * estimate and very likely (5-95 %) range, K.
 */
export const AR6_WARMING_2041_2060 = bySsp([[1.6, 1.2, 2.0], [1.7, 1.3, 2.2], [2.0, 1.6, 2.5], [2.1, 1.7, 2.6], [2.4, 1.9, 3.0]])
export const AR6_WARMING_2081_2100 = bySsp([[1.4, 1.0, 1.8], [1.8, 1.3, 2.4], [2.7, 2.1, 3.5], [3.6, 2.8, 4.6], [4.4, 3.3, 5.7]])

/**
 * AR6 WG1 SPM B.5.3 and Table 9.9: global mean sea-level rise in 2100 relative to
 * 1995-2014, median and likely (17-83 %) range, m.
 */
export const AR6_SEA_LEVEL_2100 = bySsp([[0.38, 0.28, 0.55], [0.44, 0.32, 0.62], [0.56, 0.44, 0.76], [0.68, 0.55, 0.9], [0.77, 0.63, 1.01]])

/** How close the default set must come to AR6's best estimates of SSP warming, K. */
export const SSP_WARMING_TOLERANCE = 0.15

/** The periods of Table SPM.1 the model is held to, first and last year. */
export const PERIODS = { mid: [2041, 2060], long: [2081, 2100] } as const
export type Period = keyof typeof PERIODS
export const AR6_WARMING: Record<Period, Record<SspId, Assessed>> = { mid: AR6_WARMING_2041_2060, long: AR6_WARMING_2081_2100 }

function at(r: CoreResult, values: Float64Array, year: number): number {
  return values[year - r.startYear]
}

function meanOf(r: CoreResult, values: Float64Array, from: number, to: number): number {
  let sum = 0
  for (let y = from; y <= to; y++) sum += at(r, values, y)
  return sum / (to - from + 1)
}

export type CheckName = keyof typeof TARGETS

/** The model's values for every target, for one parameter set. */
export function historicalChecks(p: ClimateParams = DEFAULT_PARAMS): Record<CheckName, number> {
  const r = runCoreInto(sspEmissions('ssp245'), p, createCoreResult(FIRST_YEAR, 351))
  return {
    co2_1850: at(r, r.co2, 1850),
    co2_2000: at(r, r.co2, 2000),
    co2_2010: at(r, r.co2, 2010),
    co2_2019: at(r, r.co2, 2019),
    warming_2011_2020: meanOf(r, r.temperature, 2011, 2020),
    cumulative_co2_1850_2014: at(r, r.cumulativeEmissions, 2014) - at(r, r.cumulativeEmissions, 1849),
    ecs: equilibriumSensitivity(p, FORCING_2XCO2),
    tcr: transientResponse(p, FORCING_2XCO2),
  }
}

/** What the model gives for one SSP: warming in each period, K, and sea level in 2100, m. */
export interface SspOutcome {
  mid: number
  long: number
  seaLevel2100: number
}

/**
 * Each SSP's warming above 1850-1900 in 2041-2060 and 2081-2100 and its sea-level rise
 * in 2100 (relative to 1995-2014), for one parameter set. `emissions` replaces the
 * bundled pathways (tests pass the ones read from the published data file).
 */
export function sspOutcomes(
  p: ClimateParams = DEFAULT_PARAMS, emissions: (id: SspId) => EmissionsSeries = sspEmissions,
): Record<SspId, SspOutcome> {
  const out = {} as Record<SspId, SspOutcome>
  const r = createCoreResult(FIRST_YEAR, 351)
  for (const id of SSP_IDS) {
    runCoreInto(emissions(id), p, r)
    out[id] = {
      mid: meanOf(r, r.temperature, PERIODS.mid[0], PERIODS.mid[1]),
      long: meanOf(r, r.temperature, PERIODS.long[0], PERIODS.long[1]),
      seaLevel2100: at(r, r.seaLevel, 2100),
    }
  }
  return out
}

/** Warming 2081-2100 above 1850-1900 for each SSP, K. */
export function sspWarming(p: ClimateParams = DEFAULT_PARAMS): Record<SspId, number> {
  const outcomes = sspOutcomes(p)
  return Object.fromEntries(SSP_IDS.map((id) => [id, outcomes[id].long])) as Record<SspId, number>
}

// ---- Ensemble generation ----------------------------------------------------------

/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239]
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572]
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783]
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]
  const tail = (q: number): number =>
    (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)))
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)))
  const q = p - 0.5
  const r = q * q
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
}

/** Bisection for an increasing or decreasing f on [lo, hi]; returns NaN if no sign change. */
function solve(f: (x: number) => number, lo: number, hi: number): number {
  let flo = f(lo)
  if (flo * f(hi) > 0) return Number.NaN
  for (let i = 0; i < 32; i++) {
    const mid = (lo + hi) / 2
    const fm = f(mid)
    if (fm * flo > 0) {
      lo = mid
      flo = fm
    } else hi = mid
  }
  return (lo + hi) / 2
}

/** AR6's very likely range of aerosol forcing in 2019, W/m2 (central -1.1). */
const AR6_AEROSOL_2019 = [-1.7, -0.4] as const
/** The same range as scalings of the data's aerosol forcing in 2019 (RCMIP, -1.06 W/m2). */
function aerosolScaleRange(): readonly [number, number] {
  const data2019 = sspEmissions('ssp245').aerosolForcing[2019 - FIRST_YEAR]
  return [AR6_AEROSOL_2019[1] / data2019, AR6_AEROSOL_2019[0] / data2019]
}
/**
 * Median of the TCR draws, K. Below AR6's 1.8 on purpose: the record rules out the
 * least sensitive draws (they would need less aerosol cooling than AR6 allows), which
 * lifts the kept members' median TCR to about 1.8.
 */
const TCR_MEDIAN = 1.7
/** Ocean heat uptake (k2 and k3 together) from a fifth to four times the default's:
 * about the spread of CMIP6 model fits. */
const OCEAN_RANGE = [0.2, 4] as const

/**
 * Generates `n` ensemble members (see params.ts for the reasoning). Latin-hypercube
 * draws of four uncertainties; for each, the ocean heat uptake, the carbon-cycle
 * baseline and the aerosol scaling are solved so the member reproduces its draws of
 * TCR, CO2 in 2019 and warming 2011-2020. Members that would need aerosol forcing
 * in 2019 outside AR6's very likely range (-1.7 to -0.4 W/m2) are redrawn, and so are
 * those whose TCR needs an implausible ocean.
 */
export function generateEnsemble(n: number, seed = 2024): EnsembleRow[] {
  // A seeded generator, so the ensemble is reproducible.
  const gen = prng.create(seed)
  const rand = (): number => prng.real53(gen)
  const strata = [0, 1, 2, 3].map(() => {
    const order = Array.from({ length: n }, (_, i) => i)
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1))
      ;[order[i], order[j]] = [order[j], order[i]]
    }
    return order
  })
  const history = sspEmissions('ssp245')
  const out = createCoreResult(FIRST_YEAR, 351)
  const co2Target = historicalChecks(DEFAULT_PARAMS).co2_2019
  const aerosolRange = aerosolScaleRange()
  const rows: EnsembleRow[] = []
  for (let i = 0; i < n; i++) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const u = strata.map((order) => (attempt === 0 ? (order[i] + rand()) / n : rand()))
      const z = u.map(normalQuantile)
      // ECS: AR6 best 3.0 K, likely 2.5-4, very likely 2-5: a log-normal split at the median.
      const ecs = 3 * Math.exp(z[0] * (z[0] < 0 ? 0.191 : 0.3015))
      // TCR grows loosely with ECS; AR6: best 1.8 K, likely 1.4-2.2 (see TCR_MEDIAN).
      const tcr = Math.min(TCR_MEDIAN * (ecs / 3) ** 0.6 * Math.exp(0.15 * z[1]), 0.85 * ecs)
      const carbon = Math.exp(0.15 * z[2])
      const warming = 1.09 + 0.07 * z[3]
      const row: EnsembleRow = [FORCING_2XCO2 / ecs, 1, DEFAULT_PARAMS.r0, carbon, DEFAULT_PARAMS.aerosolScale]
      row[1] = solve((ocean) => transientResponse(ensembleMember(row.with(1, ocean) as EnsembleRow), FORCING_2XCO2) - tcr, OCEAN_RANGE[0], OCEAN_RANGE[1])
      if (Number.isNaN(row[1])) continue
      for (let pass = 0; pass < 3; pass++) {
        row[4] = solve((s) => {
          runCoreInto(history, ensembleMember(row.with(4, s) as EnsembleRow), out)
          return meanOf(out, out.temperature, 2011, 2020) - warming
        }, 0.1, 2.5)
        if (Number.isNaN(row[4])) break
        row[2] = solve((r0) => {
          runCoreInto(history, ensembleMember(row.with(2, r0) as EnsembleRow), out)
          return at(out, out.co2, 2019) - co2Target
        }, 15, 45)
        if (Number.isNaN(row[2])) break
      }
      if (Number.isNaN(row[4]) || Number.isNaN(row[2])) continue
      if (row[4] < aerosolRange[0] || row[4] > aerosolRange[1]) continue
      rows.push(row.map((v) => Number(v.toPrecision(4))) as EnsembleRow)
      break
    }
  }
  return rows.sort((a, b) => b[0] - a[0])
}
