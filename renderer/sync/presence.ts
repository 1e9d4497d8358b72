import type { Awareness } from 'y-protocols/awareness'

/**
 * A presence field that changes often (a cursor, a drag in progress) is sent at most
 * once per `intervalMs`, always ending with the latest value: other people see smooth
 * movement, and a fast mouse does not flood every peer with awareness updates.
 */
export function throttledPresence<T>(awareness: Awareness, field: string, intervalMs = 50): {
  set: (value: T) => void
  flush: () => void
  cancel: () => void
} {
  let pending: { value: T } | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let lastSent = 0

  const send = (): void => {
    timer = undefined
    if (!pending || awareness.getLocalState() === null) return
    lastSent = Date.now()
    awareness.setLocalStateField(field, pending.value)
    pending = null
  }

  return {
    set(value: T) {
      pending = { value }
      if (timer !== undefined) return
      const wait = Math.max(0, intervalMs - (Date.now() - lastSent))
      if (wait === 0) send()
      else timer = setTimeout(send, wait)
    },
    flush() {
      clearTimeout(timer)
      send()
    },
    cancel() {
      clearTimeout(timer)
      timer = undefined
      pending = null
    },
  }
}
