// Main -> window events as the window sees them: a subscribe function that returns
// its unsubscribe, and never hands out Electron's IpcRendererEvent (it would give
// the page `event.sender`, an ipcRenderer). Events that arrive before anyone
// listens wait, because an invite link that launched the app arrives as soon as
// the page has loaded, before React has subscribed.
//
// Kept free of runtime imports: the sandboxed preload cannot require packages.

/** The part of ipcRenderer used here. */
export interface IpcOn {
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
}

export function subscribeToEvent<T>(
  ipc: IpcOn,
  channel: string,
  accept: (payload: unknown) => payload is T,
  limit = 8,
): (listener: (payload: T) => void) => () => void {
  const listeners = new Set<(payload: T) => void>()
  const waiting: T[] = []

  const deliver = (payload: T): void => {
    for (const listener of [...listeners]) {
      try {
        listener(payload)
      } catch (error) {
        console.error(`A listener of ${channel} failed`, error)
      }
    }
  }

  ipc.on(channel, (_event, payload) => {
    if (!accept(payload)) return
    if (listeners.size > 0) return deliver(payload)
    waiting.push(payload)
    if (waiting.length > limit) waiting.shift()
  })

  // Waiting events go out on a microtask, to whoever is still subscribed then: React
  // StrictMode subscribes, unsubscribes and subscribes again in one go.
  const flush = (): void => {
    if (listeners.size === 0) return
    for (const payload of waiting.splice(0)) deliver(payload)
  }

  return (listener) => {
    if (typeof listener !== 'function') throw new TypeError(`${channel}: the listener must be a function`)
    listeners.add(listener)
    if (waiting.length > 0) queueMicrotask(flush)
    return () => {
      listeners.delete(listener)
    }
  }
}
