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

  private refill(): void {
    const now = this.now()
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond)
    this.last = now
  }

  /** Spends `cost` tokens (at most a whole bucket); false, spending none, when there are not enough. */
  take(cost = 1): boolean {
    this.refill()
    const need = Math.min(cost, this.burst)
    if (this.tokens < need) return false
    this.tokens -= need
    return true
  }

  /** Whether the bucket has refilled completely (forgetting it then loses nothing). */
  full(): boolean {
    this.refill()
    return this.tokens >= this.burst
  }
}
