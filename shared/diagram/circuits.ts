import { componentFinder } from './scc'

/** Guards against pathological graphs; ordinary diagrams use a tiny fraction of these. */
const SEARCH_STEP_BUDGET = 20_000_000
const WITNESS_STEP_BUDGET = 500_000
const UNSET = 0x3fffffff

export interface CircuitSearch {
  /** Elementary circuits as vertex indices, each once, in no particular order; may hold some longer than `bound`. */
  circuits: number[][]
  /** Loops found (a circuit counts once per combination of parallel links). */
  total: number
  /** Final length bound: the starting one, or tighter once more than `maxLoops` were found. */
  bound: number
  /** A circuit longer than the starting bound exists (checked while the bound was not tightened). */
  longer: boolean
  /** False when the step budget ran out. */
  finished: boolean
}

/**
 * Every elementary circuit of at most `bound` vertices, or, once more than `maxLoops`
 * loops have turned up, every one of at most the length that already holds
 * `maxLoops` of them (so the shortest are all there).
 *
 * Each search of the schedule (see circuitSchedule) is the bounded circuit search of
 * Gupta and Suzumura (Johnson's algorithm with length locks instead of plain
 * blocking, arXiv:2105.10094) from one start, within its strongly connected component.
 *
 * `multiplicity(circuit)` says how many loops a circuit stands for (parallel links).
 */
export function boundedCircuits(
  succ: readonly (readonly number[])[],
  schedule: readonly ScheduledSearch[],
  startBound: number,
  maxLoops: number,
  multiplicity: (circuit: readonly number[]) => number,
): CircuitSearch {
  const n = succ.length
  const circuits: number[][] = []
  const perLength = new Array<number>(startBound + 1).fill(0)
  let total = 0
  let bound = startBound
  let longer = false
  let steps = 0
  let witnessSteps = 0

  const record = (path: readonly number[]): void => {
    const k = path.length
    if (k > bound) return
    circuits.push(path.slice())
    const m = multiplicity(path)
    perLength[k] += m
    total += m
    if (total <= maxLoops) return
    let sum = 0
    for (let b = 2; b <= bound; b++) {
      sum += perLength[b]
      if (sum >= maxLoops) {
        bound = b
        break
      }
    }
  }

  const stamp = new Int32Array(n) // which scheduled search a vertex takes part in
  const onPath = new Uint8Array(n)
  const lock = new Int32Array(n).fill(UNSET)
  const blocked: Set<number>[] = Array.from({ length: n }, () => new Set<number>())
  const seen = new Int32Array(n)
  let seenToken = 0
  let token = 0

  /** Can `from` get back to `start` inside the component without touching the path? */
  const reachesStartAvoidingPath = (from: number, start: number): boolean => {
    seenToken++
    const queue = [from]
    seen[from] = seenToken
    for (let q = 0; q < queue.length; q++) {
      for (const y of succ[queue[q]]) {
        if (++witnessSteps > WITNESS_STEP_BUDGET) return true // cannot rule it out: say so
        if (y === start) return true
        if (stamp[y] === token && !onPath[y] && seen[y] !== seenToken) {
          seen[y] = seenToken
          queue.push(y)
        }
      }
    }
    return false
  }

  /** `v` gets back to the start in `d` links: let in again the paths short enough to use it. */
  const relax = (v: number, d: number): void => {
    const work: [number, number][] = [[v, d]]
    while (work.length) {
      const [u, du] = work.pop()!
      const limit = bound - du + 1
      if (lock[u] < limit) {
        lock[u] = limit
        for (const w of blocked[u]) if (!onPath[w]) work.push([w, du + 1])
      }
    }
  }

  const searchFrom = (start: number, component: readonly number[]): boolean => {
    for (const v of component) {
      lock[v] = UNSET
      blocked[v].clear()
    }
    const path = [start]
    const cursor = [0]
    const distance = [UNSET] // shortest way back to the start found from each path vertex
    onPath[start] = 1
    lock[start] = 0
    while (path.length) {
      const top = path.length - 1
      const v = path[top]
      const next = succ[v]
      let advanced = false
      while (cursor[top] < next.length) {
        const w = next[cursor[top]++]
        if (stamp[w] !== token) continue
        if (++steps > SEARCH_STEP_BUDGET) return false
        if (w === start) {
          record(path)
          distance[top] = 1
        } else if (path.length < Math.min(lock[w], bound)) {
          path.push(w)
          cursor.push(0)
          distance.push(UNSET)
          onPath[w] = 1
          lock[w] = path.length
          advanced = true
          break
        } else if (!longer && !onPath[w] && bound === startBound) {
          // Every circuit within the bound that runs through this path and then w has
          // been found, so any way back from w that avoids the path makes a longer one.
          longer = reachesStartAvoidingPath(w, start)
        }
      }
      if (advanced) continue
      path.pop()
      cursor.pop()
      const d = distance.pop()!
      onPath[v] = 0
      if (!path.length) break
      if (d + 1 < distance[top - 1]) distance[top - 1] = d + 1
      if (d < bound) relax(v, d)
      else for (const w of next) if (stamp[w] === token) blocked[w].add(v)
    }
    return true
  }

  for (const { start, component } of schedule) {
    token++
    for (const v of component) stamp[v] = token
    if (!searchFrom(start, component)) return { circuits, total, bound, longer, finished: false }
  }
  return { circuits, total, bound, longer, finished: true }
}

export interface ScheduledSearch {
  start: number
  /** The strongly connected component holding `start` once the earlier starts are gone. */
  component: number[]
}

/**
 * The order of searches, which does not depend on the length bound, so passes with
 * growing bounds share it: split into strongly connected components, search each
 * from its busiest vertex, remove that vertex, split what is left again.
 */
export function circuitSchedule(succ: readonly (readonly number[])[]): ScheduledSearch[] {
  const n = succ.length
  const stamp = new Int32Array(n)
  const degree = new Int32Array(n)
  const components = componentFinder(succ)
  const schedule: ScheduledSearch[] = []
  const work = components(
    Array.from({ length: n }, (_, i) => i),
    () => true,
  ).filter((c) => c.length > 1)
  let token = 0
  while (work.length) {
    const component = work.pop()!
    token++
    for (const v of component) stamp[v] = token
    const start = busiest(component, succ, stamp, token, degree)
    schedule.push({ start, component })
    stamp[start] = -1
    const rest = component.filter((v) => v !== start)
    for (const c of components(rest, (v) => stamp[v] === token)) if (c.length > 1) work.push(c)
  }
  return schedule
}

/** The vertex with the most links inside its component: removing it splits the rest most. */
function busiest(component: readonly number[], succ: readonly (readonly number[])[], stamp: Int32Array, token: number, degree: Int32Array): number {
  for (const v of component) degree[v] = 0
  for (const v of component) {
    for (const w of succ[v]) {
      if (stamp[w] !== token) continue
      degree[v]++
      degree[w]++
    }
  }
  let best = component[0]
  for (const v of component) if (degree[v] > degree[best]) best = v
  return best
}
