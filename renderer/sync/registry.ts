import { ConveningSession, type SessionOptions } from './session'

/**
 * Owns the open sessions. A screen acquires a session and releases it on unmount;
 * the session is destroyed only when nobody has held it for a moment, so React
 * StrictMode's mount-unmount-mount reuses one session instead of opening the room
 * twice.
 */
interface Entry {
  promise: Promise<ConveningSession>
  holders: number
  closeTimer?: ReturnType<typeof setTimeout>
}

const entries = new Map<string, Entry>()
/** Sessions whose release delay ran out and that are closing now. */
const closing = new Map<string, Promise<void>>()
const RELEASE_DELAY_MS = 250

export function acquireSession(options: SessionOptions): Promise<ConveningSession> {
  const id = options.record.id
  let entry = entries.get(id)
  if (!entry) {
    const promise = ConveningSession.open(options)
    entry = { promise, holders: 0 }
    entries.set(id, entry)
    promise.catch(() => entries.delete(id))
  }
  clearTimeout(entry.closeTimer)
  entry.holders += 1
  return entry.promise
}

export function releaseSession(id: string): void {
  const entry = entries.get(id)
  if (!entry) return
  entry.holders -= 1
  if (entry.holders > 0) return
  entry.closeTimer = setTimeout(() => {
    if (entry.holders > 0 || entries.get(id) !== entry) return
    entries.delete(id)
    const closed = entry.promise.then((s) => s.destroy()).catch((error: unknown) => console.warn('Convene: closing a convening failed', error))
    closing.set(id, closed)
    void closed.then(() => {
      if (closing.get(id) === closed) closing.delete(id)
    })
  }, RELEASE_DELAY_MS)
}

/** Close a session now (before deleting its convening, say); waits for one already closing too. */
export async function closeSession(id: string): Promise<void> {
  await closing.get(id)
  const entry = entries.get(id)
  if (!entry) return
  entries.delete(id)
  clearTimeout(entry.closeTimer)
  const session = await entry.promise.catch(() => null)
  await session?.destroy()
}

export function openSessionIds(): string[] {
  return [...entries.keys()]
}
