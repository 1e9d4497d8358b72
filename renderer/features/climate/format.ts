import { createIntl, createIntlCache, type IntlShape } from 'react-intl'
import { LEVERS_BY_ID, isLeverId } from '../../../shared/climate'
import type { LeverId } from '../../../shared/climate'
import { LEVER_UNITS, leverNameAlone } from './names'

// Numbers as the person's language writes them (decimal comma or point), each with its
// unit in a message. The functions take the window's `intl` (useIntl); without one they
// speak English, as the charts' unit tests read them.

/** English straight from the code, for callers without a person's language (tests, benchmarks). */
export const ENGLISH: IntlShape = createIntl({ locale: 'en', defaultLocale: 'en', onError: () => undefined }, createIntlCache())

const UNITS = {
  celsius: { id: 'climate.unit.celsius', defaultMessage: '{value} °C' },
  ppm: { id: 'climate.unit.ppm', defaultMessage: '{value} ppm' },
  cm: { id: 'climate.unit.cm', defaultMessage: '{value} cm' },
  gt: { id: 'climate.unit.gt', defaultMessage: '{value} Gt' },
  ej: { id: 'climate.unit.ej', defaultMessage: '{value} EJ' },
  ghgPerYear: { id: 'climate.unit.ghgPerYear', defaultMessage: '{value} GtCO2e/yr' },
  percent: { id: 'climate.unit.percent', defaultMessage: '{value} %' },
  billionsPerYear: { id: 'climate.unit.billionsPerYear', defaultMessage: '${value} billion/yr' },
} as const
export type Unit = keyof typeof UNITS

const decimalsOf = (step: number): number => (Number.isInteger(step) ? 0 : Math.min(3, String(step).split('.')[1]?.length ?? 1))

/**
 * A number with a fixed count of decimals, in the person's language, with a true minus
 * sign. No thousands separator: these are four digits at most, and years sit beside them.
 */
export function fixed(value: number, decimals: number, intl: IntlShape = ENGLISH): string {
  return intl.formatNumber(value, { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: false }).replace('-', '−')
}

/** "412 ppm", "38 cm", "36.2 Gt": a number and its unit. */
export function measure(unit: Unit, value: number, decimals: number, intl: IntlShape = ENGLISH): string {
  return intl.formatMessage(UNITS[unit], { value: fixed(value, decimals, intl) })
}

/** A share (0.16) as a whole percentage: "16 %". */
export function percent(share: number, intl: IntlShape = ENGLISH): string {
  return measure('percent', Math.round(share * 100), 0, intl)
}

/** "+3.3 °C": warming is always signed. */
export function degrees(value: number, intl: IntlShape = ENGLISH): string {
  return intl.formatMessage(UNITS.celsius, { value: `${value >= 0 ? '+' : '−'}${fixed(Math.abs(value), 1, intl)}` })
}

/** "2.6 to 4.1 °C": a likely range of warming. */
export function degreeRange(low: number, high: number, intl: IntlShape = ENGLISH): string {
  return intl.formatMessage({ id: 'climate.range.degrees', defaultMessage: '{low} to {high} °C' }, { low: fixed(low, 1, intl), high: fixed(high, 1, intl) })
}

/** "(2.6–4.1)": a likely range beside its central value. */
export function shortRange(low: number, high: number, intl: IntlShape = ENGLISH): string {
  return intl.formatMessage({ id: 'climate.range.short', defaultMessage: '({low}–{high})' }, { low: fixed(low, 1, intl), high: fixed(high, 1, intl) })
}

/**
 * How `value` compares with `reference`, for messages that say it in a sentence:
 * `{comparison, select, less {...} more {...} other {about the same}}` with the
 * difference in degrees ("0.4 °C").
 */
export function comparison(value: number, reference: number, intl: IntlShape = ENGLISH): { comparison: 'less' | 'more' | 'same'; difference: string } {
  const d = value - reference
  return {
    comparison: Math.abs(d) < 0.05 ? 'same' : d < 0 ? 'less' : 'more',
    difference: intl.formatMessage(UNITS.celsius, { value: fixed(Math.abs(d), 1, intl) }),
  }
}

/** "0.4 °C less than", "0.1 °C more than", "about the same as" (the comparison on its own). */
export function degreesDifference(value: number, reference: number, intl: IntlShape = ENGLISH): string {
  return intl.formatMessage(
    { id: 'climate.compare.difference', defaultMessage: '{comparison, select, less {{difference} less than} more {{difference} more than} other {about the same as}}' },
    comparison(value, reference, intl),
  )
}

/** "$120 billion/yr" */
export function billions(value: number, intl: IntlShape = ENGLISH): string {
  return intl.formatMessage(UNITS.billionsPerYear, { value: intl.formatNumber(Math.round(Math.abs(value))) })
}

/** A lever's value as people read it: "100 $/tCO2", "1.1 %/yr", "2040". */
export function leverValue(id: LeverId, value: number, intl: IntlShape = ENGLISH): string {
  const lever = LEVERS_BY_ID[id]
  if (lever.unit === 'year') return String(value)
  const number = fixed(Math.abs(value), decimalsOf(lever.step), intl)
  const signed = value < 0 ? `−${number}` : lever.min < 0 && value > 0 ? `+${number}` : number
  const unit = LEVER_UNITS[lever.unit]
  return unit ? intl.formatMessage(unit, { value: signed }) : `${signed} ${lever.unit}`
}

/** A lever's name that stands alone: "Transport: electrification", "Carbon price". */
export function leverName(id: LeverId, intl: IntlShape = ENGLISH): string {
  return leverNameAlone(intl, id)
}

/**
 * The model names levers by field ("levers.deforestation"); people read their names.
 * The messages come from shared/climate in English, so the names put in them are the
 * English ones, in lower case as they sit inside an English sentence.
 */
export function readable(message: string): string {
  return message.replace(/levers\.(\w+)/g, (whole, id: string) => (isLeverId(id) ? leverName(id).toLowerCase() : whole))
}

/** Items of a list inside a sentence, "a, b, c" (`semicolons`: "a; b; c", for items that hold commas). */
export function series(intl: IntlShape, items: readonly string[], semicolons = false): string {
  const separator = semicolons
    ? intl.formatMessage({ id: 'climate.list.semicolon', defaultMessage: '; ' })
    : intl.formatMessage({ id: 'climate.list.comma', defaultMessage: ', ' })
  return items.join(separator)
}

/**
 * Sentences, each its own message, read one after another: a space between them, none
 * in Chinese, where a full stop closes a sentence without one.
 */
export function sentences(intl: IntlShape, parts: readonly string[]): string {
  return parts.filter((p) => p !== '').join(intl.locale.startsWith('zh') ? '' : ' ')
}

/** In an English sentence a title reads in lower case ("Data table: temperature increase"); other languages keep it (German nouns keep their capitals). */
export function inSentence(intl: IntlShape, title: string): string {
  return intl.locale === 'en' || intl.locale.startsWith('en-') ? title.toLowerCase() : title
}
