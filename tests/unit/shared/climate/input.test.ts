import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseEmissionsCsv } from '../../../../shared/climate/csv'
import { ClimateInputError } from '../../../../shared/climate/errors'
import { sspEmissions } from '../../../../shared/climate/reference'
import { runClimate } from '../../../../shared/climate/run'
import { checkLevers, parseScenarioFile } from '../../../../shared/climate/scenarioFile'

const HEADER = 'year,co2_fossil_gtco2,co2_land_gtco2,ch4_mt,n2o_mt,other_forcing_wm2'
/** The project's data file, next to the checkout (not in it). */
const DATA_FILE = join(import.meta.dirname, '../../../../../shared/data/ssp-emissions.csv')

/** The problems a parser reports, as "line N, field F: message" strings. */
function problems(fn: () => unknown): string[] {
  try {
    fn()
  } catch (error) {
    if (error instanceof ClimateInputError) return error.message.split('\n')
    throw error
  }
  throw new Error('expected a ClimateInputError')
}

describe('emissions CSV', () => {
  it('reads the data file format (scenario column and all) and runs it like the bundled copy', () => {
    const lines = [`scenario,${HEADER},total_forcing_wm2`]
    for (const id of ['ssp126', 'ssp245'] as const) {
      const e = sspEmissions(id)
      for (let i = 0; i < e.co2Fossil.length; i++) {
        lines.push([id, 1750 + i, e.co2Fossil[i], e.co2Land[i], e.ch4[i], e.n2o[i], e.otherForcing[i], 0].join(','))
      }
    }
    const e = parseEmissionsCsv(lines.join('\n'), { scenario: 'ssp245' })
    expect(e.startYear).toBe(1750)
    expect(e.co2Fossil).toHaveLength(351)
    expect(runClimate(e).warming2100).toBe(runClimate(sspEmissions('ssp245')).warming2100)
  })

  it.runIf(existsSync(DATA_FILE))('reads shared/data/ssp-emissions.csv itself', () => {
    const e = parseEmissionsCsv(readFileSync(DATA_FILE, 'utf8'), { scenario: 'ssp585' })
    expect(e.co2Fossil).toHaveLength(351)
    expect(runClimate(e).warming2100).toBeCloseTo(runClimate(sspEmissions('ssp585')).warming2100, 2)
  })

  it('accepts columns in any order, extra columns, blank lines and CRLF', () => {
    const text = 'n2o_mt,year,total_forcing_wm2,ch4_mt,co2_land_gtco2,co2_fossil_gtco2,other_forcing_wm2\r\n' +
      '10,2020,2.5,380,3,37,-0.3\r\n\r\n11,2021,2.6,381,3,36,-0.3\r\n'
    const e = parseEmissionsCsv(text)
    expect(e.startYear).toBe(2020)
    expect(Array.from(e.co2Fossil)).toEqual([37, 36])
    expect(Array.from(e.n2o)).toEqual([10, 11])
  })

  it('starts later runs from the historical record, so a 2020-2100 file warms from today', () => {
    const rows = Array.from({ length: 81 }, (_, i) => `${2020 + i},35,2,380,11,-0.3`)
    const run = runClimate(parseEmissionsCsv([HEADER, ...rows].join('\n')))
    expect(run.years[0]).toBe(2020)
    expect(run.temperature[0]).toBeGreaterThan(1)
    expect(run.co2Ppm[0]).toBeGreaterThan(400)
  })

  it('names the line and field of a value that is not a number', () => {
    expect(problems(() => parseEmissionsCsv(`${HEADER}\n2000,25,4,310,9.6,-0.4\n2001,25,abc,310,9.6,-0.4`)))
      .toEqual(['line 3, field co2_land_gtco2: "abc" is not a number'])
  })

  it('names missing columns', () => {
    expect(problems(() => parseEmissionsCsv('year,co2_fossil_gtco2,co2_land_gtco2,ch4_mt,other_forcing_wm2\n2000,1,1,1,1')))
      .toEqual(['line 1, field n2o_mt: missing column "n2o_mt" in the header'])
  })

  it('reports gaps in the years, short rows, empty cells and implausible values, all at once', () => {
    const text = `${HEADER}\n2000,25,4,310,9.6,-0.4\n2002,25,4,310,9.6,-0.4\n2003,25,4\n2004,25,4,,9.6,-0.4\n2005,25,4,310,9.6,99`
    expect(problems(() => parseEmissionsCsv(text))).toEqual([
      'line 3, field year: expected 2001 after 2000, got 2002: years must be consecutive and increasing',
      'line 4: 3 fields, expected 6 as in the header',
      'line 5, field ch4_mt: "" is not a number',
      'line 6, field other_forcing_wm2: 99 is outside the plausible range -20 to 20; check the units',
    ])
  })

  it('refuses an empty file, a header alone, and several scenarios without a choice', () => {
    expect(problems(() => parseEmissionsCsv(''))[0]).toMatch(/^line 1: the file is empty/)
    expect(problems(() => parseEmissionsCsv(HEADER))[0]).toMatch(/^line 2: no data rows/)
    const two = `scenario,${HEADER}\na,2000,1,1,1,1,0\nb,2000,1,1,1,1,0`
    expect(problems(() => parseEmissionsCsv(two))[0]).toMatch(/^field scenario: the file holds 2 scenarios \(a, b\)/)
    expect(parseEmissionsCsv(two, { scenario: 'b' }).co2Fossil).toHaveLength(1)
    expect(problems(() => parseEmissionsCsv(two, { scenario: 'c' }))[0]).toMatch(/no data rows for scenario "c"/)
  })

  it('refuses series that start too late to spin up', () => {
    const e = parseEmissionsCsv(`${HEADER}\n2200,1,1,1,1,0`)
    expect(problems(() => runClimate(e))[0]).toMatch(/^field year: emissions must start by 2101/)
  })
})

describe('scenario (levers) JSON', () => {
  it('reads levers and fills the rest with status quo', () => {
    const { levers, name } = parseScenarioFile('{ "name": "Price it", "levers": { "carbonPrice": 100, "methane": 50 } }')
    expect(name).toBe('Price it')
    expect(levers.carbonPrice).toBe(100)
    expect(levers.methane).toBe(50)
    expect(levers.population).toBe(10.3)
  })

  it('gives the line of a JSON syntax error', () => {
    expect(problems(() => parseScenarioFile('{\n  "levers": {\n    "carbonPrice": 100,\n  }\n}'))[0]).toMatch(/^line 4: not valid JSON/)
  })

  it('names unknown levers, values out of range and values that are not numbers', () => {
    expect(problems(() => parseScenarioFile('{ "levers": { "carbonTax": 50, "carbonPrice": 300, "coal": "high" } }'))).toEqual([
      expect.stringMatching(/^field levers\.carbonTax: unknown lever "carbonTax"; levers are coal, oil/),
      'field levers.carbonPrice: 300 is outside 0 to 250 $/tCO2 (Carbon price)',
      'field levers.coal: "high" is not a number (Coal, % of cost)',
    ])
  })

  it('names unknown top-level fields and a missing levers object', () => {
    expect(problems(() => parseScenarioFile('{ "levers": {}, "lever": {} }'))[0]).toMatch(/^field lever: unknown field "lever"/)
    expect(problems(() => parseScenarioFile('{ "name": "x" }'))[0]).toMatch(/^field levers: must be an object of lever ids and numbers/)
    expect(problems(() => parseScenarioFile('[1, 2]'))[0]).toMatch(/expected an object like/)
  })

  it('refuses impossible combinations, naming the levers involved', () => {
    const { issues } = checkLevers({ afforestation: 6, deforestation: 80 })
    expect(issues).toHaveLength(1)
    expect(issues[0].field).toBe('levers.afforestation')
    expect(issues[0].message).toMatch(/levers\.deforestation/)
    expect(checkLevers({ afforestation: 6, deforestation: -50 }).issues).toEqual([])
  })

  it('wants a whole breakthrough year', () => {
    expect(checkLevers({ newTechYear: 2040.5 }).issues[0]).toMatchObject({ field: 'levers.newTechYear' })
  })
})
