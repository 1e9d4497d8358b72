import { createContext, useCallback, useContext, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { climateMap } from '../../../shared/climate'
import { canFacilitate } from '../../../shared/session'
import { roleTypes, useNamesById, useY, type ConveningSession, type Watch } from '../../sync'
import type { LiveScenario, LiveSnapshot } from './liveScenario'

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

/**
 * What a climate read watches with `useY`: the climate map (flat: levers, history,
 * scenarios, World Climate) and the roles that decide whose entries count.
 */
export function climateTypes(doc: Y.Doc): Watch[] {
  return [climateMap(doc), ...roleTypes(doc)]
}

export function useAmFacilitator(): boolean {
  const { session } = useClimate()
  const read = useCallback(() => canFacilitate(session.doc, session.me.id), [session])
  return useY(roleTypes(session.doc), read, Object.is)
}

/**
 * Everyone's name by person id, for attributions. It watches the people list alone and
 * keeps its identity until a name changes, so a lever moved by someone does not
 * re-render what shows names (the drive controls).
 */
export function usePeopleNames(): Record<string, string> {
  return useNamesById(useClimate().session)
}
