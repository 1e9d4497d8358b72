import { describe, expect, it } from 'vitest'
import {
  bandCounts,
  dayShift,
  formatClock,
  formatDayTime,
  formatUtcOffset,
  hourBand,
  hoursOfDay,
  howItFalls,
  parseLocalDateTime,
  toLocalDateTimeInput,
  utcOffsetMinutes,
  zoneCity,
  zonedToUtc,
} from '../../../../shared/facilitation'

// Tuesday 3 March 2026, 14:00 UTC.
const AT = Date.UTC(2026, 2, 3, 14, 0)

describe('time zones', () => {
  it('writes a moment in each person’s own time', () => {
    expect(formatClock(AT, 'Europe/Lisbon')).toBe('14:00')
    expect(formatClock(AT, 'Asia/Kolkata')).toBe('19:30')
    expect(formatClock(AT, 'America/Sao_Paulo')).toBe('11:00')
    expect(formatDayTime(AT, 'Pacific/Auckland')).toBe('Wed 4 Mar, 03:00')
    expect(formatClock(AT, 'Not/AZone')).toBe('14:00') // a damaged entry reads as UTC
  })

  it('knows offsets, daylight saving included, and names zones as people do', () => {
    expect(utcOffsetMinutes(AT, 'Asia/Kolkata')).toBe(330)
    expect(utcOffsetMinutes(AT, 'America/New_York')).toBe(-300)
    expect(utcOffsetMinutes(Date.UTC(2026, 6, 1, 12), 'America/New_York')).toBe(-240)
    expect(formatUtcOffset(330)).toBe('UTC+5:30')
    expect(formatUtcOffset(-180)).toBe('UTC−3')
    expect(formatUtcOffset(0)).toBe('UTC')
    expect(zoneCity('America/Sao_Paulo')).toBe('Sao Paulo')
  })

  it('says when the date differs from the facilitator’s', () => {
    expect(dayShift(AT, 'Pacific/Auckland', 'Europe/Lisbon')).toBe(1)
    expect(dayShift(Date.UTC(2026, 2, 3, 2), 'America/Los_Angeles', 'Europe/Lisbon')).toBe(-1)
    expect(dayShift(AT, 'Europe/Berlin', 'Europe/Lisbon')).toBe(0)
  })

  it('sorts hours into early, usual, late and night', () => {
    expect([5, 6, 8, 9, 17, 18, 21, 22, 0].map(hourBand)).toEqual(['night', 'early', 'early', 'normal', 'normal', 'late', 'late', 'night', 'night'])
  })

  it('turns a wall-clock time in a zone into the moment, across daylight-saving changes', () => {
    expect(zonedToUtc({ year: 2026, month: 3, day: 3, hour: 19, minute: 30 }, 'Asia/Kolkata')).toBe(AT)
    expect(zonedToUtc({ year: 2026, month: 7, day: 1, hour: 8, minute: 0 }, 'America/New_York')).toBe(Date.UTC(2026, 6, 1, 12))
    // 01:30 on the night clocks go back in Lisbon happens twice: the first is taken.
    expect(zonedToUtc({ year: 2026, month: 10, day: 25, hour: 1, minute: 30 }, 'Europe/Lisbon')).toBe(Date.UTC(2026, 9, 25, 0, 30))
    // 01:30 on the night clocks go forward does not exist: it lands just after the jump.
    const skipped = zonedToUtc({ year: 2026, month: 3, day: 29, hour: 1, minute: 30 }, 'Europe/Lisbon')
    expect(formatClock(skipped, 'Europe/Lisbon')).toBe('02:30')
    expect(parseLocalDateTime('2026-03-03T19:30')).toEqual({ year: 2026, month: 3, day: 3, hour: 19, minute: 30 })
    expect(parseLocalDateTime('tomorrow')).toBeNull()
    expect(toLocalDateTimeInput(AT, 'Asia/Kolkata')).toBe('2026-03-03T19:30')
  })

  it('shows how a proposed time falls for each person', () => {
    const cohort = [
      { id: 'a', name: 'Ana', timeZone: 'Europe/Lisbon' },
      { id: 'r', name: 'Ravi', timeZone: 'Asia/Kolkata' },
      { id: 'm', name: 'Mere', timeZone: 'Pacific/Auckland' },
      { id: 'l', name: 'Lucas', timeZone: 'America/Sao_Paulo' },
    ]
    const rows = howItFalls(AT, cohort, 'Europe/Lisbon')
    expect(rows.map((r) => [r.name, r.clock, r.band, r.dayShift])).toEqual([
      ['Ana', '14:00', 'normal', 0],
      ['Ravi', '19:30', 'late', 0],
      ['Mere', '03:00', 'night', 1],
      ['Lucas', '11:00', 'normal', 0],
    ])
    expect(bandCounts(rows)).toEqual({ early: 0, normal: 2, late: 1, night: 1 })
    const day = hoursOfDay({ year: 2026, month: 3, day: 3 }, 'Europe/Lisbon', cohort)
    expect(day).toHaveLength(24)
    expect(day[14]).toMatchObject({ label: '14:00', at: AT })
    const best = Math.max(...day.map((h) => h.counts.normal))
    expect(best).toBeLessThan(4) // nowhere suits all four
  })
})
