import { describe, expect, it } from 'vitest'
import { TokenBucket } from '../../../../../electron/main/host/rate-limit'

describe('TokenBucket', () => {
  it('allows a burst, then refills at the sustained rate, never beyond the burst', () => {
    let now = 0
    const bucket = new TokenBucket(10, 5, () => now)
    const takeAll = (): number => {
      let taken = 0
      while (bucket.take()) taken++
      return taken
    }
    expect(takeAll()).toBe(5)
    now += 300 // 3 tokens at 10 per second
    expect(takeAll()).toBe(3)
    now += 60_000
    expect(takeAll()).toBe(5)
  })
})
