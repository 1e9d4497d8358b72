import { useCallback, useEffect, useMemo, useState } from 'react'
import * as Y from 'yjs'
import { KEYS, conversationMap, nestedMap, viewResponse, type ResponseView } from '../../../shared/conversation'
import { presentPeople } from '../../../shared/session'
import { roleTypes, sameFields, underKeys, underPath, useY, type ChangeEvent, type ConveningSession, type Watch } from '../../sync'

/**
 * What a conversation read watches with `useY`: the entries of the conversation map it
 * reads (`current`, `round`, `timer`…) or the nested containers at those keys
 * (`responses`, `turns`, `polls`, `written`), watched through the map so a container
 * counts from the moment a facilitator creates it; and the roles that decide whose
 * entries count. Keys are fixed per call site (a store keeps its first filter).
 */
export function conversationTypes(doc: Y.Doc, ...keys: (typeof KEYS)[keyof typeof KEYS][]): Watch[] {
  return [{ deep: conversationMap(doc), when: underKeys(...keys) }, ...roleTypes(doc)]
}

/** One poll of the conversation (its spec, state and answers), for that poll's card. */
export function pollTypes(doc: Y.Doc, pollId: string): Watch[] {
  return [{ deep: conversationMap(doc), when: underPath(KEYS.polls, pollId) }, ...roleTypes(doc)]
}

/** What a response's author changes by editing it: nothing else on the board depends on these. */
const EDITED = new Set(['text', 'sealed', 'updatedAt'])

/**
 * Which responses a prompt has and where each goes on the board (its group, star and
 * visibility, the prompt's reveal and published keys), but not edits of a response's
 * text: only that response's card shows those. A remote keystroke then re-reads one
 * card, not the board and not every card.
 */
export function placementTypes(doc: Y.Doc): Watch[] {
  return [{ deep: conversationMap(doc), when: placementChanged }, ...roleTypes(doc)]
}

function placementChanged(events: readonly ChangeEvent[]): boolean {
  return events.some((event) => {
    const [top, id, ...deeper] = event.path
    if (top === undefined) return [KEYS.responses, KEYS.written, KEYS.revealedKeys].some((key) => event.keys.has(key))
    if (top === KEYS.written || top === KEYS.revealedKeys) return true
    if (top !== KEYS.responses) return false
    // A response sent or withdrawn; or inside a value nested in one (none is today).
    if (id === undefined || deeper.length > 0) return true
    for (const [key, change] of event.keys) if (change.action !== 'update' || !EDITED.has(key)) return true
    return false
  })
}

/**
 * One response as this viewer may see it, for its own card: it watches that response's
 * record (and the prompt's reveal, for private responses), so typing in one response
 * re-reads one card.
 */
export function useResponse(session: ConveningSession, id: string, mineAnonymous: ReadonlySet<string>): ResponseView | null {
  const doc = session.doc
  const record = nestedMap(doc, KEYS.responses)?.get(id)
  const read = useCallback(() => viewResponse(doc, id, session.me.id, mineAnonymous), [doc, id, session, mineAnonymous])
  return useY([record instanceof Y.Map ? record : null, { deep: conversationMap(doc), when: underKeys(KEYS.written, KEYS.revealedKeys) }, ...roleTypes(doc)], read, sameFields)
}

/**
 * Ids of the people present (optionally only those on a panel), as a set that keeps its
 * identity while nobody comes, goes or moves. Presence changes every few seconds (each
 * peer publishes its clock), so this re-renders only when the answer changes.
 */
export function usePresentIds(session: ConveningSession, panel?: string): ReadonlySet<string> {
  const read = useCallback((): string => {
    const people = presentPeople(session.awareness.getStates(), session.awareness.clientID)
    return JSON.stringify(people.filter((p) => panel === undefined || p.panel === panel).map((p) => p.id).sort())
  }, [session, panel])
  const [key, setKey] = useState(read)
  useEffect(() => {
    const awareness = session.awareness
    const refresh = (): void => setKey(read())
    awareness.on('change', refresh)
    refresh()
    return () => awareness.off('change', refresh)
  }, [session, read])
  return useMemo(() => new Set(JSON.parse(key) as string[]), [key])
}
