import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { liveQuery } from 'dexie'
import { presentPeople, type PresentPerson } from '../../shared/session'
import type { ConveningSession } from './session'
import type { ValueStore } from './store'

export function useStore<T>(store: ValueStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get)
}

/**
 * Read a value derived from a Yjs type. The snapshot is recomputed only after the type
 * (or anything inside it) changes, so other peers' edits elsewhere cost nothing here.
 * `read` must depend only on the type's content.
 */
export function useYDerived<T>(type: DeepObservable | null, read: () => T): T {
  const store = useMemo(() => derivedStore(type), [type])
  return useSyncExternalStore(store.subscribe, () => store.snapshot(read))
}

/** Any Yjs shared type (Y.Map, Y.Array, Y.Text…): all can be observed deeply. */
export interface DeepObservable {
  observeDeep: (handler: () => void) => void
  unobserveDeep: (handler: () => void) => void
}

function derivedStore(type: DeepObservable | null) {
  let version = 0
  let cached: { version: number; value: unknown } | null = null
  return {
    subscribe: (onChange: () => void): (() => void) => {
      if (!type) return () => undefined
      const handler = (): void => {
        version += 1
        onChange()
      }
      type.observeDeep(handler)
      return () => type.unobserveDeep(handler)
    },
    snapshot: <T>(read: () => T): T => {
      if (!cached || cached.version !== version) cached = { version, value: read() }
      return cached.value as T
    },
  }
}

/** The people present right now (awareness), parsed and de-duplicated per person. */
export function usePresentPeople(session: ConveningSession): PresentPerson[] {
  const [people, setPeople] = useState<PresentPerson[]>(() =>
    presentPeople(session.awareness.getStates(), session.awareness.clientID),
  )
  useEffect(() => {
    const awareness = session.awareness
    const refresh = (): void => setPeople(presentPeople(awareness.getStates(), awareness.clientID))
    // 'change' fires only when a state really changes, not on the periodic renewals.
    awareness.on('change', refresh)
    refresh()
    return () => awareness.off('change', refresh)
  }, [session])
  return people
}

/** Subscribe to a Dexie query; re-runs whenever the tables it read change (in any window). */
export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined)
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (error: unknown) => console.warn('Convene: a local query failed', error),
    })
    return () => subscription.unsubscribe()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names the query's inputs
  }, deps)
  return value
}
