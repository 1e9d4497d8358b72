/**
 * The languages Convene speaks. Each has one catalog, resources/i18n/<tag>.json, named
 * by its BCP 47 tag; English is written in the code itself (each message's
 * `defaultMessage`) and extracted into en.json, so the code reads as the product does.
 *
 * A person's language is a personal setting (renderer/i18n): never written into a
 * shared document, so one convening runs in six languages at once.
 */
export const LOCALES = [
  { tag: 'en', name: 'English', english: 'English' },
  { tag: 'da', name: 'Dansk', english: 'Danish' },
  { tag: 'de-CH', name: 'Deutsch (Schweiz)', english: 'German (Switzerland)' },
  { tag: 'fr-CA', name: 'Français (Canada)', english: 'French (Canada)' },
  { tag: 'id', name: 'Bahasa Indonesia', english: 'Indonesian' },
  { tag: 'zh-HK', name: '中文（香港）', english: 'Chinese, Traditional (Hong Kong)' },
] as const

export type Locale = (typeof LOCALES)[number]['tag']

/**
 * Accented and 40% longer English, for finding strings that escape translation and
 * layouts that clip longer languages. Chosen in tests (and by a developer), never
 * offered on Home.
 */
export const PSEUDO_LOCALE = 'en-XA'

export type AnyLocale = Locale | typeof PSEUDO_LOCALE

export const SOURCE_LOCALE: Locale = 'en'

export function isLocale(value: unknown): value is Locale {
  return LOCALES.some((l) => l.tag === value)
}

export function isAnyLocale(value: unknown): value is AnyLocale {
  return value === PSEUDO_LOCALE || isLocale(value)
}

/**
 * The closest language we have to what the system asks for, in the order asked:
 * an exact tag, then the same language in another region or script (fr-FR reads
 * fr-CA, de-DE reads de-CH, zh-Hant-TW reads zh-HK; simplified Chinese is not
 * offered as Traditional), then English.
 */
export function matchLocale(requested: readonly string[]): Locale {
  for (const raw of requested) {
    let tag: Intl.Locale
    try {
      tag = new Intl.Locale(raw).maximize()
    } catch {
      continue
    }
    const exact = LOCALES.find((l) => l.tag.toLowerCase() === raw.toLowerCase())
    if (exact) return exact.tag
    const language = tag.language === 'in' ? 'id' : tag.language
    if (language === 'zh') {
      if (tag.script === 'Hant') return 'zh-HK'
      continue
    }
    const same = LOCALES.find((l) => l.tag.split('-')[0] === language)
    if (same) return same.tag
  }
  return SOURCE_LOCALE
}
