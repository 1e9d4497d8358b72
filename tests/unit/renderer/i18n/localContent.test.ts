import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import { translatedContent, wholeOrEnglish, type ContentLoaders } from '../../../../renderer/i18n'

/** Loaders as a feature module's import.meta.glob gives them, counting how often each file is read. */
function files(contents: Record<string, unknown>): { loaders: ContentLoaders; reads: Record<string, number> } {
  const reads: Record<string, number> = {}
  const loaders = Object.fromEntries(
    Object.entries(contents).map(([locale, data]) => [
      `../../../resources/i18n/${locale}/words.json`,
      () => {
        reads[locale] = (reads[locale] ?? 0) + 1
        return data instanceof Error ? Promise.reject(data) : Promise.resolve(data)
      },
    ]),
  )
  return { loaders, reads }
}

const upper = (data: unknown): string | null => (typeof data === 'string' && data !== '' ? data.toUpperCase() : null)

describe('a translated content file', () => {
  it('is read with the feature’s check, once per language for the app’s own files and afresh for others', async () => {
    const own = files({ da: 'hej', 'de-CH': 'grüezi' })
    const words = translatedContent({ file: 'words.json', loaders: own.loaders, read: (data, locale) => `${locale}:${upper(data)}`, unloaded: () => 'unused' })
    expect(await words.load('da')).toBe('da:HEJ')
    expect(await words.load('da')).toBe('da:HEJ')
    expect(await words.load('de-CH')).toBe('de-CH:GRÜEZI')
    expect(own.reads).toEqual({ da: 1, 'de-CH': 1 })
    // A language without a file is English; 'de' is not 'de-CH'.
    expect(await words.load('de')).toBeNull()
    expect(await words.load('en')).toBeNull()

    const other = files({ da: 'farvel' })
    expect(await words.load('da', other.loaders)).toBe('da:FARVEL')
    expect(await words.load('da', other.loaders)).toBe('da:FARVEL')
    expect(other.reads).toEqual({ da: 2 })
    // The test's file did not replace the app's own in the cache.
    expect(await words.load('da')).toBe('da:HEJ')
  })

  it('is English, with a warning, when the file does not load or does not match', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    try {
      const { loaders } = files({ da: new Error('chunk failed'), fr: '' })
      const words = translatedContent({ file: 'words.json', loaders, ...wholeOrEnglish('word list', upper) })
      expect(await words.load('da')).toBeNull()
      expect(warn).toHaveBeenLastCalledWith('Convene: the da word list could not be loaded; it is shown in English', expect.any(Error))
      expect(await words.load('fr')).toBeNull()
      expect(warn).toHaveBeenLastCalledWith('Convene: the fr word list does not match the English one; it is shown in English')
      expect(warn).toHaveBeenCalledTimes(2)
    } finally {
      warn.mockRestore()
    }
  })

  it('shows at once in a screen opened after the file has loaded', async () => {
    // Outside an I18nProvider the person's language is English, so the app's file here is en's.
    const { loaders } = files({ en: 'hello' })
    const words = translatedContent({ file: 'words.json', loaders, ...wholeOrEnglish('word list', upper) })
    const Shown = () => createElement('p', null, words.use() ?? 'none yet')
    expect(renderToString(createElement(Shown))).toBe('<p>none yet</p>')
    await words.load('en')
    expect(renderToString(createElement(Shown))).toBe('<p>HELLO</p>')
  })
})
