import { loopMarkerPosition, type Point } from './layout'
import { loopNumbers, type LoopLabelling } from './loopNumbers'
import type { CausalLink, DiagramSnapshot } from './model'

/**
 * A standalone SVG of a diagram, for the notes export: no stylesheet, no script, no
 * external reference, so it reads the same in a browser, a word processor or a PDF.
 */
export interface SvgOptions extends LoopLabelling {
  title?: string
  padding?: number
}

/** Characters XML 1.0 does not allow at all (escaping cannot save them): dropped. */
function isXmlChar(ch: string): boolean {
  const c = ch.codePointAt(0)!
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c !== 0xfffe && c !== 0xffff && !(c >= 0xd800 && c <= 0xdfff))
}

export function escapeXml(text: string): string {
  return Array.from(text)
    .filter(isXmlChar)
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, sans-serif"'
const CHAR_WIDTH = 7.4
const LINE_HEIGHT = 18
const LINE_CHARS = 22
const MAX_LINES = 4
const INK = '#1f2933'
const COLOURS = { R: '#1f6f8b', B: '#b5446e', '?': '#6b7280' } as const

export interface VariableBox {
  lines: string[]
  width: number
  height: number
}

/** Word-wrapped label and box size (an estimate: an SVG file cannot measure text). */
export function variableBox(label: string): VariableBox {
  const lines: string[] = []
  for (const paragraph of label.split(/\r?\n/)) {
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const pieces = word.match(new RegExp(`.{1,${LINE_CHARS}}`, 'gu')) ?? [word]
      for (const piece of pieces) {
        if (line && line.length + 1 + piece.length > LINE_CHARS) {
          lines.push(line)
          line = piece
        } else line = line ? `${line} ${piece}` : piece
      }
    }
    lines.push(line)
  }
  if (lines.length > MAX_LINES) {
    lines.length = MAX_LINES
    lines[MAX_LINES - 1] = lines[MAX_LINES - 1].slice(0, LINE_CHARS - 1) + '…'
  }
  const longest = Math.max(...lines.map((l) => l.length))
  return { lines, width: Math.max(90, Math.min(220, longest * CHAR_WIDTH + 28)), height: lines.length * LINE_HEIGHT + 18 }
}

const f = (x: number) => (Math.round(x * 10) / 10).toString()

/** Where the ray from the centre of a box towards `toward` leaves the box (plus a small gap). */
function boxExit(centre: Point, box: VariableBox, toward: Point, gap = 5): Point {
  const dx = toward.x - centre.x
  const dy = toward.y - centre.y
  const tx = dx ? (box.width / 2 + gap) / Math.abs(dx) : Infinity
  const ty = dy ? (box.height / 2 + gap) / Math.abs(dy) : Infinity
  const t = Math.min(tx, ty, 1)
  return { x: centre.x + dx * t, y: centre.y + dy * t }
}

interface LinkGeometry {
  start: Point
  control: Point
  end: Point
}

/** Quadratic curve whose midpoint sits `curve` x length to the left of the chord (see model.ts). */
function linkGeometry(link: CausalLink, a: Point, b: Point, boxA: VariableBox, boxB: VariableBox): LinkGeometry {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const length = Math.hypot(dx, dy) || 1
  const bend = 2 * link.curve * length
  const control = { x: (a.x + b.x) / 2 + (dy / length) * bend, y: (a.y + b.y) / 2 - (dx / length) * bend }
  return { start: boxExit(a, boxA, control), control, end: boxExit(b, boxB, control, 8) }
}

function pointAt(g: LinkGeometry, t: number): Point {
  const u = 1 - t
  return {
    x: u * u * g.start.x + 2 * u * t * g.control.x + t * t * g.end.x,
    y: u * u * g.start.y + 2 * u * t * g.control.y + t * t * g.end.y,
  }
}

function tangentAt(g: LinkGeometry, t: number): Point {
  const x = 2 * (1 - t) * (g.control.x - g.start.x) + 2 * t * (g.end.x - g.control.x)
  const y = 2 * (1 - t) * (g.control.y - g.start.y) + 2 * t * (g.end.y - g.control.y)
  const length = Math.hypot(x, y) || 1
  return { x: x / length, y: y / length }
}

function drawLink(link: CausalLink, g: LinkGeometry): string[] {
  const out = [
    `<path d="M${f(g.start.x)} ${f(g.start.y)} Q${f(g.control.x)} ${f(g.control.y)} ${f(g.end.x)} ${f(g.end.y)}" fill="none" stroke="${INK}" stroke-width="1.6" marker-end="url(#arrow)"/>`,
  ]
  const tip = pointAt(g, 0.86)
  const along = tangentAt(g, 0.86)
  const sign = link.polarity === '-' ? '\u2212' : link.polarity
  out.push(
    `<text x="${f(tip.x + along.y * 12)}" y="${f(tip.y - along.x * 12 + 5)}" text-anchor="middle" font-size="16" font-weight="700" fill="${INK}" ${FONT}>${escapeXml(sign)}</text>`,
  )
  if (link.delay) {
    const mid = pointAt(g, 0.5)
    const t = tangentAt(g, 0.5)
    for (const shift of [-3, 3]) {
      const cx = mid.x + t.x * shift
      const cy = mid.y + t.y * shift
      out.push(`<line x1="${f(cx - t.y * 8)}" y1="${f(cy + t.x * 8)}" x2="${f(cx + t.y * 8)}" y2="${f(cy - t.x * 8)}" stroke="${INK}" stroke-width="1.6"/>`)
    }
  }
  if (link.label) {
    const mid = pointAt(g, 0.5)
    out.push(`<text x="${f(mid.x)}" y="${f(mid.y - 8)}" text-anchor="middle" font-size="12" fill="${INK}" ${FONT}>${escapeXml(link.label)}</text>`)
  }
  return out
}

export function toSvg(diagram: DiagramSnapshot, options: SvgOptions = {}): string {
  const pad = options.padding ?? 32
  const centres = new Map<string, Point>(diagram.variables.map((v) => [v.id, { x: v.x, y: v.y }]))
  const boxes = new Map(diagram.variables.map((v) => [v.id, variableBox(v.label)]))
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  const grow = (x: number, y: number, rx = 0, ry = 0) => {
    minX = Math.min(minX, x - rx)
    maxX = Math.max(maxX, x + rx)
    minY = Math.min(minY, y - ry)
    maxY = Math.max(maxY, y + ry)
  }

  const body: string[] = []
  for (const link of diagram.links) {
    const a = centres.get(link.from)
    const b = centres.get(link.to)
    if (!a || !b || link.from === link.to) continue
    const g = linkGeometry(link, a, b, boxes.get(link.from)!, boxes.get(link.to)!)
    grow(pointAt(g, 0.5).x, pointAt(g, 0.5).y, 16, 16)
    body.push(...drawLink(link, g))
  }
  for (const v of diagram.variables) {
    const box = boxes.get(v.id)!
    grow(v.x, v.y, box.width / 2, box.height / 2)
    const top = v.y - box.height / 2
    body.push(
      `<g><title>${escapeXml(v.label)}</title>`,
      `<rect x="${f(v.x - box.width / 2)}" y="${f(top)}" width="${f(box.width)}" height="${f(box.height)}" rx="10" fill="#ffffff" stroke="${INK}" stroke-width="1.5"/>`,
      `<text x="${f(v.x)}" y="${f(top + 9 + LINE_HEIGHT * 0.75)}" text-anchor="middle" font-size="14" fill="${INK}" ${FONT}>`,
      ...box.lines.map((line, i) => `<tspan x="${f(v.x)}" dy="${i ? LINE_HEIGHT : 0}">${escapeXml(line)}</tspan>`),
      `</text></g>`,
    )
  }
  const positions = Object.fromEntries(centres)
  const numbers = loopNumbers(options.loops ?? [], options.loopNumbers)
  for (const loop of options.loops ?? []) {
    const at = loopMarkerPosition(loop, positions)
    if (!at) continue
    grow(at.x, at.y, 18, 18)
    const name = options.loopNames?.[loop.id]
    const word = loop.polarity === 'R' ? 'Reinforcing' : loop.polarity === 'B' ? 'Balancing' : 'Unknown polarity'
    body.push(
      `<g><title>${escapeXml(`${word} loop${name ? `: ${name}` : ''}`)}</title>`,
      `<circle cx="${f(at.x)}" cy="${f(at.y)}" r="17" fill="#ffffff" stroke="${COLOURS[loop.polarity]}" stroke-width="2"/>`,
      `<text x="${f(at.x)}" y="${f(at.y + 5)}" text-anchor="middle" font-size="13" font-weight="700" fill="${COLOURS[loop.polarity]}" ${FONT}>${escapeXml(numbers.get(loop.id) ?? loop.polarity)}</text></g>`,
    )
  }
  if (!Number.isFinite(minX)) minX = minY = maxX = maxY = 0
  const x0 = minX - pad
  const y0 = minY - pad
  const width = maxX - minX + 2 * pad
  const height = maxY - minY + 2 * pad
  const title = options.title ? `<title>${escapeXml(options.title)}</title>` : ''
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${f(x0)} ${f(y0)} ${f(width)} ${f(height)}" width="${f(width)}" height="${f(height)}" role="img">`,
    title,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="${INK}"/></marker></defs>`,
    `<rect x="${f(x0)}" y="${f(y0)}" width="${f(width)}" height="${f(height)}" fill="#ffffff"/>`,
    ...body,
    '</svg>',
  ]
    .filter(Boolean)
    .join('\n') + '\n'
}
