import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import { liveQuery } from 'dexie'
import type * as Y from 'yjs'
import { metaMap, peopleMap, presentPeople, readPeople, type PresentPerson } from '../../shared/session'
import type { ConveningSession } from './session'
import type { ValueStore } from './store'
import { sameFields, useY } from './useY'

export function useStore<T>(store: ValueStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get)
}

/**
 * The types that decide who facilitates (shared/session/roles.ts): the people list and
 * the creator in meta. A read that keeps only facilitators' entries watches these too:
 * `useY([runMap(doc), ...roleTypes(doc)], …)`.
 */
export function roleTypes(doc: Y.Doc): readonly [Y.Map<Y.Map<unknown>>, Y.Map<unknown>] {
  return [peopleMap(doc), metaMap(doc)]
}

/**
 * Everyone's name by person id (everyone who has been in the room), for attributions.
 * It watches the people list alone and keeps its identity until a name changes, and its
 * read keeps its identity too: a countdown ticking in the same component does not
 * parse everyone again every second.
 */
export function useNamesById(session: ConveningSession): Record<string, string> {
  const read = useCallback(() => Object.fromEntries(readPeople(session.doc).map((p) => [p.id, p.name])), [session])
  return useY(peopleMap(session.doc), read, sameFields)
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
