import { useEffect, useState } from 'react'
import { DEBRIEF, DebriefSchema, parseGuide } from '../../../shared/climate'
import type { Debrief, GuideBlock } from '../../../shared/climate'
import { useIntl } from '../../i18n'
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
export type ContentLoaders = Record<string, () => Promise<unknown>>

const GUIDE_LOADERS: ContentLoaders = import.meta.glob('../../../resources/i18n/*/model-guide.md', { query: '?raw', import: 'default' })
const DEBRIEF_LOADERS: ContentLoaders = import.meta.glob('../../../resources/i18n/*/debrief.json', { import: 'default' })

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

const cache = new Map<string, Promise<unknown>>()

function load<T>(kind: string, file: string, locale: string, loaders: ContentLoaders, check: (data: unknown) => T | null, own: ContentLoaders): Promise<T | null> {
  const loader = loaders[`../../../resources/i18n/${locale}/${file}`]
  if (!loader) return Promise.resolve(null)
  const key = `${file}:${locale}`
  // Cached per language for the app's own files; a test's loaders are read afresh.
  const cached = loaders === own ? (cache.get(key) as Promise<T | null> | undefined) : undefined
  if (cached) return cached
  const pending = loader().then(
    (data) => {
      const checked = check(data)
      if (checked === null) console.warn(`Convene: the ${locale} ${kind} does not match the English one; it is shown in English`)
      return checked
    },
    (error: unknown) => {
      console.warn(`Convene: the ${locale} ${kind} could not be loaded; it is shown in English`, error)
      return null
    },
  )
  if (loaders === own) cache.set(key, pending)
  return pending
}

/** The model guide translated into `locale`, or null where there is none to use (English, a missing or broken file). */
export function loadLocalGuide(locale: string, loaders: ContentLoaders = GUIDE_LOADERS): Promise<readonly GuideBlock[] | null> {
  return load('model guide', 'model-guide.md', locale, loaders, guideFrom, GUIDE_LOADERS)
}

/** The debrief questions translated into `locale`, or null where there are none to use. */
export function loadLocalDebrief(locale: string, loaders: ContentLoaders = DEBRIEF_LOADERS): Promise<Debrief | null> {
  return load('debrief', 'debrief.json', locale, loaders, (data) => debriefFrom(data), DEBRIEF_LOADERS)
}

/** A text in the person's language: English until the translation has loaded, and where there is none. */
function useLocal<T>(english: T, loadFor: (locale: string) => Promise<T | null>): T {
  const { locale } = useIntl()
  const [state, setState] = useState<{ locale: string; value: T | null }>({ locale: '', value: null })
  useEffect(() => {
    let live = true
    void loadFor(locale).then((value) => {
      if (live) setState({ locale, value })
    })
    return () => {
      live = false
    }
  }, [locale, loadFor])
  return (state.locale === locale ? state.value : null) ?? english
}

const loadGuideForApp = (locale: string): Promise<readonly GuideBlock[] | null> => loadLocalGuide(locale)
const loadDebriefForApp = (locale: string): Promise<Debrief | null> => loadLocalDebrief(locale)

export function useLocalGuide(): readonly GuideBlock[] {
  return useLocal(ENGLISH_GUIDE, loadGuideForApp)
}

export function useLocalDebrief(): Debrief {
  return useLocal(DEBRIEF, loadDebriefForApp)
}
