import {
  CLINIC_ABOUT,
  CLINIC_STAGES,
  CardFileSchema,
  ClinicFileSchema,
  DOMAINS,
  DOMAIN_TEXTS,
  FIELD_TEXTS,
  GoalFileSchema,
  PROJECT_FIELDS,
  SDGS,
  type ClinicStage,
  type Domain,
  type DomainText,
  type FieldText,
  type Goal,
  type ProjectField,
} from '../../../shared/cohort'
import { translatedContent, wholeOrEnglish, type ContentLoaders } from '../../i18n'

/**
 * The cohort's authored words in a person's language: the card's field and reflection
 * texts (resources/i18n/<locale>/card.json), the clinic's description and stages
 * (clinic.json) and the goals' names (sdgs.json), each a full copy of the English file
 * in resources/cohort/ with the same ids. Each file is its own chunk, loaded the first
 * time someone shows it, and checked with the schema shared/cohort reads the English
 * with. A missing file, one that fails to load or one that fails the schema means
 * English: better the whole file in English than half of it.
 *
 * Only words are taken from a translation. Numbers (minutes, lengths, goal numbers,
 * colours) and who speaks stay the English file's, so every window runs the same clinic
 * whatever its language; the shared document keeps ids, never these texts.
 */
export type { ContentLoaders }

export interface CardTexts {
  fields: Record<ProjectField, FieldText>
  domains: Record<Domain, DomainText>
}

export interface ClinicTexts {
  about: string
  stages: readonly ClinicStage[]
}

export const ENGLISH_CARD: CardTexts = { fields: FIELD_TEXTS, domains: DOMAIN_TEXTS }
export const ENGLISH_CLINIC: ClinicTexts = { about: CLINIC_ABOUT, stages: CLINIC_STAGES }
export const ENGLISH_GOALS: readonly Goal[] = SDGS

/** A translated card.json as the card shows it, or null when it fails the English file's schema. */
export function cardFrom(data: unknown, english: CardTexts = ENGLISH_CARD): CardTexts | null {
  const parsed = CardFileSchema.safeParse(data)
  if (!parsed.success) return null
  const { fields, domains } = parsed.data
  return {
    fields: Object.fromEntries(PROJECT_FIELDS.map((id, i) => [id, { ...english.fields[id], label: fields[i].label, prompt: fields[i].prompt }])) as Record<ProjectField, FieldText>,
    domains: Object.fromEntries(DOMAINS.map((id, i) => [id, { ...english.domains[id], label: domains[i].label, prompt: domains[i].prompt }])) as Record<Domain, DomainText>,
  }
}

/**
 * A translated clinic.json, or null when it fails the schema or tags offerings in other
 * stages than the English one does (a stage where nothing is written must stay so).
 */
export function clinicFrom(data: unknown, english: ClinicTexts = ENGLISH_CLINIC): ClinicTexts | null {
  const parsed = ClinicFileSchema.safeParse(data)
  if (!parsed.success) return null
  const { about, stages } = parsed.data
  if (stages.length !== english.stages.length || stages.some((s, i) => (s.offeringLabel === null) !== (english.stages[i].offeringLabel === null))) return null
  return {
    about,
    stages: english.stages.map((stage, i) => ({ ...stage, label: stages[i].label, guidance: stages[i].guidance, offeringLabel: stages[i].offeringLabel })),
  }
}

/** A translated sdgs.json's goals (names and descriptions; numbers and colours as in English), or null when it fails the schema. */
export function goalsFrom(data: unknown, english: readonly Goal[] = ENGLISH_GOALS): readonly Goal[] | null {
  const parsed = GoalFileSchema.safeParse(data)
  if (!parsed.success) return null
  return english.map((goal, i) => ({ ...goal, name: parsed.data.goals[i].name, description: parsed.data.goals[i].description }))
}

const card = translatedContent({
  file: 'card.json',
  loaders: import.meta.glob('../../../resources/i18n/*/card.json', { import: 'default' }),
  ...wholeOrEnglish('project card texts', (data) => cardFrom(data)),
})

const clinic = translatedContent({
  file: 'clinic.json',
  loaders: import.meta.glob('../../../resources/i18n/*/clinic.json', { import: 'default' }),
  ...wholeOrEnglish('clinic texts', (data) => clinicFrom(data)),
})

const goals = translatedContent({
  file: 'sdgs.json',
  loaders: import.meta.glob('../../../resources/i18n/*/sdgs.json', { import: 'default' }),
  ...wholeOrEnglish('goal names', (data) => goalsFrom(data)),
})

/** The card's field and reflection texts in `locale`, or null where there are none to use (English, a missing or broken file). */
export function loadLocalCard(locale: string, loaders?: ContentLoaders): Promise<CardTexts | null> {
  return card.load(locale, loaders)
}

/** The clinic's description and stages in `locale`, or null where there are none to use. */
export function loadLocalClinic(locale: string, loaders?: ContentLoaders): Promise<ClinicTexts | null> {
  return clinic.load(locale, loaders)
}

/** The goals' names and descriptions in `locale`, or null where there are none to use. */
export function loadLocalGoals(locale: string, loaders?: ContentLoaders): Promise<readonly Goal[] | null> {
  return goals.load(locale, loaders)
}

/** The card's field labels and prompts and the reflections' domains, as this person reads them. */
export function useCardTexts(): CardTexts {
  return card.use() ?? ENGLISH_CARD
}

/** The clinic's description and stages (same order and ids as CLINIC_STAGES), as this person reads them. */
export function useClinicTexts(): ClinicTexts {
  return clinic.use() ?? ENGLISH_CLINIC
}

/** The 17 goals (SDGS[n - 1] is goal n), as this person reads them. */
export function useGoals(): readonly Goal[] {
  return goals.use() ?? ENGLISH_GOALS
}

/**
 * A stage's or offering's name inside a sentence ("Your clarifying question"): lower case
 * as the English has it, except in German, where nouns keep their capital, and in
 * scripts without case, where it changes nothing.
 */
export function inSentence(text: string, locale: string): string {
  return locale === 'de' || locale.startsWith('de-') ? text : text.toLocaleLowerCase(locale === 'en-XA' ? 'en' : locale)
}
