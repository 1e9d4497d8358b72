import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { isAbsolute, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runClimateCommand } from '../../../../../electron/cli/commands/climate'
import type { ClimateJson } from '../../../../../electron/cli/commands/climate'
import { commands } from '../../../../../electron/cli/commands'
import {
  AR6_SEA_LEVEL_2100, AR6_WARMING_2041_2060, AR6_WARMING_2081_2100, SSP_WARMING_TOLERANCE,
} from '../../../../../shared/climate/calibrate'
import { SSP_IDS, sspEmissions } from '../../../../../shared/climate/reference'

/** The project's data file, next to the checkout (not in it); tests that read it are skipped where it is absent. */
const DATA_FILE = join(import.meta.dirname, '../../../../../../shared/data/ssp-emissions.csv')

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'convene-climate-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const HEADER = 'year,co2_fossil_gtco2,co2_land_gtco2,ch4_mt,n2o_mt,other_forcing_wm2'
const future = [HEADER, ...Array.from({ length: 81 }, (_, i) => `${2020 + i},${(37 - i * 0.4).toFixed(2)},2,380,11,-0.3`)].join('\n')

async function run(args: string[], files: Record<string, string> = {}) {
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content)
  const out: string[] = []
  const err: string[] = []
  const code = await runClimateCommand(
    args.map((a) => (/\.(csv|json)$/.test(a) && !isAbsolute(a) ? join(dir, a) : a)),
    { out: (t) => out.push(t), err: (t) => err.push(t) },
  )
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('convene climate', () => {
  it('is registered as a command', () => {
    expect(commands.climate.summary).toMatch(/climate model/)
  })

  it('--emissions --json prints one number per year of the file for each series', async () => {
    const { code, out, err } = await run(['--emissions', 'future.csv', '--json'], { 'future.csv': future })
    expect(err).toBe('')
    expect(code).toBe(0)
    const json = JSON.parse(out) as ClimateJson
    expect(Object.keys(json)).toEqual(['years', 'temperature', 'co2_ppm', 'ch4_ppb', 'n2o_ppb', 'forcing_wm2', 'sea_level_m'])
    expect(json.years[0]).toBe(2020)
    expect(json.years.at(-1)).toBe(2100)
    for (const series of Object.values(json)) {
      expect(series).toHaveLength(81)
      expect((series as number[]).every((v) => Number.isFinite(v))).toBe(true)
    }
    expect(json.temperature[0]).toBeGreaterThan(1) // spun up from history, not from zero
    expect(json.co2_ppm[0]).toBeGreaterThan(400)
    expect(json.sea_level_m[0]).toBeGreaterThan(0) // above the 1995-2014 mean by 2020
  })

  // The five SSPs in the data file's format (scenario column and all), from the bundled
  // copy, so this runs where ../shared/data is absent; the file itself is read below.
  const sspCsv = (): string => {
    const lines = [`scenario,${HEADER},total_forcing_wm2`]
    for (const id of SSP_IDS) {
      const e = sspEmissions(id)
      for (let i = 0; i < e.co2Fossil.length; i++) lines.push([id, 1750 + i, e.co2Fossil[i], e.co2Land[i], e.ch4[i], e.n2o[i], e.otherForcing[i], 0].join(','))
    }
    return lines.join('\n')
  }

  async function checkSsps(file: string): Promise<void> {
    for (const id of SSP_IDS) {
      const { code, out } = await run(['--emissions', file, '--scenario', id, '--json'])
      expect(code).toBe(0)
      const json = JSON.parse(out) as ClimateJson
      const mean = (from: number, to: number): number => {
        const values = json.temperature.slice(from - json.years[0], to - json.years[0] + 1)
        return values.reduce((a, b) => a + b, 0) / values.length
      }
      expect(Math.abs(mean(2041, 2060) - AR6_WARMING_2041_2060[id].central), `${id} 2041-2060`).toBeLessThanOrEqual(SSP_WARMING_TOLERANCE)
      expect(Math.abs(mean(2081, 2100) - AR6_WARMING_2081_2100[id].central), `${id} 2081-2100`).toBeLessThanOrEqual(SSP_WARMING_TOLERANCE)
      expect(Math.abs(mean(2011, 2020) - 1.09)).toBeLessThanOrEqual(0.06)
      const sea = json.sea_level_m[2100 - json.years[0]]
      expect(sea, `${id} sea level 2100`).toBeGreaterThanOrEqual(AR6_SEA_LEVEL_2100[id].low)
      expect(sea, `${id} sea level 2100`).toBeLessThanOrEqual(AR6_SEA_LEVEL_2100[id].high)
    }
  }

  it('--emissions --json on the SSP pathways gives AR6 warming and sea level for each', async () => {
    await writeFile(join(dir, 'ssp.csv'), sspCsv())
    await checkSsps('ssp.csv')
  })

  it.runIf(existsSync(DATA_FILE))('--emissions --json on shared/data/ssp-emissions.csv itself gives the same', async () => {
    await checkSsps(DATA_FILE)
  })

  it('--levers --json runs a policy scenario from 1750 to 2100', async () => {
    const base = await run(['--levers', 'base.json', '--json'], { 'base.json': '{ "levers": {} }' })
    const priced = await run(['--levers', 'priced.json', '--json'], { 'priced.json': '{ "levers": { "carbonPrice": 200 } }' })
    expect(base.code).toBe(0)
    const a = JSON.parse(base.out) as ClimateJson
    const b = JSON.parse(priced.out) as ClimateJson
    expect(a.years).toHaveLength(351)
    expect(a.years[0]).toBe(1750)
    expect(Math.abs((a.temperature.at(-1) as number) - 3.3)).toBeLessThan(0.15)
    expect(b.temperature.at(-1)).toBeLessThan((a.temperature.at(-1) as number) - 0.4)
  })

  it('prints a short table with the 2100 warming and its range without --json', async () => {
    const { code, out } = await run(['--levers', 'priced.json'], { 'priced.json': '{ "levers": { "carbonPrice": 200 } }' })
    expect(code).toBe(0)
    expect(out).toMatch(/carbonPrice = 200 \$\/tCO2/)
    expect(out).toMatch(/^2050 +\d\.\d\d/m)
    expect(out).toMatch(/Warming in 2100: \d\.\d\d C above 1850-1900 \(likely \d\.\d to \d\.\d C/)
  })

  it('names the file, line and field of a malformed CSV', async () => {
    const bad = `${HEADER}\n2020,37,2,380,11,-0.3\n2021,37,two,380,11,-0.3`
    const { code, out, err } = await run(['--emissions', 'bad.csv', '--json'], { 'bad.csv': bad })
    expect(code).toBe(1)
    expect(out).toBe('')
    expect(err).toBe(`convene climate: ${join(dir, 'bad.csv')}: line 3, field co2_land_gtco2: "two" is not a number`)
  })

  it('names the file and line of malformed JSON and the lever of a bad value', async () => {
    const syntax = await run(['--levers', 'broken.json'], { 'broken.json': '{ "levers": {\n "carbonPrice": 10,\n} }' })
    expect(syntax.code).toBe(1)
    expect(syntax.err).toMatch(new RegExp(`^convene climate: ${join(dir, 'broken.json')}: line 3: not valid JSON`))
    const range = await run(['--levers', 'range.json'], { 'range.json': '{ "levers": { "carbonPrice": -5 } }' })
    expect(range.code).toBe(1)
    expect(range.err).toMatch(/range\.json: field levers\.carbonPrice: -5 is outside 0 to 250/)
  })

  it('asks for --scenario when a CSV holds several', async () => {
    const two = `scenario,${HEADER}\na,2020,1,1,1,1,0\nb,2020,1,1,1,1,0`
    const { code, err } = await run(['--emissions', 'two.csv'], { 'two.csv': two })
    expect(code).toBe(1)
    expect(err).toMatch(/field scenario: the file holds 2 scenarios \(a, b\); choose one with --scenario NAME/)
    const picked = await run(['--emissions', 'two.csv', '--scenario', 'b', '--json'])
    expect(picked.code).toBe(0)
  })

  it('explains usage mistakes and unreadable files', async () => {
    expect((await run([])).code).toBe(2)
    expect((await run(['--emissions', 'a.csv', '--levers', 'b.json'])).err).toMatch(/either --emissions FILE\.csv or --levers FILE\.json/)
    expect((await run(['--bogus'])).code).toBe(2)
    const missing = await run(['--emissions', 'nowhere.csv'])
    expect(missing.code).toBe(1)
    expect(missing.err).toMatch(/nowhere\.csv: cannot read it/)
    const help = await run(['--help'])
    expect(help.code).toBe(0)
    expect(help.out).toMatch(/co2_fossil_gtco2/)
  })
})
