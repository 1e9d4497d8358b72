// The hooks components read the document through before issue 16 (one way to read the
// document), kept verbatim for the render benchmark's baseline (tests/bench/render.ts):
// the old board, cards and climate controls in this folder use them, so every run
// measures the old way beside the new one. Not used by the app.
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore, type FormEvent } from 'react'
import { conversationMap } from '../../../../shared/conversation'
import { peopleMap } from '../../../../shared/session'
import type { ConveningSession } from '../../../../renderer/sync'

/** Any Yjs shared type (Y.Map, Y.Array, Y.Text…): all can be observed deeply. */
export interface DeepObservable {
  observeDeep: (handler: () => void) => void
  unobserveDeep: (handler: () => void) => void
}

/** Was renderer/sync/hooks.ts `useYDerived`. */
export function useYDerived<T>(type: DeepObservable | null, read: () => T): T {
  const store = useMemo(() => derivedStore(type), [type])
  return useSyncExternalStore(store.subscribe, () => store.snapshot(read))
}

function derivedStore(type: DeepObservable | null) {
  let version = 0
  let cached: { version: number; value: unknown } | null = null
  return {
    subscribe: (onChange: () => void): (() => void) => {
      if (!type) return () => undefined
      const handler = (): void => {
        version += 1
        onChange()
      }
      type.observeDeep(handler)
      return () => type.unobserveDeep(handler)
    },
    snapshot: <T,>(read: () => T): T => {
      if (!cached || cached.version !== version) cached = { version, value: read() }
      return cached.value as T
    },
  }
}

/** Was renderer/features/conversation/hooks.ts `useConversationValue`. */
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

// The card's notice, as it was (renderer/features/conversation/hooks.ts and Notice.tsx).
export type NoticeValue = { text: string; tone: 'problem' | 'info' }
const NO_NOTICE: NoticeValue = { text: '', tone: 'info' }

export function useNotice(): { notice: NoticeValue; run: (result: { ok: true } | { ok: false; message: string }) => boolean } {
  const [notice, setNotice] = useState<NoticeValue>(NO_NOTICE)
  useEffect(() => {
    if (!notice.text) return
    const timer = setTimeout(() => setNotice(NO_NOTICE), 8000)
    return () => clearTimeout(timer)
  }, [notice])
  const run = useCallback((result: { ok: true } | { ok: false; message: string }) => {
    if (result.ok) {
      setNotice(NO_NOTICE)
      return true
    }
    setNotice({ text: result.message, tone: 'problem' })
    return false
  }, [])
  return { notice, run }
}

export function Notice(props: { text: NoticeValue | string }) {
  const { text, tone } = typeof props.text === 'string' ? { text: props.text, tone: 'problem' } : props.text
  return (
    <p className={`cv-notice cv-notice-${tone}`} role="status" aria-live="polite">
      {text}
    </p>
  )
}

export function submitted(action: () => void): (event: FormEvent) => void {
  return (event) => {
    event.preventDefault()
    action()
  }
}
