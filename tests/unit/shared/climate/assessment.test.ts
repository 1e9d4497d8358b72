// The model against the IPCC AR6 WG1 assessment, for each of the five SSPs: warming in
// 2041-2060 and 2081-2100 (Table SPM.1), the observed 2011-2020 warming, sea level in
// 2100 (SPM B.5.3, Table 9.9) and the ensemble band against the very likely ranges.
//
// The pathways are the bundled copy (resources/climate/emissions.json: RCMIP v5.1.0,
// the source of shared/data/ssp-emissions.csv), so these run anywhere; where the data
// file sits next to the checkout, the same checks also run on the pathways read from it.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  AR6_SEA_LEVEL_2100, AR6_WARMING, SSP_WARMING_TOLERANCE, historicalChecks, sspOutcomes,
} from '../../../../shared/climate/calibrate'
import type { Period, SspOutcome } from '../../../../shared/climate/calibrate'
import { parseEmissionsCsv } from '../../../../shared/climate/csv'
import { DEFAULT_PARAMS, ENSEMBLE } from '../../../../shared/climate/params'
import { SSP_IDS, matchingSsp, sspEmissions, withSpinUp } from '../../../../shared/climate/reference'
import type { SspId } from '../../../../shared/climate/reference'
import { percentile } from '../../../../shared/climate/run'

/** The project's data file, next to the checkout (not in it). */
const DATA_FILE = join(import.meta.dirname, '../../../../../shared/data/ssp-emissions.csv')
const LABEL: Record<Period, string> = { mid: '2041-2060', long: '2081-2100' }
const cases = SSP_IDS.flatMap((id) => (['mid', 'long'] as const).map((period) => [id, period] as const))

/**
 * The default set's outcomes against AR6's best estimates and likely sea-level ranges.
 * `run` is called once, by the first test (so nothing runs where the tests are skipped).
 */
function checkAgainstAr6(run: () => Record<SspId, SspOutcome>): void {
  let cached: Record<SspId, SspOutcome> | undefined
  const outcomes = (): Record<SspId, SspOutcome> => (cached ??= run())
  it.each(cases)(`%s: warming in %s within ${SSP_WARMING_TOLERANCE} K of AR6's best estimate`, (id, period) => {
    const ar6 = AR6_WARMING[period][id]
    const model = outcomes()[id][period]
    expect(Math.abs(model - ar6.central), `${id} ${LABEL[period]}: ${model.toFixed(2)} against ${ar6.central}`)
      .toBeLessThanOrEqual(SSP_WARMING_TOLERANCE)
  })

  it.each(SSP_IDS)('%s: sea-level rise by 2100 inside AR6\'s likely range', (id) => {
    const { low, high } = AR6_SEA_LEVEL_2100[id]
    expect(outcomes()[id].seaLevel2100).toBeGreaterThanOrEqual(low)
    expect(outcomes()[id].seaLevel2100).toBeLessThanOrEqual(high)
  })
}

describe('the default set against AR6, on the bundled pathways', () => {
  const outcomes = sspOutcomes(DEFAULT_PARAMS)
  checkAgainstAr6(() => outcomes)

  it('reproduces the observed 2011-2020 warming, 1.09 K', () => {
    expect(Math.abs(historicalChecks(DEFAULT_PARAMS).warming_2011_2020 - 1.09)).toBeLessThanOrEqual(0.02)
  })

  it.each(SSP_IDS)('%s: sea level in 2100 is within 5 cm of the AR6 median', (id) => {
    expect(Math.abs(outcomes[id].seaLevel2100 - AR6_SEA_LEVEL_2100[id].central)).toBeLessThanOrEqual(0.05)
  })

  it('orders the pathways from coolest to warmest, and from lowest to highest sea', () => {
    for (const key of ['long', 'seaLevel2100'] as const) {
      const values = SSP_IDS.map((id) => outcomes[id][key])
      expect([...values].sort((a, b) => a - b)).toEqual(values)
    }
  })
})

describe('the ensemble band against AR6\'s very likely ranges', () => {
  const members = ENSEMBLE.map((p) => sspOutcomes(p))
  const spread = (id: SspId, period: Period, p: number): number =>
    percentile(Float64Array.from(members, (m) => m[id][period]).sort(), p)
  /** How close the band's ends and median must come to AR6's, K. */
  const BAND_TOLERANCE = 0.15

  it('keeps fifty members', () => {
    expect(ENSEMBLE).toHaveLength(50)
  })

  it.each(cases)(`%s, %s: the 5th percentile is within ${BAND_TOLERANCE} K of AR6's very likely lower bound`, (id, period) => {
    const ar6 = AR6_WARMING[period][id]
    const low = spread(id, period, 5)
    expect(Math.abs(low - ar6.low), `${id} ${LABEL[period]}: ${low.toFixed(2)} against ${ar6.low}`).toBeLessThanOrEqual(BAND_TOLERANCE)
  })

  it.each(cases)(`%s, %s: the 95th percentile is within ${BAND_TOLERANCE} K of AR6's very likely upper bound`, (id, period) => {
    const ar6 = AR6_WARMING[period][id]
    const high = spread(id, period, 95)
    expect(Math.abs(high - ar6.high), `${id} ${LABEL[period]}: ${high.toFixed(2)} against ${ar6.high}`).toBeLessThanOrEqual(BAND_TOLERANCE)
  })

  it.each(cases)(`%s, %s: the median is within ${BAND_TOLERANCE} K of AR6's best estimate`, (id, period) => {
    const ar6 = AR6_WARMING[period][id]
    const median = spread(id, period, 50)
    expect(Math.abs(median - ar6.central), `${id} ${LABEL[period]}: ${median.toFixed(2)} against ${ar6.central}`).toBeLessThanOrEqual(BAND_TOLERANCE)
  })

  it.each(cases)('%s, %s: the band no longer leans warm (its lower end is as far below the median as AR6\'s, give or take a third)', (id, period) => {
    const ar6 = AR6_WARMING[period][id]
    const below = spread(id, period, 50) - spread(id, period, 5)
    expect(below).toBeGreaterThanOrEqual((2 / 3) * (ar6.central - ar6.low))
    expect(below).toBeLessThanOrEqual((4 / 3) * (ar6.central - ar6.low))
  })

  it('samples the forcing too: aerosol forcing and the rest of the other forcing vary from member to member', () => {
    const aerosol = ENSEMBLE.map((p) => p.aerosolScale).sort((a, b) => a - b)
    const other = ENSEMBLE.map((p) => p.otherScale).sort((a, b) => a - b)
    // Aerosol forcing in 2019 = scale x -1.065 W/m2 (the data's); AR6 very likely -1.7 to -0.4.
    expect(aerosol[2] * 1.065).toBeLessThan(0.5)
    expect(aerosol[47] * 1.065).toBeGreaterThan(1.1)
    expect(other[2]).toBeLessThan(0.8)
    expect(other[47]).toBeGreaterThan(1.2)
  })
})

describe.runIf(existsSync(DATA_FILE))('the default set against AR6, on shared/data/ssp-emissions.csv', () => {
  const read = (id: SspId) => parseEmissionsCsv(readFileSync(DATA_FILE, 'utf8'), { scenario: id })

  it.each(SSP_IDS)('%s: the bundled copy is that file, rounded', (id) => {
    const e = read(id)
    expect(e.startYear).toBe(1750)
    expect(e.co2Fossil).toHaveLength(sspEmissions(id).co2Fossil.length)
    expect(matchingSsp(e)).toBe(id)
  })

  checkAgainstAr6(() => sspOutcomes(DEFAULT_PARAMS, (id) => withSpinUp(read(id)).series))
})
