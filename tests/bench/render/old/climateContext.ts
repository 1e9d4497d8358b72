// renderer/features/climate/context.ts before issue 16, for the render benchmark's
// baseline (see ./hooks.tsx): the old build of the bench puts it in place of the
// panel's context. Not used by the app.
import { createContext, useContext, useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { climateMap } from '../../../../shared/climate'
import { canFacilitate, peopleMap, readPeople } from '../../../../shared/session'
import type { ConveningSession } from '../../../../renderer/sync'
import type { LiveScenario, LiveSnapshot } from '../../../../renderer/features/climate/liveScenario'
import { useYDerived, type DeepObservable } from './hooks'

export interface ClimateContextValue {
  session: ConveningSession
  live: LiveScenario
  readOnly: boolean
}

export const ClimateContext = createContext<ClimateContextValue | null>(null)

export function useClimate(): ClimateContextValue {
  const value = useContext(ClimateContext)
  if (!value) throw new Error('useClimate outside the climate panel')
  return value
}

/** A value picked from the live scenario; re-renders only when the pick changes (keep picks cheap and stable). */
export function useLive<T>(pick: (snapshot: LiveSnapshot) => T): T {
  const { live } = useClimate()
  return useSyncExternalStore(live.subscribe, () => pick(live.get()))
}

/** The climate map and the people list together: roles decide what counts. */
function climateAndPeople(doc: Y.Doc): DeepObservable {
  const parts: DeepObservable[] = [climateMap(doc), peopleMap(doc)]
  return {
    observeDeep: (handler) => parts.forEach((p) => p.observeDeep(handler)),
    unobserveDeep: (handler) => parts.forEach((p) => p.unobserveDeep(handler)),
  }
}

/** A value read from the climate document; recomputed only when it (or the people list) changes. */
export function useClimateDoc<T>(read: (doc: Y.Doc) => T): T {
  const { session } = useClimate()
  const observable = useMemo(() => climateAndPeople(session.doc), [session])
  return useYDerived(observable, () => read(session.doc))
}

export function useAmFacilitator(): boolean {
  const { session } = useClimate()
  return useClimateDoc((doc) => canFacilitate(doc, session.me.id))
}

/** Everyone's name by person id, for attributions. */
export function usePeopleNames(): Record<string, string> {
  return useClimateDoc((doc) => Object.fromEntries(readPeople(doc).map((p) => [p.id, p.name])))
}
