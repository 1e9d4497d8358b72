// The climate core: emissions -> carbon, CH4 and N2O cycles -> forcing -> temperature,
// stepped once a year. A FaIR v2-style reduced-complexity model (Leach et al. 2021,
// Smith et al. 2018); constants as listed in shared/CLIMATE.md.
//
// Year n takes that year's emissions, updates concentrations to the end of the year,
// computes forcing from them and steps the energy balance. The state-dependent parts
// (carbon uptake, CH4 lifetime) use the previous year's temperature.
//
// Speed: one run is a single loop over preallocated Float64Arrays with a handful of
// exp/sqrt/log per year; no allocation inside the loop.
import { annualStep } from './energyBalance'
import type { AnnualStep } from './energyBalance'
import * as forcing from './forcing'
import type { ClimateParams } from './params'

// Module-level copies (see policy.ts): keeps the hot loop free of binding getters.
const { ch4Forcing, co2Forcing, n2oForcing, PREINDUSTRIAL } = forcing

/** Unit conversions: mass of one ppm or ppb of each gas in the whole atmosphere. */
export const GTCO2_PER_PPM = 7.8
export const MT_CH4_PER_PPB = 2.84
export const MT_N2O_PER_PPB = 7.8

/** CO2 impulse response: fraction of an emission in each box and the box lifetimes, years. */
const A = [0.2173, 0.224, 0.2824, 0.2763] as const
const TAU = [1e9, 394.4, 36.54, 4.304] as const
/** alpha = G0 exp(iIRF100 / G1) approximates the root-finding of FaIR v2 (Millar et al. 2017). */
const G0 = 0.010178288
const G1 = 11.41262243
const IIRF100_MAX = 100

/** Annual emissions (and the forcing agents the core does not model), one entry per year. */
export interface EmissionsSeries {
  startYear: number
  /** Fossil and industrial CO2, GtCO2/yr (negative with carbon removal). */
  co2Fossil: ArrayLike<number>
  /** Land-use CO2, GtCO2/yr. */
  co2Land: ArrayLike<number>
  /** Anthropogenic CH4, Mt CH4/yr. */
  ch4: ArrayLike<number>
  /** Anthropogenic N2O, Mt N2O/yr. */
  n2o: ArrayLike<number>
  /** Effective forcing of everything except CO2, CH4 and N2O, W/m2. */
  otherForcing: ArrayLike<number>
  /** The aerosol part of otherForcing, W/m2, if known; else estimated from fossil CO2 (see estimateAerosolForcing). */
  aerosolForcing?: ArrayLike<number>
}

/** Per-year output of one core run. Temperature is relative to the 1850-1900 mean. */
export interface CoreResult {
  startYear: number
  length: number
  temperature: Float64Array
  co2: Float64Array
  ch4: Float64Array
  n2o: Float64Array
  forcing: Float64Array
  forcingCo2: Float64Array
  forcingCh4: Float64Array
  forcingN2o: Float64Array
  forcingOther: Float64Array
  /** CO2 added to the atmosphere since the start, GtCO2 (the sum of the four boxes). */
  airborne: Float64Array
  /** Emitted since the start, GtCO2. */
  cumulativeEmissions: Float64Array
  /** Taken up by land and ocean since the start, GtCO2, summed from the box decay fluxes. */
  cumulativeUptake: Float64Array
  /** Sea-level rise, m, relative to the 1995-2014 mean. */
  seaLevel: Float64Array
}

export function createCoreResult(startYear: number, length: number): CoreResult {
  const f = (): Float64Array => new Float64Array(length)
  return {
    startYear, length,
    temperature: f(), co2: f(), ch4: f(), n2o: f(),
    forcing: f(), forcingCo2: f(), forcingCh4: f(), forcingN2o: f(), forcingOther: f(),
    airborne: f(), cumulativeEmissions: f(), cumulativeUptake: f(), seaLevel: f(),
  }
}

/**
 * Central aerosol forcing estimated from fossil CO2 when only the total "other" forcing
 * is known: AR6's -1.3 W/m2 in 2019 scaled by fossil CO2 and by a sulphur intensity
 * that was flat before 1950 and has fallen about 1.1 %/yr since (cleaner fuels, flue
 * gas controls). It reproduces the AR6 shape (about -0.5 in 1950, -1.1 in 1980). Used
 * only to apply a parameter set's aerosol scaling, never to replace given forcing, and
 * only where nothing better is known (reference.withSpinUp uses the record up to 2014
 * and the bundled SSPs their own paths; this one overstates the aerosols of pathways
 * that burn much fossil fuel but clean their air, such as SSP5-8.5).
 */
export function estimateAerosolForcing(year: number, co2Fossil: number): number {
  const intensity = Math.exp(-0.0114 * (Math.max(year, 1950) - 2019))
  return (-1.3 * Math.max(co2Fossil, 0) * intensity) / 37.04
}

const steps = new WeakMap<ClimateParams, AnnualStep>()
function stepFor(p: ClimateParams): AnnualStep {
  let s = steps.get(p)
  if (!s) {
    s = annualStep(p)
    steps.set(p, s)
  }
  return s
}

/** Length of the series (all columns must have it). */
export function seriesLength(e: EmissionsSeries): number {
  return e.co2Fossil.length
}

/** Mean of the years [from, to] if the first n values cover them, else the first value. */
function meanOver(values: Float64Array, n: number, startYear: number, from: number, to: number): number {
  const i0 = from - startYear
  const i1 = to - startYear
  if (i0 < 0 || i1 >= n) return values[0]
  let sum = 0
  for (let i = i0; i <= i1; i++) sum += values[i]
  return sum / (i1 - i0 + 1)
}

/**
 * Runs the core over every year of `e`, starting from pre-industrial equilibrium in
 * the first year, and writes into `out` (which must be at least that long).
 */
export function runCoreInto(e: EmissionsSeries, p: ClimateParams, out: CoreResult): CoreResult {
  const n = seriesLength(e)
  const s = stepFor(p)
  const { co2Fossil, co2Land, ch4, n2o, otherForcing, aerosolForcing } = e
  const a0 = A[0], a1 = A[1], a2 = A[2], a3 = A[3]
  let r0 = 0, r1 = 0, r2 = 0, r3 = 0
  let cumE = 0
  let cumU = 0
  let t1 = 0, t2 = 0, t3 = 0
  let m = PREINDUSTRIAL.ch4
  let nn = PREINDUSTRIAL.n2o
  // Parameters as locals: the loop then never looks into the params object.
  const { r0: iirf0, rU, rT, rA, ch4Tau, ch4TauPerMt, ch4TauPerK, ch4Natural, n2oTau, n2oNatural, seaLevelRate, seaLevelT0, seaLevelExpansion } = p
  const heat1 = seaLevelExpansion * p.c1, heat2 = seaLevelExpansion * p.c2, heat3 = seaLevelExpansion * p.c3
  const decayN2o = Math.exp(-1 / n2oTau)
  // fOther = otherScale * (other - aerosol) + aerosolScale * aerosol, folded into two products.
  const otherScale = p.otherScale
  const aerosolExtra = p.aerosolScale - otherScale
  let ice = 0
  for (let i = 0; i < n; i++) {
    const year = e.startYear + i
    const fossil = co2Fossil[i]
    const em = fossil + co2Land[i]
    // Carbon cycle: the uptake timescale lengthens as sinks saturate and as it warms.
    const airborne = r0 + r1 + r2 + r3
    let iirf = iirf0 + rU * (cumE - airborne) + rT * t1 + rA * airborne
    if (iirf > IIRF100_MAX) iirf = IIRF100_MAX
    const alpha = G0 * Math.exp(iirf / G1)
    // Box update, exact for constant emissions over the year: with x = exp(-k),
    // R <- a E (1 - x) / k + R x. expm1 keeps (1 - x) / k accurate for the slow box.
    let k = 1 / (alpha * TAU[0])
    let m1 = Math.expm1(-k)
    let up = -r0 * m1 + a0 * em * (1 + m1 / k)
    r0 = -a0 * em * (m1 / k) + r0 * (1 + m1)
    k = 1 / (alpha * TAU[1]); m1 = Math.expm1(-k)
    up += -r1 * m1 + a1 * em * (1 + m1 / k)
    r1 = -a1 * em * (m1 / k) + r1 * (1 + m1)
    k = 1 / (alpha * TAU[2]); m1 = Math.expm1(-k)
    up += -r2 * m1 + a2 * em * (1 + m1 / k)
    r2 = -a2 * em * (m1 / k) + r2 * (1 + m1)
    k = 1 / (alpha * TAU[3]); m1 = Math.expm1(-k)
    up += -r3 * m1 + a3 * em * (1 + m1 / k)
    r3 = -a3 * em * (m1 / k) + r3 * (1 + m1)
    cumE += em
    cumU += up
    const newAirborne = r0 + r1 + r2 + r3
    const c = PREINDUSTRIAL.co2 + newAirborne / GTCO2_PER_PPM
    // CH4: one box whose lifetime grows with the burden (less OH) and shrinks with warming.
    const tauM = ch4Tau + ch4TauPerMt * (m - PREINDUSTRIAL.ch4) * MT_CH4_PER_PPB + ch4TauPerK * t1
    const dM = Math.exp(-1 / tauM)
    m = m * dM + ((ch4[i] + ch4Natural) / MT_CH4_PER_PPB) * tauM * (1 - dM)
    nn = nn * decayN2o + ((n2o[i] + n2oNatural) / MT_N2O_PER_PPB) * n2oTau * (1 - decayN2o)
    // Forcing. A parameter set scales the aerosol part and the rest of the other forcing apart.
    const aer = aerosolForcing ? aerosolForcing[i] : estimateAerosolForcing(year, fossil)
    const fOther = otherScale * otherForcing[i] + aerosolExtra * aer
    const fC = co2Forcing(c, nn)
    const fM = ch4Forcing(m, nn)
    const fN = n2oForcing(c, m, nn)
    const f = fC + fM + fN + fOther
    const n1 = s[0] * t1 + s[1] * t2 + s[2] * t3 + s[9] * f
    const n2 = s[3] * t1 + s[4] * t2 + s[5] * t3 + s[10] * f
    t3 = s[6] * t1 + s[7] * t2 + s[8] * t3 + s[11] * f
    t1 = n1
    t2 = n2
    // Sea level: thermal expansion in proportion to the heat the three layers hold, plus
    // glaciers and ice sheets whose rate follows warming (semi-empirical, Rahmstorf 2007).
    ice += seaLevelRate * (t1 - seaLevelT0)
    out.co2[i] = c
    out.ch4[i] = m
    out.n2o[i] = nn
    out.forcingCo2[i] = fC
    out.forcingCh4[i] = fM
    out.forcingN2o[i] = fN
    out.forcingOther[i] = fOther
    out.forcing[i] = f
    out.temperature[i] = t1
    out.airborne[i] = newAirborne
    out.cumulativeEmissions[i] = cumE
    out.cumulativeUptake[i] = cumU
    out.seaLevel[i] = ice + heat1 * t1 + heat2 * t2 + heat3 * t3
  }
  const t0 = meanOver(out.temperature, n, e.startYear, 1850, 1900)
  const s0 = meanOver(out.seaLevel, n, e.startYear, 1995, 2014)
  for (let i = 0; i < n; i++) {
    out.temperature[i] -= t0
    out.seaLevel[i] -= s0
  }
  out.startYear = e.startYear
  out.length = n
  return out
}

/** Runs the core and returns fresh arrays. */
export function runCore(e: EmissionsSeries, p: ClimateParams): CoreResult {
  return runCoreInto(e, p, createCoreResult(e.startYear, seriesLength(e)))
}
