import { describe, expect, it } from 'vitest'
import { DEFAULT_LEVERS, LEVERS } from '../../../../shared/climate/levers'
import type { LeverValues } from '../../../../shared/climate/levers'
import { sspEmissions } from '../../../../shared/climate/reference'
import { runScenario } from '../../../../shared/climate/scenario'
import type { ScenarioResult } from '../../../../shared/climate/scenario'

const at = (r: ScenarioResult, series: Float64Array, year: number): number => series[year - r.years[0]]
const policyAt = (r: ScenarioResult, series: Float64Array, year: number): number => series[year - r.policy.years[0]]
const sum = (r: ScenarioResult, record: Record<string, Float64Array>, year: number): number =>
  Object.values(record).reduce((s, a) => s + policyAt(r, a, year), 0)
const warming = (levers: Partial<LeverValues>): number => runScenario(levers).warming2100

describe('baseline (every lever at status quo)', () => {
  const base = runScenario()

  it('ends near +3.3 C in 2100, like En-ROADS', () => {
    expect(base.headlineYear).toBe(2100)
    expect(Math.abs(base.warming2100 - 3.3)).toBeLessThan(0.15)
  })

  it('joins the historical data in 2024 without a jump', () => {
    const data = sspEmissions('ssp245')
    const i = 2024 - 1750
    expect(at(base, base.emissions.co2Fossil, 2024)).toBeCloseTo(data.co2Fossil[i], 6)
    expect(at(base, base.emissions.co2Land, 2024)).toBeCloseTo(data.co2Land[i], 6)
    expect(at(base, base.emissions.ch4, 2024)).toBeCloseTo(data.ch4[i], 6)
    expect(at(base, base.emissions.n2o, 2024)).toBeCloseTo(data.n2o[i], 6)
    const step = Math.abs(at(base, base.emissions.co2Fossil, 2025) - at(base, base.emissions.co2Fossil, 2024))
    expect(step).toBeLessThan(1)
  })

  it('keeps the 2024 energy mix close to the statistics (about 80 % fossil)', () => {
    const total = sum(base, base.policy.energyBySource, 2024)
    const fossil = ['coal', 'oil', 'gas'].reduce((s, k) => s + policyAt(base, base.policy.energyBySource[k as 'coal'], 2024), 0)
    expect(fossil / total).toBeGreaterThan(0.75)
    expect(fossil / total).toBeLessThan(0.85)
  })

  it('offers an ensemble band around the central run', () => {
    const banded = runScenario({}, { ensemble: true })
    expect(banded.warming2100Low).toBeLessThan(banded.warming2100)
    expect(banded.warming2100High).toBeGreaterThan(banded.warming2100)
    expect(banded.temperatureLow?.length).toBe(banded.years.length)
  })
})

describe('levers behave plausibly', () => {
  it('a higher carbon price never raises 2100 warming', () => {
    let previous = Number.POSITIVE_INFINITY
    for (let price = 0; price <= 250; price += 10) {
      const w = warming({ carbonPrice: price })
      expect(w).toBeLessThanOrEqual(previous + 1e-9)
      previous = w
    }
    expect(warming({ carbonPrice: 250 })).toBeLessThan(warming({}) - 0.5)
  })

  it('a carbon price lowers fossil shares and fossil CO2', () => {
    const base = runScenario()
    const priced = runScenario({ carbonPrice: 150 })
    const fossilShare = (r: ScenarioResult): number =>
      ['coal', 'oil', 'gas'].reduce((s, k) => s + policyAt(r, r.policy.energyBySource[k as 'coal'], 2050), 0) / sum(r, r.policy.energyBySource, 2050)
    expect(fossilShare(priced)).toBeLessThan(fossilShare(base) - 0.1)
    expect(at(priced, priced.emissions.co2Fossil, 2050)).toBeLessThan(at(base, base.emissions.co2Fossil, 2050) * 0.8)
  })

  it('renewables subsidies alone move 2100 warming little; a carbon price moves it most', () => {
    const base = warming({})
    const renewables = base - warming({ renewables: -50 })
    const price = base - warming({ carbonPrice: 250 })
    expect(renewables).toBeGreaterThan(0)
    expect(renewables).toBeLessThan(0.25)
    expect(price).toBeGreaterThan(3 * renewables)
    // No single supply-side price lever beats the carbon price.
    for (const id of ['coal', 'oil', 'gas', 'nuclear', 'bioenergy'] as const) {
      const lever = LEVERS.find((l) => l.id === id)
      const best = Math.min(warming({ [id]: lever?.min }), warming({ [id]: lever?.max }))
      expect(base - best).toBeLessThan(price)
    }
  })

  it('renewables take power-sector share from every other source (competition)', () => {
    const base = runScenario()
    const subsidised = runScenario({ renewables: -50 })
    const share = (r: ScenarioResult, k: 'renewables' | 'nuclear' | 'coal' | 'gas'): number =>
      policyAt(r, r.policy.electricityBySource[k], 2060) / sum(r, r.policy.electricityBySource, 2060)
    expect(share(subsidised, 'renewables')).toBeGreaterThan(share(base, 'renewables'))
    for (const k of ['nuclear', 'coal', 'gas'] as const) expect(share(subsidised, k)).toBeLessThan(share(base, k))
  })

  it('combinations interact: a renewables subsidy adds less on top of a high carbon price', () => {
    const base = warming({})
    const alone = base - warming({ renewables: -50 })
    const onTop = warming({ carbonPrice: 200 }) - warming({ carbonPrice: 200, renewables: -50 })
    expect(onTop).toBeLessThan(alone)
  })

  it('efficiency lowers energy demand', () => {
    const base = runScenario()
    const efficient = runScenario({ buildingsEfficiency: 3, transportEfficiency: 3 })
    expect(sum(efficient, efficient.policy.finalEnergy, 2050)).toBeLessThan(sum(base, base.policy.finalEnergy, 2050) * 0.75)
    expect(efficient.warming2100).toBeLessThan(base.warming2100)
  })

  it('electrification shifts demand to electricity, and a cleaner grid makes it pay more', () => {
    const base = runScenario()
    const electric = runScenario({ transportElectrification: 90, buildingsElectrification: 90 })
    expect(policyAt(electric, electric.policy.finalEnergy.electricity, 2070)).toBeGreaterThan(policyAt(base, base.policy.finalEnergy.electricity, 2070) * 1.3)
    expect(policyAt(electric, electric.policy.co2BySource.oil, 2070)).toBeLessThan(policyAt(base, base.policy.co2BySource.oil, 2070))
    expect(electric.warming2100).toBeLessThan(base.warming2100)
    const dirtyGain = base.warming2100 - electric.warming2100
    const cleanGrid = { carbonPrice: 100, renewables: -30 }
    const cleanGain = warming(cleanGrid) - warming({ ...cleanGrid, transportElectrification: 90, buildingsElectrification: 90 })
    expect(cleanGain).toBeGreaterThan(dirtyGain)
  })

  it('the methane lever scales CH4, the deforestation lever land CO2, removals subtract CO2', () => {
    const base = runScenario()
    const methane = runScenario({ methane: 100 })
    expect(at(methane, methane.emissions.ch4, 2060)).toBeLessThan(at(base, base.emissions.ch4, 2060) * 0.75)
    expect(at(methane, methane.emissions.n2o, 2060)).toBeLessThan(at(base, base.emissions.n2o, 2060))
    const noClearing = runScenario({ deforestation: -100 })
    expect(at(noClearing, noClearing.emissions.co2Land, 2050)).toBeCloseTo(0, 6)
    const doubled = runScenario({ deforestation: 100 })
    expect(at(doubled, doubled.emissions.co2Land, 2050)).toBeCloseTo(2 * at(base, base.emissions.co2Land, 2050), 6)
    const trees = runScenario({ afforestation: 4 })
    expect(at(trees, trees.emissions.co2Land, 2060)).toBeCloseTo(at(base, base.emissions.co2Land, 2060) - 4, 6)
    const machines = runScenario({ techRemoval: 10 })
    expect(at(machines, machines.emissions.co2Fossil, 2080)).toBeCloseTo(at(base, base.emissions.co2Fossil, 2080) - 10, 6)
    for (const r of [methane, noClearing, trees, machines]) expect(r.warming2100).toBeLessThan(base.warming2100)
  })

  it('more people and faster growth warm more', () => {
    expect(warming({ population: 12 })).toBeGreaterThan(warming({ population: 8 }))
    expect(warming({ economicGrowth: 2.5 })).toBeGreaterThan(warming({ economicGrowth: 0.5 }))
  })

  it('a zero-carbon breakthrough helps more the earlier it comes', () => {
    const early = warming({ newTech: 50, newTechYear: 2035 })
    const late = warming({ newTech: 50, newTechYear: 2070 })
    expect(early).toBeLessThan(late)
    expect(late).toBeLessThanOrEqual(warming({}))
  })

  it('gives finite numbers at every lever extreme and at all extremes together', () => {
    const settings: Partial<LeverValues>[] = LEVERS.flatMap((l) => [{ [l.id]: l.min }, { [l.id]: l.max }])
    settings.push(
      Object.fromEntries(LEVERS.map((l) => [l.id, l.max])),
      Object.fromEntries(LEVERS.map((l) => [l.id, l.min])),
    )
    for (const levers of settings) {
      const r = runScenario({ ...levers, afforestation: Math.min(levers.afforestation ?? 0, 1) })
      for (const series of [r.temperature, r.co2Ppm, r.emissions.co2Fossil, r.emissions.ch4, ...Object.values(r.policy.energyBySource)]) {
        expect(series.every(Number.isFinite)).toBe(true)
      }
      expect(r.warming2100).toBeGreaterThan(0.5)
      expect(r.warming2100).toBeLessThan(8)
    }
  })

  it('fills left-out levers with their status-quo values', () => {
    expect(runScenario({ carbonPrice: 50 }).levers).toEqual({ ...DEFAULT_LEVERS, carbonPrice: 50 })
  })

  it('refuses values that would put NaN on a chart, naming the lever', () => {
    expect(() => runScenario({ carbonPrice: Number.NaN })).toThrow(/levers\.carbonPrice/)
    expect(() => runScenario({ population: 40 })).toThrow(/levers\.population: 40 is outside 6 to 13/)
    expect(() => runScenario({ afforestation: 6, deforestation: 100 })).toThrow(/levers\.afforestation/)
  })
})
