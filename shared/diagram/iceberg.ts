import * as Y from 'yjs'
import { z } from 'zod'
import data from '../../resources/diagram/iceberg.json'
import { newItemId } from '../session/ids'
import { ColourSchema } from '../session/schema'
import { createDiagram, diagramsMap, fail, type DiagramResult } from './doc'
import { formatPath } from './model'
import type { Origin } from '../session/origins'
import { ok, type Result } from '../result'
import { DIAGRAM_LIMITS } from './limits'

/**
 * The iceberg board: sticky notes on four levels (events, patterns, structures,
 * mental models), in the current or the aspirational variant. It is a diagram of
 * kind 'iceberg', so it sits in the same tabs as the causal loop diagrams:
 *
 *   diagrams.<id>: Y.Map
 *     ├─ title, kind: 'iceberg', createdAt, variables, links, loopNames (unused here)
 *     ├─ variant: 'current' | 'aspirational'
 *     └─ stickies: Y.Map<stickyId, Y.Map{ level, text: Y.Text, colour, authorId, order, createdAt }>
 *
 * A note's text is a Y.Text, so two people typing in one note both keep their words.
 */
export const ICEBERG_LEVELS = ['events', 'patterns', 'structures', 'mental-models'] as const
export type IcebergLevel = (typeof ICEBERG_LEVELS)[number]
export const ICEBERG_VARIANTS = ['current', 'aspirational'] as const
export type IcebergVariant = (typeof ICEBERG_VARIANTS)[number]

export const ICEBERG_LIMITS = { textMax: 1000, maxStickies: 600 } as const

const Prose = z.string().trim().min(10).max(400)
const LevelText = z.object({ prompt: Prose, hint: Prose })
export const IcebergContentSchema = z.object({
  version: z.literal(1),
  variants: z.object({
    current: z.object({ name: z.string().min(3).max(60), summary: Prose }),
    aspirational: z.object({ name: z.string().min(3).max(60), summary: Prose }),
  }),
  levels: z
    .array(
      z.object({
        id: z.enum(ICEBERG_LEVELS),
        name: z.string().min(3).max(40),
        depth: z.string().min(3).max(40),
        current: LevelText,
        aspirational: LevelText,
      }),
    )
    .length(ICEBERG_LEVELS.length)
    .refine((levels) => levels.every((level, i) => level.id === ICEBERG_LEVELS[i]), 'levels go from events down to mental models'),
  behaviourOverTime: z.object({
    summary: Prose,
    drawHint: Prose,
    suggestedLabels: z.array(z.string().min(2).max(40)).max(8),
  }),
})
export type IcebergContent = z.infer<typeof IcebergContentSchema>

export function parseIcebergContent(input: unknown): Result<IcebergContent, { problems: string[] }> {
  const parsed = IcebergContentSchema.safeParse(input)
  if (parsed.success) return ok(parsed.data)
  const problems = parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`)
  return { ok: false, message: `The iceberg prompts are not valid: ${problems[0]}`, problems }
}

const loaded = parseIcebergContent(data)
/** The prompts of resources/diagram/iceberg.json, or null when that file is damaged (the tests catch it). */
export const ICEBERG_CONTENT: IcebergContent | null = loaded.ok ? loaded.value : null

export interface Sticky {
  id: string
  level: IcebergLevel
  text: string
  colour: string
  authorId: string
  order: number
  createdAt: number
}

type YRecord = Y.Map<unknown>

export interface IcebergParts {
  root: YRecord
  stickies: Y.Map<YRecord>
}

export function icebergParts(doc: Y.Doc, diagramId: string): IcebergParts | null {
  const root = diagramsMap(doc).get(diagramId)
  if (!(root instanceof Y.Map)) return null
  const stickies = root.get('stickies')
  return stickies instanceof Y.Map ? { root, stickies: stickies as Y.Map<YRecord> } : null
}

function withBoard<T>(doc: Y.Doc, diagramId: string, fn: (parts: IcebergParts) => DiagramResult<T>): DiagramResult<T> {
  const parts = icebergParts(doc, diagramId)
  return parts ? fn(parts) : fail('no-diagram', 'This iceberg board is no longer here.')
}

export function createIceberg(
  doc: Y.Doc,
  input: { title: string; variant?: IcebergVariant; createdAt?: number; id?: string },
  origin: Origin,
): DiagramResult<string> {
  let result: DiagramResult<string> = fail('invalid', 'The board could not be created.')
  // One transaction: nobody ever sees (or undoes into) a board without its notes map.
  doc.transact(() => {
    result = createDiagram(doc, { title: input.title, kind: 'iceberg', createdAt: input.createdAt, id: input.id }, origin)
    if (!result.ok) return
    const root = diagramsMap(doc).get(result.value)!
    root.set('variant', input.variant ?? 'current')
    root.set('stickies', new Y.Map())
  }, origin)
  return result
}

export function readVariant(root: YRecord): IcebergVariant {
  const variant = root.get('variant')
  return (ICEBERG_VARIANTS as readonly unknown[]).includes(variant) ? (variant as IcebergVariant) : 'current'
}

export function setIcebergVariant(doc: Y.Doc, diagramId: string, variant: IcebergVariant, origin: Origin): DiagramResult {
  return withBoard(doc, diagramId, ({ root }) => {
    if (!(ICEBERG_VARIANTS as readonly string[]).includes(variant)) return fail('invalid', 'The variant is current or aspirational.')
    if (readVariant(root) !== variant) doc.transact(() => root.set('variant', variant), origin)
    return ok()
  })
}

export function readSticky(id: string, value: unknown): Sticky | null {
  if (!(value instanceof Y.Map)) return null
  const entry = value as YRecord
  const level = entry.get('level')
  const text = entry.get('text')
  const colour = entry.get('colour')
  const authorId = entry.get('authorId')
  const order = entry.get('order')
  const createdAt = entry.get('createdAt')
  return {
    id,
    level: (ICEBERG_LEVELS as readonly unknown[]).includes(level) ? (level as IcebergLevel) : 'events',
    text: text instanceof Y.Text ? text.toString().slice(0, ICEBERG_LIMITS.textMax) : '',
    colour: ColourSchema.safeParse(colour).success ? (colour as string) : '#5a666b',
    authorId: typeof authorId === 'string' ? authorId.slice(0, DIAGRAM_LIMITS.idMax) : '',
    order: typeof order === 'number' && Number.isFinite(order) ? order : 0,
    createdAt: typeof createdAt === 'number' && Number.isFinite(createdAt) ? createdAt : 0,
  }
}

export function byStickyOrder(a: Sticky, b: Sticky): number {
  return a.order - b.order || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** Every note, level by level from the surface down, each level in its own order. */
export function readIceberg(doc: Y.Doc, diagramId: string): { variant: IcebergVariant; stickies: Sticky[] } | null {
  const parts = icebergParts(doc, diagramId)
  if (!parts) return null
  const stickies: Sticky[] = []
  for (const [id, entry] of parts.stickies.entries()) {
    const sticky = readSticky(id, entry)
    if (sticky) stickies.push(sticky)
  }
  const depth = (s: Sticky) => ICEBERG_LEVELS.indexOf(s.level)
  stickies.sort((a, b) => depth(a) - depth(b) || byStickyOrder(a, b))
  return { variant: readVariant(parts.root), stickies }
}

function nextOrder(parts: IcebergParts, level: IcebergLevel, except?: string): number {
  let max = 0
  for (const [id, entry] of parts.stickies.entries()) {
    const sticky = id === except ? null : readSticky(id, entry)
    if (sticky && sticky.level === level) max = Math.max(max, sticky.order)
  }
  return max + 1
}

export function addSticky(
  doc: Y.Doc,
  diagramId: string,
  input: { level: IcebergLevel; text: string; colour: string; authorId: string; createdAt?: number },
  origin: Origin,
): DiagramResult<string> {
  return withBoard(doc, diagramId, (parts) => {
    if (!(ICEBERG_LEVELS as readonly string[]).includes(input.level)) return fail('invalid', 'That level is not on the iceberg.')
    if (parts.stickies.size >= ICEBERG_LIMITS.maxStickies) return fail('too-many', `A board holds at most ${ICEBERG_LIMITS.maxStickies} notes.`)
    if (input.text.length > ICEBERG_LIMITS.textMax) return fail('invalid', `Keep a note under ${ICEBERG_LIMITS.textMax} characters.`)
    if (!ColourSchema.safeParse(input.colour).success) return fail('invalid', 'A note needs a colour like #1f6f8b.')
    const id = newItemId()
    doc.transact(() => {
      const entry = new Y.Map<unknown>()
      entry.set('level', input.level)
      entry.set('text', new Y.Text(input.text))
      entry.set('colour', input.colour)
      entry.set('authorId', input.authorId.slice(0, DIAGRAM_LIMITS.idMax))
      entry.set('order', nextOrder(parts, input.level))
      entry.set('createdAt', input.createdAt ?? Date.now())
      parts.stickies.set(id, entry)
    }, origin)
    return ok(id)
  })
}

/** The shared text of one note, to bind a text field to (see shared/session/text.ts). */
export function stickyText(doc: Y.Doc, diagramId: string, stickyId: string): Y.Text | null {
  const text = icebergParts(doc, diagramId)?.stickies.get(stickyId)?.get('text')
  return text instanceof Y.Text ? text : null
}

/** Move a note to another level (to the end of it). */
export function moveSticky(doc: Y.Doc, diagramId: string, stickyId: string, level: IcebergLevel, origin: Origin): DiagramResult {
  return withBoard(doc, diagramId, (parts) => {
    const entry = parts.stickies.get(stickyId)
    if (!(entry instanceof Y.Map)) return fail('no-variable', 'That note is no longer on the board.')
    if (!(ICEBERG_LEVELS as readonly string[]).includes(level)) return fail('invalid', 'That level is not on the iceberg.')
    if (entry.get('level') === level) return ok()
    const order = nextOrder(parts, level, stickyId)
    doc.transact(() => {
      entry.set('level', level)
      entry.set('order', order)
    }, origin)
    return ok()
  })
}

export function deleteSticky(doc: Y.Doc, diagramId: string, stickyId: string, origin: Origin): DiagramResult {
  return withBoard(doc, diagramId, (parts) => {
    if (!parts.stickies.has(stickyId)) return fail('no-variable', 'That note is no longer on the board.')
    doc.transact(() => parts.stickies.delete(stickyId), origin)
    return ok()
  })
}
