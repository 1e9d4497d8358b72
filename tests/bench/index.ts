// `npm run bench`: every benchmark, printed as a table and written as JSON under
// tests/bench/results/ (git-ignored). Figures are measured, never asserted.
import { mkdirSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { benchSync } from './sync'
import { benchReopen } from './reopen'
import { benchLoops } from './loops'
import { benchClimate } from './climate'
import { benchHarvest } from './harvest'
import { benchClimatePanel } from './climatePanel'
import { benchConversation } from './conversation'
import { benchCohort } from './cohort'
import { benchDiagram } from './diagram'
import { benchFacilitation } from './facilitation'
import { benchRelay } from './relay'
import { benchProse } from './prose'
import { benchFaults } from './faults'
import { benchPeople } from './people'
import { benchPlay } from './play'
import { benchVotes } from './votes'
import { benchLayout } from './layout'
import { benchRender } from './render'
import type { BenchResult } from './types'

const suites: Record<string, () => Promise<BenchResult[]>> = {
  sync: () => benchSync(),
  reopen: () => benchReopen(),
  loops: () => benchLoops(),
  climate: () => benchClimate(),
  harvest: () => benchHarvest(),
  climatePanel: () => benchClimatePanel(),
  conversation: () => benchConversation(),
  cohort: () => benchCohort(),
  diagram: () => benchDiagram(),
  facilitation: () => benchFacilitation(),
  relay: () => benchRelay(),
  prose: () => benchProse(),
  faults: () => benchFaults(),
  people: () => benchPeople(),
  play: () => benchPlay(),
  votes: () => benchVotes(),
  layout: () => benchLayout(),
  render: () => benchRender(),
}

const only = process.argv.slice(2)
const results: BenchResult[] = []
for (const [name, run] of Object.entries(suites)) {
  if (only.length > 0 && !only.includes(name)) continue
  console.log(`\n── ${name} ──`)
  try {
    const figures = await run()
    for (const figure of figures) console.log(format(figure))
    results.push(...figures)
  } catch (error) {
    console.error(`benchmark ${name} failed: ${error instanceof Error ? error.stack : String(error)}`)
    process.exitCode = 1
  }
}

function format(r: BenchResult): string {
  const suffix = r.unit === 'ms' ? ' ms' : r.unit === 'bytes' ? ' B' : ''
  const ms = (v: number): string => `${v.toFixed(r.unit === 'count' ? 0 : v < 1 ? 3 : 1)}${suffix}`
  const base = r.baseline ? `   | baseline (${r.baseline.name}): median ${ms(r.baseline.median)}, p95 ${ms(r.baseline.p95)}` : ''
  const counts = r.counts ? `   | ${Object.entries(r.counts).map(([k, v]) => `${k}=${v}`).join(' ')}` : ''
  return `${r.name}: median ${ms(r.median)}, p95 ${ms(r.p95)} (n=${r.samples})${base}${counts}${r.target ? `   [target: ${r.target}]` : ''}`
}

const dir = resolve(import.meta.dirname, 'results')
mkdirSync(dir, { recursive: true })
const stamp = new Date().toISOString().replace(/[:.]/g, '-')
const body = JSON.stringify({ when: new Date().toISOString(), node: process.version, results }, null, 2)
writeFileSync(resolve(dir, `bench-${stamp}.json`), body)
writeFileSync(resolve(dir, 'latest.json'), body)
console.log(`\nWrote tests/bench/results/bench-${stamp}.json`)
