import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { conversationMap, type ConversationResult } from '../../../shared/conversation'
import { peopleMap, presentPeople } from '../../../shared/session'
import type { ConveningSession } from '../../sync'

/**
 * A value read from the conversation (and the people list, since who facilitates
 * decides which entries count). Recomputed only when one of them changes; a result
 * equal to the previous one keeps its identity, so a turn recorded in a round does not
 * re-render the prompt, and a response sent does not re-render the round.
 */
export function useConversationValue<T>(session: ConveningSession, read: () => T, key = ''): T {
  const store = useMemo(() => conversationStore(session), [session])
  return useSyncExternalStore(store.subscribe, () => store.snapshot(key, read))
}

function conversationStore(session: ConveningSession) {
  let version = 0
  let cached: { version: number; key: string; value: unknown; json: string } | null = null
  return {
    subscribe: (onChange: () => void): (() => void) => {
      const root = conversationMap(session.doc)
      const people = peopleMap(session.doc)
      const handler = (): void => {
        version += 1
        onChange()
      }
      root.observeDeep(handler)
      people.observeDeep(handler)
      return () => {
        root.unobserveDeep(handler)
        people.unobserveDeep(handler)
      }
    },
    snapshot: <T,>(key: string, read: () => T): T => {
      if (cached && cached.version === version && cached.key === key) return cached.value as T
      const value = read()
      const json = JSON.stringify(value) ?? ''
      if (cached && cached.key === key && cached.json === json) {
        cached.version = version
        return cached.value as T
      }
      cached = { version, key, value, json }
      return value
    },
  }
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

/** The shared clock's time, ticking while `active`. */
export function useNow(session: ConveningSession, active: boolean, intervalMs = 250): number {
  const [now, setNow] = useState(() => session.clock.now())
  useEffect(() => {
    setNow(session.clock.now())
    if (!active) return
    const timer = setInterval(() => setNow(session.clock.now()), intervalMs)
    return () => clearInterval(timer)
  }, [session, active, intervalMs])
  return now
}

/**
 * A message after an action that was refused (or needs saying), announced politely and
 * cleared after a while. `run` takes a write helper's result.
 */
export type NoticeValue = { text: string; tone: 'problem' | 'info' }
const NO_NOTICE: NoticeValue = { text: '', tone: 'info' }

export function useNotice(): {
  notice: NoticeValue
  run: (result: ConversationResult | { ok: true; id: string }) => boolean
  /** Something that went wrong or needs care (shown as a problem). */
  say: (text: string) => void
  /** Something that went as asked (shown calmly). */
  tell: (text: string) => void
} {
  const [notice, setNotice] = useState<NoticeValue>(NO_NOTICE)
  useEffect(() => {
    if (!notice.text) return
    const timer = setTimeout(() => setNotice(NO_NOTICE), 8000)
    return () => clearTimeout(timer)
  }, [notice])
  const run = useCallback((result: ConversationResult | { ok: true; id: string }) => {
    if (result.ok) {
      setNotice(NO_NOTICE)
      return true
    }
    setNotice({ text: result.message, tone: 'problem' })
    return false
  }, [])
  const say = useCallback((text: string) => setNotice({ text, tone: 'problem' }), [])
  const tell = useCallback((text: string) => setNotice({ text, tone: 'info' }), [])
  return { notice, run, say, tell }
}
