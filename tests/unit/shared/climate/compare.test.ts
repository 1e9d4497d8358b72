import { describe, expect, it } from 'vitest'
import { analyseRound, analyseScenario, leverDifferences, scenarioHeadline } from '../../../../shared/climate/compare'
import { saveScenario, setLever } from '../../../../shared/climate/doc'
import { readClimateForHarvest } from '../../../../shared/climate/harvest'
import { DEFAULT_LEVERS } from '../../../../shared/climate/levers'
import { NO_PLEDGE } from '../../../../shared/climate/pledges'
import { assignDelegation, runRound, savePledge } from '../../../../shared/climate/worldDoc'
import { FAC, ORIGIN, PRAC, convening } from './together'

describe('comparing scenarios and rounds', () => {
  it('names the levers that differ', () => {
    expect(leverDifferences(DEFAULT_LEVERS, { ...DEFAULT_LEVERS, coal: 50, population: 9 })).toEqual(['coal', 'population'])
    expect(leverDifferences(DEFAULT_LEVERS, { ...DEFAULT_LEVERS })).toEqual([])
  })

  it('gives headline numbers with the likely range, lower for a strong policy', () => {
    const base = scenarioHeadline(analyseScenario(DEFAULT_LEVERS))
    const strong = scenarioHeadline(analyseScenario({ ...DEFAULT_LEVERS, carbonPrice: 250, methane: 100 }))
    expect(base.warming2100).toBeGreaterThan(3)
    expect(base.warming2100Low).toBeLessThan(base.warming2100)
    expect(base.warming2100High).toBeGreaterThan(base.warming2100)
    expect(strong.warming2100).toBeLessThan(base.warming2100 - 0.5)
    expect(strong.ghg2050).toBeLessThan(base.ghg2050)
    expect(strong.co2Ppm2100).toBeLessThan(base.co2Ppm2100)
    for (const v of Object.values(strong)) expect(Number.isFinite(v)).toBe(true)
  })

  it('a round with no pledges is the baseline; pledges lower warming and tally the fund', () => {
    const none = analyseRound({ blocSet: 'three', pledges: {} })
    expect(none.warming2100).toBeCloseTo(none.baselineWarming2100, 6)
    const pledged = analyseRound({
      blocSet: 'three',
      pledges: {
        developed: { ...NO_PLEDGE, peakYear: 2025, reductionStartYear: 2026, reductionRate: 6, climateFund: 100 },
        developingA: { ...NO_PLEDGE, peakYear: 2030, reductionStartYear: 2035, reductionRate: 4, climateFund: -60 },
      },
    })
    expect(pledged.warming2100).toBeLessThan(none.warming2100 - 0.4)
    expect(pledged.fund).toEqual({ contributions: 100, requests: 60, balance: 40 })
  })
})

/** Paths of numbers in `value` that are NaN or infinite. */
function notFinite(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path]
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, v]) => notFinite(v, `${path}.${key}`))
}

describe('the harvest reads the climate simulation', () => {
  it('returns saved scenarios and rounds with their numbers', () => {
    const doc = convening()
    expect(readClimateForHarvest(doc)).toEqual({ current: null, scenarios: [], rounds: [] })
    setLever(doc, 'carbonPrice', 100, { by: PRAC.id }, ORIGIN)
    saveScenario(doc, 'Price on carbon', { ...DEFAULT_LEVERS, carbonPrice: 100 }, { by: PRAC.id, at: 5 }, ORIGIN)
    assignDelegation(doc, PRAC.id, 'developed', { by: FAC.id }, ORIGIN)
    savePledge(doc, 'developed', { peakYear: 2025, reductionStartYear: 2030, reductionRate: 5, climateFund: 80 }, { by: PRAC.id }, ORIGIN)
    runRound(doc, { by: FAC.id, at: 6 }, ORIGIN)
    const harvest = readClimateForHarvest(doc)
    expect(harvest.current?.levers).toEqual([{ id: 'carbonPrice', label: 'Carbon price', group: 'Energy Supply', unit: '$/tCO2', value: 100, statusQuo: 0 }])
    expect(harvest.scenarios).toHaveLength(1)
    expect(harvest.scenarios[0]).toMatchObject({ name: 'Price on carbon', savedBy: 'Ben', savedAt: 5 })
    expect(harvest.scenarios[0].headline.warming2100).toBeCloseTo(harvest.current?.headline.warming2100 ?? 0, 9)
    expect(harvest.scenarios[0].temperature.years[0]).toBe(2000)
    expect(harvest.scenarios[0].temperature.years.at(-1)).toBe(2100)
    const round = harvest.rounds[0]
    expect(round).toMatchObject({ number: 1, blocSet: 'three', ranBy: 'Ada', ranAt: 6, fund: { contributions: 80, requests: 0, balance: 80 } })
    expect(round.blocs.map((b) => b.name)).toEqual(['Developed nations', 'Developing nations A', 'Developing nations B'])
    expect(round.blocs[0].pledge.reductionRate).toBe(5)
    expect(round.headline.warming2100).toBeLessThan(round.baselineWarming2100)
    expect(notFinite(harvest)).toEqual([])
  })
})
