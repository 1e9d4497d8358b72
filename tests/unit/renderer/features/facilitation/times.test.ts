import { describe, expect, it } from 'vitest'
import type { IntlShape } from 'react-intl'
import { formatClock, formatDayTime, formatMinutes } from '../../../../../shared/facilitation'
import { translator } from '../../../../../shared/i18n'
import { clock, dayTime, duration, zoneCity } from '../../../../../renderer/features/facilitation/times'

const intlOf = (locale: Parameters<typeof translator>[0], messages: Record<string, string> = {}): IntlShape => translator(locale, messages) as unknown as IntlShape
const english = intlOf('en')
const zones = ['UTC', 'Europe/Lisbon', 'America/Sao_Paulo', 'Asia/Kolkata', 'Pacific/Auckland', 'America/Los_Angeles']
// Across a year, at odd minutes, so both sides of daylight saving and midnight are read.
const moments = Array.from({ length: 40 }, (_, i) => Date.UTC(2027, 0, 1) + i * 9 * 86_400_000 + i * 37 * 60_000)

describe('the run of show’s times on screen', () => {
  it('read in English exactly as shared/facilitation writes them', () => {
    for (const zone of zones) {
      for (const at of moments) {
        expect(clock(english, at, zone)).toBe(formatClock(at, zone))
        expect(dayTime(english, at, zone)).toBe(formatDayTime(at, zone))
      }
    }
    expect(dayTime(english, Date.UTC(2027, 2, 10, 18, 0), 'UTC')).toBe('Wed 10 Mar, 18:00')
    for (const minutes of [0, 1, 12, 59, 60, 65, 120, 185, 600]) expect(duration(english.formatMessage, minutes * 60_000)).toBe(formatMinutes(minutes * 60_000))
  })

  it('are written the reader’s way in another language, still on a 24-hour clock', () => {
    const danish = intlOf('da', { 'facilitation.shared.hoursMinutes': '{hours} t {minutes} min' })
    const at = Date.UTC(2027, 2, 10, 18, 5)
    expect(clock(danish, at, 'UTC')).toBe('18.05')
    expect(dayTime(danish, at, 'UTC')).toContain('18.05')
    expect(duration(danish.formatMessage, 65 * 60_000)).toBe('1 t 5 min')
    expect(clock(intlOf('zh-HK'), Date.UTC(2027, 2, 10, 6, 5), 'UTC')).toBe('06:05')
  })

  it('read a damaged zone as UTC, and name a zone’s city from its id', () => {
    expect(clock(english, Date.UTC(2027, 0, 1, 9, 30), 'Not/A_Zone')).toBe('09:30')
    expect(zoneCity('America/Sao_Paulo')).toBe('Sao Paulo')
    expect(zoneCity('UTC')).toBe('UTC')
  })
})
