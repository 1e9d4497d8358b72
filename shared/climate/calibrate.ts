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
function solve(f: (x: number) => number, lo: number, hi: number, iterations = 32): number {
  let flo = f(lo)
  if (flo * f(hi) > 0) return Number.NaN
  for (let i = 0; i < iterations; i++) {
    const mid = (lo + hi) / 2
    const fm = f(mid)
    if (fm * flo > 0) {
      lo = mid
      flo = fm
    } else hi = mid
  }
  return (lo + hi) / 2
}

/**
 * AR6's aerosol forcing in 2019, W/m2: best estimate and very likely range (WG1 Ch. 7,
 * 1750-2019; the 1750-2014 assessment, -1.3 [-2.0 to -0.6], is the same spread before
 * the recent clean-up of the air).
 */
const AR6_AEROSOL_2019 = { central: -1.1, low: -1.7, high: -0.4 } as const
/**
 * The rest of the "other" forcing (ozone, halocarbons, land albedo, contrails, volcanoes,
 * the sun) is known to about +-20 % (one standard deviation, from AR6's ranges for its
 * parts); drawn as a factor on the data's values.
 */
const OTHER_FORCING_SD = 0.2
/**
 * Prior of TCR: median, K, and spread (log). Below AR6's 1.8 on purpose: the record
 * favours the more sensitive draws (the least sensitive need less aerosol cooling than
 * AR6 allows), which lifts the kept members' median to about 1.8.
 */
const TCR_MEDIAN = 1.7
const TCR_SPREAD = 0.18
/** Carbon-cycle feedback strength: a log-normal factor on rU, rT and rA, one sd. */
const CARBON_SPREAD = 0.2
/**
 * The historical constraint: warming 2011-2020 above 1850-1900, K, and how far a member
 * may sit from it (one sd: AR6's very likely 0.95-1.20 with a decade's natural swings).
 */
const OBSERVED_WARMING = { value: 1.09, sd: 0.1 } as const
/** Ocean heat uptake (k2 and k3 together) from a fifth to four times the default's:
 * about the spread of CMIP6 model fits. */
const OCEAN_RANGE = [0.2, 4] as const
/** How many prior draws the ensemble is chosen from (about a fifth pass the record). */
const PRIOR_DRAWS = 3000

/** A split normal with median `central` and 5th and 95th percentiles `low` and `high`, at z. */
function splitNormal(a: Assessed, z: number): number {
  return a.central + (z * (z < 0 ? a.central - a.low : a.high - a.central)) / 1.645
}

/**
 * How warm a member runs against AR6's assessed projections, in standard deviations of
 * AR6's own spread: the mean over the five SSPs and both periods of Table SPM.1.
 */
function assessedScore(outcomes: Record<SspId, SspOutcome>): number {
  let sum = 0
  for (const period of ['mid', 'long'] as const)
    for (const id of SSP_IDS) {
      const a = AR6_WARMING[period][id]
      const x = outcomes[id][period]
      sum += (x - a.central) / ((x < a.central ? a.central - a.low : a.high - a.central) / 1.645)
    }
  return sum / (2 * SSP_IDS.length)
}

/**
 * Generates `n` ensemble members (see params.ts for the reasoning), in three steps, as
 * constrained ensembles such as FaIR's are built:
 * 1. Prior: PRIOR_DRAWS independent draws of ECS and TCR (AR6's assessed distributions,
 *    TCR loosely tied to ECS), carbon-cycle feedback strength, aerosol forcing (AR6's
 *    very likely -1.7 to -0.4 W/m2 in 2019) and the rest of the other forcing (+-20 %).
 *    The ocean heat uptake is solved to give the drawn TCR and the carbon-cycle baseline
 *    to give the 2019 CO2 of the default set.
 * 2. The record: each draw is kept with the likelihood of its 2011-2020 warming against
 *    the observed 1.09 K (sd 0.1, and never further than 0.25 K). This is what ties strong aerosol cooling to a
 *    sensitive climate and weak cooling to a less sensitive one.
 * 3. Selection: of the kept draws, the `n` whose warming against AR6's projections
 *    (assessedScore) sits nearest the quantiles (i + 0.5) / n of a standard normal, so
 *    the few members spread over the assessed range as AR6's distribution does rather
 *    than as the luck of fifty random picks would.
 */
export function generateEnsemble(n: number, seed = 2024): EnsembleRow[] {
  // A seeded generator, so the ensemble is reproducible.
  const gen = prng.create(seed)
  const z = (): number => normalQuantile(Math.min(Math.max(prng.real53(gen), 1e-12), 1 - 1e-12))
  const history = sspEmissions('ssp245')
  const out = createCoreResult(FIRST_YEAR, 351)
  const co2Target = historicalChecks(DEFAULT_PARAMS).co2_2019
  const aerosol2019 = history.aerosolForcing[2019 - FIRST_YEAR]
  const kept: { row: EnsembleRow; score: number }[] = []
  for (let i = 0; i < PRIOR_DRAWS; i++) {
    const [z0, z1, z2, z3, z4, accept] = [z(), z(), z(), z(), z(), prng.real53(gen)]
    // ECS: AR6 best 3.0 K, likely 2.5-4, very likely 2-5: a log-normal split at the median.
    const ecs = 3 * Math.exp(z0 * (z0 < 0 ? 0.191 : 0.3015))
    const tcr = Math.min(TCR_MEDIAN * (ecs / 3) ** 0.5 * Math.exp(TCR_SPREAD * z1), 0.85 * ecs)
    const aerosol = splitNormal(AR6_AEROSOL_2019, z3)
    if (aerosol > -0.05) continue
    const row: EnsembleRow = [
      FORCING_2XCO2 / ecs, 1, DEFAULT_PARAMS.r0, Math.exp(CARBON_SPREAD * z2), aerosol / aerosol2019, Math.max(0.2, 1 + OTHER_FORCING_SD * z4),
    ]
    row[1] = solve((ocean) => transientResponse(ensembleMember(row.with(1, ocean) as EnsembleRow), FORCING_2XCO2) - tcr, OCEAN_RANGE[0], OCEAN_RANGE[1])
    if (Number.isNaN(row[1])) continue
    row[2] = solve((r0) => {
      runCoreInto(history, ensembleMember(row.with(2, r0) as EnsembleRow), out)
      return at(out, out.co2, 2019) - co2Target
    }, 15, 45, 20)
    if (Number.isNaN(row[2])) continue
    const rounded = row.map((v) => Number(v.toPrecision(4))) as EnsembleRow
    runCoreInto(history, ensembleMember(rounded), out)
    const miss = (meanOf(out, out.temperature, 2011, 2020) - OBSERVED_WARMING.value) / OBSERVED_WARMING.sd
    if (Math.abs(miss) > 2.5 || accept >= Math.exp(-0.5 * miss * miss)) continue
    kept.push({ row: rounded, score: assessedScore(sspOutcomes(ensembleMember(rounded))) })
  }
  const rows: EnsembleRow[] = []
  for (let i = 0; i < n && kept.length > 0; i++) {
    const target = normalQuantile((i + 0.5) / n)
    let best = 0
    for (let j = 1; j < kept.length; j++) if (Math.abs(kept[j].score - target) < Math.abs(kept[best].score - target)) best = j
    rows.push(kept[best].row)
    kept.splice(best, 1)
  }
  return rows.sort((a, b) => b[0] - a[0])
}
