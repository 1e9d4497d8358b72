import { english, type Message, type MessageValue } from '../../../shared/i18n'

/**
 * How the studio's plain code (actions, keys, the canvas store) says things: the
 * person's `t` (useT), handed over by the studio once it renders, and English until
 * then (and in tests, which build these objects without React).
 */
export type Translate = (message: Message, values?: Record<string, MessageValue>) => string

export const ENGLISH: Translate = (message, values) => english.formatMessage(message, values)

/**
 * A list of names or labels in the person's language, in its narrowest form: "Ada, Ben,
 * Cleo" in English (as the app always wrote it), "Ada, Ben og Cleo" in Danish, "Ada、Ben及Cleo" in Chinese.
 */
export function nameList(locale: string, names: readonly string[]): string {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction', style: 'narrow' }).format(names)
  } catch {
    return names.join(', ')
  }
}

/** A polarity as an ICU select key ('+', '-' and '?' cannot be keys). */
export function polarityKey(polarity: '+' | '-' | '?'): 'plus' | 'minus' | 'unknown' {
  return polarity === '+' ? 'plus' : polarity === '-' ? 'minus' : 'unknown'
}
