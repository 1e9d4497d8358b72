// runScenario: levers -> energy-economy model -> emissions -> climate core.
// History (1750-2014) and SSP2-4.5 (2015-2023) up to the 2024 base year, then the
// policy model, which starts exactly on the data's 2024 values.
import type { EmissionsSeries } from './core'
import { BASE_YEAR } from './energyData'
import type { Source } from './energyData'
import { runLandAndGases } from './landAndGases'
import type { LandAndGases } from './landAndGases'
import { ClimateInputError } from './errors'
import type { LeverValues } from './levers'
import { ENERGY_YEARS, runEnergy } from './policy'
import type { EnergyResult } from './policy'
import { FIRST_YEAR, LAST_YEAR, sspEmissions } from './reference'
import type { EmissionsArrays } from './reference'
import { runClimate } from './run'
import { checkLevers } from './scenarioFile'
import type { ClimateOptions, ClimateRun } from './run'

/** 100-year global warming potentials (AR6; CH4 averaged over fossil and other sources). */
export const GWP100 = { ch4: 28, n2o: 273 } as const

/** GtCO2-equivalent of CO2 (Gt), CH4 and N2O (Mt), by GWP100. */
export function co2Equivalent(co2: number, ch4: number, n2o: number): number {
  return co2 + (ch4 * GWP100.ch4 + n2o * GWP100.n2o) / 1000
}

export type ScenarioOptions = Omit<ClimateOptions, 'spinUp'>

export interface ScenarioResult extends ClimateRun {
  /** Every lever's value, defaults filled in. */
  levers: LeverValues
  /** Emissions over `years`. */
  emissions: {
    co2Fossil: Float64Array // GtCO2/yr, net of technological removal
    co2Land: Float64Array // GtCO2/yr, net of nature-based removal
    ch4: Float64Array // Mt CH4/yr
    n2o: Float64Array // Mt N2O/yr
    /** All of the above in GtCO2-equivalent (GWP100). */
    ghgCo2e: Float64Array
  }
  /** Breakdowns from the policy model, over `policy.years` (2024-2100). */
  policy: {
    years: Float64Array
    /** CO2 by source, GtCO2/yr; removals are negative. */
    co2BySource: {
      coal: Float64Array; oil: Float64Array; gas: Float64Array; process: Float64Array
      deforestation: Float64Array; natureRemoval: Float64Array; techRemoval: Float64Array
    }
    /** Primary energy supply by source, EJ/yr (the energy mix). */
    energyBySource: Record<Source, Float64Array>
    /** Electricity generation by source, EJ/yr. */
    electricityBySource: Record<Source, Float64Array>
    finalEnergy: { transport: Float64Array; buildingsIndustry: Float64Array; electricity: Float64Array }
    population: Float64Array
    gdpPerPerson: Float64Array
    carbonPrice: Float64Array
    electricityPrice: Float64Array
    aerosolForcing: Float64Array
  }
}

/** The scenario's annual emissions 1750-2100 (what the climate core is driven with). */
export function scenarioEmissions(energy: EnergyResult, land: LandAndGases): EmissionsArrays {
  const spin = sspEmissions('ssp245')
  const n = LAST_YEAR - FIRST_YEAR + 1
  const join = BASE_YEAR - FIRST_YEAR
  const e: EmissionsArrays = {
    startYear: FIRST_YEAR,
    co2Fossil: new Float64Array(n), co2Land: new Float64Array(n), ch4: new Float64Array(n), n2o: new Float64Array(n),
    otherForcing: new Float64Array(n), aerosolForcing: new Float64Array(n),
  }
  e.co2Fossil.set(spin.co2Fossil.subarray(0, join))
  e.co2Land.set(spin.co2Land.subarray(0, join))
  e.ch4.set(spin.ch4.subarray(0, join))
  e.n2o.set(spin.n2o.subarray(0, join))
  e.otherForcing.set(spin.otherForcing.subarray(0, join))
  const aerosol = e.aerosolForcing as Float64Array
  aerosol.set(spin.aerosolForcing.subarray(0, join))
  for (let k = 0; k < ENERGY_YEARS; k++) {
    const i = join + k
    e.co2Fossil[i] = energy.co2Coal[k] + energy.co2Oil[k] + energy.co2Gas[k] + energy.co2Process[k] - land.techRemoval[k]
    e.co2Land[i] = land.deforestation[k] - land.natureRemoval[k]
    e.ch4[i] = land.ch4[k]
    e.n2o[i] = land.n2o[k]
    e.otherForcing[i] = land.otherForcing[k]
    aerosol[i] = land.aerosolForcing[k]
  }
  return e
}

/**
 * Runs a policy scenario; levers left out keep their status-quo value. Throws
 * ClimateInputError naming the lever for values out of range, not numbers, or
 * impossible together (call checkLevers first to show the problem instead).
 */
export function runScenario(levers: Partial<LeverValues> = {}, options: ScenarioOptions = {}): ScenarioResult {
  const { levers: all, issues } = checkLevers(levers)
  if (issues.length > 0) throw new ClimateInputError(issues)
  const energy = runEnergy(all)
  const land = runLandAndGases(all, energy)
  const emissions: EmissionsSeries = scenarioEmissions(energy, land)
  const climate = runClimate(emissions, options)
  const from = climate.years[0] - FIRST_YEAR
  const n = climate.years.length
  const cut = (a: ArrayLike<number>): Float64Array => Float64Array.from({ length: n }, (_, i) => a[from + i])
  const ghg = new Float64Array(n)
  const fossil = cut(emissions.co2Fossil)
  const landCo2 = cut(emissions.co2Land)
  const ch4 = cut(emissions.ch4)
  const n2o = cut(emissions.n2o)
  for (let i = 0; i < n; i++) ghg[i] = co2Equivalent(fossil[i] + landCo2[i], ch4[i], n2o[i])
  const negative = (a: Float64Array): Float64Array => a.map((v) => -v)
  return {
    ...climate,
    levers: all,
    emissions: { co2Fossil: fossil, co2Land: landCo2, ch4, n2o, ghgCo2e: ghg },
    policy: {
      years: energy.years,
      co2BySource: {
        coal: energy.co2Coal, oil: energy.co2Oil, gas: energy.co2Gas, process: energy.co2Process,
        deforestation: land.deforestation, natureRemoval: negative(land.natureRemoval), techRemoval: negative(land.techRemoval),
      },
      energyBySource: energy.primary,
      electricityBySource: energy.generation,
      finalEnergy: { transport: energy.finalTransport, buildingsIndustry: energy.finalBuildingsIndustry, electricity: energy.finalElectricity },
      population: energy.population,
      gdpPerPerson: energy.gdpPerPerson,
      carbonPrice: energy.carbonPrice,
      electricityPrice: energy.electricityPrice,
      aerosolForcing: land.aerosolForcing,
    },
  }
}
