import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { effectiveRole, localOrigin } from '../../../shared/session'
import { readMembers, type Member } from '../../../shared/cohort'
import type { ConveningSession, DeepObservable } from '../../sync'

/** Every local edit of the cohort screens: undo and echo-suppression key on it. */
export const COHORT_ORIGIN = localOrigin('cohort')

export interface CohortContextValue {
  session: ConveningSession
  doc: Y.Doc
  /** My person id. */
  me: string
  /** A cohort from a newer build: shown, never changed. */
  readOnly: boolean
}

export const CohortContext = createContext<CohortContextValue | null>(null)

export function useCohort(): CohortContextValue {
  const value = useContext(CohortContext)
  if (!value) throw new Error('useCohort outside a cohort')
  return value
}

interface Shallow {
  observe: (handler: () => void) => void
  unobserve: (handler: () => void) => void
}

/** Y types to watch: deep (anything inside changes) or shallow (only its own keys or items). */
export type Watch = DeepObservable | { shallow: Shallow }

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

/**
 * A value read from the document, recomputed after one of the watched types changes
 * (or on a render, since the reader may close over new props), and handed to React as
 * the same object while it is equal: a list keyed on ids does not re-render when
 * someone types inside one of its items.
 */
export function useYValue<T>(watch: Watch[], read: () => T, equal: (a: T, b: T) => boolean = sameJson): T {
  const store = useMemo(() => {
    let version = 0
    let cached: { version: number; read: () => T; value: T } | null = null
    return {
      subscribe: (onChange: () => void): (() => void) => {
        const handler = (): void => {
          version += 1
          onChange()
        }
        const stops = watch.map((w) => {
          if ('shallow' in w) {
            w.shallow.observe(handler)
            return () => w.shallow.unobserve(handler)
          }
          w.observeDeep(handler)
          return () => w.unobserveDeep(handler)
        })
        return () => stops.forEach((stop) => stop())
      },
      snapshot: (next: () => T): T => {
        // Also read again when the reader itself is new (a render with other props).
        if (!cached || cached.version !== version || cached.read !== next) {
          const value = next()
          cached = { version, read: next, value: cached && equal(cached.value, value) ? cached.value : value }
        }
        return cached.value
      },
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the watched types are the store's identity
  }, watch.map((w) => ('shallow' in w ? w.shallow : w)))
  return useSyncExternalStore(store.subscribe, () => store.snapshot(read))
}

/** Members with the role each holds now (granted, not only asked for: shared/session/roles.ts). */
export function useMembers(doc: Y.Doc): Member[] {
  return useYValue([doc.getMap('people')], () => readMembers(doc).map((m) => ({ ...m, role: effectiveRole(doc, m.id) ?? m.role })))
}

/** Names by person id, for bylines ("Someone who left" if unknown). */
export function useNames(doc: Y.Doc): (id: string) => string {
  const members = useMembers(doc)
  return useMemo(() => {
    const byId = new Map(members.map((m) => [m.id, m.name]))
    return (id: string) => byId.get(id) ?? 'Someone'
  }, [members])
}

/** The current time, refreshed every `ms` while `active`. */
export function useNow(active: boolean, ms = 250): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!active) return
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), ms)
    return () => clearInterval(timer)
  }, [active, ms])
  return now
}
