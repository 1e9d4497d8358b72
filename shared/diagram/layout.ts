import type { Loop } from './model'
import { componentFinder } from './scc'

export interface Point {
  x: number
  y: number
}

export interface CircleLayoutOptions {
  center?: Point
  /** Distance between neighbours on the circle, in px. */
  spacing?: number
  minRadius?: number
}

type LayoutGraph = {
  variables: readonly { id: string }[]
  links: readonly { from: string; to: string }[]
}

/** Above this many links the crossing count (quadratic) is skipped and the grouped order kept. */
const CROSSING_PASS_MAX_LINKS = 1500
const PASSES = 6

/**
 * Connection-circle layout: every variable on one circle, starting at the top and
 * going clockwise. Variables of a strongly connected component (those that share
 * loops) sit together, components connected to each other sit next to each other,
 * and a few barycentric passes reorder each group to cut crossing chords.
 */
export function connectionCircleLayout(graph: LayoutGraph, options: CircleLayoutOptions = {}): Record<string, Point> {
  const ids = [...new Set(graph.variables.map((v) => v.id))]
  const n = ids.length
  const index = new Map(ids.map((id, i) => [id, i]))
  const succ: number[][] = ids.map(() => [])
  const near: Set<number>[] = ids.map(() => new Set())
  const chords: [number, number][] = []
  for (const link of graph.links) {
    const u = index.get(link.from)
    const v = index.get(link.to)
    if (u === undefined || v === undefined || u === v) continue
    succ[u].push(v)
    if (!near[u].has(v)) chords.push([u, v])
    near[u].add(v)
    near[v].add(u)
  }

  let order = groupedOrder(ids, succ, near)
  if (chords.length <= CROSSING_PASS_MAX_LINKS) order = reduceCrossings(order, near, chords)

  const spacing = options.spacing ?? 170
  const radius = Math.max(options.minRadius ?? 160, (spacing * n) / (2 * Math.PI))
  const center = options.center ?? { x: radius, y: radius }
  const out: Record<string, Point> = {}
  order.forEach((v, k) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * k) / Math.max(1, n)
    out[ids[v]] = { x: round(center.x + radius * Math.cos(angle)), y: round(center.y + radius * Math.sin(angle)) }
  })
  return out
}

const round = (x: number) => Math.round(x * 10) / 10

/** Components largest first, each followed by its unplaced neighbours' components; inside, depth-first. */
function groupedOrder(ids: readonly string[], succ: number[][], near: Set<number>[]): number[] {
  const all = ids.map((_, i) => i)
  const components = componentFinder(succ)(all, () => true)
  components.sort((a, b) => b.length - a.length || Math.min(...a) - Math.min(...b))
  const componentOf = new Int32Array(ids.length)
  components.forEach((c, i) => c.forEach((v) => (componentOf[v] = i)))
  const placed = new Uint8Array(components.length)
  const order: number[] = []
  const place = (c: number): void => {
    placed[c] = 1
    const members = new Set(components[c])
    const seen = new Set<number>()
    // Depth-first, so a ring comes out in ring order and a chain in chain order.
    for (const root of [...components[c]].sort((a, b) => a - b)) {
      const stack = [root]
      while (stack.length) {
        const v = stack.pop()!
        if (seen.has(v)) continue
        seen.add(v)
        order.push(v)
        const next = [...near[v]].filter((w) => members.has(w) && !seen.has(w)).sort((a, b) => b - a)
        stack.push(...next)
      }
    }
  }
  for (let start = 0; start < components.length; start++) {
    if (placed[start]) continue
    const queue = [start]
    place(start)
    for (let q = 0; q < queue.length; q++) {
      const neighbours = new Set<number>()
      for (const v of components[queue[q]]) for (const w of near[v]) neighbours.add(componentOf[w])
      for (const c of [...neighbours].sort((a, b) => a - b)) {
        if (!placed[c]) {
          place(c)
          queue.push(c)
        }
      }
    }
  }
  return order
}

export function countCrossings(order: readonly number[], chords: readonly [number, number][]): number {
  const slot = new Int32Array(order.length)
  order.forEach((v, k) => (slot[v] = k))
  const spans = chords.map(([u, v]) => {
    const a = slot[u]
    const b = slot[v]
    return a < b ? [a, b] : [b, a]
  })
  let crossings = 0
  for (let i = 0; i < spans.length; i++) {
    const [a, b] = spans[i]
    for (let j = i + 1; j < spans.length; j++) {
      const [c, d] = spans[j]
      // Two chords cross when exactly one end of one lies strictly inside the other's span.
      if ((a < c && c < b && b < d) || (c < a && a < d && d < b)) crossings++
    }
  }
  return crossings
}

/** Move each variable towards the circular mean of its neighbours; keep the best order seen. */
function reduceCrossings(start: number[], near: Set<number>[], chords: [number, number][]): number[] {
  const n = start.length
  let best = start
  let bestCrossings = countCrossings(best, chords)
  let current = start
  for (let pass = 0; pass < PASSES && bestCrossings > 0; pass++) {
    const slot = new Float64Array(n)
    current.forEach((v, k) => (slot[v] = k))
    const target = new Float64Array(n)
    for (const v of current) {
      let sx = Math.cos((2 * Math.PI * slot[v]) / n)
      let sy = Math.sin((2 * Math.PI * slot[v]) / n)
      for (const w of near[v]) {
        sx += Math.cos((2 * Math.PI * slot[w]) / n)
        sy += Math.sin((2 * Math.PI * slot[w]) / n)
      }
      // Unwrap around the variable's own place so a group straddling the top stays together.
      let angle = Math.atan2(sy, sx) - (2 * Math.PI * slot[v]) / n
      angle = Math.atan2(Math.sin(angle), Math.cos(angle))
      target[v] = slot[v] + (angle * n) / (2 * Math.PI)
    }
    current = [...current].sort((a, b) => target[a] - target[b] || slot[a] - slot[b])
    const crossings = countCrossings(current, chords)
    if (crossings < bestCrossings) {
      best = current
      bestCrossings = crossings
    }
  }
  return best
}

/** Where a loop's R/B marker goes: the middle of its variables. */
export function loopMarkerPosition(loop: Pick<Loop, 'variableIds'>, positions: Readonly<Record<string, Point>>): Point | null {
  let x = 0
  let y = 0
  let count = 0
  for (const id of loop.variableIds) {
    const p = positions[id]
    if (!p) continue
    x += p.x
    y += p.y
    count++
  }
  return count ? { x: x / count, y: y / count } : null
}

/** An axis-aligned rectangle in diagram coordinates. */
export interface Rect {
  left: number
  top: number
  right: number
  bottom: number
}

export interface FreePlace {
  /** The centre of the free place. */
  at: Point
  /** Whether the whole of it lies inside the view; when not, the caller brings it into view. */
  inView: boolean
}

/** Above this many candidate centres the search grid gets coarser (a zoomed-out view of a big map). */
const PLACE_CANDIDATES = 2500

/**
 * Where something of `size` goes so that it covers nothing already on the map and is
 * seen: the free place inside `view` nearest to `near` (the middle of what the person
 * sees), keeping `gap` around everything so links between new and old variables have
 * room. When the view is full, it goes beside the map, to the right of everything, at
 * the height of `near`, and `inView` says so (the canvas pans to it). Used for a new
 * variable and for a whole inserted archetype.
 */
export function freePlace(size: { width: number; height: number }, occupied: readonly Rect[], view: Rect, near: Point, gap = 40): FreePlace {
  const halfW = size.width / 2
  const halfH = size.height / 2
  const clashes = (x: number, y: number): boolean =>
    occupied.some((r) => x - halfW < r.right + gap && x + halfW > r.left - gap && y - halfH < r.bottom + gap && y + halfH > r.top - gap)
  const margin = Math.min(24, (view.right - view.left) / 10)
  const minX = view.left + margin + halfW
  const maxX = view.right - margin - halfW
  const minY = view.top + margin + halfH
  const maxY = view.bottom - margin - halfH
  if (maxX >= minX && maxY >= minY) {
    const step = Math.max(16, Math.sqrt(((maxX - minX + 1) * (maxY - minY + 1)) / PLACE_CANDIDATES))
    const start = { x: Math.min(maxX, Math.max(minX, near.x)), y: Math.min(maxY, Math.max(minY, near.y)) }
    if (!clashes(start.x, start.y)) return { at: rounded(start), inView: true }
    let best: Point | null = null
    let bestDistance = Infinity
    for (let y = minY; y <= maxY; y += step) {
      for (let x = minX; x <= maxX; x += step) {
        const distance = (x - near.x) ** 2 + (y - near.y) ** 2
        if (distance < bestDistance && !clashes(x, y)) {
          best = { x, y }
          bestDistance = distance
        }
      }
    }
    if (best) return { at: rounded(best), inView: true }
  }
  if (occupied.length === 0) return { at: rounded(near), inView: false }
  const right = Math.max(...occupied.map((r) => r.right))
  const top = Math.min(...occupied.map((r) => r.top))
  const bottom = Math.max(...occupied.map((r) => r.bottom))
  const y = Math.min(bottom - halfH, Math.max(top + halfH, near.y))
  return { at: rounded({ x: right + gap * 2 + halfW, y }), inView: false }
}

const rounded = (p: Point): Point => ({ x: Math.round(p.x), y: Math.round(p.y) })
