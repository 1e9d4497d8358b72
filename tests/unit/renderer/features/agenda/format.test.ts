import { describe, expect, it } from 'vitest'
import type { IntlShape } from 'react-intl'
import { formatClock, formatDay, formatDayTime } from '../../../../../shared/facilitation'
import { translator } from '../../../../../shared/i18n'
import { clock, day, dayTime } from '../../../../../renderer/features/agenda/format'

const english = translator('en') as unknown as IntlShape
const zones = ['UTC', 'Europe/Lisbon', 'America/Sao_Paulo', 'Asia/Kolkata', 'Pacific/Auckland']
const moments = Array.from({ length: 40 }, (_, i) => Date.UTC(2027, 0, 1) + i * 9 * 86_400_000 + i * 37 * 60_000)

describe('the agenda’s times', () => {
  it('read in English as shared/facilitation writes them (September too)', () => {
    for (const zone of zones) {
      for (const at of moments) {
        expect(clock(english, at, zone)).toBe(formatClock(at, zone))
        expect(day(english, at, zone)).toBe(formatDay(at, zone))
        expect(dayTime(english, at, zone)).toBe(formatDayTime(at, zone))
      }
    }
    expect(day(english, Date.UTC(2027, 8, 1, 12), 'UTC')).toBe('Wed 1 Sep')
  })

  it('are the reader’s in another language', () => {
    const danish = translator('da') as unknown as IntlShape
    expect(dayTime(danish, Date.UTC(2027, 2, 10, 18, 0), 'UTC')).toBe('ons. 10. mar., 18.00')
    expect(day(english, Date.UTC(2027, 2, 10, 18, 0), 'Not/A_Zone')).toBe('Wed 10 Mar')
  })
})
