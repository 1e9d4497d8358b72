import type { Span } from './blocks'
import { SOURCE_LOCALE } from '../i18n/locales'
import type { Translator } from '../i18n/messages'
import { isEnglish } from './language'

/**
 * Dates in the notes, written in one time zone (the exporter's) so everyone reading
 * the notes sees the day the convening happened where it was run, and in the
 * exporter's language (`lang`, a translator or anything else that names a locale).
 * English keeps the app's own forms ("12 March 2026, 14:05", day first, 24-hour
 * clock), whatever the system's English; other languages take Intl's long forms.
 */
export type DateLanguage = Pick<Translator, 'locale'>

const ENGLISH: DateLanguage = { locale: SOURCE_LOCALE }

function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone })
  } catch {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })
  }
}

const instant = (ms: number): Date => new Date(Number.isFinite(ms) ? ms : 0)

function parts(ms: number, timeZone: string, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const out: Record<string, string> = {}
  for (const part of formatter('en-GB', timeZone, options).formatToParts(instant(ms))) out[part.type] = part.value
  return out
}

/** In a language other than English: Intl's own form for that language. */
function local(ms: number, timeZone: string, lang: DateLanguage, options: Intl.DateTimeFormatOptions): string {
  return formatter(lang.locale, timeZone, options).format(instant(ms))
}

const LONG_DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric' }
const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }

/** 2026-03-12 (the same in every language: it is for machines). */
export function isoDate(ms: number, timeZone: string): string {
  const p = parts(ms, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' })
  return `${p.year}-${p.month}-${p.day}`
}

/** 12 March 2026 (12 mars 2026, 2026年3月12日) */
export function longDate(ms: number, timeZone: string, lang: DateLanguage = ENGLISH): string {
  if (!isEnglish(lang)) return local(ms, timeZone, lang, LONG_DATE)
  const p = parts(ms, timeZone, LONG_DATE)
  return `${p.day} ${p.month} ${p.year}`
}

/** 12 March 2026, 14:05 */
export function dateTime(ms: number, timeZone: string, lang: DateLanguage = ENGLISH): string {
  if (!isEnglish(lang)) return local(ms, timeZone, lang, { ...LONG_DATE, ...CLOCK })
  const p = parts(ms, timeZone, { ...LONG_DATE, ...CLOCK })
  return `${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute}`
}

/** 14:05 (14 h 05 in Quebec French) */
export function clockTime(ms: number, timeZone: string, lang: DateLanguage = ENGLISH): string {
  if (!isEnglish(lang)) return local(ms, timeZone, lang, CLOCK)
  const p = parts(ms, timeZone, CLOCK)
  return `${p.hour}:${p.minute}`
}

/** A moment in the notes: "14:05" (or "12 March 2026, 14:05" with `day`), which the HTML page also shows in each reader's own time. */
export function momentSpan(ms: number, timeZone: string, day = false, lang: DateLanguage = ENGLISH): Span {
  return { text: day ? dateTime(ms, timeZone, lang) : clockTime(ms, timeZone, lang), moment: { at: ms, day } }
}

/** The zone the notes are written in, as a reader anywhere can place it: "Europe/Copenhagen, GMT+01:00". */
export function zoneLabel(timeZone: string, at: number, lang: DateLanguage = ENGLISH): string {
  const offset = isEnglish(lang)
    ? (parts(at, timeZone, { timeZoneName: 'longOffset' }).timeZoneName ?? '')
    : (formatter(lang.locale, timeZone, { timeZoneName: 'longOffset' })
        .formatToParts(instant(at))
        .find((p) => p.type === 'timeZoneName')?.value ?? '')
  return offset ? `${timeZone}, ${offset}` : timeZone
}

/** An ISO date (YYYY-MM-DD, as stored for due dates) written out: 20 March 2026. */
export function longIsoDate(iso: string, lang: DateLanguage = ENGLISH): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!match) return iso
  return longDate(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12), 'UTC', lang)
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone })
    return true
  } catch {
    return false
  }
}
