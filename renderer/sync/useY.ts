import { useMemo, useSyncExternalStore } from 'react'

/**
 * The one way a component reads the shared document.
 *
 * `useY(watch, read, equal)` subscribes to exactly the Yjs types a component needs,
 * re-reads only after one of them changes (or when the component renders with a new
 * `read`, since it may close over new props), and hands React the previous value while
 * `equal` says nothing changed, so the component does not re-render.
 *
 * - Watch deep (anything inside changes) by passing the type, or shallow (only its own
 *   keys or items) with `{ shallow: type }`: a list of ids watches its container
 *   shallowly, each item watches its own record deeply (as the diagram canvas does).
 * - `{ deep: type, when }` watches deeply but only the changes `when` accepts: a
 *   nested container that may not exist yet is watched through its parent,
 *   `{ deep: conversationMap(doc), when: underKeys('polls') }` (or one value in it,
 *   `underPath('polls', id)`), and the responses board skips edits of a response's
 *   text. `when` is taken from the first render that watches `type` this way, so it must
 *   not change while the component stays mounted.
 * - Where roles decide what counts (a facilitator's entry), also watch `roleTypes(doc)`.
 * - `equal` is explicit; pick the cheapest that is right: `Object.is` for primitives,
 *   `sameItems` for arrays of primitives (ids), `sameFields` for flat records,
 *   `sameRecords` for arrays of flat records, `sameJson` only for small nested values
 *   (it serialises both; Maps and Sets read as {}).
 *
 * An inline `read` runs again whenever the component renders (it may close over new
 * props); a costly read in a component that renders often (every response card reads
 * the people list) keeps its identity with `useCallback`, and then runs only after a
 * change to what it watches.
 *
 * The list of watched types may change between renders (a record that appears); the
 * store follows it. A change made between render and subscribing is caught: the store
 * reads once more when it subscribes.
 */
export function useY<T>(watch: Watch | readonly Watch[], read: () => T, equal: (a: T, b: T) => boolean): T {
  const list = (Array.isArray(watch) ? watch : [watch]) as readonly Watch[]
  const key = list.map(describe).join(' ')
  const store = useMemo(
    () => watchStore(list),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` names the watched types and how each is watched
    [key],
  )
  return useSyncExternalStore(store.subscribe, () => store.snapshot(read, equal))
}

/** Any Yjs shared type (Y.Map, Y.Array, Y.Text, Y.XmlFragment): all observe shallowly and deeply. */
export interface Observable {
  observe: (handler: () => void) => void
  unobserve: (handler: () => void) => void
  observeDeep: (handler: () => void) => void
  unobserveDeep: (handler: () => void) => void
}

/** Something that can be watched deeply (any Y type). To watch several, pass an array. */
export interface DeepObservable {
  observeDeep: (handler: () => void) => void
  unobserveDeep: (handler: () => void) => void
}

/** What a deep observer hears of one change (a Y.YEvent), as `when` reads it. */
export interface ChangeEvent {
  /** From the watched type to the changed one: `['responses', id]`. */
  readonly path: (string | number)[]
  /** The keys of the changed map that were added, updated or deleted. */
  readonly keys: Map<string, { action: 'add' | 'update' | 'delete' }>
}

interface FilteredObservable {
  observeDeep: (handler: (events: ChangeEvent[]) => void) => void
  unobserveDeep: (handler: (events: ChangeEvent[]) => void) => void
}

/** A type watched deeply, only its own keys or items (`{ shallow }`), deeply but only some changes (`{ deep, when }`), or nothing yet (null). */
export type Watch =
  | DeepObservable
  | { shallow: Pick<Observable, 'observe' | 'unobserve'> }
  | { deep: FilteredObservable; when: (events: readonly ChangeEvent[]) => boolean }
  | null
  | undefined

/** A `when` for a map watched deeply: changes of these keys, or of anything inside the values at them. */
export function underKeys(...keys: string[]): (events: readonly ChangeEvent[]) => boolean {
  const wanted = new Set(keys)
  return (events) =>
    events.some((event) => {
      const path = event.path
      if (path.length > 0) return wanted.has(String(path[0]))
      for (const key of event.keys.keys()) if (wanted.has(key)) return true
      return false
    })
}

/**
 * A `when` for one value nested in the watched type, by the keys that lead to it
 * (`underPath('polls', pollId)`): changes inside it, and its arrival, replacement or
 * removal.
 */
export function underPath(...keys: string[]): (events: readonly ChangeEvent[]) => boolean {
  return (events) =>
    events.some((event) => {
      const path = event.path
      const shared = Math.min(path.length, keys.length)
      for (let i = 0; i < shared; i++) if (String(path[i]) !== keys[i]) return false
      return path.length >= keys.length || event.keys.has(keys[path.length])
    })
}

const ids = new WeakMap<object, number>()
let nextId = 0

function idOf(type: object): number {
  let id = ids.get(type)
  if (id === undefined) ids.set(type, (id = ++nextId))
  return id
}

function describe(w: Watch): string {
  if (!w) return '-'
  if ('shallow' in w) return `s${idOf(w.shallow)}`
  if ('when' in w) return `w${idOf(w.deep)}`
  return `d${idOf(w)}`
}

function observe(w: Watch, changed: () => void): () => void {
  if (!w) return () => undefined
  if ('shallow' in w) {
    const type = w.shallow
    type.observe(changed)
    return () => type.unobserve(changed)
  }
  if ('when' in w) {
    const { deep, when } = w
    const handler = (events: ChangeEvent[]): void => {
      if (when(events)) changed()
    }
    deep.observeDeep(handler)
    return () => deep.unobserveDeep(handler)
  }
  w.observeDeep(changed)
  return () => w.unobserveDeep(changed)
}

function watchStore(watch: readonly Watch[]) {
  let version = 0
  let cached: { version: number; read: () => unknown; value: unknown } | null = null
  return {
    subscribe: (onChange: () => void): (() => void) => {
      const changed = (): void => {
        version += 1
        onChange()
      }
      const stops = watch.map((w) => observe(w, changed))
      // A change between render and subscribing went unseen: read again once.
      version += 1
      return () => stops.forEach((stop) => stop())
    },
    snapshot: <T>(read: () => T, equal: (a: T, b: T) => boolean): T => {
      if (!cached || cached.version !== version || cached.read !== read) {
        const value = read()
        const kept = cached && equal(cached.value as T, value) ? (cached.value as T) : value
        cached = { version, read, value: kept }
      }
      return cached.value as T
    },
  }
}

/** Arrays whose items are the same by `Object.is` (lists of ids). */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => Object.is(x, b[i])))
}

/** Flat records whose fields are the same by `Object.is` (one level deep; null-safe). */
export function sameFields<T extends object | null | undefined>(a: T, b: T): boolean {
  if (a === b) return true
  if (!a || !b) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  return ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

/** Arrays of flat records, each the same by `sameFields` (the people list, the raised hands). */
export function sameRecords<T extends object>(a: readonly T[], b: readonly T[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => sameFields(x, b[i])))
}

/** Values equal as JSON: for small nested values only (it serialises both). */
export function sameJson<T>(a: T, b: T): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}
