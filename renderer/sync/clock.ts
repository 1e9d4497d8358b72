import type { Awareness } from 'y-protocols/awareness'
import { CLOCK_PUBLISH_INTERVAL_MS, OffsetEstimator } from '../../shared/facilitation'
import type { Origin } from '../../shared/session'

/**
 * Estimates every other person's clock offset from the time they publish in their
 * presence (see shared/facilitation/clock.ts), and publishes this peer's own time.
 * Keyed by person id: a person's windows share one machine clock.
 */
export class ClockSync {
  private readonly estimators = new Map<string, OffsetEstimator>()
  private readonly timer: ReturnType<typeof setInterval>

  constructor(
    private readonly awareness: Awareness,
    private readonly myPersonId: string,
    private readonly clock: () => number = Date.now,
  ) {
    awareness.on('update', this.onUpdate)
    this.publish()
    this.timer = setInterval(this.publish, CLOCK_PUBLISH_INTERVAL_MS)
  }

  private publish = (): void => {
    if (this.awareness.getLocalState() !== null) this.awareness.setLocalStateField('clock', this.clock())
  }

  private lastGreeting = -Infinity
  private greetings: ReturnType<typeof setTimeout> | undefined

  private onUpdate = ({ added, updated }: { added: number[]; updated: number[] }, origin: Origin): void => {
    if (origin === 'local') return
    const receivedAt = this.clock()
    // A newcomer receives my presence as it was last set, up to a publish interval
    // old, and would take that stale time as my clock for the first seconds: send a
    // fresh one at once (at most once a second, however many arrive).
    if (added.some((id) => id !== this.awareness.clientID) && receivedAt - this.lastGreeting > 1000) {
      this.lastGreeting = receivedAt
      this.publish()
      // Two more soon after: the estimate keeps the quickest of its samples, and a page
      // that has just opened is often too busy to receive the first one promptly.
      clearTimeout(this.greetings)
      this.greetings = setTimeout(() => {
        this.publish()
        this.greetings = setTimeout(this.publish, 1500)
      }, 700)
    }
    const states = this.awareness.getStates()
    for (const clientId of [...added, ...updated]) {
      if (clientId === this.awareness.clientID) continue
      const state = states.get(clientId) as { user?: { id?: unknown }; clock?: unknown } | undefined
      const personId = state?.user?.id
      if (typeof personId !== 'string' || typeof state?.clock !== 'number') continue
      let estimator = this.estimators.get(personId)
      if (!estimator) {
        estimator = new OffsetEstimator()
        this.estimators.set(personId, estimator)
      }
      estimator.add(state.clock, receivedAt)
    }
  }

  /** That person's clock minus mine in ms (0 for me, or for someone never heard from). */
  offsetTo(personId: string): number {
    if (personId === this.myPersonId) return 0
    return this.estimators.get(personId)?.offset(this.clock()) ?? 0
  }

  /** Whether an estimate exists (someone heard from at least once). */
  knows(personId: string): boolean {
    return personId === this.myPersonId || this.estimators.has(personId)
  }

  now(): number {
    return this.clock()
  }

  destroy(): void {
    clearInterval(this.timer)
    clearTimeout(this.greetings)
    this.awareness.off('update', this.onUpdate)
  }
}
