import { loopIdFromLinks, loopPolarity } from './loopId'
import type { Loop, LoopGraph, Polarity } from './model'
import { boundedCircuits, circuitSchedule, type CircuitSearch } from './circuits'

export const DEFAULT_MAX_LENGTH = 12
export const DEFAULT_MAX_LOOPS = 500

export interface LoopOptions {
  /** Longest loop listed, in links. */
  maxLength?: number
  /** Most loops listed; when there are more, the shortest are kept. */
  maxLoops?: number
}

export interface LoopAnalysis {
  /** Shortest first, then by id. */
  loops: Loop[]
  capped: {
    /** A loop longer than maxLength exists (or could not be ruled out) and is not listed. */
    length: boolean
    /** More loops exist than are listed (or the search stopped at its step budget). */
    count: boolean
  }
  /** Links left out: a link from a variable to itself, or to a variable that is gone. */
  skipped: { selfLinks: string[]; danglingLinks: string[] }
}

interface LinkRef {
  id: string
  polarity: Polarity
}

/**
 * Every elementary loop of the diagram up to the caps, shortest first.
 *
 * The search (circuits.ts) runs with growing length bounds and tightens its bound once
 * the count cap fills, so the loops kept are exactly the shortest ones. Parallel
 * links between the same two variables give distinct loops. `capped.length` is
 * decided only when the count cap is not reached (otherwise `capped.count` says the
 * list is partial anyway).
 */
export function findLoops(graph: LoopGraph, options: LoopOptions = {}): LoopAnalysis {
  const maxLength = Math.max(1, Math.floor(options.maxLength ?? DEFAULT_MAX_LENGTH))
  const maxLoops = Math.max(1, Math.floor(options.maxLoops ?? DEFAULT_MAX_LOOPS))

  const index = new Map<string, number>()
  const ids: string[] = []
  for (const v of graph.variables) {
    if (!index.has(v.id)) {
      index.set(v.id, ids.length)
      ids.push(v.id)
    }
  }
  const n = ids.length
  const succ: number[][] = ids.map(() => [])
  const parallel = new Map<number, LinkRef[]>()
  const skipped = { selfLinks: [] as string[], danglingLinks: [] as string[] }
  for (const link of graph.links) {
    const u = index.get(link.from)
    const v = index.get(link.to)
    if (u === undefined || v === undefined) skipped.danglingLinks.push(link.id)
    else if (u === v) skipped.selfLinks.push(link.id)
    else {
      const key = u * n + v
      let refs = parallel.get(key)
      if (!refs) {
        refs = []
        parallel.set(key, refs)
        succ[u].push(v)
      }
      refs.push({ id: link.id, polarity: link.polarity })
    }
  }

  const multiplicity = (circuit: readonly number[]): number => {
    let m = 1
    for (let i = 0; i < circuit.length; i++) m *= parallel.get(circuit[i] * n + circuit[(i + 1) % circuit.length])!.length
    return m
  }
  const schedule = circuitSchedule(succ)
  let search: CircuitSearch | undefined
  let passBound = 0
  for (passBound of passBounds(maxLength)) {
    search = boundedCircuits(succ, schedule, passBound, maxLoops, multiplicity)
    // A larger bound is needed only while the loops found fit under the count cap
    // and a longer loop is known to exist.
    if (!search.finished || search.total > maxLoops || !search.longer) break
  }
  const result = search!
  const loops: Loop[] = []
  for (const circuit of result.circuits) {
    if (circuit.length <= result.bound) expand(circuit, ids, (u, v) => parallel.get(u * n + v)!, loops)
  }
  loops.sort(byLengthThenId)
  if (loops.length > maxLoops) loops.length = maxLoops
  return {
    loops,
    capped: {
      length: passBound === maxLength && result.longer && result.total <= maxLoops,
      count: result.total > maxLoops || !result.finished,
    },
    skipped,
  }
}

/**
 * Short bounds first: on a dense diagram the count cap fills with short loops and the
 * long, costly search never runs; on a sparse one the early passes are cheap.
 */
function passBounds(maxLength: number): number[] {
  return [...[4, 6, 8].filter((b) => b < maxLength), maxLength]
}

/** One loop per combination of parallel links along the circuit. */
function expand(circuit: readonly number[], ids: readonly string[], linksBetween: (u: number, v: number) => LinkRef[], out: Loop[]): void {
  const k = circuit.length
  let first = 0
  for (let i = 1; i < k; i++) if (ids[circuit[i]] < ids[circuit[first]]) first = i
  const order = Array.from({ length: k }, (_, j) => (first + j) % k)
  const choices = order.map((i) => linksBetween(circuit[i], circuit[(i + 1) % k]))
  const variableIds = order.map((i) => ids[circuit[i]])
  const pick = new Array<number>(k).fill(0)
  for (;;) {
    const refs = choices.map((c, j) => c[pick[j]])
    const linkIds = refs.map((r) => r.id)
    out.push({ id: loopIdFromLinks(linkIds), variableIds: [...variableIds], linkIds, polarity: loopPolarity(refs.map((r) => r.polarity)), length: k })
    // Next combination (an odometer over the choices).
    let j = 0
    while (j < k && ++pick[j] === choices[j].length) pick[j++] = 0
    if (j === k) return
  }
}

export function byLengthThenId(a: Loop, b: Loop): number {
  return a.length - b.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** What loop analysis depends on: moving or renaming variables leaves it unchanged. */
export function structureKey(graph: LoopGraph, options: LoopOptions = {}): string {
  const variables = graph.variables.map((v) => v.id).sort()
  const links = graph.links.map((l) => `${l.id}\u0000${l.from}\u0000${l.to}\u0000${l.polarity}`).sort()
  return JSON.stringify([options.maxLength ?? DEFAULT_MAX_LENGTH, options.maxLoops ?? DEFAULT_MAX_LOOPS, variables, links])
}

/**
 * A loop analysis that reuses its last answer while the structure is the same, so a
 * drag (which only moves variables) never re-runs the search.
 */
export function createLoopAnalyzer(options: LoopOptions = {}): (graph: LoopGraph) => LoopAnalysis {
  let lastKey = ''
  let last: LoopAnalysis | null = null
  return (graph) => {
    const key = structureKey(graph, options)
    if (last && key === lastKey) return last
    last = findLoops(graph, options)
    lastKey = key
    return last
  }
}
