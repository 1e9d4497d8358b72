import { formatDayTime } from '../../../shared/facilitation'
export { zoneCity } from '../../../shared/facilitation'
import { SOURCE_LOCALE, formattingLocale } from '../../../shared/i18n'
import { isValidTimeZone } from '../../../shared/notes'
import type { useIntl, useT } from '../../i18n'

/**
 * The run of show's times in the reader's language. shared/facilitation keeps its
 * English formatters (formatClock, formatDayTime, formatMinutes) for the harvest and
 * its tests; on screen the same moments go through Intl with the person's locale,
 * always on a 24-hour clock, as the agenda writes them (agenda/format.ts): a cohort
 * across seven countries reads one schedule, and "6:00" without AM or PM is easy to
 * misread. English formats as en-GB, so it reads as the shared English did. A zone's
 * city (`zoneCity`) is shared/facilitation's: Intl names zones but not their cities, so
 * the city stays as the zone database spells it in every language.
 */
type Intl = ReturnType<typeof useIntl>
type T = ReturnType<typeof useT>

/** A peer's damaged zone reads as UTC rather than failing to format. */
export function zoneOrUtc(timeZone: string): string {
  return isValidTimeZone(timeZone) ? timeZone : 'UTC'
}

/** 14:05 (14.05, 14 h 05…) */
export function clock(intl: Intl, at: number, timeZone: string): string {
  return intl.formatTime(at, { timeZone: zoneOrUtc(timeZone), hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
}

/**
 * Wed 10 Mar, 18:00 (ons. 10. mar., 18.00; 3月10日週三 18:00…). English keeps the
 * app's own form: en-GB now writes September "Sept", where our English (and the
 * tests that read it) says "Sep".
 */
export function dayTime(intl: Intl, at: number, timeZone: string): string {
  if (intl.locale === formattingLocale(SOURCE_LOCALE)) return formatDayTime(at, zoneOrUtc(timeZone))
  return intl.formatDate(at, { timeZone: zoneOrUtc(timeZone), weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
}

/** "12 min", "1 h", "1 h 5 min" (shared/facilitation's formatMinutes, in the reader's language). */
export function duration(t: T, ms: number): string {
  const total = Math.round(ms / 60_000)
  if (total < 60) return t({ id: 'facilitation.shared.minutes', defaultMessage: '{minutes} min' }, { minutes: total })
  const hours = Math.floor(total / 60)
  const minutes = total % 60
  if (minutes === 0) return t({ id: 'facilitation.shared.hours', defaultMessage: '{hours} h' }, { hours })
  return t({ id: 'facilitation.shared.hoursMinutes', defaultMessage: '{hours} h {minutes} min' }, { hours, minutes })
}
