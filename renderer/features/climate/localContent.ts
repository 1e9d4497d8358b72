import { DEBRIEF, DebriefSchema, parseGuide } from '../../../shared/climate'
import type { Debrief, GuideBlock } from '../../../shared/climate'
import { translatedContent, wholeOrEnglish, type ContentLoaders } from '../../i18n'
import englishGuide from '../../../resources/climate/model-guide.md?raw'

/**
 * The climate panel's longer texts in a person's language: the model guide
 * (resources/i18n/<locale>/model-guide.md, a translation of resources/climate/model-guide.md)
 * and the World Climate debrief (resources/i18n/<locale>/debrief.json, the same structure
 * as resources/climate/debrief.json). Each file is its own chunk, loaded the first time
 * someone shows it. A missing file, one that fails to load, or one that does not have the
 * English one's shape means English: better the whole text in English than half of it.
 *
 * Only the person's screen changes; nothing here is written to the shared document.
 */
export type { ContentLoaders }

export const ENGLISH_GUIDE: readonly GuideBlock[] = parseGuide(englishGuide)

const sectionsOf = (blocks: readonly GuideBlock[]): number[] =>
  blocks.filter((b): b is Extract<GuideBlock, { kind: 'heading' }> => b.kind === 'heading').map((b) => b.level)

/**
 * A translated guide is used when it parses to the same outline as the English one (the
 * same headings at the same levels): a file cut short or missing a section is not.
 */
export function guideFrom(data: unknown): readonly GuideBlock[] | null {
  if (typeof data !== 'string' || data.trim() === '') return null
  const blocks = parseGuide(data)
  return sectionsOf(blocks).join() === sectionsOf(ENGLISH_GUIDE).join() ? blocks : null
}

/** A translated debrief is used when it passes the English one's schema and has as many groups and questions in each. */
export function debriefFrom(data: unknown, english: Debrief = DEBRIEF): Debrief | null {
  const parsed = DebriefSchema.safeParse(data)
  if (!parsed.success) return null
  const { groups } = parsed.data
  const same = groups.length === english.groups.length && groups.every((g, i) => g.questions.length === english.groups[i].questions.length)
  return same ? parsed.data : null
}

const guide = translatedContent({
  file: 'model-guide.md',
  loaders: import.meta.glob('../../../resources/i18n/*/model-guide.md', { query: '?raw', import: 'default' }),
  ...wholeOrEnglish('model guide', guideFrom),
})

const debrief = translatedContent({
  file: 'debrief.json',
  loaders: import.meta.glob('../../../resources/i18n/*/debrief.json', { import: 'default' }),
  ...wholeOrEnglish('debrief', (data) => debriefFrom(data)),
})

/** The model guide translated into `locale`, or null where there is none to use (English, a missing or broken file). */
export function loadLocalGuide(locale: string, loaders?: ContentLoaders): Promise<readonly GuideBlock[] | null> {
  return guide.load(locale, loaders)
}

/** The debrief questions translated into `locale`, or null where there are none to use. */
export function loadLocalDebrief(locale: string, loaders?: ContentLoaders): Promise<Debrief | null> {
  return debrief.load(locale, loaders)
}

/** The model guide in the person's language: English until the translation has loaded, and where there is none. */
export function useLocalGuide(): readonly GuideBlock[] {
  return guide.use() ?? ENGLISH_GUIDE
}

/** The debrief in the person's language, else English. */
export function useLocalDebrief(): Debrief {
  return debrief.use() ?? DEBRIEF
}
