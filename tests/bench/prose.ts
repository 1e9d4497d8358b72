// Reading one hostile line of the shared notes (issue 13): any peer can type it, and
// every other peer's preview parses the notes again on each change. Lines of 20 KB and
// 1 MB of marks that never close (or close only at the very end), beside a baseline of
// 1 MB of ordinary prose (bold, italics, code, links) read in the same run. Before the
// fix, 20 KB of `*a ` took about 0.6 s and 1 MB about 30 s. `stepsPerChar` is the
// parser's own count of work (flat when it is linear); lines that make many nodes also
// pay for allocating them, which grows a little faster than linearly on a busy heap.
import { parseProse } from '../../shared/notes'
import { inlineParserWork } from '../../shared/notes/prose'
import { summarise, type BenchResult } from './types'

export type { BenchResult }

const KB = 1024
const MB = 1024 * KB
const BUDGET_MS = 2000

const ORDINARY =
  'We agreed **to meet again** on _Friday_ after the *second* round; see https://example.org/notes and [the plan](https://example.org/plan), or run `convene export`. '

/** What is repeated, and what ends the line. (A line of `**` alone would be a rule, hence `a `.) */
const HOSTILE: Record<string, { unit: string; end?: string }> = {
  'unclosed *': { unit: '*a ' },
  'unclosed *, one closer at the end': { unit: '*a ', end: 'b*' },
  '** runs': { unit: '**a ' },
  'unclosed [': { unit: '[' },
  'every mark at once': { unit: '*_**__[`' },
}

/** `unit` repeated to `bytes` characters (ASCII, so characters are bytes). */
function line(unit: string, bytes: number, end = ''): string {
  return unit.repeat(Math.ceil((bytes - end.length) / unit.length)).slice(0, bytes - end.length) + end
}

function time(text: string): { median: number; p95: number; samples: number } {
  parseProse(text) // warm up
  const times: number[] = []
  const stop = performance.now() + BUDGET_MS
  while (times.length < 5 || (times.length < 50 && performance.now() < stop)) {
    const started = performance.now()
    parseProse(text)
    times.push(performance.now() - started)
  }
  return summarise(times)
}

const ms = (x: number): number => Math.round(x * 100) / 100

export async function benchProse(): Promise<BenchResult[]> {
  const ordinary = time(line(ORDINARY, MB))
  const baseline = { name: '1 MB line of ordinary prose', median: ms(ordinary.median), p95: ms(ordinary.p95) }
  const results: BenchResult[] = []
  for (const [name, { unit, end }] of Object.entries(HOSTILE)) {
    for (const [size, bytes] of [['20 KB', 20 * KB], ['1 MB', MB]] as const) {
      const text = line(unit, bytes, end)
      inlineParserWork.steps = 0
      parseProse(text)
      const steps = inlineParserWork.steps
      const timing = time(text)
      results.push({
        name: `prose: ${size} line of ${name}`,
        unit: 'ms',
        median: ms(timing.median),
        p95: ms(timing.p95),
        samples: timing.samples,
        counts: { chars: text.length, stepsPerChar: Math.round((steps / text.length) * 100) / 100 },
        baseline,
        target: size === '1 MB' ? 'within a few times the baseline' : 'median under 5 ms',
      })
    }
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return results
}
