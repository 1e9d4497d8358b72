/** Who listens to which topic (a y-webrtc room name). Empty topics are forgotten at once. */
export class TopicRegistry<Subscriber> {
  private readonly subscribers = new Map<string, Set<Subscriber>>()

  add(topic: string, subscriber: Subscriber): void {
    let set = this.subscribers.get(topic)
    if (!set) {
      set = new Set()
      this.subscribers.set(topic, set)
    }
    set.add(subscriber)
  }

  remove(topic: string, subscriber: Subscriber): void {
    const set = this.subscribers.get(topic)
    if (!set) return
    set.delete(subscriber)
    if (set.size === 0) this.subscribers.delete(topic)
  }

  of(topic: string): ReadonlySet<Subscriber> | undefined {
    return this.subscribers.get(topic)
  }

  get size(): number {
    return this.subscribers.size
  }
}
