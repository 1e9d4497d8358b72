import { isValidTimeZone } from '../notes/dates'

/**
 * Times across the cohort's time zones, with Intl.DateTimeFormat (IANA zone names).
 * An unknown zone (a peer's damaged entry) reads as UTC rather than throwing.
 */
export type HourBand = 'night' | 'early' | 'normal' | 'late'

/** Local hours, [from, to): what a time of day asks of someone. */
export const HOUR_BANDS: Record<HourBand, { label: string; from: number; to: number }> = {
  early: { label: 'early', from: 6, to: 9 },
  normal: { label: 'usual hours', from: 9, to: 18 },
  late: { label: 'late', from: 18, to: 22 },
  night: { label: 'night', from: 22, to: 6 },
}

export function hourBand(hour: number): HourBand {
  if (hour >= 6 && hour < 9) return 'early'
  if (hour >= 9 && hour < 18) return 'normal'
  if (hour >= 18 && hour < 22) return 'late'
  return 'night'
}

const formats = new Map<string, Intl.DateTimeFormat>()


function format(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone)
  if (!f) {
    const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC'
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    })
    formats.set(timeZone, f)
  }
  return f
}

export interface ZonedParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  weekday: string
}

export function zonedParts(at: number, timeZone: string): ZonedParts {
  const out: Record<string, string> = {}
  for (const part of format(timeZone).formatToParts(new Date(Number.isFinite(at) ? at : 0))) out[part.type] = part.value
  return {
    year: Number(out.year),
    month: Number(out.month),
    day: Number(out.day),
    hour: Number(out.hour) % 24,
    minute: Number(out.minute),
    weekday: out.weekday ?? '',
  }
}

const pad = (n: number): string => String(n).padStart(2, '0')
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** 14:05 */
export function formatClock(at: number, timeZone: string): string {
  const p = zonedParts(at, timeZone)
  return `${pad(p.hour)}:${pad(p.minute)}`
}

/** Tue 3 Mar */
export function formatDay(at: number, timeZone: string): string {
  const p = zonedParts(at, timeZone)
  return `${p.weekday} ${p.day} ${MONTHS[p.month - 1] ?? ''}`
}

/** Tue 3 Mar, 14:05 */
export function formatDayTime(at: number, timeZone: string): string {
  return `${formatDay(at, timeZone)}, ${formatClock(at, timeZone)}`
}

/** Minutes the zone is ahead of UTC at that moment (daylight saving included). */
export function utcOffsetMinutes(at: number, timeZone: string): number {
  const p = zonedParts(at, timeZone)
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute)
  return Math.round((asUtc - Math.floor(at / 60_000) * 60_000) / 60_000)
}

/** UTC+5:30, UTC−3, UTC */
export function formatUtcOffset(minutes: number): string {
  if (minutes === 0) return 'UTC'
  const sign = minutes > 0 ? '+' : '−'
  const abs = Math.abs(minutes)
  const h = Math.floor(abs / 60)
  const m = abs % 60
  return `UTC${sign}${h}${m ? `:${pad(m)}` : ''}`
}

/** "Sao Paulo" from "America/Sao_Paulo". */
export function zoneCity(timeZone: string): string {
  const last = timeZone.split('/').at(-1) ?? timeZone
  return last.replace(/_/g, ' ')
}

/** Calendar days between the date there and the date in the reference zone (-1, 0, +1). */
export function dayShift(at: number, timeZone: string, referenceZone: string): number {
  const a = zonedParts(at, timeZone)
  const b = zonedParts(at, referenceZone)
  return Math.round((Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day)) / 86_400_000)
}

export interface LocalDateTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
}

/** "2026-03-03T14:00" (an <input type="datetime-local"> value), or null. */
export function parseLocalDateTime(text: string): LocalDateTime | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(text)
  if (!m) return null
  const [year, month, day, hour, minute] = m.slice(1).map(Number)
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null
  return { year, month, day, hour, minute }
}

export function toLocalDateTimeInput(at: number, timeZone: string): string {
  const p = zonedParts(at, timeZone)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`
}

/**
 * The moment a wall-clock time in a zone names. A time skipped by a daylight-saving
 * jump lands just after the jump; a time that happens twice is its first.
 */
export function zonedToUtc(local: LocalDateTime, timeZone: string): number {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute)
  let guess = wall - utcOffsetMinutes(wall, timeZone) * 60_000
  for (let i = 0; i < 3; i++) {
    const next = wall - utcOffsetMinutes(guess, timeZone) * 60_000
    if (next === guess) break
    guess = next
  }
  const earlier = guess - 3_600_000
  if (toLocalDateTimeInput(earlier, timeZone) === toLocalDateTimeInput(guess, timeZone)) return earlier
  return guess
}

export interface PersonTime {
  personId: string
  name: string
  timeZone: string
  clock: string
  day: string
  band: HourBand
  /** Compared with the reference zone's date: -1 the day before, +1 the day after. */
  dayShift: number
  offset: string
}

/** How one moment falls for each person, in their own zone. */
export function howItFalls(at: number, people: readonly { id: string; name: string; timeZone: string }[], referenceZone: string): PersonTime[] {
  return people.map((p) => ({
    personId: p.id,
    name: p.name,
    timeZone: p.timeZone,
    clock: formatClock(at, p.timeZone),
    day: formatDay(at, p.timeZone),
    band: hourBand(zonedParts(at, p.timeZone).hour),
    dayShift: dayShift(at, p.timeZone, referenceZone),
    offset: formatUtcOffset(utcOffsetMinutes(at, p.timeZone)),
  }))
}

export function bandCounts(rows: readonly PersonTime[]): Record<HourBand, number> {
  const out: Record<HourBand, number> = { early: 0, normal: 0, late: 0, night: 0 }
  for (const r of rows) out[r.band] += 1
  return out
}

export interface HourFit {
  at: number
  /** The hour as the reference person reads it: "09:00". */
  label: string
  counts: Record<HourBand, number>
}

/** Each hour of a day (in the reference zone) and how it falls for the people. */
export function hoursOfDay(day: { year: number; month: number; day: number }, referenceZone: string, people: readonly { id: string; name: string; timeZone: string }[]): HourFit[] {
  const out: HourFit[] = []
  for (let hour = 0; hour < 24; hour++) {
    const at = zonedToUtc({ ...day, hour, minute: 0 }, referenceZone)
    if (out.some((h) => h.at === at)) continue
    out.push({ at, label: formatClock(at, referenceZone), counts: bandCounts(howItFalls(at, people, referenceZone)) })
  }
  return out
}
