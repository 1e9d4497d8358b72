// World Climate: each bloc's pledge turns its share of the baseline into emissions,
// which drive the same climate core as the policy levers.
//
// - Baseline: the policy model with every lever at status quo (runScenario({})).
// - A bloc's baseline fossil CO2 = its share (moving linearly from today's to 2100's)
//   x world baseline fossil CO2; its pledge reshapes it (pledges.ts).
// - A bloc cutting fossil CO2 to a fraction f of its baseline also cuts its CH4 by
//   (1 - f) / 2 (fossil methane goes with the fuel, some farm and waste measures come
//   along) and its N2O by 0.3 (1 - f).
// - Deforestation: the bloc's share of baseline land-use CO2, cut by the pledge by 2035.
//   Afforestation: the pledged % of the bloc's share of the 6 GtCO2/yr world potential.
// - Aerosol cooling scales with world fossil CO2 against the baseline.
import { BLOCS, baselineShare } from './blocs'
import { BASE_YEAR } from './energyData'
import type { BlocSet } from './blocs'
import { ClimateInputError } from './errors'
import { forestUptake, runLandAndGases } from './landAndGases'
import type { LandAndGases } from './landAndGases'
import { DEFAULT_LEVERS, LEVERS_BY_ID } from './levers'
import { checkPledges, pledgedEmissions } from './pledges'
import { ENERGY_YEARS, ramp, runEnergy } from './policy'
import type { EnergyResult } from './policy'
import { FIRST_YEAR } from './reference'
import type { EmissionsArrays } from './reference'
import { runClimate } from './run'
import type { ClimateRun } from './run'
import { co2Equivalent, scenarioEmissions } from './scenario'
import type { ScenarioOptions } from './scenario'

export interface WorldClimateOptions extends ScenarioOptions {
  blocs: BlocSet
}

export interface BlocEmissions {
  id: string
  name: string
  /** Over `pledgeYears`, 2024-2100. */
  fossilCo2: Float64Array // GtCO2/yr
  baselineFossilCo2: Float64Array
  co2Land: Float64Array // GtCO2/yr, net of afforestation
  ch4: Float64Array // Mt/yr
  n2o: Float64Array // Mt/yr
  ghgCo2e: Float64Array // GtCO2e/yr (GWP100)
  /** Fossil CO2 per person in 2024, tCO2. */
  fossilPerPerson2024: number
  climateFund: number
}

export interface WorldClimateResult extends ClimateRun {
  blocSet: BlocSet
  pledgeYears: Float64Array
  blocs: BlocEmissions[]
  /** World emissions over `years`. */
  emissions: { co2Fossil: Float64Array; co2Land: Float64Array; ch4: Float64Array; n2o: Float64Array }
  baselineWarming2100: number
  /** Sea-level rise in 2100 with no pledges, relative to 1995-2014, m. */
  baselineSeaLevel2100: number
  /** $ billion per year pledged to, asked from, and left in the climate fund. */
  climateFund: { contributions: number; requests: number; balance: number }
}

interface Baseline {
  energy: EnergyResult
  land: LandAndGases
  emissions: EmissionsArrays
  warming2100: number
  seaLevel2100: number
}
let cachedBaseline: Baseline | null = null

function baseline(): Baseline {
  if (!cachedBaseline) {
    const energy = runEnergy(DEFAULT_LEVERS)
    const land = runLandAndGases(DEFAULT_LEVERS, energy)
    const emissions = scenarioEmissions(energy, land)
    const run = runClimate(emissions)
    cachedBaseline = { energy, land, emissions, warming2100: run.warming2100, seaLevel2100: seaLevelIn2100(run) }
  }
  return cachedBaseline
}

const seaLevelIn2100 = (run: ClimateRun): number => run.seaLevel[Math.min(2100 - run.years[0], run.years.length - 1)]

/** Warming and sea level in 2100 with no pledges, for the default parameters or the given ones. */
function baselineWith(base: Baseline, params: WorldClimateOptions['params']): Pick<WorldClimateResult, 'baselineWarming2100' | 'baselineSeaLevel2100'> {
  if (!params) return { baselineWarming2100: base.warming2100, baselineSeaLevel2100: base.seaLevel2100 }
  const run = runClimate(base.emissions, { params })
  return { baselineWarming2100: run.warming2100, baselineSeaLevel2100: seaLevelIn2100(run) }
}

/** Runs the World Climate model; throws ClimateInputError naming bloc and field for bad pledges. */
export function runWorldClimate(pledgesInput: unknown, options: WorldClimateOptions): WorldClimateResult {
  const { pledges, issues } = checkPledges(pledgesInput, options.blocs)
  if (issues.length > 0) throw new ClimateInputError(issues)
  const base = baseline()
  const join = BASE_YEAR - FIRST_YEAR
  const n = ENERGY_YEARS
  const worldFossil = base.emissions.co2Fossil.subarray(join, join + n)
  const totalFossil = new Float64Array(n)
  const world: EmissionsArrays = {
    startYear: FIRST_YEAR,
    co2Fossil: base.emissions.co2Fossil.slice(), co2Land: base.emissions.co2Land.slice(),
    ch4: base.emissions.ch4.slice(), n2o: base.emissions.n2o.slice(),
    otherForcing: base.emissions.otherForcing.slice(), aerosolForcing: base.emissions.aerosolForcing?.slice(),
  }
  for (let k = 0; k < n; k++) {
    world.co2Fossil[join + k] = 0
    world.co2Land[join + k] = 0
    world.ch4[join + k] = 0
    world.n2o[join + k] = 0
  }
  const maxForest = LEVERS_BY_ID.afforestation.max
  const blocs = BLOCS[options.blocs].map((bloc): BlocEmissions => {
    const pledge = pledges[bloc.id]
    const baselineFossil = worldFossil.map((v, k) => v * baselineShare(bloc, BASE_YEAR + k))
    const fossil = pledgedEmissions(baselineFossil, pledge, BASE_YEAR)
    const out: BlocEmissions = {
      id: bloc.id, name: bloc.name, fossilCo2: fossil, baselineFossilCo2: baselineFossil,
      co2Land: new Float64Array(n), ch4: new Float64Array(n), n2o: new Float64Array(n), ghgCo2e: new Float64Array(n),
      fossilPerPerson2024: (worldFossil[0] * bloc.share.co2Fossil) / bloc.population,
      climateFund: pledge.climateFund,
    }
    for (let k = 0; k < n; k++) {
      const year = BASE_YEAR + k
      const kept = baselineFossil[k] > 0 ? fossil[k] / baselineFossil[k] : 1
      const cut = 1 - kept
      const defor = base.land.deforestation[k] * bloc.share.co2Land * (1 - (pledge.deforestationCut / 100) * ramp(year, 2025, 2035))
      const forest = maxForest * bloc.afforestationPotential * (pledge.afforestation / 100) * forestUptake(year)
      out.co2Land[k] = defor - forest
      out.ch4[k] = base.land.ch4[k] * bloc.share.ch4 * (1 - 0.5 * cut)
      out.n2o[k] = base.land.n2o[k] * bloc.share.n2o * (1 - 0.3 * cut)
      out.ghgCo2e[k] = co2Equivalent(fossil[k] + out.co2Land[k], out.ch4[k], out.n2o[k])
      totalFossil[k] += fossil[k]
      world.co2Fossil[join + k] += fossil[k]
      world.co2Land[join + k] += out.co2Land[k]
      world.ch4[join + k] += out.ch4[k]
      world.n2o[join + k] += out.n2o[k]
    }
    return out
  })
  // Aerosol cooling follows world fossil CO2.
  const aerosol = world.aerosolForcing as Float64Array
  for (let k = 0; k < n; k++) {
    const ratio = worldFossil[k] > 0 ? Math.max(totalFossil[k] / worldFossil[k], 0) : 1
    const before = aerosol[join + k]
    aerosol[join + k] = before * ratio
    world.otherForcing[join + k] += aerosol[join + k] - before
  }
  const climate = runClimate(world, options)
  const from = climate.years[0] - FIRST_YEAR
  const cut = (a: Float64Array): Float64Array => a.slice(from, from + climate.years.length)
  const contributions = blocs.reduce((s, b) => s + Math.max(b.climateFund, 0), 0)
  const requests = blocs.reduce((s, b) => s + Math.max(-b.climateFund, 0), 0)
  return {
    ...climate,
    blocSet: options.blocs,
    pledgeYears: Float64Array.from({ length: n }, (_, k) => BASE_YEAR + k),
    blocs,
    emissions: { co2Fossil: cut(world.co2Fossil), co2Land: cut(world.co2Land), ch4: cut(world.ch4), n2o: cut(world.n2o) },
    ...baselineWith(base, options.params),
    climateFund: { contributions, requests, balance: contributions - requests },
  }
}
