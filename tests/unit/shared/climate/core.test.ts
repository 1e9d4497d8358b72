import { describe, expect, it } from 'vitest'
import { TARGETS, generateEnsemble, historicalChecks, normalQuantile } from '../../../../shared/climate/calibrate'
import { runCore } from '../../../../shared/climate/core'
import { annualStep, equilibriumSensitivity, transientResponse } from '../../../../shared/climate/energyBalance'
import { FORCING_2XCO2, PREINDUSTRIAL, co2Forcing } from '../../../../shared/climate/forcing'
import { DEFAULT_PARAMS, ENSEMBLE, ENSEMBLE_ROWS } from '../../../../shared/climate/params'
import { sspEmissions } from '../../../../shared/climate/reference'
import { runClimate } from '../../../../shared/climate/run'
import type { EmissionsSeries } from '../../../../shared/climate/core'

function constant(years: number, values: Partial<Record<'co2Fossil' | 'co2Land' | 'ch4' | 'n2o' | 'otherForcing', number>>): EmissionsSeries {
  const col = (v = 0): Float64Array => new Float64Array(years).fill(v)
  return {
    startYear: 1750, co2Fossil: col(values.co2Fossil), co2Land: col(values.co2Land),
    ch4: col(values.ch4 ?? 19.02), n2o: col(values.n2o ?? 0.086), otherForcing: col(values.otherForcing),
  }
}

describe('carbon cycle', () => {
  it('conserves carbon: what is in the boxes equals emissions minus uptake, every year', () => {
    const r = runCore(sspEmissions('ssp585'), DEFAULT_PARAMS)
    for (let i = 0; i < r.length; i++) {
      const expected = r.cumulativeEmissions[i] - r.cumulativeUptake[i]
      expect(Math.abs(r.airborne[i] - expected)).toBeLessThan(1e-9 * Math.max(1, r.cumulativeEmissions[i]))
    }
    // and the atmosphere holds what the boxes hold
    const last = r.length - 1
    expect(r.co2[last]).toBeCloseTo(PREINDUSTRIAL.co2 + r.airborne[last] / 7.8, 9)
    // sinks take up a real share (about half) of historical emissions
    const y2019 = 2019 - 1750
    expect(r.airborne[y2019] / r.cumulativeEmissions[y2019]).toBeGreaterThan(0.35)
    expect(r.airborne[y2019] / r.cumulativeEmissions[y2019]).toBeLessThan(0.6)
  })

  it('keeps pre-industrial concentrations and zero warming without human emissions', () => {
    const r = runCore(constant(200, {}), DEFAULT_PARAMS)
    expect(r.co2[199]).toBeCloseTo(PREINDUSTRIAL.co2, 6)
    expect(r.ch4[199]).toBeCloseTo(PREINDUSTRIAL.ch4, 3)
    expect(r.n2o[199]).toBeCloseTo(PREINDUSTRIAL.n2o, 3)
    expect(Math.abs(r.forcing[199])).toBeLessThan(1e-6)
  })

  it('uptake slows as sinks fill: a second pulse leaves a larger airborne share', () => {
    const small = runCore(constant(100, { co2Fossil: 10 }), DEFAULT_PARAMS)
    const large = runCore(constant(100, { co2Fossil: 40 }), DEFAULT_PARAMS)
    expect(large.airborne[99] / large.cumulativeEmissions[99]).toBeGreaterThan(small.airborne[99] / small.cumulativeEmissions[99])
  })
})

describe('forcing and energy balance', () => {
  it('gives the AR6 forcing for doubled CO2 (3.93 W/m2)', () => {
    expect(FORCING_2XCO2).toBeGreaterThan(3.85)
    expect(FORCING_2XCO2).toBeLessThan(4.0)
    expect(co2Forcing(PREINDUSTRIAL.co2, PREINDUSTRIAL.n2o)).toBeCloseTo(0, 12)
  })

  it('steps exactly: the matrix exponential matches fine Euler integration', () => {
    const p = DEFAULT_PARAMS
    const s = annualStep(p)
    const exact = [s[9] * 4, s[10] * 4, s[11] * 4] // one year of 4 W/m2 from rest
    const t = [0, 0, 0]
    const dt = 1e-5
    for (let k = 0; k < 1 / dt; k++) {
      const d1 = (4 - p.k1 * t[0] - p.k2 * (t[0] - t[1])) / p.c1
      const d2 = (p.k2 * (t[0] - t[1]) - p.eps * p.k3 * (t[1] - t[2])) / p.c2
      const d3 = (p.k3 * (t[1] - t[2])) / p.c3
      t[0] += d1 * dt
      t[1] += d2 * dt
      t[2] += d3 * dt
    }
    for (let i = 0; i < 3; i++) expect(exact[i]).toBeCloseTo(t[i], 4)
  })

  it('settles at ECS = F2x / k1 under constant doubled-CO2 forcing', () => {
    const p = DEFAULT_PARAMS
    const s = annualStep(p)
    let [t1, t2, t3] = [0, 0, 0]
    for (let y = 0; y < 5000; y++) {
      const f = FORCING_2XCO2
      ;[t1, t2, t3] = [
        s[0] * t1 + s[1] * t2 + s[2] * t3 + s[9] * f,
        s[3] * t1 + s[4] * t2 + s[5] * t3 + s[10] * f,
        s[6] * t1 + s[7] * t2 + s[8] * t3 + s[11] * f,
      ]
    }
    expect(t1).toBeCloseTo(equilibriumSensitivity(p, FORCING_2XCO2), 3)
  })
})

describe('default parameter set against the historical record (CLIMATE.md)', () => {
  const checks = historicalChecks(DEFAULT_PARAMS)
  for (const [name, target] of Object.entries(TARGETS)) {
    it(`${name}: ${target.value} +- ${target.tolerance} (${target.source})`, () => {
      expect(Math.abs(checks[name as keyof typeof TARGETS] - target.value)).toBeLessThanOrEqual(target.tolerance)
    })
  }

  it('reports warming relative to the 1850-1900 mean', () => {
    const run = runClimate(sspEmissions('ssp245'))
    const base = run.temperature.subarray(1850 - 1750, 1901 - 1750)
    expect(base.reduce((a, b) => a + b, 0) / base.length).toBeCloseTo(0, 10)
  })
})

describe('runClimate', () => {
  it('takes options or just a parameter set', () => {
    const e = sspEmissions('ssp245')
    const member = ENSEMBLE[ENSEMBLE.length - 1]
    expect(runClimate(e, member).warming2100).toBe(runClimate(e, { params: member }).warming2100)
    expect(runClimate(e, member).warming2100).not.toBeCloseTo(runClimate(e).warming2100, 2)
  })

  it('gives a one-member band equal to that member, even after longer runs filled the buffers', () => {
    runClimate(sspEmissions('ssp585'), { ensemble: true })
    const short = sspEmissions('ssp245')
    const early: EmissionsSeries = { ...short, co2Fossil: short.co2Fossil.subarray(0, 131), co2Land: short.co2Land.subarray(0, 131),
      ch4: short.ch4.subarray(0, 131), n2o: short.n2o.subarray(0, 131), otherForcing: short.otherForcing.subarray(0, 131) }
    const run = runClimate(early, { ensemble: [DEFAULT_PARAMS] })
    expect(run.years[run.years.length - 1]).toBe(1880)
    expect(Array.from(run.temperatureLow as Float64Array)).toEqual(Array.from(run.temperature))
    expect(Array.from(run.temperatureHigh as Float64Array)).toEqual(Array.from(run.temperature))
  })
})

describe('uncertainty ensemble', () => {
  const ecs = ENSEMBLE.map((p) => equilibriumSensitivity(p, FORCING_2XCO2)).sort((a, b) => a - b)
  const q = (p: number): number => ecs[Math.round(p * (ecs.length - 1))]

  it('holds 50 members whose ECS spans the AR6 likely range 2.5-4 K', () => {
    expect(ENSEMBLE).toHaveLength(50)
    expect(Math.abs(q(0.17) - 2.5)).toBeLessThan(0.3)
    expect(Math.abs(q(0.83) - 4)).toBeLessThan(0.3)
    expect(q(0.5)).toBeGreaterThan(2.8)
    expect(q(0.5)).toBeLessThan(3.4)
    expect(ecs[0]).toBeLessThan(2.5)
    expect(ecs[ecs.length - 1]).toBeGreaterThan(4)
  })

  it('spreads TCR over about the AR6 likely range 1.4-2.2 K', () => {
    const tcr = ENSEMBLE.map((p) => transientResponse(p, FORCING_2XCO2)).sort((a, b) => a - b)
    const at = (p: number): number => tcr[Math.round(p * (tcr.length - 1))]
    expect(at(0.17)).toBeGreaterThan(1.3)
    expect(at(0.17)).toBeLessThan(1.8)
    expect(at(0.83)).toBeGreaterThan(2)
    expect(at(0.83)).toBeLessThan(2.4)
  })

  it('gives every member a plausible history', () => {
    for (const p of ENSEMBLE) {
      const checks = historicalChecks(p)
      expect(Math.abs(checks.warming_2011_2020 - 1.09)).toBeLessThan(0.25)
      expect(Math.abs(checks.co2_2019 - 410)).toBeLessThan(4)
    }
  })

  it('is what calibrate.generateEnsemble produces (the stored table has not drifted)', () => {
    const regenerated = generateEnsemble(50)
    expect(regenerated).toHaveLength(ENSEMBLE_ROWS.length)
    regenerated.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(ENSEMBLE_ROWS[i][j], 2)))
  }, 60_000)
})

describe('normalQuantile', () => {
  it('inverts the standard normal CDF', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 8)
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5)
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 5)
  })
})
