// The climate core's speed: one full 1750-2100 run, a 50-member uncertainty band, and
// a whole slider move (policy model + core + band).
//
// The AR6 calibration (62d1134) must cost no speed: the full run and the band are
// measured with today's parameter sets and, in the same process and the same way,
// with the sets from before it (climate-precalibration.ts), interleaved in rounds so
// the machine's load falls on both alike.
//
// Baseline, measured in the same run: the same equations written the plain way, with
// JS arrays and an object per year, fresh arrays for the carbon boxes each step, and
// the energy-balance step matrix rebuilt on every run. It is checked to give the same
// temperatures (counts.baselineAgrees), so the comparison is about the writing only.
import { createCoreResult, runCoreInto } from '../../shared/climate/core'
import type { EmissionsSeries } from '../../shared/climate/core'
import { annualStep } from '../../shared/climate/energyBalance'
import { ch4Forcing, co2Forcing, n2oForcing, PREINDUSTRIAL } from '../../shared/climate/forcing'
import { DEFAULT_PARAMS, ENSEMBLE } from '../../shared/climate/params'
import type { ClimateParams } from '../../shared/climate/params'
import { sspEmissions } from '../../shared/climate/reference'
import { percentile, runClimate, temperatureBand } from '../../shared/climate/run'
import { runScenario } from '../../shared/climate/scenario'
import { estimateAerosolForcing } from '../../shared/climate/core'
import { ENSEMBLE_BEFORE_FORCING } from './climate-ensemble-before'
import { PRE_CALIBRATION_DEFAULT, PRE_CALIBRATION_ENSEMBLE } from './climate-precalibration'
import { summarise, type BenchResult } from './types'

export type { BenchResult }

const TIME_PER_CASE_MS = 1500

function measure(fn: () => void, maxSamples: number): { median: number; p95: number; samples: number } {
  for (let i = 0; i < 20; i++) fn() // warm the JIT
  const times: number[] = []
  const deadline = performance.now() + TIME_PER_CASE_MS
  while (times.length < maxSamples && (times.length < 20 || performance.now() < deadline)) {
    const t0 = performance.now()
    fn()
    times.push(performance.now() - t0)
  }
  return summarise(times)
}

const round = (x: number): number => Math.round(x * 10000) / 10000

interface YearRecord { year: number; co2: number; ch4: number; n2o: number; forcing: number; temperature: number }

/** The plain-JS baseline: same model, written without preallocation. */
function naiveRun(e: EmissionsSeries, p: ClimateParams): number[] {
  const a = [0.2173, 0.224, 0.2824, 0.2763]
  const tau = [1e9, 394.4, 36.54, 4.304]
  const step = Array.from(annualStep(p))
  let boxes = [0, 0, 0, 0]
  let layers = [0, 0, 0]
  let cumulative = 0
  let m: number = PREINDUSTRIAL.ch4
  let nn: number = PREINDUSTRIAL.n2o
  const records: YearRecord[] = []
  for (let i = 0; i < e.co2Fossil.length; i++) {
    const year = e.startYear + i
    const emitted = e.co2Fossil[i] + e.co2Land[i]
    const airborne = boxes.reduce((s, b) => s + b, 0)
    const iirf = Math.min(p.r0 + p.rU * (cumulative - airborne) + p.rT * layers[0] + p.rA * airborne, 100)
    const alpha = 0.010178288 * Math.exp(iirf / 11.41262243)
    boxes = boxes.map((b, j) => {
      const k = 1 / (alpha * tau[j])
      return a[j] * emitted * (-Math.expm1(-k) / k) + b * Math.exp(-k)
    })
    cumulative += emitted
    const co2 = PREINDUSTRIAL.co2 + boxes.reduce((s, b) => s + b, 0) / 7.8
    const tauM = p.ch4Tau + p.ch4TauPerMt * (m - PREINDUSTRIAL.ch4) * 2.84 + p.ch4TauPerK * layers[0]
    m = m * Math.exp(-1 / tauM) + ((e.ch4[i] + p.ch4Natural) / 2.84) * tauM * (1 - Math.exp(-1 / tauM))
    nn = nn * Math.exp(-1 / p.n2oTau) + ((e.n2o[i] + p.n2oNatural) / 7.8) * p.n2oTau * (1 - Math.exp(-1 / p.n2oTau))
    const aerosol = e.aerosolForcing ? e.aerosolForcing[i] : estimateAerosolForcing(year, e.co2Fossil[i])
    const other = p.otherScale * (e.otherForcing[i] - aerosol) + p.aerosolScale * aerosol
    const forcing = co2Forcing(co2, nn) + ch4Forcing(m, nn) + n2oForcing(co2, m, nn) + other
    layers = [0, 1, 2].map((r) => step[r * 3] * layers[0] + step[r * 3 + 1] * layers[1] + step[r * 3 + 2] * layers[2] + step[9 + r] * forcing)
    records.push({ year, co2, ch4: m, n2o: nn, forcing, temperature: layers[0] })
  }
  const base = records.filter((r) => r.year >= 1850 && r.year <= 1900)
  const offset = base.reduce((s, r) => s + r.temperature, 0) / base.length
  return records.map((r) => r.temperature - offset)
}

/**
 * Two functions timed alternately (ROUNDS rounds, each sampling one then the other),
 * so a slow patch of the shared machine lands on both.
 */
function measurePair(a: () => void, b: () => void, maxSamples: number): [ReturnType<typeof summarise>, ReturnType<typeof summarise>] {
  const ROUNDS = 6
  const times: [number[], number[]] = [[], []]
  for (let i = 0; i < 20; i++) { a(); b() }
  const per = Math.ceil(maxSamples / ROUNDS)
  const deadline = performance.now() + 2 * TIME_PER_CASE_MS
  for (let round = 0; round < ROUNDS; round++) {
    for (const [k, fn] of [[0, a], [1, b]] as const) {
      for (let i = 0; i < per && (i < 10 || performance.now() < deadline); i++) {
        const t0 = performance.now()
        fn()
        times[k].push(performance.now() - t0)
      }
    }
  }
  return [summarise(times[0]), summarise(times[1])]
}

export async function benchClimate(): Promise<BenchResult[]> {
  const emissions = sspEmissions('ssp245')
  const out = createCoreResult(emissions.startYear, 351)
  const results: BenchResult[] = []

  const fast = runCoreInto(emissions, DEFAULT_PARAMS, out).temperature.slice()
  const plain = naiveRun(emissions, DEFAULT_PARAMS)
  const agrees = plain.every((t, i) => Math.abs(t - fast[i]) < 1e-9) ? 1 : 0
  const core = measure(() => runCoreInto(emissions, DEFAULT_PARAMS, out), 5000)
  const naive = measure(() => naiveRun(emissions, DEFAULT_PARAMS), 5000)
  results.push({
    name: 'climate: one full run 1750-2100 (SSP2-4.5)',
    unit: 'ms', median: round(core.median), p95: round(core.p95), samples: core.samples,
    baseline: { name: 'same model in plain JS arrays, an object per year', median: round(naive.median), p95: round(naive.p95) },
    counts: { years: 351, baselineAgrees: agrees },
    target: 'median under 0.5 ms',
  })
  await new Promise((resolve) => setTimeout(resolve, 0))

  // Today's calibrated sets beside the pre-calibration ones: same core, same pathway.
  const [calibrated, before] = measurePair(
    () => runCoreInto(emissions, DEFAULT_PARAMS, out), () => runCoreInto(emissions, PRE_CALIBRATION_DEFAULT, out), 5000)
  results.push({
    name: 'climate: one full run 1750-2100 (SSP2-4.5), AR6-calibrated default',
    unit: 'ms', median: round(calibrated.median), p95: round(calibrated.p95), samples: calibrated.samples,
    baseline: { name: 'pre-calibration default, same run', median: round(before.median), p95: round(before.p95) },
    counts: { years: 351 },
    target: 'no slower than the pre-calibration default',
  })
  await new Promise((resolve) => setTimeout(resolve, 0))
  const [calibratedBand, beforeBand] = measurePair(
    () => temperatureBand(emissions, ENSEMBLE, 0, 351), () => temperatureBand(emissions, PRE_CALIBRATION_ENSEMBLE, 0, 351), 600)
  results.push({
    name: `climate: ${ENSEMBLE.length}-member band 1750-2100, AR6-calibrated ensemble`,
    unit: 'ms', median: round(calibratedBand.median), p95: round(calibratedBand.p95), samples: calibratedBand.samples,
    baseline: { name: `pre-calibration ${PRE_CALIBRATION_ENSEMBLE.length}-member ensemble, same run`, median: round(beforeBand.median), p95: round(beforeBand.p95) },
    counts: { members: ENSEMBLE.length, years: 351 },
    target: 'no slower than the pre-calibration ensemble',
  })
  await new Promise((resolve) => setTimeout(resolve, 0))

  // Forcing uncertainty (issue 17): today's members also scale the aerosol and other
  // forcing on their own; the members from before it, same core, same run.
  const [withForcing, withoutForcing] = measurePair(
    () => temperatureBand(emissions, ENSEMBLE, 0, 351), () => temperatureBand(emissions, ENSEMBLE_BEFORE_FORCING, 0, 351), 600)
  results.push({
    name: `climate: ${ENSEMBLE.length}-member band 1750-2100, forcing uncertainty sampled`,
    unit: 'ms', median: round(withForcing.median), p95: round(withForcing.p95), samples: withForcing.samples,
    baseline: { name: `the ${ENSEMBLE_BEFORE_FORCING.length} members before forcing uncertainty, same run`, median: round(withoutForcing.median), p95: round(withoutForcing.p95) },
    counts: { members: ENSEMBLE.length, years: 351 },
    target: 'no slower than the members before forcing uncertainty',
  })
  await new Promise((resolve) => setTimeout(resolve, 0))
  let movePrice = 0
  const [moveWith, moveWithout] = measurePair(
    () => { movePrice = (movePrice + 5) % 250; runScenario({ carbonPrice: movePrice }, { ensemble: ENSEMBLE, outputFrom: 1990 }) },
    () => { movePrice = (movePrice + 5) % 250; runScenario({ carbonPrice: movePrice }, { ensemble: ENSEMBLE_BEFORE_FORCING, outputFrom: 1990 }) },
    600)
  results.push({
    name: 'climate: one slider move with the band, forcing uncertainty sampled',
    unit: 'ms', median: round(moveWith.median), p95: round(moveWith.p95), samples: moveWith.samples,
    baseline: { name: 'same move with the members before forcing uncertainty, same run', median: round(moveWithout.median), p95: round(moveWithout.p95) },
    counts: { members: ENSEMBLE.length },
    target: 'no slower than before',
  })
  await new Promise((resolve) => setTimeout(resolve, 0))

  const band = measure(() => temperatureBand(emissions, ENSEMBLE, 0, 351), 500)
  const naiveBand = measure(() => {
    const runs = ENSEMBLE.map((p) => Array.from(runClimate(emissions, { params: p }).temperature))
    runs[0].map((_, y) => {
      const column = Float64Array.from(runs.map((r) => r[y])).sort()
      return [percentile(column, 17), percentile(column, 83)]
    })
  }, 500)
  results.push({
    name: `climate: ${ENSEMBLE.length}-member uncertainty band 1750-2100`,
    unit: 'ms', median: round(band.median), p95: round(band.p95), samples: band.samples,
    baseline: { name: 'runClimate per member with fresh arrays, then per-year percentiles', median: round(naiveBand.median), p95: round(naiveBand.p95) },
    counts: { members: ENSEMBLE.length, years: 351 },
    target: 'a few ms',
  })
  await new Promise((resolve) => setTimeout(resolve, 0))

  let price = 0
  const slider = measure(() => {
    price = (price + 5) % 250
    runScenario({ carbonPrice: price }, { ensemble: true, outputFrom: 1990 })
  }, 500)
  results.push({
    name: 'climate: one slider move (policy model + core + 50-member band, shown from 1990)',
    unit: 'ms', median: round(slider.median), p95: round(slider.p95), samples: slider.samples,
    target: 'well under one frame (16 ms)',
  })
  return results
}
