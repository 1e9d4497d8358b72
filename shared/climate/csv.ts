// Reads annual emissions from CSV: the columns of shared/data/ssp-emissions.csv,
// `year,co2_fossil_gtco2,co2_land_gtco2,ch4_mt,n2o_mt,other_forcing_wm2`, in any order,
// with optional extra columns (total_forcing_wm2 is ignored; a `scenario` column picks
// rows with `scenario`). Every problem is reported with its line and field.
import { ClimateInputError } from './errors'
import type { InputIssue } from './errors'
import type { EmissionKey, EmissionsArrays } from './reference'

export const CSV_COLUMNS = {
  year: 'year',
  co2Fossil: 'co2_fossil_gtco2',
  co2Land: 'co2_land_gtco2',
  ch4: 'ch4_mt',
  n2o: 'n2o_mt',
  otherForcing: 'other_forcing_wm2',
} as const satisfies Record<EmissionKey | 'year', string>

/** Values outside these bounds are typos or wrong units, not scenarios. */
const PLAUSIBLE: Record<EmissionKey, readonly [number, number]> = {
  co2Fossil: [-500, 500],
  co2Land: [-500, 500],
  ch4: [-100, 10_000],
  n2o: [-10, 1_000],
  otherForcing: [-20, 20],
}
const MAX_YEARS = 2000

export interface CsvOptions {
  /** Keep only rows whose `scenario` column equals this (needed when there are several). */
  scenario?: string
}

function splitLine(line: string): string[] {
  return line.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'))
}

/** Parses the CSV text; throws ClimateInputError listing every problem found. */
export function parseEmissionsCsv(text: string, options: CsvOptions = {}): EmissionsArrays {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  const issues: InputIssue[] = []
  const headerIndex = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'))
  if (headerIndex < 0) throw new ClimateInputError([{ line: 1, message: 'the file is empty: expected a header row and one row per year' }])
  const header = splitLine(lines[headerIndex]).map((h) => h.toLowerCase())
  const headerLine = headerIndex + 1
  const column = {} as Record<keyof typeof CSV_COLUMNS, number>
  for (const [key, name] of Object.entries(CSV_COLUMNS) as [keyof typeof CSV_COLUMNS, string][]) {
    column[key] = header.indexOf(name)
    if (column[key] < 0) issues.push({ line: headerLine, field: name, message: `missing column "${name}" in the header` })
  }
  if (issues.length > 0) throw new ClimateInputError(issues)
  const scenarioColumn = header.indexOf('scenario')

  const rows: { line: number; cells: string[] }[] = []
  const scenarios = new Set<string>()
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const raw = lines[i].trim()
    if (raw === '' || raw.startsWith('#')) continue
    const cells = splitLine(raw)
    if (scenarioColumn >= 0) {
      scenarios.add(cells[scenarioColumn] ?? '')
      if (options.scenario !== undefined && cells[scenarioColumn] !== options.scenario) continue
    }
    rows.push({ line: i + 1, cells })
  }
  if (options.scenario !== undefined && scenarioColumn < 0) {
    throw new ClimateInputError([{ line: headerLine, field: 'scenario', message: `asked for scenario "${options.scenario}" but the file has no scenario column` }])
  }
  if (options.scenario === undefined && scenarios.size > 1) {
    throw new ClimateInputError([{ field: 'scenario', message: `the file holds ${scenarios.size} scenarios (${[...scenarios].join(', ')}); choose one` }])
  }
  if (rows.length === 0) {
    const what = options.scenario !== undefined ? ` for scenario "${options.scenario}"` : ''
    throw new ClimateInputError([{ line: headerLine + 1, message: `no data rows${what}: expected one row per year` }])
  }
  if (rows.length > MAX_YEARS) throw new ClimateInputError([{ message: `${rows.length} years is more than the ${MAX_YEARS} the model accepts` }])

  const n = rows.length
  const out = { startYear: 0 } as EmissionsArrays
  const keys = Object.keys(PLAUSIBLE) as EmissionKey[]
  for (const key of keys) out[key] = new Float64Array(n)
  let previousYear = Number.NaN
  rows.forEach(({ line, cells }, r) => {
    if (cells.length < header.length) {
      issues.push({ line, message: `${cells.length} fields, expected ${header.length} as in the header` })
      previousYear += 1 // keep checking the years after it against the right one
      return
    }
    const yearText = cells[column.year]
    const year = Number(yearText)
    if (yearText === '' || !Number.isInteger(year)) {
      issues.push({ line, field: CSV_COLUMNS.year, message: `"${yearText}" is not a whole year` })
    } else if (r === 0) {
      out.startYear = year
    } else if (!Number.isNaN(previousYear) && year !== previousYear + 1) {
      issues.push({ line, field: CSV_COLUMNS.year, message: `expected ${previousYear + 1} after ${previousYear}, got ${year}: years must be consecutive and increasing` })
    }
    previousYear = Number.isInteger(year) ? year : previousYear + 1
    for (const key of keys) {
      const name = CSV_COLUMNS[key]
      const text = cells[column[key]]
      const value = Number(text)
      const [lo, hi] = PLAUSIBLE[key]
      if (text === '' || !Number.isFinite(value)) issues.push({ line, field: name, message: `"${text}" is not a number` })
      else if (value < lo || value > hi) issues.push({ line, field: name, message: `${value} is outside the plausible range ${lo} to ${hi}; check the units` })
      else out[key][r] = value
    }
  })
  if (issues.length > 0) throw new ClimateInputError(issues)
  return out
}
