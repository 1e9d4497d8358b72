import type { Span } from './blocks'

/**
 * Dates in the notes, written in one time zone (the exporter's) so everyone reading
 * the notes sees the day the convening happened where it was run. English month
 * names, like the rest of the app's words.
 */
function parts(ms: number, timeZone: string, options: Intl.DateTimeFormatOptions): Record<string, string> {
  let format: Intl.DateTimeFormat
  try {
    format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone })
  } catch {
    format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' })
  }
  const out: Record<string, string> = {}
  for (const part of format.formatToParts(new Date(Number.isFinite(ms) ? ms : 0))) out[part.type] = part.value
  return out
}

/** 2026-03-12 */
export function isoDate(ms: number, timeZone: string): string {
  const p = parts(ms, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' })
  return `${p.year}-${p.month}-${p.day}`
}

/** 12 March 2026 */
export function longDate(ms: number, timeZone: string): string {
  const p = parts(ms, timeZone, { year: 'numeric', month: 'long', day: 'numeric' })
  return `${p.day} ${p.month} ${p.year}`
}

/** 12 March 2026, 14:05 */
export function dateTime(ms: number, timeZone: string): string {
  const p = parts(ms, timeZone, { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
  return `${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute}`
}

/** 14:05 */
export function clockTime(ms: number, timeZone: string): string {
  const p = parts(ms, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
  return `${p.hour}:${p.minute}`
}

/** A moment in the notes: "14:05" (or "12 March 2026, 14:05" with `day`), which the HTML page also shows in each reader's own time. */
export function momentSpan(ms: number, timeZone: string, day = false): Span {
  return { text: day ? dateTime(ms, timeZone) : clockTime(ms, timeZone), moment: { at: ms, day } }
}

/** The zone the notes are written in, as a reader anywhere can place it: "Europe/Copenhagen, GMT+01:00". */
export function zoneLabel(timeZone: string, at: number): string {
  const offset = parts(at, timeZone, { timeZoneName: 'longOffset' }).timeZoneName ?? ''
  return offset ? `${timeZone}, ${offset}` : timeZone
}

/** An ISO date (YYYY-MM-DD, as stored for due dates) written out: 20 March 2026. */
export function longIsoDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!match) return iso
  return longDate(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12), 'UTC')
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone })
    return true
  } catch {
    return false
  }
}
