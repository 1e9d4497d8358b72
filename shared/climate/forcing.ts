// Effective radiative forcing of CO2, CH4 and N2O from concentrations, after
// Meinshausen et al. (2020) as used in IPCC AR6, with AR6 tropospheric adjustments.
// Every function returns forcing relative to 1750 (the forcing at pre-industrial
// concentrations is subtracted), the same zero as the exogenous "other" forcing.

/** Pre-industrial (1750) concentrations: CO2 ppm, CH4 ppb, N2O ppb. */
export const PREINDUSTRIAL = { co2: 278.3, ch4: 729.2, n2o: 270.1 } as const

// Reference concentrations of the Meinshausen fits (not the same as 1750).
const C0 = 277.15
const M0 = 731.41
const N0 = 273.87
const A1 = -2.4785e-7
const B1 = 7.5906e-4
const C1 = -2.1492e-3
const D1 = 5.2488
const C_ALPHA_MAX = C0 - B1 / (2 * A1)
const A2 = -3.4197e-4
const B2 = 2.5455e-4
const C2 = -2.4357e-4
const D2 = 0.12173
const A3 = -8.9603e-5
const B3 = -1.2462e-4
const D3 = 0.045194
const SQRT_M0 = Math.sqrt(M0)
const SQRT_N0 = Math.sqrt(N0)
/** AR6 tropospheric adjustments turn stratosphere-adjusted into effective forcing. */
const ADJUST_CO2 = 1.05
const ADJUST_CH4 = 0.86
const ADJUST_N2O = 1.07

function co2Raw(c: number, n: number): number {
  let alpha: number
  if (c > C_ALPHA_MAX) alpha = D1 - (B1 * B1) / (4 * A1)
  else if (c > C0) alpha = D1 + A1 * (c - C0) * (c - C0) + B1 * (c - C0)
  else alpha = D1
  return (alpha + C1 * Math.sqrt(n)) * Math.log(c / C0)
}

function ch4Raw(m: number, n: number): number {
  return (A3 * Math.sqrt(m) + B3 * Math.sqrt(n) + D3) * (Math.sqrt(m) - SQRT_M0)
}

function n2oRaw(c: number, m: number, n: number): number {
  return (A2 * Math.sqrt(c) + B2 * Math.sqrt(n) + C2 * Math.sqrt(m) + D2) * (Math.sqrt(n) - SQRT_N0)
}

const P = PREINDUSTRIAL
const CO2_ZERO = co2Raw(P.co2, P.n2o)
const CH4_ZERO = ch4Raw(P.ch4, P.n2o)
const N2O_ZERO = n2oRaw(P.co2, P.ch4, P.n2o)

/** CO2 effective forcing, W/m2, for CO2 `c` ppm and N2O `n` ppb. */
export function co2Forcing(c: number, n: number): number {
  return ADJUST_CO2 * (co2Raw(c, n) - CO2_ZERO)
}

/** CH4 effective forcing, W/m2, for CH4 `m` ppb and N2O `n` ppb. */
export function ch4Forcing(m: number, n: number): number {
  return ADJUST_CH4 * (ch4Raw(m, n) - CH4_ZERO)
}

/** N2O effective forcing, W/m2, for CO2 `c` ppm, CH4 `m` ppb and N2O `n` ppb. */
export function n2oForcing(c: number, m: number, n: number): number {
  return ADJUST_N2O * (n2oRaw(c, m, n) - N2O_ZERO)
}

/** Forcing of doubled pre-industrial CO2 (about 3.93 W/m2, the AR6 value). */
export const FORCING_2XCO2 = co2Forcing(2 * P.co2, P.n2o)
