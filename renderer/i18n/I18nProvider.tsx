import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'
import { IntlProvider } from 'react-intl'
import { PSEUDO_LOCALE, SOURCE_LOCALE, formattingLocale, type AnyLocale, type Catalog, type ParsedCatalog } from '../../shared/i18n'
import { loadCatalog } from './catalogs'

/**
 * The interface in one person's language. react-intl (FormatJS) formats ICU
 * MessageFormat at run time from plain JSON catalogs: no compiler plugin in the build,
 * and the same engine (@formatjs/intl) formats the harvest outside React. Lingui reads
 * more tersely but wants a compile-time macro in electron-vite's pipeline.
 *
 * Until the chosen catalog arrives the previous one stays (English at first), so the
 * window never goes blank; the document's language is set for screen readers.
 */
export function I18nProvider({ locale, children }: { locale: AnyLocale; children: ReactNode }) {
  const [loaded, setLoaded] = useState<{ locale: AnyLocale; messages: Catalog | ParsedCatalog }>({ locale: SOURCE_LOCALE, messages: {} })
  useEffect(() => {
    let live = true
    loadCatalog(locale).then(
      (messages) => {
        if (live) setLoaded({ locale, messages })
      },
      (error: unknown) => console.warn('Convene: a language could not be loaded', error),
    )
    return () => {
      live = false
    }
  }, [locale])
  const shown = loaded.locale === PSEUDO_LOCALE ? SOURCE_LOCALE : loaded.locale
  useEffect(() => {
    document.documentElement.lang = shown
  }, [shown])
  return (
    <IntlProvider locale={formattingLocale(loaded.locale)} messages={loaded.messages} defaultLocale={formattingLocale(SOURCE_LOCALE)} onError={reportOnce}>
      <LocaleContext.Provider value={loaded.locale}>{children}</LocaleContext.Provider>
    </IntlProvider>
  )
}

const LocaleContext = createContext<AnyLocale>(SOURCE_LOCALE)

/**
 * The language this window speaks (a tag of ours: 'en', 'da', 'zh-HK', 'en-XA'). Use it
 * to pick translated content; `useIntl().locale` is the formatting locale, which for
 * English is en-GB (shared/i18n formattingLocale).
 */
export function useLocale(): AnyLocale {
  return useContext(LocaleContext)
}

const reported = new Set<string>()

/** A missing translation falls back to English; say so once per message, not per render. */
function reportOnce(error: { code?: string; message: string }): void {
  if (error.code === 'MISSING_TRANSLATION') return // the catalog check catches these before a release
  if (reported.has(error.message)) return
  reported.add(error.message)
  console.warn('Convene:', error.message)
}
