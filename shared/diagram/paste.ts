import { z } from 'zod'
import type * as Y from 'yjs'
import { newItemId } from '../session/ids'
import type { Archetype } from './archetypes'
import { diagramParts, fail, linkRecord, variableRecord, type DiagramResult } from './doc'
import { DIAGRAM_LIMITS as L, IdSchema, PolaritySchema, clampLabel, formatPath } from './model'
import type { Origin } from '../session/origins'
import { ok, said } from '../result'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const PASTE_MESSAGES = {
  diagramGone: { id: 'shared.diagram.paste.diagramGone', defaultMessage: 'This diagram is no longer here.' },
  tooBig: { id: 'shared.diagram.paste.tooBig', defaultMessage: 'This paste holds {variables, number} variables and {links, number} links; at most {maxVariables} variables and {maxLinks} links can be added at once.' },
  wouldGoOver: { id: 'shared.diagram.paste.wouldGoOver', defaultMessage: 'A diagram holds at most {maxVariables} variables and {maxLinks} links; this paste would go over.' },
  notDiagram: { id: 'shared.diagram.paste.notDiagram', defaultMessage: 'This paste is not a diagram: {path}: {problem}.' },
  unreadable: { id: 'shared.diagram.paste.unreadable', defaultMessage: 'This paste is not a diagram: unreadable.' },
} as const
const MSG = PASTE_MESSAGES

/**
 * A piece of a diagram to add in one go: a paste from the clipboard (untrusted), or
 * an archetype. Ids are the fragment's own; every item gets a fresh id on the way in.
 */
export const FragmentSchema = z.object({
  variables: z.array(
    z.object({
      id: IdSchema,
      label: z.string(),
      x: z.number(),
      y: z.number(),
      note: z.string().optional(),
    }),
  ),
  links: z.array(
    z.object({
      from: IdSchema,
      to: IdSchema,
      polarity: PolaritySchema,
      delay: z.boolean().optional(),
      curve: z.number().optional(),
      label: z.string().optional(),
    }),
  ),
})
export type Fragment = z.infer<typeof FragmentSchema>

export interface PasteOutcome {
  /** Fragment id -> new id in the diagram. */
  variableIds: Record<string, string>
  linkIds: string[]
  /** Links left out: an end not in the fragment, a link to itself, or a second link between the same pair. */
  skippedLinks: number
  /** Labels cut to the length cap. */
  shortenedLabels: number
}

const count = (value: unknown): number => (Array.isArray(value) ? value.length : 0)

/** Add a fragment at `offset` in one transaction, or refuse it whole with a clear message. */
export function pasteFragment(
  doc: Y.Doc,
  diagramId: string,
  input: unknown,
  offset: { x: number; y: number },
  origin: Origin,
): DiagramResult<PasteOutcome> {
  const parts = diagramParts(doc, diagramId)
  if (!parts) return fail('no-diagram', MSG.diagramGone)
  // Look at the sizes before validating: a paste of a hundred thousand items is refused, not parsed.
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>
  const nv = count(raw.variables)
  const nl = count(raw.links)
  if (nv > L.pasteMaxVariables || nl > L.pasteMaxLinks) {
    return fail('too-many', said(MSG.tooBig, { variables: nv, links: nl, maxVariables: L.pasteMaxVariables, maxLinks: L.pasteMaxLinks }))
  }
  if (parts.variables.size + nv > L.maxVariables || parts.links.size + nl > L.maxLinks) {
    return fail('too-many', said(MSG.wouldGoOver, { maxVariables: L.maxVariables, maxLinks: L.maxLinks }))
  }
  const parsed = FragmentSchema.safeParse(input)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return fail('invalid', issue ? said(MSG.notDiagram, { path: formatPath(issue.path), problem: issue.message }) : MSG.unreadable)
  }
  const fragment = parsed.data
  const dx = Number.isFinite(offset.x) ? offset.x : 0
  const dy = Number.isFinite(offset.y) ? offset.y : 0
  const variableIds: Record<string, string> = {}
  const linkIds: string[] = []
  let shortenedLabels = 0
  let skippedLinks = 0
  doc.transact(() => {
    for (const v of fragment.variables) {
      if (Object.hasOwn(variableIds, v.id)) continue
      const label = clampLabel(v.label) || 'Untitled variable'
      if (label !== v.label.trim()) shortenedLabels++
      const id = newItemId()
      variableIds[v.id] = id
      parts.variables.set(id, variableRecord({ label, x: v.x + dx, y: v.y + dy, note: v.note?.slice(0, L.noteMax) }))
    }
    const pairs = new Set<string>()
    for (const link of fragment.links) {
      const from = Object.hasOwn(variableIds, link.from) ? variableIds[link.from] : undefined
      const to = Object.hasOwn(variableIds, link.to) ? variableIds[link.to] : undefined
      const pair = `${from}\u0000${to}`
      if (!from || !to || from === to || pairs.has(pair)) {
        skippedLinks++
        continue
      }
      pairs.add(pair)
      const id = newItemId()
      linkIds.push(id)
      const curve = Number.isFinite(link.curve) ? Math.max(-L.curveMax, Math.min(L.curveMax, link.curve ?? 0)) : 0
      const label = link.label ? clampLabel(link.label, L.linkLabelMax) : undefined
      parts.links.set(id, linkRecord(from, to, { polarity: link.polarity, delay: link.delay ?? false, curve, label }))
    }
  }, origin)
  return ok({ variableIds, linkIds, skippedLinks, shortenedLabels })
}

/** Add an archetype's variables and links, shifted by `offset`, with fresh ids. */
export function insertArchetype(
  doc: Y.Doc,
  diagramId: string,
  archetype: Archetype,
  offset: { x: number; y: number },
  origin: Origin,
): DiagramResult<PasteOutcome> {
  const fragment: Fragment = {
    variables: archetype.variables.map((v) => ({ id: v.key, label: v.label, x: v.x, y: v.y })),
    links: archetype.links,
  }
  return pasteFragment(doc, diagramId, fragment, offset, origin)
}
