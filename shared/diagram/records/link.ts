import * as Y from 'yjs'
import { z } from 'zod'
import type { RecordMigration } from '../../migrations'
import { english, type Message } from '../../i18n/messages'
import { said, type Said } from '../../result'
import { DIAGRAM_LIMITS as L, clampLabel, clampNumber } from '../limits'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const LINK_MESSAGES = {
  labelTooLong: { id: 'shared.diagram.link.labelTooLong', defaultMessage: 'keep the link label under {max} characters' },
  polarity: { id: 'shared.diagram.link.polarity', defaultMessage: 'Polarity is +, - or ?.' },
  curve: { id: 'shared.diagram.link.curve', defaultMessage: 'Curve is a number from -{max} to {max}.' },
  refusedLabelTooLong: { id: 'shared.diagram.link.refusedLabelTooLong', defaultMessage: 'Link label: keep the link label under {max} characters.' },
  refusedLabel: { id: 'shared.diagram.link.refusedLabel', defaultMessage: 'Link label: {problem}.' },
  notValid: { id: 'shared.diagram.link.notValid', defaultMessage: 'This change to the link is not valid.' },
} as const
const MSG = LINK_MESSAGES

/**
 * A causal link, one entry of a diagram's `links` map: its type, the schema every write
 * is checked with and every read is parsed with, and its migrations (see variable.ts).
 *
 *   links: Y.Map<linkId, Y.Map{ from, to, polarity: '+' | '-' | '?', delay: boolean, curve: number, label?: string }>
 *
 * `curve` bends the arrow: the perpendicular offset of its midpoint from the straight
 * line, as a fraction of the link's length, positive to the left of the direction of
 * travel (screen coordinates, y down); 0 is straight.
 */
export type Polarity = '+' | '-' | '?'
export const POLARITIES = ['+', '-', '?'] as const satisfies readonly Polarity[]

export const PolaritySchema = z.enum(POLARITIES)
export const CurveSchema = z.number().min(-L.curveMax).max(L.curveMax)
export const LinkLabelSchema = z.string().max(L.linkLabelMax, english.formatMessage(MSG.labelTooLong, { max: L.linkLabelMax }))

/**
 * The record as stored (its id is its key in the map). The ends are any variable ids the
 * document holds: a link whose end is missing is kept in the document and left out of
 * what is drawn (a concurrent delete and link).
 */
export const LinkRecordSchema = z.object({
  from: z.string(),
  to: z.string(),
  polarity: PolaritySchema,
  delay: z.boolean(),
  curve: CurveSchema,
  label: LinkLabelSchema.optional(),
})
export type LinkRecord = z.infer<typeof LinkRecordSchema>

export interface CausalLink extends LinkRecord {
  id: string
}

/** Steps for every link of every diagram, numbered by the convening's document version. None yet. */
export const LINK_MIGRATIONS: readonly RecordMigration[] = []

/**
 * A link as the document holds it, fitted and parsed: an unknown polarity reads as '?',
 * anything but `true` as no delay, the curve kept within its range (not a number: straight),
 * the label cut at its cap. Null when the record is no map or an end is not an id.
 */
export function readLink(id: string, value: unknown): CausalLink | null {
  if (!(value instanceof Y.Map)) return null
  const entry = value as Y.Map<unknown>
  const from = entry.get('from')
  const to = entry.get('to')
  if (typeof from !== 'string' || typeof to !== 'string') return null
  const polarity = entry.get('polarity')
  const label = entry.get('label')
  const parsed = LinkRecordSchema.safeParse({
    from,
    to,
    polarity: (POLARITIES as readonly unknown[]).includes(polarity) ? polarity : '?',
    delay: entry.get('delay') === true,
    curve: clampNumber(entry.get('curve'), 0, L.curveMax),
    ...(typeof label === 'string' && label ? { label: clampLabel(label, L.linkLabelMax) } : {}),
  })
  return parsed.success ? { id, ...parsed.data } : null
}

export interface LinkPatch {
  polarity?: Polarity
  delay?: boolean
  curve?: number
  label?: string
}

const LinkPatchSchema = LinkRecordSchema.pick({ polarity: true, delay: true, curve: true, label: true }).partial()

/** Why a change to a link cannot be written, or null. */
export function checkLinkPatch(patch: LinkPatch): Message | Said | null {
  const parsed = LinkPatchSchema.safeParse(patch)
  if (parsed.success) return null
  const issue = parsed.error.issues[0]
  switch (issue?.path[0]) {
    case 'polarity':
      return MSG.polarity
    case 'curve':
      return said(MSG.curve, { max: L.curveMax })
    case 'label':
      return issue.code === 'too_big' ? said(MSG.refusedLabelTooLong, { max: L.linkLabelMax }) : said(MSG.refusedLabel, { problem: issue.message })
    default:
      return MSG.notValid
  }
}

/** The Y.Map of a new link (check the patch first). */
export function linkRecord(from: string, to: string, patch: LinkPatch): Y.Map<unknown> {
  const entry = new Y.Map<unknown>()
  entry.set('from', from)
  entry.set('to', to)
  // Written here rather than by applyLinkPatch: reading a map that is not in a document yet makes Yjs warn.
  entry.set('polarity', patch.polarity ?? '+')
  entry.set('delay', patch.delay ?? false)
  entry.set('curve', patch.curve ?? 0)
  const label = patch.label?.trim()
  if (label) entry.set('label', label)
  return entry
}

/** Write a checked patch, leaving fields that already hold the value alone (inside the caller's transaction). */
export function applyLinkPatch(entry: Y.Map<unknown>, patch: LinkPatch): void {
  if (patch.polarity !== undefined && entry.get('polarity') !== patch.polarity) entry.set('polarity', patch.polarity)
  if (patch.delay !== undefined && entry.get('delay') !== patch.delay) entry.set('delay', patch.delay)
  if (patch.curve !== undefined && entry.get('curve') !== patch.curve) entry.set('curve', patch.curve)
  if (patch.label !== undefined) {
    const label = patch.label.trim()
    if (label) entry.set('label', label)
    else entry.delete('label')
  }
}
