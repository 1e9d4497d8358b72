import { useMemo } from 'react'
import { ARCHETYPES, ICEBERG_CONTENT, parseArchetypes, parseIcebergContent, type Archetype, type IcebergContent } from '../../../shared/diagram'
import { translatedContent, type ContentLoaders, type TranslatedContentOptions } from '../../i18n'

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
export type { ContentLoaders }

/** The `read` and `unloaded` of a file checked with its English reader: all of it, or English with the reader's problems. */
function checkedBy<T>(
  file: string,
  parse: (data: unknown) => { ok: true; value: T } | { ok: false; problems: string[] },
): Pick<TranslatedContentOptions<T>, 'read' | 'unloaded'> {
  return {
    read: (data, locale) => {
      const result = parse(data)
      if (result.ok) return result.value
      console.warn(`Convene: the ${locale} ${file} is not valid; it stays in English`, result.problems)
      return null
    },
    unloaded: (locale) => `the ${locale} ${file} could not be loaded; it stays in English`,
  }
}

const archetypes = translatedContent({
  file: 'archetypes.json',
  loaders: import.meta.glob('../../../resources/i18n/*/archetypes.json', { import: 'default' }),
  ...checkedBy('archetypes.json', parseArchetypes),
})

const iceberg = translatedContent({
  file: 'iceberg.json',
  loaders: import.meta.glob('../../../resources/i18n/*/iceberg.json', { import: 'default' }),
  ...checkedBy('iceberg.json', parseIcebergContent),
})

/** The translated archetypes of a language, or null where there are none (English, a missing or invalid file). */
export function loadLocalArchetypes(locale: string, loaders?: ContentLoaders): Promise<readonly Archetype[] | null> {
  return archetypes.load(locale, loaders)
}

/** The translated iceberg prompts of a language, or null where there are none. */
export function loadLocalIceberg(locale: string, loaders?: ContentLoaders): Promise<IcebergContent | null> {
  return iceberg.load(locale, loaders)
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

/** The archetypes in the picker's order, in the person's language where it has them. */
export function useLocalArchetypes(): readonly Archetype[] {
  const translated = archetypes.use()
  return useMemo(() => (translated ? ARCHETYPES.map((a) => localArchetype(a, translated)) : ARCHETYPES), [translated])
}

/** The iceberg's prompts (and the behaviour-over-time guide) in the person's language, else English; null when the English file is damaged. */
export function useIcebergContent(): IcebergContent | null {
  return iceberg.use() ?? ICEBERG_CONTENT
}
