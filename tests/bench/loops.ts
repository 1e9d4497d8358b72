// Loop analysis time on random diagrams of 50, 100 and 300 variables, sparse (about
// 2 links per variable) and dense (about 4), with the default caps. The baseline is
// a plain depth-first enumerator (no component pruning, no blocking) on the same
// graphs in the same run, within a step budget; `baselineAgrees` checks it found
// the same loops.
import { DEFAULT_MAX_LENGTH, DEFAULT_MAX_LOOPS, findLoops } from '../../shared/diagram/loops'
import type { LoopGraph } from '../../shared/diagram/model'
import { bruteForceLoops, randomGraph } from '../unit/shared/diagram/graphs'
import { summarise, type BenchResult } from './types'

export type { BenchResult }

const BASELINE_NAME = 'plain depth-first enumeration (no SCC pruning, no blocking)'
const BASELINE_STEP_BUDGET = 3_000_000
const TIME_PER_CASE_MS = 1500

function measure(fn: () => void, maxSamples: number): { median: number; p95: number; samples: number } {
  for (let i = 0; i < 3; i++) fn() // warm the JIT
  const times: number[] = []
  const deadline = performance.now() + TIME_PER_CASE_MS
  while (times.length < maxSamples && (times.length < 5 || performance.now() < deadline)) {
    const t0 = performance.now()
    fn()
    times.push(performance.now() - t0)
  }
  return summarise(times)
}

const round = (x: number) => Math.round(x * 1000) / 1000

export async function benchLoops(): Promise<BenchResult[]> {
  const results: BenchResult[] = []
  const options = { maxLength: DEFAULT_MAX_LENGTH, maxLoops: DEFAULT_MAX_LOOPS }
  for (const variables of [50, 100, 300]) {
    for (const [density, perVariable] of [['sparse', 2], ['dense', 4]] as const) {
      const graph: LoopGraph = randomGraph(variables * 10 + perVariable, { variables, links: variables * perVariable })
      const analysis = findLoops(graph, options)
      const timing = measure(() => findLoops(graph, options), 200)
      const counts: Record<string, number> = {
        variables,
        links: graph.links.length,
        loops: analysis.loops.length,
        reinforcing: analysis.loops.filter((l) => l.polarity === 'R').length,
        balancing: analysis.loops.filter((l) => l.polarity === 'B').length,
        longestListed: analysis.loops.reduce((m, l) => Math.max(m, l.length), 0),
        cappedLength: analysis.capped.length ? 1 : 0,
        cappedCount: analysis.capped.count ? 1 : 0,
      }
      const result: BenchResult = {
        name: `loops: ${variables} variables, ${density}`,
        unit: 'ms',
        median: round(timing.median),
        p95: round(timing.p95),
        samples: timing.samples,
        counts,
        ...(variables === 100 ? { target: 'median under 10 ms' } : {}),
      }
      // The plain search cannot finish a dense diagram at the full length cap; there it
      // is handed, for free, the longest length the answer needed.
      for (const maxLength of [options.maxLength, counts.longestListed]) {
        const baseline = { ...options, maxLength, stepBudget: BASELINE_STEP_BUDGET }
        const probe = bruteForceLoops(graph, baseline)
        if (!probe.completed) continue
        const base = measure(() => bruteForceLoops(graph, baseline), 30)
        const name = maxLength === options.maxLength ? BASELINE_NAME : `${BASELINE_NAME}, told to stop at ${maxLength} links`
        result.baseline = { name, median: round(base.median), p95: round(base.p95) }
        counts.baselineAgrees = JSON.stringify(probe.loops) === JSON.stringify(analysis.loops) ? 1 : 0
        break
      }
      results.push(result)
      await new Promise((resolve) => setTimeout(resolve, 0)) // let a caller's timers and logs through
    }
  }
  return results
}
