// Parameter sets of the climate core: the default set and the uncertainty ensemble.
//
// How the default set was obtained (calibrate.ts holds the checks; tests rerun them in
// tests/unit/shared/climate/assessment.test.ts and core.test.ts):
// - Energy balance: ECS fixed at the AR6 best estimate, 3.0 K (k1 = F2x / 3 with
//   F2x = 3.94 W/m2 from the Meinshausen CO2 formula). Heat capacities and exchange
//   coefficients (C = 5, 25, 100; k2 = 3, k3 = 0.6; eps = 1.3) lie inside the ranges of
//   FaIR's calibrated ensemble (C1 3-8, C2 10-30, C3 50-150, eps 1-1.5) and were chosen,
//   as round values, so that TCR is AR6's best estimate, 1.80 K, and warming in
//   2041-2060 and 2081-2100 meets AR6 Table SPM.1 for all five SSPs. A free search over
//   these parameters found nothing better than about 0.05 K on the worst SSP.
// - Aerosols: the bundled pathways carry RCMIP's aerosol forcing (-1.06 W/m2 in 2019,
//   AR6 central -1.1); the default scales it by 0.75 (-0.80 W/m2 in 2019, inside AR6's
//   very likely -1.7 to -0.4), solved so the 2011-2020 warming is 1.09 K with ECS 3 and
//   TCR 1.8. A stronger aerosol cooling would need a TCR near 2.0 to match the record,
//   and that runs SSP5-8.5 0.2 K too warm.
// - Carbon cycle: FaIR v2 coefficients from CLIMATE.md, except r0 = 28 instead of 29,
//   which brings 2019 CO2 from 414 to 411.6 ppm (observed 410) at the cost of 2000
//   (368.0 against 369.7). CH4 and N2O use the published lifetimes; their natural
//   emissions hold 1750 concentrations steady with 1750 anthropogenic emissions.
// - Sea level: thermal expansion from the heat the three layers hold (AR6's expansion
//   efficiency, 0.113 m per YJ of ocean heat), plus glaciers and ice sheets rising at
//   1.6 mm/yr per K above -0.38 K (a Rahmstorf 2007 rate), the two ice numbers fitted to
//   AR6's median 2100 rise for the five SSPs and the 0.20 m of 1901-2018.
//
// What the default gives (observed or AR6 in brackets): CO2 1850 282.6 (284-285.5),
// 2000 368.0 (369.7), 2010 388.4 (389.9), 2019 411.6 (409.9) ppm; warming 2011-2020
// 1.09 (1.09) K; cumulative CO2 1850-2014 2095 (about 2100) GtCO2; ECS 3.00, TCR 1.80 K.
// Warming 2041-2060: SSP1-1.9 1.56 (1.6), SSP1-2.6 1.73 (1.7), SSP2-4.5 1.98 (2.0),
// SSP3-7.0 2.16 (2.1), SSP5-8.5 2.34 (2.4) K; 2081-2100: 1.39 (1.4), 1.78 (1.8),
// 2.66 (2.7), 3.66 (3.6), 4.40 (4.4) K. Sea level in 2100: 0.39 (0.38), 0.44 (0.44),
// 0.56 (0.56), 0.68 (0.68), 0.77 (0.77) m; rise 1901-2018 0.20 m (0.20); thermal
// expansion in 2100 0.11 to 0.32 m (AR6 0.12 to 0.30).
import type { EnergyBalanceParams } from './energyBalance'
import { FORCING_2XCO2 } from './forcing'

export interface ClimateParams extends EnergyBalanceParams {
  name: string
  /** iIRF100 = r0 + rU * uptake + rT * T + rA * airborne (GtCO2, K), capped at 100. */
  r0: number
  rU: number
  rT: number
  rA: number
  /** CH4 lifetime, years: base + perMt * (burden above pre-industrial, Mt) + perK * T. */
  ch4Tau: number
  ch4TauPerMt: number
  ch4TauPerK: number
  n2oTau: number
  /** Natural emissions that hold pre-industrial concentrations steady, Mt/yr. */
  ch4Natural: number
  n2oNatural: number
  /** Multiplies the aerosol part of the other forcing (1 = the data's RCMIP values, -1.06 W/m2 in 2019). */
  aerosolScale: number
  /** Sea level from glaciers and ice sheets: rate, m/yr per K, and the temperature at which it would be zero, K. */
  seaLevelRate: number
  seaLevelT0: number
  /** Thermal expansion, m per W yr m-2 of heat held by the three layers. */
  seaLevelExpansion: number
}

/**
 * Thermal expansion per unit of heat stored, m per (W yr m-2): AR6's 0.113 m per YJ
 * of ocean heat, times the 0.0161 YJ one W yr m-2 puts into the whole Earth, times
 * the 91 % of it the ocean takes up.
 */
export const SEA_LEVEL_EXPANSION = 0.113 * 0.0161 * 0.91

export const DEFAULT_PARAMS: ClimateParams = {
  name: 'default',
  c1: 5, c2: 25, c3: 100, k1: FORCING_2XCO2 / 3, k2: 3, k3: 0.6, eps: 1.3,
  r0: 28, rU: 0.00846, rT: 4, rA: 0.000819,
  ch4Tau: 8.25, ch4TauPerMt: 0.00032, ch4TauPerK: -0.3,
  n2oTau: 109,
  ch4Natural: (729.2 * 2.84) / 8.25 - 19.02,
  n2oNatural: (270.1 * 7.8) / 109 - 0.086,
  aerosolScale: 0.75,
  seaLevelRate: 0.0016,
  seaLevelT0: -0.38,
  seaLevelExpansion: SEA_LEVEL_EXPANSION,
}

/**
 * One ensemble member as stored: k1 (sets ECS), a factor on ocean heat uptake k2 and
 * k3 (sets TCR), r0, a factor on the carbon-cycle feedbacks rU, rT and rA, and the
 * aerosol scaling.
 */
export type EnsembleRow = [k1: number, oceanUptake: number, r0: number, carbonFeedback: number, aerosolScale: number]

export function ensembleMember(row: EnsembleRow, name = 'member'): ClimateParams {
  const [k1, ocean, r0, carbon, aerosolScale] = row
  const d = DEFAULT_PARAMS
  return { ...d, name, k1, k2: d.k2 * ocean, k3: d.k3 * ocean, r0, rU: d.rU * carbon, rT: d.rT * carbon, rA: d.rA * carbon, aerosolScale }
}

// The ensemble: 50 members from calibrate.generateEnsemble(50), sorted by ECS.
// Each member draws ECS from AR6's assessed distribution (a log-normal split at 3.0 K
// with likely range 2.5-4 and very likely 2-5), TCR loosely tied to ECS (drawn around
// 1.7 K), a +-15 % carbon-cycle feedback strength and an observed 2011-2020 warming
// (1.09 +- 0.07 K). Ocean heat uptake, carbon-cycle baseline and aerosol scaling are
// then solved so the member reproduces its TCR, 2019 CO2 and historical warming; draws
// that would need aerosol forcing outside AR6's very likely range are redrawn. A
// sensitive climate must have had strong aerosol cooling to match the record, which is
// why the band stays narrow today and widens later.
//
// What it gives (17th / 50th / 83rd percentiles; AR6 in brackets): ECS 2.64 / 3.16 /
// 4.21 K (2.5 / 3 / 4); TCR 1.64 / 1.83 / 2.13 K (1.4 / 1.8 / 2.2). Warming, 5th-95th
// percentile (AR6 very likely): 2041-2060 SSP1-1.9 1.36-1.88 (1.2-2.0), SSP1-2.6
// 1.51-2.08 (1.3-2.2), SSP2-4.5 1.74-2.33 (1.6-2.5), SSP3-7.0 1.90-2.49 (1.7-2.6),
// SSP5-8.5 2.03-2.82 (1.9-3.0); 2081-2100 1.21-1.80 (1.0-1.8), 1.54-2.31 (1.3-2.4),
// 2.29-3.36 (2.1-3.5), 3.16-4.51 (2.8-4.6), 3.75-5.65 (3.3-5.7) K. The upper ends meet
// AR6's; the lower ends sit 0.1-0.45 K above them, because the record (with the data's
// forcing, whose non-aerosol part is not varied) rules out the least sensitive draws.
export const ENSEMBLE_ROWS: readonly EnsembleRow[] = [
  [1.659, 0.6877, 25.8, 1.17, 0.6196],
  [1.653, 0.2475, 25.35, 1.227, 0.8873],
  [1.625, 1.847, 26.59, 1.182, 0.73],
  [1.623, 0.6554, 26.36, 1.085, 0.4693],
  [1.584, 2.066, 31.75, 0.7018, 0.5218],
  [1.527, 1.067, 24.4, 1.315, 0.6882],
  [1.509, 0.6221, 27.02, 1.051, 0.637],
  [1.508, 1.005, 25.2, 1.207, 0.5429],
  [1.492, 1.528, 27, 1.071, 0.4742],
  [1.481, 1.396, 31.21, 0.7496, 0.7022],
  [1.45, 0.8616, 29.74, 0.8584, 0.7486],
  [1.427, 0.4135, 30.09, 0.8639, 1.089],
  [1.423, 0.9386, 28.08, 0.9806, 0.6533],
  [1.417, 0.4313, 28.16, 1.055, 1.166],
  [1.397, 1.461, 29.78, 0.8313, 0.4771],
  [1.38, 1.174, 28.48, 0.9281, 0.5063],
  [1.369, 0.9105, 23.24, 1.374, 0.6683],
  [1.362, 1.24, 29.46, 0.9022, 0.7971],
  [1.339, 0.3878, 28.46, 0.947, 0.8876],
  [1.334, 1.623, 27.58, 1.021, 0.5254],
  [1.314, 1.094, 29.27, 0.8763, 0.634],
  [1.308, 1.547, 27.89, 1.007, 0.6096],
  [1.288, 0.6612, 28.63, 0.9354, 0.8105],
  [1.273, 0.7362, 29.88, 0.8725, 0.9903],
  [1.256, 0.2025, 27.83, 1.093, 1.354],
  [1.235, 0.794, 27.06, 1.108, 0.9543],
  [1.225, 1.342, 27.32, 1.044, 0.6454],
  [1.213, 2.875, 26.41, 1.127, 0.406],
  [1.191, 0.8315, 29.79, 0.8628, 0.9151],
  [1.169, 0.6132, 26.13, 1.171, 0.977],
  [1.146, 0.5719, 29.74, 0.8926, 1.124],
  [1.129, 0.7029, 28.66, 0.9649, 0.9997],
  [1.126, 0.7438, 30.87, 0.7853, 1.038],
  [1.112, 1.874, 27.97, 0.9995, 0.6284],
  [1.1, 0.9315, 27.19, 1.037, 0.7456],
  [1.069, 1.993, 28.25, 0.9602, 0.5478],
  [1.054, 0.5177, 26.62, 1.158, 1.144],
  [1.033, 1.688, 26.99, 1.116, 0.8362],
  [0.9973, 0.3028, 29.04, 0.9857, 1.373],
  [0.9745, 1.998, 26.48, 1.138, 0.7205],
  [0.9632, 1.16, 30.77, 0.8045, 1.043],
  [0.921, 1.05, 29.79, 0.8474, 0.8983],
  [0.9116, 0.956, 28.38, 1.017, 1.107],
  [0.9073, 1.441, 28.69, 0.9496, 0.8494],
  [0.8849, 1.392, 28.17, 1.014, 0.9446],
  [0.8569, 1.068, 27.67, 1.079, 1.095],
  [0.815, 1.962, 28.78, 0.9199, 0.6858],
  [0.8092, 2.097, 28.47, 0.9685, 0.7616],
  [0.7516, 1.544, 29.38, 0.8876, 0.8732],
  [0.6283, 0.8035, 25.99, 1.236, 1.227],
]

export const ENSEMBLE: readonly ClimateParams[] = ENSEMBLE_ROWS.map((row, i) => ensembleMember(row, `member ${i + 1}`))
