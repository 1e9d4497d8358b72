import { PSEUDO_LOCALE, SOURCE_LOCALE, pseudoCatalog, type AnyLocale, type Catalog, type ParsedCatalog } from '../../shared/i18n'

// Each catalog is its own chunk, loaded when a person picks the language: a window
// carries only the languages it shows.
const loaders = import.meta.glob<Catalog>('../../resources/i18n/*.json', { import: 'default' })

function loaderFor(tag: string): (() => Promise<Catalog>) | undefined {
  return loaders[`../../resources/i18n/${tag}.json`]
}

/** The messages of a language (English for the pseudo-locale, transformed). */
export async function loadCatalog(locale: AnyLocale): Promise<Catalog | ParsedCatalog> {
  if (locale === PSEUDO_LOCALE) {
    const english = await loaderFor(SOURCE_LOCALE)?.()
    return pseudoCatalog(english ?? {})
  }
  if (locale === SOURCE_LOCALE) return {} // English is the code's own defaultMessage
  const load = loaderFor(locale)
  if (!load) return {}
  return load()
}
