import { z } from 'zod'
import sdgData from '../../resources/cohort/sdgs.json'
import cardData from '../../resources/cohort/card.json'
import clinicData from '../../resources/cohort/clinic.json'
import { CLINIC_STAGE_IDS, DOMAINS, PROJECT_FIELDS, type ClinicStageId, type Domain, type ProjectField } from './schema'

/**
 * The authored content of the cohort (resources/cohort/*.json, our own words),
 * validated when loaded. The unit tests fail on any fault; at run time a faulty file
 * falls back to plain labels instead of breaking the screen.
 */
const Colour = z.string().regex(/^#[0-9A-Fa-f]{6}$/)

export const GoalSchema = z.object({
  number: z.number().int().min(1).max(17),
  name: z.string().trim().min(1).max(60),
  description: z.string().trim().min(1).max(120),
  colour: Colour,
})
export type Goal = z.infer<typeof GoalSchema>

export const GoalFileSchema = z.object({
  version: z.literal(1),
  source: z.string(),
  goals: z
    .array(GoalSchema)
    .length(17, 'There are 17 goals')
    .refine((goals) => goals.every((goal, i) => goal.number === i + 1), 'Goals are listed 1 to 17 in order'),
})

const FieldTextSchema = z.object({
  id: z.enum(PROJECT_FIELDS),
  label: z.string().min(1).max(40),
  prompt: z.string().min(1).max(200),
  multiline: z.boolean(),
  max: z.number().int().positive(),
})
const DomainTextSchema = z.object({ id: z.enum(DOMAINS), label: z.string().min(1).max(40), prompt: z.string().min(1).max(200) })

export const CardFileSchema = z.object({
  version: z.literal(1),
  fields: z.array(FieldTextSchema).refine((f) => sameIds(f, PROJECT_FIELDS), 'Every card field is described once, in order'),
  domains: z.array(DomainTextSchema).refine((d) => sameIds(d, DOMAINS), 'Every domain is described once, in order'),
})
export type FieldText = z.infer<typeof FieldTextSchema>
export type DomainText = z.infer<typeof DomainTextSchema>

export const StageSchema = z.object({
  id: z.enum(CLINIC_STAGE_IDS),
  label: z.string().min(1).max(40),
  minutes: z.number().int().min(1).max(60),
  speaks: z.enum(['presenter', 'group']),
  guidance: z.string().min(1).max(300),
  /** How an offering made in this stage is tagged on the card; null: nothing is written in this stage. */
  offeringLabel: z.string().min(1).max(40).nullable(),
})
export type ClinicStage = z.infer<typeof StageSchema>

export const ClinicFileSchema = z.object({
  version: z.literal(1),
  about: z.string().min(1).max(400),
  stages: z.array(StageSchema).refine((s) => sameIds(s, CLINIC_STAGE_IDS), 'Every clinic stage is described once, in order'),
})

function sameIds(items: { id: string }[], ids: readonly string[]): boolean {
  return items.length === ids.length && items.every((item, i) => item.id === ids[i])
}

function fallbackGoal(number: number): Goal {
  return { number, name: `Goal ${number}`, description: '', colour: '#5a666b' }
}

const goals = GoalFileSchema.safeParse(sdgData)
export const SDGS: readonly Goal[] = goals.success ? goals.data.goals : Array.from({ length: 17 }, (_, i) => fallbackGoal(i + 1))

const card = CardFileSchema.safeParse(cardData)
export const FIELD_TEXTS: Record<ProjectField, FieldText> = Object.fromEntries(
  PROJECT_FIELDS.map((id, i) => [id, card.success ? card.data.fields[i] : { id, label: id, prompt: '', multiline: i >= 4, max: 4000 }]),
) as Record<ProjectField, FieldText>
export const DOMAIN_TEXTS: Record<Domain, DomainText> = Object.fromEntries(
  DOMAINS.map((id, i) => [id, card.success ? card.data.domains[i] : { id, label: id, prompt: '' }]),
) as Record<Domain, DomainText>

const clinic = ClinicFileSchema.safeParse(clinicData)
export const CLINIC_ABOUT: string = clinic.success ? clinic.data.about : ''
export const CLINIC_STAGES: readonly ClinicStage[] = clinic.success
  ? clinic.data.stages
  : CLINIC_STAGE_IDS.map((id) => ({ id, label: id, minutes: 5, speaks: id === 'presenting' || id === 'reflecting' ? 'presenter' : 'group', guidance: '', offeringLabel: id === 'presenting' ? null : id }))

export function stageOf(id: ClinicStageId): ClinicStage {
  return CLINIC_STAGES.find((s) => s.id === id) ?? CLINIC_STAGES[0]
}

/** Dark or light text, whichever reads better on a goal's colour (WCAG relative luminance). */
export function textOn(colour: string): '#000000' | '#ffffff' {
  const channel = (hex: string): number => {
    const c = parseInt(hex, 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour)
  if (!m) return '#000000'
  const luminance = 0.2126 * channel(m[1]) + 0.7152 * channel(m[2]) + 0.0722 * channel(m[3])
  // Contrast with white is 1.05 / (L + 0.05); with black (L + 0.05) / 0.05. Pick the larger.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? '#ffffff' : '#000000'
}

/** For the unit tests: what was wrong with each authored file, if anything. */
export const CONTENT_PROBLEMS: readonly string[] = [goals, card, clinic].flatMap((result, i) =>
  result.success ? [] : [`${['sdgs.json', 'card.json', 'clinic.json'][i]}: ${result.error.issues.map((issue) => issue.message).join('; ')}`],
)
