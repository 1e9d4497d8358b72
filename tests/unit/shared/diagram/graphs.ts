// Test and benchmark helpers: seeded random diagrams, a brute-force loop oracle, and
// a way to unwrap document helper results.
import { byLengthThenId } from '../../../../shared/diagram/loops'
import { loopIdFromLinks, loopPolarity } from '../../../../shared/diagram/loopId'
import type { Loop, LoopGraph, Polarity } from '../../../../shared/diagram/model'
import type { DiagramResult } from '../../../../shared/diagram/doc'

export const ORIGIN = 'convene:local:diagram'

/** The value of a helper's result, or the refusal as a thrown error (tests only). */
export function value<T>(result: DiagramResult<T>): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

/** mulberry32: small, fast, and the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface RandomGraphOptions {
  variables: number
  links: number
  /** Share of links that repeat an existing pair (parallel links). */
  parallel?: number
  unknown?: number
}

export function randomGraph(seed: number, o: RandomGraphOptions): LoopGraph {
  const random = seededRandom(seed)
  const pick = (k: number) => Math.floor(random() * k)
  const variables = Array.from({ length: o.variables }, (_, i) => ({ id: `v${i}` }))
  const links: LoopGraph['links'][number][] = []
  for (let i = 0; i < o.links; i++) {
    const repeat = links.length > 0 && random() < (o.parallel ?? 0)
    let from: string
    let to: string
    if (repeat) {
      const base = links[pick(links.length)]
      from = base.from
      to = base.to
    } else {
      from = `v${pick(o.variables)}`
      to = `v${pick(o.variables)}`
      if (from === to) continue
    }
    const r = random()
    const polarity: Polarity = r < (o.unknown ?? 0) ? '?' : r < 0.55 ? '+' : '-'
    links.push({ id: `l${i}`, from, to, polarity })
  }
  return { variables, links }
}

export interface BruteForceResult {
  loops: Loop[]
  /** Loops within the length cap, before any count cap. */
  total: number
  /** True when loops longer than the cap exist (only known with maxLength = Infinity search). */
  longer: boolean
  completed: boolean
}

/**
 * Plain depth-first search from each variable over variables after it, with no
 * component pruning and no blocking: slow, obviously right.
 */
export function bruteForceLoops(
  graph: LoopGraph,
  o: { maxLength: number; maxLoops?: number; stepBudget?: number; findLonger?: boolean },
): BruteForceResult {
  const order = new Map(graph.variables.map((v, i) => [v.id, i]))
  const out = new Map<string, LoopGraph['links'][number][]>()
  for (const link of graph.links) {
    if (link.from === link.to || !order.has(link.from) || !order.has(link.to)) continue
    const list = out.get(link.from) ?? []
    list.push(link)
    out.set(link.from, list)
  }
  const loops: Loop[] = []
  let longer = false
  let steps = 0
  const budget = o.stepBudget ?? Infinity
  const depthLimit = o.findLonger ? Infinity : o.maxLength
  for (const start of graph.variables) {
    const s = order.get(start.id)!
    const pathVars = [start.id]
    const pathLinks: LoopGraph['links'][number][] = []
    const onPath = new Set([start.id])
    const dfs = (v: string): boolean => {
      for (const link of out.get(v) ?? []) {
        if (++steps > budget) return false
        if (link.to === start.id) {
          const links = [...pathLinks, link]
          if (links.length > o.maxLength) {
            longer = true
            continue
          }
          let first = 0
          for (let i = 1; i < pathVars.length; i++) if (pathVars[i] < pathVars[first]) first = i
          const rot = <T>(xs: T[]) => [...xs.slice(first), ...xs.slice(0, first)]
          const linkIds = rot(links.map((l) => l.id))
          loops.push({
            id: loopIdFromLinks(linkIds),
            variableIds: rot([...pathVars]),
            linkIds,
            polarity: loopPolarity(links.map((l) => l.polarity)),
            length: links.length,
          })
        } else if (!onPath.has(link.to) && order.get(link.to)! > s && pathLinks.length + 1 < depthLimit) {
          pathVars.push(link.to)
          pathLinks.push(link)
          onPath.add(link.to)
          const ok = dfs(link.to)
          pathVars.pop()
          pathLinks.pop()
          onPath.delete(link.to)
          if (!ok) return false
        }
      }
      return true
    }
    if (!dfs(start.id)) return { loops: [], total: 0, longer, completed: false }
  }
  loops.sort(byLengthThenId)
  const total = loops.length
  return { loops: o.maxLoops === undefined ? loops : loops.slice(0, o.maxLoops), total, longer, completed: true }
}
