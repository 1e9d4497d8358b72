import { formatDay, type HourBand, type SegmentKind } from '../../../shared/facilitation'
import { SOURCE_LOCALE, formattingLocale, type Message } from '../../../shared/i18n'
import type { useIntl, useT } from '../../i18n'
import { SEGMENT_KIND_NAMES, clock, zoneCity, zoneOrUtc } from '../facilitation'

// The run's clock, day-and-time, duration and city are one piece (facilitation/times.ts).
export { clock, dayTime, duration, zoneCity } from '../facilitation'

/**
 * The agenda's words and times in the reader's language. The run of show's times
 * come from shared/facilitation as moments; here they are written with the person's
 * locale (Intl underneath), always on a 24-hour clock: a cohort across seven
 * countries reads one schedule, and "6:00" without AM or PM is easy to misread.
 */
type Intl = ReturnType<typeof useIntl>
type T = ReturnType<typeof useT>

/** The kinds of segment, as the select and the plan name them: the same names the run's strip uses. */
export const KIND: Record<SegmentKind, Message> = SEGMENT_KIND_NAMES

/** What a time of day asks of someone, as the time zones table names it. */
export const BAND: Record<HourBand, Message> = {
  early: { id: 'agenda.zones.band.early', defaultMessage: 'early' },
  normal: { id: 'agenda.zones.band.normal', defaultMessage: 'usual hours' },
  late: { id: 'agenda.zones.band.late', defaultMessage: 'late' },
  night: { id: 'agenda.zones.band.night', defaultMessage: 'night' },
}

/** Only the hour's digits ("09"), for the narrow buttons of the hour strip. */
export function hourDigits(intl: Intl, at: number, timeZone: string): string {
  const parts = intl.formatTimeToParts(at, { timeZone: zoneOrUtc(timeZone), hour: '2-digit', hourCycle: 'h23' })
  return parts.find((p) => p.type === 'hour')?.value ?? ''
}

/**
 * English keeps the app's own dates (shared/facilitation's formatDay): en-GB now writes
 * September "Sept", where our English and the tests that read it say "Sep".
 */
function english(intl: Intl): boolean {
  return intl.locale === formattingLocale(SOURCE_LOCALE)
}

/** Wed 10 Mar (ons. 10. mar., 3月10日週三…) */
export function day(intl: Intl, at: number, timeZone: string): string {
  if (english(intl)) return formatDay(at, zoneOrUtc(timeZone))
  return intl.formatDate(at, { timeZone: zoneOrUtc(timeZone), weekday: 'short', day: 'numeric', month: 'short' })
}

function zonePart(intl: Intl, at: number, timeZone: string, style: 'long' | 'shortOffset'): string {
  return intl.formatDateToParts(at, { timeZone: zoneOrUtc(timeZone), timeZoneName: style }).find((p) => p.type === 'timeZoneName')?.value ?? ''
}

/** GMT+9, UTC−3 (as the reader's language writes an offset from UTC at that moment) */
export function offset(intl: Intl, at: number, timeZone: string): string {
  return zonePart(intl, at, timeZone, 'shortOffset')
}

/**
 * Where a zone is, as a person recognises it: its city and Intl's name for the zone
 * at that moment in their language ("Tokyo, Japan Standard Time", "Tokyo, 日本標準時間").
 */
export function zonePlace(t: T, intl: Intl, at: number, timeZone: string): string {
  const name = zonePart(intl, at, timeZone, 'long')
  if (!timeZone.includes('/') || !name) return name || timeZone
  return t({ id: 'agenda.zones.place', defaultMessage: '{city}, {zone}' }, { city: zoneCity(timeZone), zone: name })
}

/** 14:05–14:20 */
export function clockRange(t: T, intl: Intl, from: number, to: number, timeZone: string): string {
  return t({ id: 'agenda.time.range', defaultMessage: '{start}–{end}' }, { start: clock(intl, from, timeZone), end: clock(intl, to, timeZone) })
}

/** "+6 min", "−2 min", "on time": how the run compares with the plan. */
export function difference(t: T, ms: number): string {
  const minutes = Math.round(ms / 60_000)
  if (minutes === 0) return t({ id: 'agenda.plan.onTime', defaultMessage: 'on time' })
  if (minutes > 0) return t({ id: 'agenda.plan.over', defaultMessage: '+{minutes} min' }, { minutes })
  return t({ id: 'agenda.plan.under', defaultMessage: '−{minutes} min' }, { minutes: -minutes })
}
