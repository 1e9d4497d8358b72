import { useEffect, useState, useSyncExternalStore } from 'react'
import { agendaArray, readFacilitationPresence, runMap, type FacilitationPresence } from '../../../shared/facilitation'
import { canFacilitate, peopleMap, metaMap } from '../../../shared/session'
import type { ConveningSession } from '../../sync'

/**
 * A value read from the run of show (the run map, the agenda, and the people list and
 * meta, since who facilitates decides which entries count). Recomputed only when one
 * of them changes; a result equal to the previous one keeps its identity, so nothing
 * re-renders when an unrelated entry changes. Keys name what is read, the same for
 * every component (the cache is shared by the whole convening).
 */
export function useRunValue<T>(session: ConveningSession, read: () => T, key: string): T {
  const store = runStore(session)
  return useSyncExternalStore(store.subscribe, () => store.snapshot(key, read))
}

/** A number that changes with every change to the run of show (for views that also depend on the time). */
export function useRunVersion(session: ConveningSession): number {
  const store = runStore(session)
  return useSyncExternalStore(store.subscribe, store.version)
}

interface RunStore {
  version: () => number
  subscribe: (onChange: () => void) => () => void
  snapshot: <T>(key: string, read: () => T) => T
}

const stores = new WeakMap<ConveningSession, RunStore>()

/**
 * One store per convening. It watches the document from its creation for as long as
 * the document lives, so its version is never behind (a store that started watching
 * only when a component subscribed would miss a change made between render and
 * subscription).
 */
function runStore(session: ConveningSession): RunStore {
  const existing = stores.get(session)
  if (existing) return existing
  let version = 0
  const cache = new Map<string, { version: number; value: unknown; json: string }>()
  const listeners = new Set<() => void>()
  const handler = (): void => {
    version += 1
    for (const listener of [...listeners]) listener()
  }
  for (const type of [runMap(session.doc), agendaArray(session.doc), peopleMap(session.doc), metaMap(session.doc)]) type.observeDeep(handler)
  const store: RunStore = {
    version: () => version,
    subscribe: (onChange) => {
      listeners.add(onChange)
      return () => listeners.delete(onChange)
    },
    snapshot: <T,>(key: string, read: () => T): T => {
      const cached = cache.get(key)
      if (cached && cached.version === version) return cached.value as T
      const value = read()
      const json = JSON.stringify(value) ?? ''
      if (cached && cached.json === json) {
        cached.version = version
        return cached.value as T
      }
      cache.set(key, { version, value, json })
      return value
    },
  }
  stores.set(session, store)
  return store
}

export function useFacilitates(session: ConveningSession, personId = session.me.id): boolean {
  return useRunValue(session, () => canFacilitate(session.doc, personId), `facilitates:${personId}`)
}

/**
 * Everyone's facilitation presence, re-read only when a state really changes; the
 * result keeps its identity while what it says is the same (each peer republishes
 * its clock every few seconds, which must not re-render the strip).
 */
export function useFacilitationPresence(session: ConveningSession): FacilitationPresence[] {
  const read = (): FacilitationPresence[] => readFacilitationPresence(session.awareness.getStates())
  const [value, setValue] = useState(read)
  useEffect(() => {
    const awareness = session.awareness
    let json = ''
    const refresh = (): void => {
      const next = readFacilitationPresence(awareness.getStates())
      const nextJson = JSON.stringify(next)
      if (nextJson === json) return
      json = nextJson
      setValue(next)
    }
    awareness.on('change', refresh)
    refresh()
    return () => awareness.off('change', refresh)
  }, [session])
  return value
}
