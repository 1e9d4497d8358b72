// renderer/features/conversation/people.ts before issue 16, for the render benchmark's
// baseline (see ./hooks.tsx). Not used by the app.
import { useMemo } from 'react'
import { peopleMap, readPeople, type Person } from '../../../../shared/session'
import type { ConveningSession } from '../../../../renderer/sync'
import { useYDerived } from './hooks'

export interface Names {
  /** Everyone in the document, oldest first. */
  people: Person[]
  name: (id: string) => string
  colour: (id: string) => string
}

/** Names and colours of everyone who has been in the convening. */
export function useNames(session: ConveningSession): Names {
  const people = useYDerived(peopleMap(session.doc), () => readPeople(session.doc))
  return useMemo(() => {
    const byId = new Map(people.map((p) => [p.id, p]))
    return {
      people,
      name: (id) => byId.get(id)?.name ?? 'Someone who left',
      colour: (id) => byId.get(id)?.colour ?? '#7a7f82',
    }
  }, [people])
}
