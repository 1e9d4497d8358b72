/**
 * A token bucket: up to `burst` messages at once, refilled at `perSecond`. Lets a peer
 * send the flurry of offers and ICE candidates that joining a room takes, while a
 * flooding client runs dry within a second.
 */
export class TokenBucket {
  private tokens: number
  private last: number

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst
    this.last = now()
  }

  /** Spends one token; false when the bucket is empty. */
  take(): boolean {
    const now = this.now()
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond)
    this.last = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
