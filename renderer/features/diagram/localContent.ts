import { useEffect, useMemo, useState } from 'react'
import { ARCHETYPES, ICEBERG_CONTENT, parseArchetypes, parseIcebergContent, type Archetype, type IcebergContent } from '../../../shared/diagram'
import { useIntl } from '../../i18n'

/**
 * The systems archetypes and the iceberg's prompts in a person's language:
 * resources/i18n/<locale>/archetypes.json and iceberg.json, translations of
 * resources/diagram/archetypes.json and iceberg.json with the same ids. Each language is
 * its own chunk, loaded the first time someone shows it, and checked with the readers
 * the English files go through (parseArchetypes, parseIcebergContent): a missing or
 * broken file means English, and an archetype the file lacks stays in English.
 *
 * Only the person's screen changes: an archetype added to a diagram is written as the
 * English pattern, as before, so the shared document does not depend on who added it.
 */
export type ContentLoaders = Record<string, () => Promise<unknown>>

const ARCHETYPE_LOADERS: ContentLoaders = import.meta.glob('../../../resources/i18n/*/archetypes.json', { import: 'default' })
const ICEBERG_LOADERS: ContentLoaders = import.meta.glob('../../../resources/i18n/*/iceberg.json', { import: 'default' })

function loaderFor(loaders: ContentLoaders, locale: string, file: string): (() => Promise<unknown>) | undefined {
  return loaders[`../../../resources/i18n/${locale}/${file}`]
}

/** Load, check and cache one language's file; null where there is none or it is not valid. */
function loadChecked<T>(
  cache: Map<string, Promise<T | null>>,
  own: ContentLoaders,
  loaders: ContentLoaders,
  locale: string,
  file: string,
  read: (data: unknown) => { ok: true; value: T } | { ok: false; problems: string[] },
): Promise<T | null> {
  const load = loaderFor(loaders, locale, file)
  if (!load) return Promise.resolve(null)
  // Cached per language for the app's own files; a test's loaders are read afresh.
  const cached = loaders === own ? cache.get(locale) : undefined
  if (cached) return cached
  const pending = load().then(
    (data) => {
      const result = read(data)
      if (result.ok) return result.value
      console.warn(`Convene: the ${locale} ${file} is not valid; it stays in English`, result.problems)
      return null
    },
    (error: unknown) => {
      console.warn(`Convene: the ${locale} ${file} could not be loaded; it stays in English`, error)
      return null
    },
  )
  if (loaders === own) cache.set(locale, pending)
  return pending
}

const archetypesLoaded = new Map<string, Promise<readonly Archetype[] | null>>()
const icebergLoaded = new Map<string, Promise<IcebergContent | null>>()

/** The translated archetypes of a language, or null where there are none (English, a missing or invalid file). */
export function loadLocalArchetypes(locale: string, loaders: ContentLoaders = ARCHETYPE_LOADERS): Promise<readonly Archetype[] | null> {
  return loadChecked(archetypesLoaded, ARCHETYPE_LOADERS, loaders, locale, 'archetypes.json', (data) => {
    const parsed = parseArchetypes(data)
    return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, problems: parsed.problems }
  })
}

/** The translated iceberg prompts of a language, or null where there are none. */
export function loadLocalIceberg(locale: string, loaders: ContentLoaders = ICEBERG_LOADERS): Promise<IcebergContent | null> {
  return loadChecked(icebergLoaded, ICEBERG_LOADERS, loaders, locale, 'iceberg.json', (data) => {
    const parsed = parseIcebergContent(data)
    return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, problems: parsed.problems }
  })
}

/**
 * An archetype as a person reads it: the English pattern (its variables, links and
 * places, which is what gets added to a diagram) with the translation's words where the
 * translation has this archetype, and each variable's label where it has that key.
 */
export function localArchetype(archetype: Archetype, translated: readonly Archetype[] | null): Archetype {
  const local = translated?.find((a) => a.id === archetype.id)
  if (!local) return archetype
  const labels = new Map(local.variables.map((v) => [v.key, v.label]))
  return {
    ...archetype,
    name: local.name,
    summary: local.summary,
    story: local.story,
    leverage: local.leverage,
    variables: archetype.variables.map((v) => ({ ...v, label: labels.get(v.key) ?? v.label })),
  }
}

/** Follow the person's language: null until the file arrives (and for English). */
function useLocal<T>(load: (locale: string) => Promise<T | null>): T | null {
  const { locale } = useIntl()
  const [state, setState] = useState<{ locale: string; value: T | null }>({ locale: '', value: null })
  useEffect(() => {
    let live = true
    void load(locale).then((value) => {
      if (live) setState({ locale, value })
    })
    return () => {
      live = false
    }
  }, [locale, load])
  return state.locale === locale ? state.value : null
}

const loadArchetypesOfApp = (locale: string) => loadLocalArchetypes(locale)
const loadIcebergOfApp = (locale: string) => loadLocalIceberg(locale)

/** The archetypes in the picker's order, in the person's language where it has them. */
export function useLocalArchetypes(): readonly Archetype[] {
  const translated = useLocal(loadArchetypesOfApp)
  return useMemo(() => (translated ? ARCHETYPES.map((a) => localArchetype(a, translated)) : ARCHETYPES), [translated])
}

/** The iceberg's prompts (and the behaviour-over-time guide) in the person's language, else English; null when the English file is damaged. */
export function useIcebergContent(): IcebergContent | null {
  return useLocal(loadIcebergOfApp) ?? ICEBERG_CONTENT
}
