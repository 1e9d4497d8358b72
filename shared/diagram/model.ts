import { z } from 'zod'
import { english } from '../i18n/messages'
import { fail, ok, type Result } from '../result'
import { DIAGRAM_LIMITS as L } from './limits'
import { LinkRecordSchema, PolaritySchema, type CausalLink, type Polarity } from './records/link'
import type { DiagramKind } from './records/diagram'
import { VariableRecordSchema, type Variable } from './records/variable'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const DIAGRAM_ID_MESSAGES = {
  needed: { id: 'shared.diagram.id.needed', defaultMessage: 'an id is needed' },
  tooLong: { id: 'shared.diagram.id.tooLong', defaultMessage: 'ids are at most {max} characters' },
} as const
const MSG = DIAGRAM_ID_MESSAGES

/**
 * The causal loop diagram, as the rest of the app sees it (plain data, no Yjs).
 *
 * Each record's type, schema and migrations live in its file under records/ (a
 * variable, a link, the loop names, the diagram's own fields); this module re-exports
 * them and adds what is built from them. The caps are in limits.ts.
 *
 * Coordinates are the CENTRE of a variable on the canvas, in px (the canvas uses
 * React Flow's nodeOrigin [0.5, 0.5] so the stored point does not depend on the
 * rendered size of a label). Two links between the same pair in opposite directions,
 * both with a positive curve, bow apart.
 */
export { DIAGRAM_LIMITS, clampLabel } from './limits'
export { POLARITIES, PolaritySchema, CurveSchema, LinkLabelSchema, type CausalLink, type Polarity } from './records/link'
export { DIAGRAM_KINDS, type DiagramKind } from './records/diagram'
export { CoordinateSchema, LabelSchema, NoteSchema, type Variable } from './records/variable'
export { LoopNameSchema } from './records/loopName'

export type LoopPolarity = 'R' | 'B' | '?'

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

export const IdSchema = z.string().min(1, MSG.needed.defaultMessage).max(L.idMax, english.formatMessage(MSG.tooLong, { max: L.idMax }))

/** A variable with its id, as files and pastes carry it: the stored record's schema plus the id. */
export const VariableSchema = VariableRecordSchema.extend({ id: IdSchema })

/** A link with its id, as files carry it; its ends name variables of the same file. */
export const CausalLinkSchema = LinkRecordSchema.extend({ id: IdSchema, from: IdSchema, to: IdSchema })

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
export function parseLoopFile(input: unknown): Result<LoopFile, { problems: GraphProblem[] }> {
  const parsed = LoopFileSchema.safeParse(input)
  const problems = parsed.success
    ? checkGraph(parsed.data)
    : parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }))
  if (!parsed.success || problems.length) return fail(`This is not a loops file: ${problems[0].path}: ${problems[0].message}`, { problems })
  return ok(parsed.data)
}
