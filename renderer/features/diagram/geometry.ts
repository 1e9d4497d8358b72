/**
 * Where a causal link is drawn: a quadratic curve between the two variables' centres
 * whose midpoint sits `curve` x length to the left of travel (shared/diagram/model.ts),
 * clipped where it leaves each variable's box. The same shape as the SVG export.
 */
export interface Point {
  x: number
  y: number
}

export interface Box {
  /** Centre. */
  x: number
  y: number
  width: number
  height: number
}

export interface LinkGeometry {
  start: Point
  control: Point
  end: Point
}

/** Where the ray from the box's centre towards `toward` leaves the box, plus a gap. */
export function boxExit(box: Box, toward: Point, gap: number): Point {
  const dx = toward.x - box.x
  const dy = toward.y - box.y
  const tx = dx ? (box.width / 2 + gap) / Math.abs(dx) : Infinity
  const ty = dy ? (box.height / 2 + gap) / Math.abs(dy) : Infinity
  const t = Math.min(tx, ty, 1)
  return { x: box.x + dx * t, y: box.y + dy * t }
}

/** The unit normal to the left of travel from a to b (screen coordinates, y down). */
export function leftNormal(a: Point, b: Point): Point {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const length = Math.hypot(dx, dy) || 1
  return { x: dy / length, y: -dx / length }
}

export function linkGeometry(from: Box, to: Box, curve: number, gaps = { start: 4, end: 7 }): LinkGeometry {
  const length = Math.hypot(to.x - from.x, to.y - from.y)
  const n = leftNormal(from, to)
  // A quadratic curve passes its control point's half-way: twice the offset puts the midpoint where `curve` says.
  const bend = 2 * curve * length
  const control = { x: (from.x + to.x) / 2 + n.x * bend, y: (from.y + to.y) / 2 + n.y * bend }
  return { start: boxExit(from, control, gaps.start), control, end: boxExit(to, control, gaps.end) }
}

export function pointAt(g: LinkGeometry, t: number): Point {
  const u = 1 - t
  return {
    x: u * u * g.start.x + 2 * u * t * g.control.x + t * t * g.end.x,
    y: u * u * g.start.y + 2 * u * t * g.control.y + t * t * g.end.y,
  }
}

export function tangentAt(g: LinkGeometry, t: number): Point {
  const x = 2 * (1 - t) * (g.control.x - g.start.x) + 2 * t * (g.end.x - g.control.x)
  const y = 2 * (1 - t) * (g.control.y - g.start.y) + 2 * t * (g.end.y - g.control.y)
  const length = Math.hypot(x, y) || 1
  return { x: x / length, y: y / length }
}

/** The curve that puts the link's midpoint nearest to `p` (dragging the curve handle). */
export function curveThrough(from: Point, to: Point, p: Point): number {
  const length = Math.hypot(to.x - from.x, to.y - from.y)
  if (length < 1) return 0
  const n = leftNormal(from, to)
  const offset = (p.x - (from.x + to.x) / 2) * n.x + (p.y - (from.y + to.y) / 2) * n.y
  return Math.max(-1, Math.min(1, Math.round((offset / length) * 100) / 100))
}

export function pathOf(g: LinkGeometry): string {
  const f = (v: number) => Math.round(v * 10) / 10
  return `M${f(g.start.x)},${f(g.start.y)} Q${f(g.control.x)},${f(g.control.y)} ${f(g.end.x)},${f(g.end.y)}`
}

/** An arrowhead at the end of the curve, as a closed path. */
export function arrowHead(g: LinkGeometry, size = 11): string {
  const tip = g.end
  const d = tangentAt(g, 1)
  const back = { x: tip.x - d.x * size, y: tip.y - d.y * size }
  const w = size * 0.5
  const f = (v: number) => Math.round(v * 10) / 10
  return `M${f(tip.x)},${f(tip.y)} L${f(back.x + d.y * w)},${f(back.y - d.x * w)} L${f(back.x - d.y * w)},${f(back.y + d.x * w)} Z`
}

/** Two short strokes across the middle of the link: the usual mark for a delay. */
export function delayMark(g: LinkGeometry, half = 8, spread = 3): string {
  const mid = pointAt(g, 0.5)
  const d = tangentAt(g, 0.5)
  const f = (v: number) => Math.round(v * 10) / 10
  return [-spread, spread]
    .map((s) => {
      const cx = mid.x + d.x * s
      const cy = mid.y + d.y * s
      return `M${f(cx - d.y * half)},${f(cy + d.x * half)} L${f(cx + d.y * half)},${f(cy - d.x * half)}`
    })
    .join(' ')
}

/** Where the + / − / ? goes: near the arrowhead, on the left of travel. */
export function signPosition(g: LinkGeometry, t = 0.84, offset = 13): Point {
  const p = pointAt(g, t)
  const d = tangentAt(g, t)
  return { x: p.x + d.y * offset, y: p.y - d.x * offset }
}
