import { z } from 'zod'
import weekly from '../../resources/facilitation/weekly-practice.json'
import worldClimate from '../../resources/facilitation/world-climate.json'
import systemsMapping from '../../resources/facilitation/systems-mapping.json'
import { LIMITS, SegmentKindSchema, type Segment } from './schema'
import type { SegmentInput } from './agenda'
import { fail, said, type ResultWith } from '../result'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const TEMPLATE_MESSAGES = {
  nameEmpty: { id: 'shared.facilitation.template.nameEmpty', defaultMessage: 'A template needs a name.' },
  noSegments: { id: 'shared.facilitation.template.noSegments', defaultMessage: 'A template needs at least one segment.' },
  cannotUseAt: { id: 'shared.facilitation.template.cannotUseAt', defaultMessage: 'This template cannot be used: {path} {problem}' },
  cannotUse: { id: 'shared.facilitation.template.cannotUse', defaultMessage: 'This template cannot be used: it {problem}' },
  notValid: { id: 'shared.facilitation.template.notValid', defaultMessage: 'This template cannot be used: it is not valid' },
} as const
const MSG = TEMPLATE_MESSAGES

/**
 * Agenda templates: the built-in ones are our own words in resources/facilitation/,
 * a facilitator's own are kept in their library (never synced). Both are checked with
 * the same schema when loaded; a damaged file or entry is reported, not used.
 */
export const TemplateSegmentSchema = z.object({
  title: z.string().trim().min(1).max(LIMITS.title),
  kind: SegmentKindSchema,
  minutes: z.number().int().min(1).max(LIMITS.minutes),
  notes: z.string().max(LIMITS.notes).default(''),
})

export const TemplateSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1, MSG.nameEmpty.defaultMessage).max(LIMITS.title),
  description: z.string().max(600).default(''),
  segments: z.array(TemplateSegmentSchema).min(1, MSG.noSegments.defaultMessage).max(LIMITS.segments),
})
export type AgendaTemplate = z.infer<typeof TemplateSchema>

export type TemplateResult = ResultWith<{ template: AgendaTemplate }>

export function parseTemplate(data: unknown): TemplateResult {
  const parsed = TemplateSchema.safeParse(data)
  if (parsed.success) return { ok: true, template: parsed.data }
  const issue = parsed.error.issues[0]
  if (!issue) return fail(MSG.notValid)
  const path = issue.path.join('.')
  return fail(path ? said(MSG.cannotUseAt, { path, problem: issue.message }) : said(MSG.cannotUse, { problem: issue.message }))
}

function builtIn(): AgendaTemplate[] {
  const out: AgendaTemplate[] = []
  for (const data of [weekly, worldClimate, systemsMapping]) {
    const result = parseTemplate(data)
    if (result.ok) out.push(result.template)
  }
  return out
}

/** The templates that come with Convene (a damaged file is left out; the tests catch it). */
export const BUILT_IN_TEMPLATES: readonly AgendaTemplate[] = builtIn()

export function templateSegments(template: AgendaTemplate): SegmentInput[] {
  return template.segments.map((s) => ({ title: s.title, kind: s.kind, minutes: s.minutes, notes: s.notes }))
}

/** The agenda as it stands, as a template to keep. */
export function templateFromAgenda(segments: readonly Segment[], id: string, name: string, description: string): TemplateResult {
  return parseTemplate({
    id,
    name,
    description,
    segments: segments.map((s) => ({ title: s.title, kind: s.kind, minutes: Math.max(1, Math.round(s.minutes)), notes: s.notes })),
  })
}

export function totalMinutes(template: AgendaTemplate): number {
  return template.segments.reduce((sum, s) => sum + s.minutes, 0)
}
