import { describe, expect, it } from 'vitest'
import { BLOCS, BLOC_SETS } from '../../../../shared/climate/blocs'
import { ClimateInputError } from '../../../../shared/climate/errors'
import { NO_PLEDGE, checkPledges, pledgedEmissions } from '../../../../shared/climate/pledges'
import type { Pledge } from '../../../../shared/climate/pledges'
import { runScenario } from '../../../../shared/climate/scenario'
import { runWorldClimate } from '../../../../shared/climate/worldClimate'

/** A baseline growing 2 %/yr from 10 in 2024. */
const rising = Float64Array.from({ length: 77 }, (_, i) => 10 * 1.02 ** i)
const pledge = (p: Partial<Pledge>): Pledge => ({ ...NO_PLEDGE, ...p })
const at = (series: Float64Array, year: number): number => series[year - 2024]

describe('pledges to emissions', () => {
  it('without a pledge follows the baseline', () => {
    expect(Array.from(pledgedEmissions(rising, NO_PLEDGE, 2024))).toEqual(Array.from(rising))
  })

  it('stops growth in the peak year and holds the level', () => {
    const e = pledgedEmissions(rising, pledge({ peakYear: 2030 }), 2024)
    expect(at(e, 2029)).toBeCloseTo(at(rising, 2029), 12)
    expect(at(e, 2030)).toBeCloseTo(at(rising, 2030), 12)
    expect(at(e, 2031)).toBeCloseTo(at(rising, 2030), 12)
    expect(at(e, 2100)).toBeCloseTo(at(rising, 2030), 12)
  })

  it('falls at the pledged rate from the year reductions start', () => {
    const e = pledgedEmissions(rising, pledge({ peakYear: 2030, reductionStartYear: 2040, reductionRate: 3 }), 2024)
    expect(at(e, 2040)).toBeCloseTo(at(rising, 2030), 12)
    expect(at(e, 2041) / at(e, 2040)).toBeCloseTo(0.97, 12)
    expect(at(e, 2060)).toBeCloseTo(at(rising, 2030) * 0.97 ** 20, 10)
  })

  it('starts falling from the start year when no peak year is given', () => {
    const e = pledgedEmissions(rising, pledge({ reductionStartYear: 2035, reductionRate: 10 }), 2024)
    expect(at(e, 2035)).toBeCloseTo(at(rising, 2035), 12)
    expect(at(e, 2036)).toBeCloseTo(at(rising, 2035) * 0.9, 12)
  })

  it('never raises emissions above a falling baseline', () => {
    const falling = Float64Array.from({ length: 77 }, (_, i) => 10 * 0.97 ** i)
    const e = pledgedEmissions(falling, pledge({ peakYear: 2030, reductionStartYear: 2050, reductionRate: 1 }), 2024)
    e.forEach((v, i) => expect(v).toBeLessThanOrEqual(falling[i] + 1e-12))
  })
})

describe('pledges that make no sense are refused, naming bloc and field', () => {
  const issues = (input: unknown) => checkPledges(input, 'three').issues.map((i) => `${i.field}: ${i.message}`)

  it('reductions before the peak', () => {
    expect(issues({ developed: { peakYear: 2040, reductionStartYear: 2030, reductionRate: 2 } }))
      .toEqual([expect.stringMatching(/^developed\.reductionStartYear: reductions cannot start \(2030\) before emissions stop growing \(2040\)/)])
  })

  it('rates over 100 % and negative rates', () => {
    expect(issues({ developingA: { reductionStartYear: 2030, reductionRate: 120 } })[0]).toMatch(/^developingA\.reductionRate: must be 100 %\/yr or less/)
    expect(issues({ developingA: { reductionStartYear: 2030, reductionRate: -5 } })[0]).toMatch(/^developingA\.reductionRate: must be 0 %\/yr or more/)
  })

  it('a rate without a start year, years outside 2025-2100, unknown blocs and fields, every problem at once', () => {
    const found = issues({
      developed: { reductionRate: 4 },
      developingB: { peakYear: 2010, deforestationCut: 150, colour: 'red' },
      mars: {},
    })
    expect(found).toEqual(expect.arrayContaining([
      expect.stringMatching(/^developed\.reductionStartYear: a reduction rate of 4 %\/yr needs/),
      expect.stringMatching(/^developingB\.peakYear: must be 2025 or later/),
      expect.stringMatching(/^developingB\.deforestationCut: must be 100 % or less/),
      expect.stringMatching(/^developingB\.colour: unknown field/),
      expect.stringMatching(/^mars: unknown bloc "mars".*developed, developingA, developingB/),
    ]))
  })

  it('runWorldClimate throws instead of running', () => {
    expect(() => runWorldClimate({ usa: { reductionRate: Number.NaN } }, { blocs: 'six' })).toThrow(ClimateInputError)
    expect(() => runWorldClimate({ usa: { reductionRate: Number.NaN } }, { blocs: 'six' })).toThrow(/usa\.reductionRate/)
  })
})

describe('World Climate', () => {
  it.each(BLOC_SETS)('%s blocs: shares of each quantity add up to the world', (set) => {
    for (const key of ['co2Fossil', 'co2FossilCumulative', 'co2Land', 'ch4', 'n2o'] as const) {
      expect(BLOCS[set].reduce((s, b) => s + b.share[key], 0)).toBeCloseTo(1, 6)
    }
    expect(BLOCS[set].reduce((s, b) => s + b.share2100.co2Fossil, 0)).toBeCloseTo(1, 6)
    expect(BLOCS[set].reduce((s, b) => s + b.afforestationPotential, 0)).toBeCloseTo(1, 6)
  })

  it('with no pledges reproduces the policy baseline', () => {
    const none = runWorldClimate({}, { blocs: 'six' })
    const baseline = runScenario()
    expect(none.warming2100).toBeCloseTo(baseline.warming2100, 9)
    expect(none.baselineWarming2100).toBeCloseTo(baseline.warming2100, 9)
    expect(at(none.blocs.reduce((s, b) => s.map((v, i) => v + b.fossilCo2[i]), new Float64Array(77)), 2060))
      .toBeCloseTo(baseline.emissions.co2Fossil[2060 - baseline.years[0]], 6)
  })

  it('pledges bend bloc emissions and lower warming; each bloc reports its own pathway', () => {
    const result = runWorldClimate({
      developed: { peakYear: 2025, reductionStartYear: 2025, reductionRate: 5, deforestationCut: 100, afforestation: 50, climateFund: 100 },
      developingA: { peakYear: 2030, reductionStartYear: 2035, reductionRate: 4, afforestation: 50 },
      developingB: { peakYear: 2040, reductionStartYear: 2050, reductionRate: 3, deforestationCut: 80, climateFund: -60 },
    }, { blocs: 'three', ensemble: true })
    const developed = result.blocs.find((b) => b.id === 'developed')
    expect(developed && at(developed.fossilCo2, 2035) / at(developed.fossilCo2, 2025)).toBeCloseTo(0.95 ** 10, 6)
    expect(result.warming2100).toBeLessThan(result.baselineWarming2100 - 0.5)
    expect(result.warming2100Low).toBeLessThan(result.warming2100)
    expect(result.climateFund).toEqual({ contributions: 100, requests: 60, balance: 40 })
    expect(result.seaLevel.every(Number.isFinite)).toBe(true)
    expect(result.seaLevel[result.seaLevel.length - 1]).toBeGreaterThan(0.2)
  })

  it('one bloc acting alone helps less than everyone acting', () => {
    const strong = { peakYear: 2025, reductionStartYear: 2030, reductionRate: 5 }
    const alone = runWorldClimate({ developed: strong }, { blocs: 'three' }).warming2100
    const all = runWorldClimate({ developed: strong, developingA: strong, developingB: strong }, { blocs: 'three' }).warming2100
    expect(all).toBeLessThan(alone - 0.5)
  })
})
