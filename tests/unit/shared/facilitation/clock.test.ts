import { describe, expect, it } from 'vitest'
import { OffsetEstimator, CLOCK_WINDOW_MS, addTime, formatRemaining, newTimer, pauseTimer, remainingMs, startTimer } from '../../../../shared/facilitation'

describe('clock offsets from presence', () => {
  it('takes the sample with the least delay as the offset', () => {
    const estimator = new OffsetEstimator()
    const trueOffset = 180_000 // their clock is three minutes ahead
    for (const [at, delay] of [[1000, 40], [6000, 3], [11000, 120]]) estimator.add(at + trueOffset, at + delay)
    expect(estimator.offset(12_000)).toBe(trueOffset - 3)
  })

  it('follows a clock that was corrected, once old samples leave the window', () => {
    const estimator = new OffsetEstimator()
    estimator.add(10_000 + 5000, 10_000) // 5 s ahead
    estimator.add(20_000 + 5000, 20_000)
    const later = 20_000 + CLOCK_WINDOW_MS + 1000
    estimator.add(later, later) // corrected to exact
    expect(estimator.offset(later)).toBe(0)
  })

  it('ignores impossible values', () => {
    const estimator = new OffsetEstimator()
    estimator.add(Number.NaN, 5)
    expect(estimator.offset(10)).toBeUndefined()
  })
})

describe('shared timers', () => {
  it('shows the same remaining time on two machines whose clocks disagree by minutes', () => {
    const skew = 7 * 60_000 // Ben's clock runs 7 minutes ahead of Ada's
    const adaNow = 1_000_000
    const timer = startTimer(newTimer(5 * 60_000, 'ada'), adaNow, 0, 'ada')
    const later = 90_000
    const onAda = remainingMs(timer, adaNow + later, 0)
    const onBen = remainingMs(timer, adaNow + skew + later, -skew) // Ben's offset to Ada
    expect(onAda).toBe(210_000)
    expect(onBen).toBe(onAda)
  })

  it('pauses, resumes and gains time; a co-facilitator can take over with their own clock', () => {
    let timer = startTimer(newTimer(60_000, 'ada'), 0, 0, 'ada')
    timer = pauseTimer(timer, 20_000, 0, 'ada')
    expect(remainingMs(timer, 999_999, 0)).toBe(40_000)
    // Cleo's clock is 1 h behind Ada's; she resumes and adds a minute.
    const cleoNow = 30_000 - 3_600_000
    timer = startTimer(timer, cleoNow, 3_600_000, 'cleo')
    expect(timer.clockOf).toBe('cleo')
    timer = addTime(timer, 60_000, cleoNow + 10_000, 0, 'cleo')
    expect(remainingMs(timer, cleoNow + 10_000, 0)).toBe(90_000)
    expect(remainingMs(timer, 10_000 + 30_000, -3_600_000)).toBe(90_000) // seen from Ada
    expect(remainingMs(timer, cleoNow + 500_000, 0)).toBe(0)
  })

  it('formats like a kitchen timer, rounding up', () => {
    expect(formatRemaining(245_000)).toBe('4:05')
    expect(formatRemaining(8_100)).toBe('0:09')
    expect(formatRemaining(3_723_000)).toBe('1:02:03')
    expect(formatRemaining(-5)).toBe('0:00')
  })
})
