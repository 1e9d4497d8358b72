import { SOURCE_LOCALE } from '../i18n/locales'
import { english, type Message, type MessageValue, type Translator } from '../i18n/messages'
import type { HarvestContext, HarvestSection, Span } from './blocks'

/**
 * The notes in the exporter's language. Sections write their fixed words through the
 * translator in their context (English when none is given: the command line, older
 * callers); numbers and dates follow the same language, and English keeps exactly the
 * forms the notes always had.
 */
export function translatorOf(context: Pick<HarvestContext, 't'>): Translator {
  return context.t ?? english
}

/**
 * The language a translator speaks, as our BCP 47 tag (`fr-CA`; `en` for English, which
 * formats as en-GB: shared/i18n formattingLocale). What the notes record as their language.
 */
export function languageTag(t: Pick<Translator, 'locale'>): string {
  try {
    return new Intl.Locale(t.locale).language === SOURCE_LOCALE ? SOURCE_LOCALE : t.locale
  } catch {
    return t.locale
  }
}

export function isEnglish(t: Pick<Translator, 'locale'>): boolean {
  return languageTag(t) === SOURCE_LOCALE
}

const words = new WeakMap<Translator, Map<string, string>>()

/** A message without placeholders, formatted once per translator (a checkbox's label, said of every task). */
export function word(t: Translator, message: Message): string {
  let known = words.get(t)
  if (!known) words.set(t, (known = new Map<string, string>()))
  let text = known.get(message.id)
  if (text === undefined) known.set(message.id, (text = t.formatMessage(message)))
  return text
}

/** A section's heading in the notes' language. */
export function sectionTitle(section: Pick<HarvestSection, 'title'>, t: Translator): string {
  return typeof section.title === 'string' ? section.title : t.formatMessage(section.title)
}

// Stands for the slot while the message is formatted; no catalog writes it.
const SLOT = '\u0000'

/**
 * A message with a span inside it (a moment, which the HTML page marks up): the words
 * before and after the `slot` placeholder, with the span between. A translation
 * without the placeholder keeps its words and loses the span.
 */
export function spansAround(t: Translator, message: Message, values: Record<string, MessageValue>, slot: string, span: Span): Span[] {
  const text = t.formatMessage(message, { ...values, [slot]: SLOT })
  const at = text.indexOf(SLOT)
  if (at < 0) return [{ text }]
  const before = text.slice(0, at)
  const after = text.slice(at + SLOT.length)
  return [...(before ? [{ text: before }] : []), span, ...(after ? [{ text: after }] : [])]
}

/** The words of a message before and after its `slot` placeholder (for text the page's script completes). */
export function around(t: Translator, message: Message, slot: string, values: Record<string, MessageValue> = {}): [string, string] {
  const text = t.formatMessage(message, { ...values, [slot]: SLOT })
  const at = text.indexOf(SLOT)
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + SLOT.length)]
}

/**
 * A message formatted once with one slot left open, for a list that says the same
 * thing of hundreds of items (each loop of a diagram): filling the slot is a string
 * join, where formatting the message anew would cost microseconds per item.
 */
export function slotted(t: Translator, message: Message, slot: string, values: Record<string, MessageValue> = {}): (text: string) => string {
  const [before, after] = around(t, message, slot, values)
  return (text) => `${before}${text}${after}`
}

// Numbers in the notes have no thousands separator (they are four digits at most, and
// years sit beside them), as the climate panel writes them.

/** A number with `digits` decimals: "2.9" in English, as the notes always wrote it; "2,9" in French. */
export function fixed(t: Translator, value: number, digits: number): string {
  if (isEnglish(t)) return value.toFixed(digits)
  return t.formatNumber(value, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false })
}

/** A number as String() wrote it in English; with the language's own decimal sign otherwise (years are not numbers here: write them with String). */
export function num(t: Translator, value: number): string {
  return isEnglish(t) ? String(value) : t.formatNumber(value, { useGrouping: false })
}

/** "Label:" before a value, with the language's own spacing (French puts a space before the colon). */
export const TERM: Message = { id: 'notes.export.term', defaultMessage: '{term}:' }
