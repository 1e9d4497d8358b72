import { useEffect, useState } from 'react'
import { useLocale } from './I18nProvider'

/**
 * One translated content file per language: resources/i18n/<locale>/<file>, a copy of an
 * English file the app ships with. Each language is its own chunk (the feature module's
 * import.meta.glob, which must stay there: Vite wants the pattern written out where it is
 * used), loaded the first time someone shows it and read with the feature's own checks.
 * A missing file, one that fails to load or one the checks refuse means English.
 *
 * Only the person's screen changes; nothing here is written to the shared document.
 */
export type ContentLoaders = Record<string, () => Promise<unknown>>

export interface TranslatedContentOptions<T> {
  /** The file's name in resources/i18n/<locale>/ (the glob's keys end in /i18n/<locale>/<file>). */
  file: string
  /** The app's own files: the feature module's import.meta.glob of resources/i18n/<locale>/<file>. */
  loaders: ContentLoaders
  /** The content as the app shows it (checked, merged with English), or null for English; warns about what it leaves out. */
  read: (data: unknown, locale: string) => T | null
  /** The warning when the file does not load, after "Convene: ". */
  unloaded: (locale: string) => string
}

export interface TranslatedContent<T> {
  /** The content in `locale`, or null where there is none to use. Cached per language for the app's own files; other loaders (a test's) are read afresh. */
  load: (locale: string, loaders?: ContentLoaders) => Promise<T | null>
  /** The content in the person's language: null until it has loaded (at once when it already has), and where there is none. */
  use: () => T | null
}

export function translatedContent<T>({ file, loaders: own, read, unloaded }: TranslatedContentOptions<T>): TranslatedContent<T> {
  const loaded = new Map<string, Promise<T | null>>()
  /** What each language came to once loaded, so a screen opened later shows it at once instead of English for a moment. */
  const settled = new Map<string, T | null>()

  function load(locale: string, loaders: ContentLoaders = own): Promise<T | null> {
    // Matched by its end: the glob's keys are relative to the feature module, not to this one.
    const end = `/i18n/${locale}/${file}`
    const key = Object.keys(loaders).find((path) => path.endsWith(end))
    if (key === undefined) return Promise.resolve(null)
    const cached = loaders === own ? loaded.get(locale) : undefined
    if (cached) return cached
    const pending = loaders[key]().then(
      (data) => read(data, locale),
      (error: unknown) => {
        console.warn(`Convene: ${unloaded(locale)}`, error)
        return null
      },
    )
    if (loaders === own) {
      loaded.set(locale, pending)
      void pending.then((value) => settled.set(locale, value))
    }
    return pending
  }

  function use(): T | null {
    const locale = useLocale()
    const known = settled.get(locale) ?? null
    const [state, setState] = useState<{ locale: string; value: T | null }>({ locale, value: known })
    useEffect(() => {
      let live = true
      void load(locale).then((value) => {
        if (live) setState({ locale, value })
      })
      return () => {
        live = false
      }
    }, [locale])
    return state.locale === locale ? state.value : known
  }

  return { load, use }
}

/**
 * The `read` and `unloaded` of a file used whole or not at all: what `check` makes of it,
 * or English with a warning when it does not match the English one (better the whole
 * text in English than half of it). `kind` names it in the warnings ("model guide").
 */
export function wholeOrEnglish<T>(kind: string, check: (data: unknown) => T | null): Pick<TranslatedContentOptions<T>, 'read' | 'unloaded'> {
  return {
    read: (data, locale) => {
      const checked = check(data)
      if (checked === null) console.warn(`Convene: the ${locale} ${kind} does not match the English one; it is shown in English`)
      return checked
    },
    unloaded: (locale) => `the ${locale} ${kind} could not be loaded; it is shown in English`,
  }
}
