import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'

/**
 * A value per key (a variable's highlight, the colours of the people who selected
 * it): a component subscribes to its own key, so a change to one variable re-renders
 * that variable only.
 */
export class KeyedStore<V> {
  private values = new Map<string, V>()
  private listeners = new Map<string, Set<() => void>>()

  constructor(
    private readonly empty: V,
    private readonly equal: (a: V, b: V) => boolean = Object.is,
  ) {}

  get = (key: string): V => (this.values.has(key) ? this.values.get(key)! : this.empty)

  set(key: string, value: V): void {
    if (this.equal(this.get(key), value)) return
    if (this.equal(this.empty, value)) this.values.delete(key)
    else this.values.set(key, value)
    this.notify(key)
  }

  /** Replace every value, notifying only the keys whose value changed. */
  replaceAll(next: ReadonlyMap<string, V>): void {
    const changed: string[] = []
    for (const key of this.values.keys()) if (!next.has(key)) changed.push(key)
    for (const [key, value] of next) if (!this.equal(this.get(key), value)) changed.push(key)
    for (const key of changed) {
      const value = next.get(key)
      if (value === undefined || this.equal(this.empty, value)) this.values.delete(key)
      else this.values.set(key, value)
    }
    for (const key of changed) this.notify(key)
  }

  subscribe(key: string, listener: () => void): () => void {
    let set = this.listeners.get(key)
    if (!set) this.listeners.set(key, (set = new Set()))
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0) this.listeners.delete(key)
    }
  }

  private notify(key: string): void {
    for (const listener of [...(this.listeners.get(key) ?? [])]) listener()
  }
}

export function useKeyed<V>(store: KeyedStore<V>, key: string): V {
  const subscribe = useMemo(() => (listener: () => void) => store.subscribe(key, listener), [store, key])
  return useSyncExternalStore(subscribe, () => store.get(key))
}

/**
 * An object with an owner: created when the component mounts (or its inputs change)
 * and destroyed exactly once after, also under StrictMode's double mount.
 */
export function useOwned<T>(create: () => T, destroy: (value: T) => void, deps: readonly unknown[]): T | null {
  const [value, setValue] = useState<T | null>(null)
  useEffect(() => {
    const created = create()
    setValue(created)
    return () => {
      destroy(created)
      setValue(null)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names the inputs
  }, deps)
  return value
}

// Lists of flat records (cursors, the roster): one definition, beside the document's reading hook.
export { sameRecords } from '../../sync'

/**
 * Follow an external store with state instead of useSyncExternalStore: a store change
 * made inside a native event (a mousemove while dragging) then renders at that event's
 * priority and can share one render with the next moves, rather than rendering
 * synchronously in every event. For what changes on every drag frame.
 */
export function useStoreState<T>(
  subscribe: (listener: () => void) => () => void,
  read: () => T,
  equal: (a: T, b: T) => boolean = Object.is,
  inputs: readonly unknown[] = [],
): T {
  const [value, setValue] = useState(read)
  const reader = useRef(read)
  useEffect(() => {
    reader.current = read
  })
  useEffect(() => {
    const update = (): void =>
      setValue((previous) => {
        const next = reader.current()
        return equal(previous, next) ? previous : next
      })
    update()
    return subscribe(update)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `equal` is pure; `inputs` are what `read` depends on besides the store
  }, [subscribe, ...inputs])
  return value
}
