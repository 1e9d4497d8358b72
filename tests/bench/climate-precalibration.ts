// The climate core's parameter sets as they were before the AR6 calibration (commit
// 62d1134's parent): the bench runs them beside today's, in the same process, so the
// calibration's cost in speed is measured rather than remembered. The core is the same
// code; these sets simply carry no ocean-heat term in sea level (seaLevelExpansion 0),
// which is what that core computed.
import { FORCING_2XCO2 } from '../../shared/climate/forcing'
import type { ClimateParams } from '../../shared/climate/params'

/** The rows as they were stored then: k1, ocean uptake factor, r0, carbon-feedback factor, aerosol scaling. */
type EnsembleRow = [k1: number, oceanUptake: number, r0: number, carbonFeedback: number, aerosolScale: number]

export const PRE_CALIBRATION_DEFAULT: ClimateParams = {
  name: 'pre-calibration default',
  c1: 4, c2: 15, c3: 90, k1: FORCING_2XCO2 / 3, k2: 2.4, k3: 0.7, eps: 1.3,
  r0: 28, rU: 0.00846, rT: 4, rA: 0.000819,
  ch4Tau: 8.25, ch4TauPerMt: 0.00032, ch4TauPerK: -0.3,
  n2oTau: 109,
  ch4Natural: (729.2 * 2.84) / 8.25 - 19.02,
  n2oNatural: (270.1 * 7.8) / 109 - 0.086,
  aerosolScale: 0.885,
  otherScale: 1,
  seaLevelRate: 0.0024,
  seaLevelT0: -0.44,
  seaLevelExpansion: 0,
}

const ROWS: readonly EnsembleRow[] = [
  [1.659, 0.6911, 25.86, 1.17, 0.7486],
  [1.653, 0.2412, 25.31, 1.227, 0.994],
  [1.623, 0.6642, 26.47, 1.085, 0.6012],
  [1.584, 2.05, 31.73, 0.7018, 0.6333],
  [1.558, 1.121, 24.16, 1.302, 0.6137],
  [1.552, 1.874, 29.96, 0.8207, 0.4096],
  [1.527, 1.073, 24.45, 1.315, 0.8152],
  [1.508, 1.016, 25.3, 1.207, 0.6709],
  [1.492, 1.528, 27.08, 1.071, 0.5955],
  [1.481, 1.4, 31.17, 0.7496, 0.823],
  [1.45, 0.8851, 29.71, 0.8584, 0.8697],
  [1.423, 0.9633, 28.1, 0.9806, 0.7761],
  [1.417, 0.4642, 27.97, 1.055, 1.262],
  [1.397, 1.478, 29.82, 0.8313, 0.5953],
  [1.38, 1.198, 28.53, 0.9281, 0.6278],
  [1.369, 0.9433, 23.32, 1.374, 0.7911],
  [1.362, 1.265, 29.42, 0.9022, 0.9174],
  [1.339, 0.4266, 28.4, 0.947, 0.988],
  [1.334, 1.649, 27.64, 1.021, 0.6396],
  [1.314, 1.13, 29.28, 0.8763, 0.7533],
  [1.297, 1.58, 27.92, 1.007, 0.7307],
  [1.288, 0.6999, 28.56, 0.9372, 0.9218],
  [1.273, 0.786, 29.77, 0.8725, 1.103],
  [1.256, 0.2194, 27.52, 1.093, 1.423],
  [1.235, 0.8476, 26.98, 1.108, 1.07],
  [1.225, 1.387, 27.35, 1.044, 0.7614],
  [1.213, 2.968, 26.5, 1.127, 0.4849],
  [1.191, 0.8903, 29.71, 0.8628, 1.029],
  [1.169, 0.6774, 26.04, 1.171, 1.085],
  [1.146, 0.6386, 29.58, 0.8926, 1.227],
  [1.129, 0.7717, 28.55, 0.9649, 1.11],
  [1.126, 0.8125, 30.74, 0.7853, 1.149],
  [1.116, 1.918, 28.05, 0.9955, 0.7401],
  [1.1, 1.001, 27.2, 1.037, 0.8584],
  [1.079, 2.782, 27.83, 1.012, 0.5682],
  [1.078, 0.849, 30.14, 0.8321, 1.129],
  [1.069, 2.071, 28.3, 0.9602, 0.6459],
  [1.054, 0.5944, 26.44, 1.158, 1.244],
  [1.033, 1.766, 26.96, 1.116, 0.948],
  [0.9856, 2.139, 26.39, 1.146, 0.8026],
  [0.9632, 1.247, 30.66, 0.8045, 1.161],
  [0.921, 1.145, 29.73, 0.8474, 1.01],
  [0.9116, 1.053, 28.24, 1.017, 1.225],
  [0.9073, 1.537, 28.65, 0.9496, 0.9606],
  [0.8849, 1.492, 28.1, 1.014, 1.06],
  [0.8569, 1.172, 27.53, 1.079, 1.214],
  [0.815, 2.088, 28.79, 0.9199, 0.7809],
  [0.8092, 2.23, 28.46, 0.9685, 0.8584],
  [0.7516, 1.669, 29.33, 0.8876, 0.9809],
  [0.6283, 0.9422, 25.75, 1.236, 1.345],
]

/** The pre-calibration 50-member ensemble, built on its own default as it was. */
export const PRE_CALIBRATION_ENSEMBLE: readonly ClimateParams[] = ROWS.map(([k1, ocean, r0, carbon, aerosolScale], i) => {
  const d = PRE_CALIBRATION_DEFAULT
  return { ...d, name: `pre-calibration member ${i + 1}`, k1, k2: d.k2 * ocean, k3: d.k3 * ocean, r0, rU: d.rU * carbon, rT: d.rT * carbon, rA: d.rA * carbon, aerosolScale, otherScale: 1 }
})
