// `convene loops FILE.json`: every feedback loop of a causal loop diagram, for scripts
// and for checking a diagram outside the app.
import { readFile, stat } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { DEFAULT_MAX_LENGTH, DEFAULT_MAX_LOOPS, findLoops, loopNumbers, loopSummaries, parseLoopFile } from '../../../shared/diagram'
import type { LoopAnalysis, LoopFile } from '../../../shared/diagram'
import type { Command } from './index'
import { errorMessage } from '../../../shared/errors'

const MAX_FILE_BYTES = 20 * 1024 * 1024
const MAX_PROBLEMS_SHOWN = 20

const usage = `Usage: convene loops FILE.json [options]

Lists every feedback loop of a causal loop diagram, shortest first.

FILE.json holds
  { "variables": [{ "id": "a", "label": "Births" }, ...],
    "links": [{ "id": "l1", "from": "a", "to": "b", "polarity": "+" }, ...] }
with polarity "+", "-" or "?".

Options:
  --json            print the result as JSON
  --max-length N    longest loop to list, in links (default ${DEFAULT_MAX_LENGTH})
  --max-loops N     most loops to list; the shortest are kept (default ${DEFAULT_MAX_LOOPS})
  -h, --help        show this help`

export interface LoopsIo {
  out(text: string): void
  err(text: string): void
  readFile(path: string): Promise<string>
}

const nodeIo: LoopsIo = {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
  async readFile(path) {
    const info = await stat(path)
    if (!info.isFile()) throw new Error('not a file')
    if (info.size > MAX_FILE_BYTES) throw new Error(`larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`)
    return readFile(path, 'utf8')
  },
}

function whole(flag: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback
  const value = Number(text)
  if (text.trim() === '' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new RangeError(`--${flag} must be a whole number from 1 to ${max} (got "${text}")`)
  }
  return value
}

export async function runLoops(args: string[], overrides: Partial<LoopsIo> = {}): Promise<number> {
  const io: LoopsIo = { ...nodeIo, ...overrides }
  let file: string
  let json: boolean
  let maxLength: number
  let maxLoops: number
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        'max-length': { type: 'string' },
        'max-loops': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
    if (values.help) {
      io.out(usage)
      return 0
    }
    if (positionals.length !== 1) throw new Error(positionals.length ? 'give one file only' : 'which file? Give FILE.json')
    file = positionals[0]
    json = values.json ?? false
    maxLength = whole('max-length', values['max-length'], DEFAULT_MAX_LENGTH, 1000)
    maxLoops = whole('max-loops', values['max-loops'], DEFAULT_MAX_LOOPS, 1_000_000)
  } catch (error) {
    io.err(`convene loops: ${errorMessage(error)}\n\n${usage}`)
    return 2
  }

  let input: unknown
  try {
    input = JSON.parse(await io.readFile(file))
  } catch (error) {
    const reason = error instanceof SyntaxError ? `not valid JSON (${error.message})` : errorMessage(error)
    io.err(`convene loops: ${file}: ${reason}`)
    return 1
  }
  const parsed = parseLoopFile(input)
  if (!parsed.ok) {
    for (const p of parsed.problems.slice(0, MAX_PROBLEMS_SHOWN)) io.err(`convene loops: ${file}: ${p.path}: ${p.message}`)
    if (parsed.problems.length > MAX_PROBLEMS_SHOWN) io.err(`convene loops: ... and ${parsed.problems.length - MAX_PROBLEMS_SHOWN} more problems`)
    return 1
  }
  for (const note of parallelNotes(parsed.value)) io.err(`convene loops: ${file}: note: ${note}`)

  const analysis = findLoops(parsed.value, { maxLength, maxLoops })
  io.out(json ? JSON.stringify(asJson(parsed.value, analysis, maxLength, maxLoops), null, 2) : asText(parsed.value, analysis, maxLength, maxLoops))
  return 0
}

/** Parallel links are allowed (each makes its own loops) but usually a slip: say so. */
function parallelNotes(graph: LoopFile): string[] {
  const first = new Map<string, number>()
  const notes: string[] = []
  graph.links.forEach((link, i) => {
    const pair = JSON.stringify([link.from, link.to])
    const earlier = first.get(pair)
    if (earlier === undefined) first.set(pair, i)
    else notes.push(`links[${i}] runs from "${link.from}" to "${link.to}" like links[${earlier}]; each makes its own loops`)
  })
  return notes
}

function counts(analysis: LoopAnalysis) {
  const of = (p: string) => analysis.loops.filter((l) => l.polarity === p).length
  return { loops: analysis.loops.length, reinforcing: of('R'), balancing: of('B'), unknown: of('?') }
}

function asJson(graph: LoopFile, analysis: LoopAnalysis, maxLength: number, maxLoops: number) {
  const numbers = loopNumbers(analysis.loops)
  return {
    variables: graph.variables.length,
    links: graph.links.length,
    maxLength,
    maxLoops,
    capped: analysis.capped,
    counts: counts(analysis),
    loops: analysis.loops.map((loop) => ({
      number: numbers.get(loop.id),
      id: loop.id,
      polarity: loop.polarity,
      length: loop.length,
      variableIds: loop.variableIds,
      linkIds: loop.linkIds,
    })),
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

function asText(graph: LoopFile, analysis: LoopAnalysis, maxLength: number, maxLoops: number): string {
  const c = counts(analysis)
  const lines = [
    `${plural(graph.variables.length, 'variable')}, ${plural(graph.links.length, 'link')}.`,
    `${plural(c.loops, 'loop')}: ${c.reinforcing} reinforcing, ${c.balancing} balancing, ${c.unknown} of unknown polarity.`,
  ]
  const labels = new Map(graph.variables.map((v) => [v.id, v.label ?? v.id]))
  const summaries = loopSummaries(analysis.loops, new Map())
  const labelled = loopSummaries(analysis.loops, labels)
  analysis.loops.forEach((loop, i) => {
    lines.push('', summaries[i], `    links: ${loop.linkIds.join(', ')}`)
    if (labelled[i] !== summaries[i]) lines.push(`    labels: ${labelled[i].slice(labelled[i].indexOf(': ') + 2)}`)
  })
  lines.push('')
  if (analysis.capped.count) lines.push(`Stopped at ${maxLoops} loops (--max-loops): there are more; the shortest are listed.`)
  else if (analysis.capped.length) lines.push(`Loops longer than ${maxLength} links exist and are not listed (--max-length).`)
  else lines.push(`Every loop is listed (none is longer than ${maxLength} links).`)
  return lines.join('\n')
}

export const loops: Command = {
  summary: 'list the feedback loops of a causal loop diagram file',
  run: (args) => runLoops(args),
}
