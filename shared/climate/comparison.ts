// The five SSP pathways run through our own core, for faint comparison lines beside a
// group's scenario. Computed once per first year and kept.
import { co2Equivalent } from './scenario'
import { SSP_IDS, SSP_LABELS, sspEmissions } from './reference'
import type { SspId } from './reference'
import { runClimate } from './run'

export interface ReferencePathway {
  id: SspId
  label: string
  years: Float64Array
  temperature: Float64Array
  co2Ppm: Float64Array
  /** Sea-level rise relative to 1995-2014, m. */
  seaLevel: Float64Array
  co2Fossil: Float64Array
  co2Land: Float64Array
  ghgCo2e: Float64Array
  warming2100: number
}

const cache = new Map<number, readonly ReferencePathway[]>()

/** Every SSP from `from` (default 1850) to 2100, with the default parameter set. */
export function referencePathways(from = 1850): readonly ReferencePathway[] {
  let lines = cache.get(from)
  if (!lines) {
    lines = SSP_IDS.map((id) => {
      const e = sspEmissions(id)
      const run = runClimate(e, { outputFrom: from })
      const i0 = run.years[0] - e.startYear
      const pick = (a: Float64Array): Float64Array => a.slice(i0, i0 + run.years.length)
      const co2Fossil = pick(e.co2Fossil)
      const co2Land = pick(e.co2Land)
      const ch4 = pick(e.ch4)
      const n2o = pick(e.n2o)
      const ghgCo2e = co2Fossil.map((v, i) => co2Equivalent(v + co2Land[i], ch4[i], n2o[i]))
      return {
        id, label: SSP_LABELS[id], years: run.years, temperature: run.temperature, co2Ppm: run.co2Ppm, seaLevel: run.seaLevel,
        co2Fossil, co2Land, ghgCo2e, warming2100: run.warming2100,
      }
    })
    cache.set(from, lines)
  }
  return lines
}
