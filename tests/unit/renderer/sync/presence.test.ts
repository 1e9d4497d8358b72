import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { throttledPresence } from '../../../../renderer/sync/presence'

describe('throttled presence', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('sends at most one update per interval and always ends on the latest value', () => {
    const awareness = new Awareness(new Y.Doc())
    awareness.setLocalState({ user: 'me' })
    const sent: unknown[] = []
    awareness.on('change', () => sent.push((awareness.getLocalState() as { cursor?: unknown } | null)?.cursor))
    const cursor = throttledPresence<{ x: number }>(awareness, 'cursor', 50)
    for (let x = 0; x < 100; x++) {
      cursor.set({ x })
      vi.advanceTimersByTime(2) // a mouse reporting every 2 ms for 200 ms
    }
    vi.advanceTimersByTime(100)
    expect(sent.length).toBeLessThanOrEqual(6)
    expect(sent.at(-1)).toEqual({ x: 99 })
  })
})
