import { z } from 'zod'

/**
 * The causal loop diagram, as the rest of the app sees it (plain data, no Yjs).
 *
 * Coordinates are the CENTRE of a variable on the canvas, in px (the canvas uses
 * React Flow's nodeOrigin [0.5, 0.5] so the stored point does not depend on the
 * rendered size of a label).
 *
 * `curve` bends a link: the perpendicular offset of the arrow's midpoint from the
 * straight line, as a fraction of the link's length, positive to the left of the
 * direction of travel (screen coordinates, y down); 0 is straight. Two links between
 * the same pair in opposite directions, both with a positive curve, bow apart.
 */
export type Polarity = '+' | '-' | '?'
export type LoopPolarity = 'R' | 'B' | '?'
export type DiagramKind = 'cld' | 'iceberg' | 'bot'

export const POLARITIES = ['+', '-', '?'] as const satisfies readonly Polarity[]
export const DIAGRAM_KINDS = ['cld', 'iceberg', 'bot'] as const satisfies readonly DiagramKind[]

export interface Variable {
  id: string
  label: string
  x: number
  y: number
  note?: string
}

export interface CausalLink {
  id: string
  from: string
  to: string
  polarity: Polarity
  delay: boolean
  curve: number
  label?: string
}

export interface Loop {
  /** Stable across edits that keep the loop's links (see loopId.ts). */
  id: string
  /** In travel order, starting at the smallest variable id; linkIds[i] leads from variableIds[i] to the next. */
  variableIds: string[]
  linkIds: string[]
  polarity: LoopPolarity
  /** Number of links (= number of variables). */
  length: number
}

/** The least a loop analysis needs: ids, ends and signs. */
export interface LoopGraph {
  variables: readonly { id: string }[]
  links: readonly { id: string; from: string; to: string; polarity: Polarity }[]
}

/** Everything a renderer or exporter needs. */
export interface DiagramSnapshot {
  variables: Variable[]
  links: CausalLink[]
}

export interface Diagram extends DiagramSnapshot {
  id: string
  title: string
  kind: DiagramKind
  createdAt: number
  loopNames: Record<string, string>
  /** Kept loop numbers, by "loopId:kind" (loopNumbers.ts). */
  loopNumbers?: Record<string, number>
}

/** Caps that keep a diagram readable and its document small. */
export const DIAGRAM_LIMITS = {
  labelMax: 200,
  noteMax: 2000,
  linkLabelMax: 80,
  loopNameMax: 80,
  titleMax: 200,
  idMax: 64,
  maxVariables: 1000,
  maxLinks: 4000,
  pasteMaxVariables: 200,
  pasteMaxLinks: 800,
  /** Positions beyond this are someone's typo or a hostile peer, not a drawing. */
  coordinateMax: 1_000_000,
  curveMax: 1,
} as const

const L = DIAGRAM_LIMITS

export const PolaritySchema = z.enum(POLARITIES)
export const IdSchema = z.string().min(1, 'an id is needed').max(L.idMax, `ids are at most ${L.idMax} characters`)
export const LabelSchema = z
  .string()
  .trim()
  .min(1, 'a label is needed')
  .max(L.labelMax, `keep the label under ${L.labelMax} characters`)
export const CoordinateSchema = z.number().min(-L.coordinateMax).max(L.coordinateMax)
export const CurveSchema = z.number().min(-L.curveMax).max(L.curveMax)
export const NoteSchema = z.string().max(L.noteMax, `keep the note under ${L.noteMax} characters`)
export const LinkLabelSchema = z.string().max(L.linkLabelMax, `keep the link label under ${L.linkLabelMax} characters`)
export const LoopNameSchema = z.string().trim().max(L.loopNameMax, `keep the loop name under ${L.loopNameMax} characters`)

export const VariableSchema = z.object({
  id: IdSchema,
  label: LabelSchema,
  x: CoordinateSchema,
  y: CoordinateSchema,
  note: NoteSchema.optional(),
})

export const CausalLinkSchema = z.object({
  id: IdSchema,
  from: IdSchema,
  to: IdSchema,
  polarity: PolaritySchema,
  delay: z.boolean(),
  curve: CurveSchema,
  label: LinkLabelSchema.optional(),
})

/** The file `convene loops` reads: only what loop analysis needs. */
export const LoopFileSchema = z.object({
  variables: z
    .array(z.object({ id: IdSchema, label: z.string().max(L.labelMax, `keep the label under ${L.labelMax} characters`).optional() }))
    .max(L.maxVariables, `at most ${L.maxVariables} variables`),
  links: z
    .array(z.object({ id: IdSchema, from: IdSchema, to: IdSchema, polarity: PolaritySchema }))
    .max(L.maxLinks, `at most ${L.maxLinks} links`),
})
export type LoopFile = z.infer<typeof LoopFileSchema>

/** `links[3].to` from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out ? `.${String(part)}` : String(part)
  }
  return out || '(top level)'
}

export interface GraphProblem {
  /** e.g. `links[3].to` */
  path: string
  message: string
}

/**
 * The references a schema cannot check: ids unique, link ends present, no self-links.
 * Parallel links (same from and to) are allowed: each makes its own loops.
 */
export function checkGraph(graph: LoopGraph): GraphProblem[] {
  const problems: GraphProblem[] = []
  const variables = new Set<string>()
  graph.variables.forEach((v, i) => {
    if (variables.has(v.id)) problems.push({ path: `variables[${i}].id`, message: `duplicate variable id "${v.id}"` })
    variables.add(v.id)
  })
  const links = new Set<string>()
  graph.links.forEach((link, i) => {
    if (links.has(link.id)) problems.push({ path: `links[${i}].id`, message: `duplicate link id "${link.id}"` })
    links.add(link.id)
    if (!variables.has(link.from)) problems.push({ path: `links[${i}].from`, message: `no variable "${link.from}"` })
    if (!variables.has(link.to)) problems.push({ path: `links[${i}].to`, message: `no variable "${link.to}"` })
    if (link.from === link.to) problems.push({ path: `links[${i}]`, message: `a link from "${link.from}" to itself is not allowed` })
  })
  return problems
}

/** Parse and check a loops file; problems name the field. */
export function parseLoopFile(input: unknown): { ok: true; value: LoopFile } | { ok: false; problems: GraphProblem[] } {
  const parsed = LoopFileSchema.safeParse(input)
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    }
  }
  const problems = checkGraph(parsed.data)
  return problems.length ? { ok: false, problems } : { ok: true, value: parsed.data }
}

/** Cut a label to the cap (in UTF-16 units, as the schemas count), marking the cut. */
export function clampLabel(label: string, max: number = L.labelMax): string {
  const text = label.trim()
  if (text.length <= max) return text
  let cut = text.slice(0, max - 1)
  // Never leave half of a surrogate pair (an emoji) behind.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1)
  return cut + '…'
}
