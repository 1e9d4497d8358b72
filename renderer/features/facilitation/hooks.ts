import { useCallback, useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { agendaArray, readFacilitationPresence, runMap, type FacilitationPresence } from '../../../shared/facilitation'
import { canFacilitate, roleStanding, type RoleStanding } from '../../../shared/session'
import { roleTypes, sameFields, useY, type ConveningSession, type Watch } from '../../sync'

/**
 * What a run-of-show read watches with `useY`: the run map (flat: timers, hands,
 * breakouts, votes, locks, the current segment) and the roles that decide whose
 * entries count.
 */
export function runTypes(doc: Y.Doc): Watch[] {
  return [runMap(doc), ...roleTypes(doc)]
}

/** `runTypes` and the agenda's segments, for what the plan shows. */
export function agendaTypes(doc: Y.Doc): Watch[] {
  return [runMap(doc), agendaArray(doc), ...roleTypes(doc)]
}

// These two are asked by every row of the people list and many controls: their reads
// keep their identity, so a row rendering for its own reasons does not read roles again.

/** Whether this person (by default, me) facilitates now. */
export function useFacilitates(session: ConveningSession, personId = session.me.id): boolean {
  const read = useCallback(() => canFacilitate(session.doc, personId), [session, personId])
  return useY(roleTypes(session.doc), read, Object.is)
}

/** A person's role, what they asked for, and who granted it. */
export function useStanding(session: ConveningSession, personId: string): RoleStanding | null {
  const read = useCallback(() => roleStanding(session.doc, personId), [session, personId])
  return useY(roleTypes(session.doc), read, sameFields)
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
