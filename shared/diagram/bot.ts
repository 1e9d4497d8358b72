import * as Y from 'yjs'
import { z } from 'zod'
import { newItemId } from '../session/ids'
import { ColourSchema } from '../session/schema'
import { createDiagram, diagramsMap, fail, type DiagramResult } from './doc'
import type { Origin } from '../session/origins'
import { english, type Message } from '../i18n/messages'
import { ok, said, type Said } from '../result'
import { DIAGRAM_LIMITS } from './limits'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const BEHAVIOUR_GRAPH_MESSAGES = {
  graphGone: { id: 'shared.diagram.graph.graphGone', defaultMessage: 'This graph is no longer here.' },
  labelTooLong: { id: 'shared.diagram.graph.labelTooLong', defaultMessage: 'keep axis labels under {max} characters' },
  notCreated: { id: 'shared.diagram.graph.notCreated', defaultMessage: 'The graph could not be created.' },
  axisLabelTooLong: { id: 'shared.diagram.graph.axisLabelTooLong', defaultMessage: 'Axis label: keep axis labels under {max} characters.' },
  axisLabel: { id: 'shared.diagram.graph.axisLabel', defaultMessage: 'Axis label: {problem}.' },
  twoPoints: { id: 'shared.diagram.graph.twoPoints', defaultMessage: 'A line needs at least two points.' },
  tooManyPoints: { id: 'shared.diagram.graph.tooManyPoints', defaultMessage: 'A line holds at most {max} points.' },
  tooManyLines: { id: 'shared.diagram.graph.tooManyLines', defaultMessage: 'A graph holds at most {max} lines.' },
  colour: { id: 'shared.diagram.graph.colour', defaultMessage: 'A line needs a colour like #1f6f8b.' },
  lineLabelTooLong: { id: 'shared.diagram.graph.lineLabelTooLong', defaultMessage: 'Line label: keep axis labels under {max} characters.' },
  lineLabel: { id: 'shared.diagram.graph.lineLabel', defaultMessage: 'Line label: {problem}.' },
  lineGone: { id: 'shared.diagram.graph.lineGone', defaultMessage: 'That line is no longer on the graph.' },
} as const
const MSG = BEHAVIOUR_GRAPH_MESSAGES

/**
 * The behaviour-over-time graph: people sketch how something changed (or may change)
 * and compare their lines. A diagram of kind 'bot':
 *
 *   diagrams.<id>: Y.Map
 *     ├─ title, kind: 'bot', createdAt, variables, links, loopNames (unused here)
 *     ├─ axes:  Y.Map{ valueLabel, timeStart, timeEnd }
 *     └─ lines: Y.Map<lineId, Y.Map{ authorId, colour, label, points: number[], createdAt }>
 *
 * `points` is flat [t0, v0, t1, v1, ...], both in 0..1 (t: left to right along the
 * time span, v: bottom to top), with t increasing: a line is a function of time. A
 * whole line is written at once (a stroke is committed when the pen lifts).
 */
export const BOT_LIMITS = { labelMax: 80, maxLines: 200, maxPoints: 120 } as const

export interface BehaviourAxes {
  valueLabel: string
  timeStart: string
  timeEnd: string
}

export interface BehaviourLine {
  id: string
  authorId: string
  colour: string
  label: string
  /** [t, v] pairs, t increasing, both in 0..1. */
  points: [number, number][]
  createdAt: number
}

type YRecord = Y.Map<unknown>

export interface BehaviourParts {
  root: YRecord
  axes: YRecord
  lines: Y.Map<YRecord>
}

export function behaviourParts(doc: Y.Doc, diagramId: string): BehaviourParts | null {
  const root = diagramsMap(doc).get(diagramId)
  if (!(root instanceof Y.Map)) return null
  const axes = root.get('axes')
  const lines = root.get('lines')
  if (!(axes instanceof Y.Map) || !(lines instanceof Y.Map)) return null
  return { root, axes: axes as YRecord, lines: lines as Y.Map<YRecord> }
}

function withGraph<T>(doc: Y.Doc, diagramId: string, fn: (parts: BehaviourParts) => DiagramResult<T>): DiagramResult<T> {
  const parts = behaviourParts(doc, diagramId)
  return parts ? fn(parts) : fail('no-diagram', MSG.graphGone)
}

const AxisLabel = z.string().trim().max(BOT_LIMITS.labelMax, english.formatMessage(MSG.labelTooLong, { max: BOT_LIMITS.labelMax }))
const clip = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value.slice(0, BOT_LIMITS.labelMax) : fallback)
const unit = (x: number): number => Math.max(0, Math.min(1, x))

/** A refused axis or line label, as one sentence naming it. */
function labelRefusal(error: z.ZodError, line: boolean): Said {
  const issue = error.issues[0]
  if (issue?.code === 'too_big') return said(line ? MSG.lineLabelTooLong : MSG.axisLabelTooLong, { max: BOT_LIMITS.labelMax })
  return said(line ? MSG.lineLabel : MSG.axisLabel, { problem: issue?.message ?? 'not valid' })
}

export function createBehaviourGraph(
  doc: Y.Doc,
  input: { title: string; valueLabel?: string; timeStart?: string; timeEnd?: string; createdAt?: number; id?: string },
  origin: Origin,
): DiagramResult<string> {
  let result: DiagramResult<string> = fail('invalid', MSG.notCreated)
  doc.transact(() => {
    result = createDiagram(doc, { title: input.title, kind: 'bot', createdAt: input.createdAt, id: input.id }, origin)
    if (!result.ok) return
    const root = diagramsMap(doc).get(result.value)!
    const axes = new Y.Map<unknown>()
    axes.set('valueLabel', clip(input.valueLabel?.trim()))
    axes.set('timeStart', clip(input.timeStart?.trim()))
    axes.set('timeEnd', clip(input.timeEnd?.trim()))
    root.set('axes', axes)
    root.set('lines', new Y.Map())
  }, origin)
  return result
}

export function readAxes(axes: YRecord): BehaviourAxes {
  return { valueLabel: clip(axes.get('valueLabel')), timeStart: clip(axes.get('timeStart')), timeEnd: clip(axes.get('timeEnd')) }
}

export function setAxes(doc: Y.Doc, diagramId: string, patch: Partial<BehaviourAxes>, origin: Origin): DiagramResult {
  return withGraph(doc, diagramId, ({ axes }) => {
    const clean: Partial<BehaviourAxes> = {}
    for (const key of ['valueLabel', 'timeStart', 'timeEnd'] as const) {
      const value = patch[key]
      if (value === undefined) continue
      const parsed = AxisLabel.safeParse(value)
      if (!parsed.success) return fail('invalid', labelRefusal(parsed.error, false))
      clean[key] = parsed.data
    }
    doc.transact(() => {
      for (const [key, value] of Object.entries(clean)) if (axes.get(key) !== value) axes.set(key, value)
    }, origin)
    return ok()
  })
}

/** Pairs from a flat array, dropping anything that is not a finite number, clamped and in time order. */
export function pointsFromFlat(flat: unknown): [number, number][] {
  if (!Array.isArray(flat)) return []
  const out: [number, number][] = []
  for (let i = 0; i + 1 < flat.length && out.length < BOT_LIMITS.maxPoints; i += 2) {
    const t: unknown = flat[i]
    const v: unknown = flat[i + 1]
    if (typeof t === 'number' && typeof v === 'number' && Number.isFinite(t) && Number.isFinite(v)) out.push([unit(t), unit(v)])
  }
  out.sort((a, b) => a[0] - b[0])
  return out
}

export function readLine(id: string, value: unknown): BehaviourLine | null {
  if (!(value instanceof Y.Map)) return null
  const entry = value as YRecord
  const points = pointsFromFlat(entry.get('points'))
  if (points.length < 2) return null
  const colour = entry.get('colour')
  const createdAt = entry.get('createdAt')
  return {
    id,
    authorId: clip(entry.get('authorId')),
    colour: ColourSchema.safeParse(colour).success ? (colour as string) : '#5a666b',
    label: clip(entry.get('label')),
    points,
    createdAt: typeof createdAt === 'number' && Number.isFinite(createdAt) ? createdAt : 0,
  }
}

export function readBehaviourGraph(doc: Y.Doc, diagramId: string): { axes: BehaviourAxes; lines: BehaviourLine[] } | null {
  const parts = behaviourParts(doc, diagramId)
  if (!parts) return null
  const lines: BehaviourLine[] = []
  for (const [id, entry] of parts.lines.entries()) {
    const line = readLine(id, entry)
    if (line) lines.push(line)
  }
  lines.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
  return { axes: readAxes(parts.axes), lines }
}

/**
 * A hand-drawn stroke (screen order, possibly wobbling back in time) as a line that
 * is a function of time: the stroke's span cut into `bins` slices, each the mean of
 * the points that fell in it; the ends stay where the pen started and lifted. A
 * stroke too short in time to read as a line: null.
 */
export function strokeToLine(stroke: readonly { t: number; v: number }[], bins = 60): [number, number][] | null {
  const usable = stroke.filter((p) => Number.isFinite(p.t) && Number.isFinite(p.v)).map((p) => ({ t: unit(p.t), v: unit(p.v) }))
  if (usable.length < 2) return null
  let lo = Infinity
  let hi = -Infinity
  for (const p of usable) {
    lo = Math.min(lo, p.t)
    hi = Math.max(hi, p.t)
  }
  if (hi - lo < 0.01) return null
  const count = Math.max(2, Math.min(bins, BOT_LIMITS.maxPoints))
  const sumT = new Float64Array(count)
  const sumV = new Float64Array(count)
  const n = new Uint32Array(count)
  for (const p of usable) {
    const k = Math.min(count - 1, Math.floor(((p.t - lo) / (hi - lo)) * count))
    sumT[k] += p.t
    sumV[k] += p.v
    n[k]++
  }
  const out: [number, number][] = []
  for (let k = 0; k < count; k++) if (n[k]) out.push([round(sumT[k] / n[k]), round(sumV[k] / n[k])])
  // The line starts and ends where the pen did, not at the mean of its first and last slices.
  const first = usable.find((p) => p.t === lo)!
  const last = usable.find((p) => p.t === hi)!
  out[0] = [round(lo), round(first.v)]
  out[out.length - 1] = [round(hi), round(last.v)]
  return out.length >= 2 ? out : null
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4

/** The line's value at time t (straight between points, flat beyond the ends). */
export function valueAt(points: readonly [number, number][], t: number): number {
  if (points.length === 0) return 0.5
  if (t <= points[0][0]) return points[0][1]
  for (let i = 1; i < points.length; i++) {
    const [t1, v1] = points[i]
    if (t <= t1) {
      const [t0, v0] = points[i - 1]
      return t1 === t0 ? v1 : v0 + ((v1 - v0) * (t - t0)) / (t1 - t0)
    }
  }
  return points[points.length - 1][1]
}

/** Evenly spaced points for a line made with the keyboard (all at `value`). */
export function flatLine(steps = 10, value = 0.5): [number, number][] {
  return Array.from({ length: steps + 1 }, (_, i) => [round(i / steps), unit(value)] as [number, number])
}

/**
 * Reshape a line around time t so it passes through `value` there, pulling the
 * neighbours within `reach` along with a falloff (how a keyboard edit feels like a
 * pen). A point is added at t when there is none close by.
 */
export function reshapeAt(points: readonly [number, number][], t: number, value: number, reach = 0.08): [number, number][] {
  const at = unit(t)
  const delta = unit(value) - valueAt(points, at)
  const out = points.map(([pt, pv]) => {
    const d = Math.abs(pt - at)
    return [pt, d < reach ? round(unit(pv + delta * (1 - d / reach))) : pv] as [number, number]
  })
  if (!out.some(([pt]) => Math.abs(pt - at) < 1e-3)) out.push([round(at), round(unit(value))])
  out.sort((a, b) => a[0] - b[0])
  return out.slice(0, BOT_LIMITS.maxPoints)
}

function flatten(points: readonly [number, number][]): number[] {
  return points.flatMap(([t, v]) => [round(unit(t)), round(unit(v))])
}

function checkPoints(points: readonly [number, number][]): Message | Said | null {
  if (points.length < 2) return MSG.twoPoints
  if (points.length > BOT_LIMITS.maxPoints) return said(MSG.tooManyPoints, { max: BOT_LIMITS.maxPoints })
  return null
}

export function addLine(
  doc: Y.Doc,
  diagramId: string,
  input: { authorId: string; colour: string; label?: string; points: readonly [number, number][]; createdAt?: number },
  origin: Origin,
): DiagramResult<string> {
  return withGraph(doc, diagramId, ({ lines }) => {
    if (lines.size >= BOT_LIMITS.maxLines) return fail('too-many', said(MSG.tooManyLines, { max: BOT_LIMITS.maxLines }))
    const problem = checkPoints(input.points)
    if (problem) return fail('invalid', problem)
    if (!ColourSchema.safeParse(input.colour).success) return fail('invalid', MSG.colour)
    const label = AxisLabel.safeParse(input.label ?? '')
    if (!label.success) return fail('invalid', labelRefusal(label.error, true))
    const id = newItemId()
    doc.transact(() => {
      const entry = new Y.Map<unknown>()
      entry.set('authorId', input.authorId.slice(0, DIAGRAM_LIMITS.idMax))
      entry.set('colour', input.colour)
      entry.set('label', label.data)
      entry.set('points', flatten([...input.points].sort((a, b) => a[0] - b[0])))
      entry.set('createdAt', input.createdAt ?? Date.now())
      lines.set(id, entry)
    }, origin)
    return ok(id)
  })
}

function withLine(doc: Y.Doc, diagramId: string, lineId: string, fn: (entry: YRecord) => DiagramResult): DiagramResult {
  return withGraph(doc, diagramId, ({ lines }) => {
    const entry = lines.get(lineId)
    return entry instanceof Y.Map ? fn(entry) : fail('no-link', MSG.lineGone)
  })
}

export function setLinePoints(doc: Y.Doc, diagramId: string, lineId: string, points: readonly [number, number][], origin: Origin): DiagramResult {
  return withLine(doc, diagramId, lineId, (entry) => {
    const problem = checkPoints(points)
    if (problem) return fail('invalid', problem)
    doc.transact(() => entry.set('points', flatten([...points].sort((a, b) => a[0] - b[0]))), origin)
    return ok()
  })
}

export function setLineLabel(doc: Y.Doc, diagramId: string, lineId: string, label: string, origin: Origin): DiagramResult {
  return withLine(doc, diagramId, lineId, (entry) => {
    const parsed = AxisLabel.safeParse(label)
    if (!parsed.success) return fail('invalid', labelRefusal(parsed.error, true))
    if (entry.get('label') !== parsed.data) doc.transact(() => entry.set('label', parsed.data), origin)
    return ok()
  })
}

export function deleteLine(doc: Y.Doc, diagramId: string, lineId: string, origin: Origin): DiagramResult {
  return withGraph(doc, diagramId, ({ lines }) => {
    if (!lines.has(lineId)) return fail('no-link', MSG.lineGone)
    doc.transact(() => lines.delete(lineId), origin)
    return ok()
  })
}

const LEVELS = ['very low', 'low', 'middling', 'high', 'very high'] as const
const WHENS = ['early on', 'in the first half', 'around the middle', 'in the second half', 'near the end'] as const
/** 0 very low … 4 very high. */
const levelOf = (v: number): LineLevel => Math.max(0, Math.min(LEVELS.length - 1, Math.floor(v * LEVELS.length))) as LineLevel
/** 0 early on … 4 near the end. */
const whenOf = (t: number): LineWhen => (t < 0.2 ? 0 : t < 0.4 ? 1 : t < 0.6 ? 2 : t < 0.8 ? 3 : 4)

export type LineLevel = 0 | 1 | 2 | 3 | 4
export type LineWhen = 0 | 1 | 2 | 3 | 4

/** What describeLine says, as parts a window words in the reader's language (null for an empty line). */
export interface LineShape {
  start: LineLevel
  peak: { level: LineLevel; when: LineWhen } | null
  dip: { level: LineLevel; when: LineWhen } | null
  trend: 'rises' | 'falls' | 'level'
  end: LineLevel
}

export function lineShape(points: readonly [number, number][]): LineShape | null {
  if (points.length < 2) return null
  const start = points[0][1]
  const end = points[points.length - 1][1]
  let top = points[0]
  let bottom = points[0]
  for (const p of points) {
    if (p[1] > top[1]) top = p
    if (p[1] < bottom[1]) bottom = p
  }
  return {
    start: levelOf(start),
    peak: top[1] - Math.max(start, end) > 0.1 ? { level: levelOf(top[1]), when: whenOf(top[0]) } : null,
    dip: Math.min(start, end) - bottom[1] > 0.1 ? { level: levelOf(bottom[1]), when: whenOf(bottom[0]) } : null,
    trend: end - start > 0.1 ? 'rises' : start - end > 0.1 ? 'falls' : 'level',
    end: levelOf(end),
  }
}

/** A sentence a screen reader can say: where the line starts, peaks, dips and ends. */
export function describeLine(points: readonly [number, number][]): string {
  const shape = lineShape(points)
  if (!shape) return 'An empty line.'
  const end = LEVELS[shape.end]
  const trend = shape.trend === 'rises' ? `rises to end ${end}` : shape.trend === 'falls' ? `falls to end ${end}` : `ends about where it began (${end})`
  const parts = [`Starts ${LEVELS[shape.start]}`]
  if (shape.peak) parts.push(`peaks ${LEVELS[shape.peak.level]} ${WHENS[shape.peak.when]}`)
  if (shape.dip) parts.push(`dips ${LEVELS[shape.dip.level]} ${WHENS[shape.dip.when]}`)
  parts.push(trend)
  return parts.join(', ') + '.'
}
