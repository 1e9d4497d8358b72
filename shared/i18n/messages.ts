import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl'
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { PSEUDO_LOCALE, SOURCE_LOCALE, type AnyLocale } from './locales'

/**
 * A message: an id that names it in every catalog, and its English in ICU
 * MessageFormat ("{count, plural, one {# group} other {# groups}}"). Written where it
 * is used, as an object literal with both fields as plain string literals: that is
 * what the catalog check (tests/unit/tooling/i18n.test.ts) extracts.
 */
export interface Message {
  id: string
  defaultMessage: string
  /** For translators: where it shows, what the placeholders are. */
  description?: string
}

export type MessageValue = string | number | boolean | Date | null | undefined
export type Catalog = Record<string, string>
export type ParsedCatalog = Record<string, MessageFormatElement[]>

/** Formats messages, dates, numbers and lists in one language (the same engine react-intl uses). */
export type Translator = IntlShape<string>

const cache = createIntlCache()

/**
 * The locale dates, times and numbers are formatted in. Our English is British in its
 * spelling and was in its dates before the interface was translated ("Wed 10 Mar",
 * 24-hour times), so English formats as en-GB; the pseudo-locale is English underneath.
 * Every other language formats as itself.
 */
export function formattingLocale(locale: AnyLocale): string {
  return locale === SOURCE_LOCALE || locale === PSEUDO_LOCALE ? 'en-GB' : locale
}

/**
 * A translator outside React (the harvest, the command line, a worker). Missing
 * translations fall back to the English in the code; the catalog check keeps that
 * from happening in a release.
 */
export function translator(locale: AnyLocale, messages: Catalog | ParsedCatalog = {}, timeZone?: string): Translator {
  return createIntl(
    {
      locale: formattingLocale(locale),
      messages,
      // The code's English formats as en-GB too; naming it the default keeps react-intl from
      // treating every English message as a missing translation (5x slower per message).
      defaultLocale: formattingLocale(SOURCE_LOCALE),
      timeZone,
      onError: () => undefined,
    },
    cache,
  )
}

/** English, straight from the code: what shared code speaks when nobody names a language. */
export const english: Translator = translator(SOURCE_LOCALE)

const ACCENTS: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ó', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'ú', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Í', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ó', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Ú', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
}

/** Accent every letter and pad the text by 40% (vowels repeated, so it still reads). */
function pseudoText(text: string): string {
  let extra = Math.round(text.replace(/\s/g, '').length * 0.4)
  let out = ''
  for (const ch of text) {
    out += ACCENTS[ch] ?? ch
    if (extra > 0 && /[aeiouyAEIOUY]/.test(ch)) {
      out += ACCENTS[ch] ?? ch
      extra -= 1
    }
  }
  return extra > 0 ? out + '·'.repeat(extra) : out
}

function pseudoElements(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((el) => {
    if (el.type === TYPE.literal) return { ...el, value: pseudoText(el.value) }
    if (el.type === TYPE.tag) return { ...el, children: pseudoElements(el.children) }
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const options = Object.fromEntries(Object.entries(el.options).map(([k, o]) => [k, { ...o, value: pseudoElements(o.value) }]))
      return { ...el, options }
    }
    return el
  })
}

/**
 * The pseudo-locale of a catalog: placeholders, plurals and tags kept, only the
 * words changed, each one wrapped in ⟦ ⟧ so a string that escaped translation (or is
 * cut off) shows on a screenshot.
 */
export function pseudoCatalog(source: Catalog): ParsedCatalog {
  const out: ParsedCatalog = {}
  for (const [id, text] of Object.entries(source)) {
    const ast = pseudoElements(parse(text))
    out[id] = [{ type: TYPE.literal, value: '⟦' }, ...ast, { type: TYPE.literal, value: '⟧' }]
  }
  return out
}

/** Names of the arguments and tags a message uses: a translation must use the same ones. */
export function messageArguments(text: string): string[] {
  const names = new Set<string>()
  const walk = (elements: MessageFormatElement[]): void => {
    for (const el of elements) {
      if (el.type === TYPE.literal || el.type === TYPE.pound) continue
      if (el.type === TYPE.tag) {
        names.add(`<${el.value}>`)
        walk(el.children)
        continue
      }
      names.add(el.value)
      if (el.type === TYPE.plural || el.type === TYPE.select) for (const o of Object.values(el.options)) walk(o.value)
    }
  }
  walk(parse(text))
  return [...names].sort()
}
