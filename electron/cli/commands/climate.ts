// `convene climate`: runs the climate model from annual emissions (CSV) or from policy
// lever settings (JSON), for scripts and for checking the model outside the app.
import { readFile, stat } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import {
  CSV_COLUMNS, ClimateInputError, LEVERS, describeIssue, parseEmissionsCsv, parseScenarioFile, runClimate, runScenario,
} from '../../../shared/climate'
import type { ClimateRun, InputIssue } from '../../../shared/climate'
import type { Command } from './index'
import { errorMessage } from '../../../shared/errors'

const MAX_FILE_BYTES = 20 * 1024 * 1024

const usage = `Usage: convene climate (--emissions FILE.csv | --levers FILE.json) [options]

Runs the climate model and prints warming, concentrations and forcing per year.

--emissions FILE.csv  annual emissions with the columns
                      ${Object.values(CSV_COLUMNS).join(',')}
                      (GtCO2/yr, GtCO2/yr, Mt CH4/yr, Mt N2O/yr, W/m2), one row per
                      consecutive year. Years before the first row come from the
                      historical record (and SSP2-4.5 after 2014), so the model starts
                      from the right state.
--levers FILE.json    a policy scenario: { "levers": { "carbonPrice": 100, ... } };
                      levers left out keep their status-quo value. Levers:
                      ${LEVERS.map((l) => l.id).join(', ')}

Options:
  --scenario NAME   with --emissions: use the rows whose "scenario" column is NAME
  --json            print { "years", "temperature", "co2_ppm", "ch4_ppb", "n2o_ppb",
                    "forcing_wm2", "sea_level_m" } (temperature in C above the
                    1850-1900 mean, sea level in m above the 1995-2014 mean)
  -h, --help        show this help`

export interface ClimateIo {
  out(text: string): void
  err(text: string): void
  readFile(path: string): Promise<string>
}

const nodeIo: ClimateIo = {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
  async readFile(path) {
    const info = await stat(path)
    if (!info.isFile()) throw new Error('not a file')
    if (info.size > MAX_FILE_BYTES) throw new Error(`larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`)
    return readFile(path, 'utf8')
  },
}

/** The command's --json output. */
export interface ClimateJson {
  years: number[]
  temperature: number[]
  co2_ppm: number[]
  ch4_ppb: number[]
  n2o_ppb: number[]
  forcing_wm2: number[]
  /** Global mean sea-level rise relative to the 1995-2014 mean, m. */
  sea_level_m: number[]
}

const rounded = (values: Float64Array, digits: number): number[] => Array.from(values, (v) => Number(v.toFixed(digits)))

export function toJson(run: ClimateRun): ClimateJson {
  return {
    years: Array.from(run.years),
    temperature: rounded(run.temperature, 4),
    co2_ppm: rounded(run.co2Ppm, 3),
    ch4_ppb: rounded(run.ch4Ppb, 2),
    n2o_ppb: rounded(run.n2oPpb, 3),
    forcing_wm2: rounded(run.forcing, 4),
    sea_level_m: rounded(run.seaLevel, 4),
  }
}

function asTable(run: ClimateRun, title: string): string {
  const lines = [title, '', 'year   warming C   CO2 ppm   CH4 ppb   N2O ppb   forcing W/m2']
  const n = run.years.length
  for (let i = 0; i < n; i++) {
    if (run.years[i] % 10 !== 0 && i !== n - 1) continue
    lines.push(
      `${run.years[i]}   ${run.temperature[i].toFixed(2).padStart(9)}   ${run.co2Ppm[i].toFixed(1).padStart(7)}   ` +
      `${run.ch4Ppb[i].toFixed(0).padStart(7)}   ${run.n2oPpb[i].toFixed(1).padStart(7)}   ${run.forcing[i].toFixed(2).padStart(12)}`,
    )
  }
  const band = run.warming2100Low !== undefined && run.warming2100High !== undefined
    ? ` (likely ${run.warming2100Low.toFixed(1)} to ${run.warming2100High.toFixed(1)} C across the ensemble)`
    : ''
  lines.push('', `Warming in ${run.headlineYear}: ${run.warming2100.toFixed(2)} C above 1850-1900${band}.`)
  lines.push(`Sea-level rise by ${run.headlineYear}: ${run.seaLevel[run.headlineYear - run.years[0]].toFixed(2)} m above the 1995-2014 mean.`)
  return lines.join('\n')
}

function report(io: ClimateIo, file: string, issues: readonly InputIssue[]): number {
  for (const issue of issues.slice(0, 20)) {
    const hint = issue.field === 'scenario' && issue.line === undefined ? ' with --scenario NAME' : ''
    io.err(`convene climate: ${file}: ${describeIssue(issue)}${hint}`)
  }
  if (issues.length > 20) io.err(`convene climate: ... and ${issues.length - 20} more problems`)
  return 1
}

export async function runClimateCommand(args: string[], overrides: Partial<ClimateIo> = {}): Promise<number> {
  const io: ClimateIo = { ...nodeIo, ...overrides }
  let file: string
  let kind: 'emissions' | 'levers'
  let values: { json?: boolean; scenario?: string }
  try {
    const parsed = parseArgs({
      args,
      options: {
        emissions: { type: 'string' },
        levers: { type: 'string' },
        scenario: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    })
    if (parsed.values.help) {
      io.out(usage)
      return 0
    }
    const { emissions, levers } = parsed.values
    if ((emissions === undefined) === (levers === undefined)) throw new Error('give either --emissions FILE.csv or --levers FILE.json')
    if (levers !== undefined && parsed.values.scenario !== undefined) throw new Error('--scenario goes with --emissions')
    file = emissions ?? (levers as string)
    kind = emissions !== undefined ? 'emissions' : 'levers'
    values = parsed.values
  } catch (error) {
    io.err(`convene climate: ${errorMessage(error)}\n\n${usage}`)
    return 2
  }

  let text: string
  try {
    text = await io.readFile(file)
  } catch (error) {
    io.err(`convene climate: ${file}: cannot read it (${errorMessage(error)})`)
    return 1
  }
  let run: ClimateRun
  let title: string
  try {
    if (kind === 'emissions') {
      const emissions = parseEmissionsCsv(text, { scenario: values.scenario })
      run = runClimate(emissions, { ensemble: !values.json })
      title = `Climate from the emissions in ${file}`
    } else {
      const scenario = parseScenarioFile(text)
      run = runScenario(scenario.levers, { ensemble: !values.json })
      const changed = LEVERS.filter((l) => scenario.levers[l.id] !== l.default).map((l) => `${l.id} = ${scenario.levers[l.id]} ${l.unit}`)
      title = `Policy scenario ${scenario.name ?? file}: ${changed.length ? changed.join(', ') : 'every lever at status quo'}`
    }
  } catch (error) {
    if (error instanceof ClimateInputError) return report(io, file, error.issues)
    throw error
  }
  io.out(values.json ? JSON.stringify(toJson(run)) : asTable(run, title))
  return 0
}

export const climate: Command = {
  summary: 'run the climate model on an emissions CSV or a policy scenario',
  run: (args) => runClimateCommand(args),
}
