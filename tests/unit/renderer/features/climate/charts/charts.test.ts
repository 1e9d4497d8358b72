import { describe, expect, it } from 'vitest'
import { BLOCS, DEFAULT_LEVERS, NO_PLEDGE, analyseRound, analyseScenario, type Round } from '../../../../../../shared/climate'
import { EXPLORE_CHARTS, emissionsChart, energyChart } from '../../../../../../renderer/features/climate/charts/explore'
import { ROUNDS_FROM, roundColour, roundsChart } from '../../../../../../renderer/features/climate/charts/rounds'
import { degrees, degreesDifference, leverName, leverValue } from '../../../../../../renderer/features/climate/format'

const strong = analyseScenario({ ...DEFAULT_LEVERS, carbonPrice: 250, techRemoval: 15, afforestation: 4 })

describe('the explore charts', () => {
  for (const showSsp of [false, true]) {
    it(`give one value per year for every series, all finite${showSsp ? ', with the reference pathways' : ''}`, () => {
      for (const chart of EXPLORE_CHARTS) {
        const data = chart.data({ result: strong, showSsp })
        expect(data.length).toBe(chart.options(showSsp).series.length)
        for (const series of data) {
          expect(series.length).toBe(data[0].length)
          expect(Array.from(series as ArrayLike<number>).every(Number.isFinite)).toBe(true)
        }
        const text = chart.summary({ result: strong, showSsp }) + JSON.stringify(chart.table({ result: strong, showSsp }))
        expect(text).not.toMatch(/NaN|undefined|Infinity/)
      }
    })
  }

  it('stack the sources: the top of the emissions stack is every source added up, removals below zero', () => {
    const data = emissionsChart.data({ result: strong, showSsp: false })
    const by = strong.policy.co2BySource
    const k = 2060 - 2024
    expect(data[1][k]).toBeCloseTo(by.coal[k] + by.oil[k] + by.gas[k] + by.process[k] + by.deforestation[k], 9)
    expect(data[6][k]).toBeCloseTo(by.natureRemoval[k] + by.techRemoval[k], 9)
    expect(data[6][k]).toBeLessThan(0)
    const energy = energyChart.data({ result: strong, showSsp: false })
    const total = Object.values(strong.policy.energyBySource).reduce((s, a) => s + a[k], 0)
    expect(energy[1][k]).toBeCloseTo(total, 9)
  })

  it('say numbers the way people read them', () => {
    expect(degrees(3.26)).toBe('+3.3 °C')
    expect(degreesDifference(2.5, 3.3)).toBe('0.8 °C less than')
    expect(degreesDifference(3.31, 3.3)).toBe('about the same as')
    expect(leverValue('coal', 50)).toBe('+50 % of cost')
    expect(leverValue('coal', -30)).toBe('−30 % of cost')
    expect(leverValue('transportEfficiency', 1.1)).toBe('1.1 %/yr')
    expect(leverValue('newTechYear', 2040)).toBe('2040')
    expect(leverName('transportElectrification')).toBe('Transport: electrification')
  })
})

describe('warming by round', () => {
  const round = (number: number, rate: number): Round => ({
    id: `r${number}`,
    number,
    blocSet: 'three',
    pledges: Object.fromEntries(BLOCS.three.map((b) => [b.id, { ...NO_PLEDGE, peakYear: 2025, reductionStartYear: 2030, reductionRate: rate }])),
    by: 'fran',
    at: number,
  })

  it('draws no pledges and every round from 2000, ending at each round’s headline warming', () => {
    expect(roundsChart([])).toBeNull()
    const rounds = [round(1, 1), round(2, 5)]
    const chart = roundsChart(rounds)!
    const [years, none, first, second] = chart.data as Float64Array[]
    expect(years[0]).toBe(ROUNDS_FROM)
    expect(chart.data).toHaveLength(4)
    const end = years.length - 1
    expect(years[end]).toBe(2100)
    expect(first[end]).toBeCloseTo(analyseRound(rounds[0]).warming2100, 6)
    expect(second[end]).toBeLessThan(first[end])
    expect(first[end]).toBeLessThan(none[end])
    expect(chart.legend.map((l) => l.label)).toEqual(['No pledges', 'Round 1', 'Round 2'])
    expect(chart.summary).toMatch(/Round 1: .*°C; Round 2: .*°C\. The latest round is \d\.\d °C below no pledges\./)
    expect(chart.table().rows.map((r) => r[0])).toEqual(['No pledges', 'Round 1', 'Round 2'])
    expect(roundColour(0, 2)).not.toBe(roundColour(1, 2))
  })
})
