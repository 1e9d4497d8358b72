import { useCallback, useMemo } from 'react'
import { peopleMap, readPeople, type Person } from '../../../shared/session'
import { sameRecords, useY, type ConveningSession } from '../../sync'
import { useT } from '../../i18n'

export interface Names {
  /** Everyone in the document, oldest first. */
  people: Person[]
  name: (id: string) => string
  colour: (id: string) => string
}

/** Names and colours of everyone who has been in the convening. */
export function useNames(session: ConveningSession): Names {
  // A read that keeps its identity: every response card asks, and a card rendering for
  // its own reasons should not parse everyone again.
  const read = useCallback(() => readPeople(session.doc), [session])
  const people = useY(peopleMap(session.doc), read, sameRecords)
  const t = useT()
  const left = t({ id: 'conversation.someoneWhoLeft', defaultMessage: 'Someone who left' })
  return useMemo(() => {
    const byId = new Map(people.map((p) => [p.id, p]))
    return {
      people,
      name: (id) => byId.get(id)?.name ?? left,
      colour: (id) => byId.get(id)?.colour ?? '#7a7f82',
    }
  }, [people, left])
}
