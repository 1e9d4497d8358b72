// Everything the scenario emits besides fuel CO2: land-use CO2 and removals, CH4, N2O,
// and the forcing of other agents (aerosols, ozone, F-gases), 2024-2100. Each starts
// from the 2024 value of the historical data so the scenario joins history smoothly.
import { estimateAerosolForcing } from './core'
import * as energyData from './energyData'
import type { LeverValues } from './levers'
import { ENERGY_YEARS, ramp } from './policy'
import type { EnergyResult } from './policy'
import { FIRST_YEAR, sspEmissions } from './reference'

// Module-level copies (see policy.ts).
const { BASE, BASE_YEAR, SOURCE_COUNT, SOURCES } = energyData

export interface LandAndGases {
  /** Land-use CO2 from clearing forests (some of it for bioenergy crops), GtCO2/yr. */
  deforestation: Float64Array
  /** CO2 taken up by new forests and restored land, GtCO2/yr (positive). */
  natureRemoval: Float64Array
  /** CO2 removed by machines and BECCS, GtCO2/yr (positive). */
  techRemoval: Float64Array
  ch4: Float64Array // Mt CH4/yr
  n2o: Float64Array // Mt N2O/yr
  aerosolForcing: Float64Array // W/m2
  otherForcing: Float64Array // W/m2, aerosols included
}

/** Shares of 2024 CH4 and what a full use of the methane lever cuts by 2050. */
const CH4_SPLIT = { fossil: 0.33, agriculture: 0.42, waste: 0.2, other: 0.05 }
const CH4_CUT = { fossil: 0.75, agriculture: 0.3, waste: 0.6 }
const N2O_SPLIT = { agriculture: 0.75, industry: 0.25 }
const N2O_CUT = { agriculture: 0.25, industry: 0.8 }
/** AR6 2019 forcing of tropospheric ozone, stratospheric water from CH4, and halocarbons. */
const OZONE = 0.47
const STRAT_H2O = 0.05
const HALOCARBONS = 0.41
/** Baseline fall of halocarbon forcing by 2100: ozone-depleting gases decay under the
 * Montreal Protocol faster than HFCs grow under the Kigali amendment. */
const HALOCARBON_DECLINE = 0.11
/** Further fall by 2100 at full use of the methane-and-other-gases lever. */
const HALOCARBON_CUT = 0.15
/** Air-quality policies keep cutting pollution per unit of fuel burnt, %/yr. */
const CLEAN_AIR = 0.01
/** Baseline land-use CO2 declines with this e-folding time, years. */
const LAND_DECLINE = 50
/** Bioenergy beyond 2024's level needs new land, partly cleared forest: GtCO2 per EJ/yr. */
const BIOENERGY_LAND_CO2 = 0.03

function smoothstep(u: number): number {
  const x = Math.min(Math.max(u, 0), 1)
  return x * x * (3 - 2 * x)
}

/** Uptake of new forests relative to full scale: grows in over 2025-2050, holds to
 * 2070, then halves by 2100 as the forests mature. */
export function forestUptake(year: number): number {
  return smoothstep((year - 2025) / 25) * (1 - 0.5 * ramp(year, 2070, 2100))
}

export function runLandAndGases(levers: LeverValues, energy: EnergyResult): LandAndGases {
  const n = ENERGY_YEARS
  const f = (): Float64Array => new Float64Array(n)
  const out: LandAndGases = {
    deforestation: f(), natureRemoval: f(), techRemoval: f(), ch4: f(), n2o: f(), aerosolForcing: f(), otherForcing: f(),
  }
  const data = sspEmissions('ssp245')
  const i0 = BASE_YEAR - FIRST_YEAR
  const land0 = data.co2Land[i0]
  const ch40 = data.ch4[i0]
  const n2o0 = data.n2o[i0]
  const aerosol0 = estimateAerosolForcing(BASE_YEAR, data.co2Fossil[i0])
  // Whatever the named agents do not explain in 2024 (land albedo, contrails, natural
  // forcing) is held constant.
  const rest = data.otherForcing[i0] - aerosol0 - OZONE - STRAT_H2O - HALOCARBONS
  const use = (k: number, i: number): number => energy.primary[SOURCES[i]][k]
  let leak0 = 0
  let soot0 = 0
  let burnt0 = 0
  for (let k = 0; k < n; k++) {
    const year = BASE_YEAR + k
    let leak = 0
    let soot = 0
    let burnt = 0
    for (let i = 0; i < SOURCE_COUNT; i++) {
      leak += use(k, i) * BASE.methanePerEJ[i]
      soot += use(k, i) * BASE.aerosolPerEJ[i]
      if (BASE.co2PerEJ[i] > 0) burnt += use(k, i)
    }
    if (k === 0) {
      leak0 = leak
      soot0 = soot
      burnt0 = burnt
    }
    // Land: clearing declines slowly, grows with bioenergy crops; the lever scales it from 2025 to 2035.
    const bioenergyLand = Math.max(energy.primary.bioenergy[k] - energy.primary.bioenergy[0], 0) * BIOENERGY_LAND_CO2
    const clearing = land0 * Math.exp(-k / LAND_DECLINE) + bioenergyLand
    out.deforestation[k] = clearing * (1 + (levers.deforestation / 100) * ramp(year, 2025, 2035))
    out.natureRemoval[k] = levers.afforestation * forestUptake(year)
    out.techRemoval[k] = levers.techRemoval * smoothstep((year - 2030) / 40)
    // CH4: leaks follow fossil fuel use; farming and waste follow people and income.
    const people = energy.population[k] / BASE.population
    const income = energy.gdpPerPerson[k]
    const cut = (levers.methane / 100) * ramp(year, 2025, 2050)
    out.ch4[k] = ch40 * (
      CH4_SPLIT.fossil * (leak / leak0) * (1 - cut * CH4_CUT.fossil) +
      CH4_SPLIT.agriculture * people * income ** 0.2 * (1 - cut * CH4_CUT.agriculture) +
      CH4_SPLIT.waste * people * income ** 0.3 * (1 - cut * CH4_CUT.waste) +
      CH4_SPLIT.other)
    out.n2o[k] = n2o0 * (
      N2O_SPLIT.agriculture * people * income ** 0.15 * (1 - cut * N2O_CUT.agriculture) +
      N2O_SPLIT.industry * (burnt / burnt0) * (1 - cut * N2O_CUT.industry))
    // Aerosols fall with fuel burnt (coal most) and with cleaner combustion.
    const clean = (1 - CLEAN_AIR) ** k
    out.aerosolForcing[k] = aerosol0 * (soot / soot0) * clean
    // Ozone follows CH4 (40 %) and combustion (60 %).
    const ozone = OZONE * (0.4 * (out.ch4[k] / ch40) + 0.6 * (burnt / burnt0) * clean)
    const halocarbons = HALOCARBONS - (HALOCARBON_DECLINE + HALOCARBON_CUT * (levers.methane / 100)) * ramp(year, 2025, 2100)
    out.otherForcing[k] = out.aerosolForcing[k] + ozone + STRAT_H2O * (out.ch4[k] / ch40) + halocarbons + rest
  }
  return out
}
