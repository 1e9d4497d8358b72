/** A value that React reads with useSyncExternalStore: cheap snapshot, notify on change only. */
export class ValueStore<T> {
  private listeners = new Set<() => void>()

  constructor(
    private value: T,
    private readonly equals: (a: T, b: T) => boolean = Object.is,
  ) {}

  get = (): T => this.value

  set(next: T): void {
    if (this.equals(this.value, next)) return
    this.value = next
    for (const listener of [...this.listeners]) listener()
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

export function shallowEqual<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as (keyof T)[]
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]))
}
