import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ConveneDB} from '../../../../renderer/sync/db';
import { type ConveningRecord } from '../../../../renderer/sync/db'
import { browserLikeDb } from './browserLikeDb'
import { acquireSession, closeSession, openSessionIds, releaseSession } from '../../../../renderer/sync/registry'
import type { ConveningSession, SessionOptions } from '../../../../renderer/sync/session'
import { notesText, type Person } from '../../../../shared/session'

// The registry is what screens use: a screen acquires its convening's session on mount
// and releases it on unmount (renderer/features/convening/ConveningScreen.tsx).

const ADA: Person = { id: 'ada', name: 'Ada', role: 'facilitator', colour: '#1f6f8b', timeZone: 'UTC', joinedAt: 1 }

let counter = 0
const dbs: ConveneDB[] = []
const rooms: string[] = []

/** Writes commit a zero-delay timer later, as in a browser (browserLikeDb.ts). */
function freshDb(): ConveneDB {
  return browserLikeDb(`registry-test-${counter++}`, dbs)
}

afterEach(async () => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  for (const id of rooms.splice(0)) await closeSession(id)
  for (const db of dbs.splice(0)) await db.delete()
})

async function setup(extra: Partial<ConveningRecord> = {}): Promise<{ options: SessionOptions; id: string; db: ConveneDB }> {
  const db = freshDb()
  const id = `room-${counter++}`
  rooms.push(id)
  const record: ConveningRecord = { id, title: '', secret: `secret-${id}`, signaling: [], role: 'facilitator', createdAt: 0, lastOpenedAt: 0, peopleCount: 0, pendingSeed: 'Registry', ...extra }
  await db.convenings.put(record)
  return { options: { db, record, me: ADA, network: { signaling: [], relays: [], iceServers: [] } }, id, db }
}

function destroyed(session: ConveningSession): Promise<void> {
  return new Promise((resolve) => (session.doc.isDestroyed ? resolve() : session.doc.once('destroy', () => resolve())))
}

describe('the open sessions', () => {
  it('two screens of the same convening share one session', async () => {
    const { options, id } = await setup()
    const [a, b] = await Promise.all([acquireSession(options), acquireSession(options)])
    expect(a).toBe(b)
    expect(openSessionIds().filter((open) => open === id)).toEqual([id])
  })

  it("StrictMode's mount, unmount, mount keeps the one session: nothing closes", async () => {
    const { options, id } = await setup()
    const first = await acquireSession(options)
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    releaseSession(id)
    const again = await acquireSession(options)
    vi.advanceTimersByTime(10_000) // well past the release delay
    vi.useRealTimers()
    expect(again).toBe(first)
    expect(openSessionIds()).toContain(id)
    expect(first.doc.isDestroyed).toBe(false)
  })

  it('one of two screens leaving keeps the session open for the other', async () => {
    const { options, id } = await setup()
    const session = await acquireSession(options)
    await acquireSession(options)
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    releaseSession(id)
    vi.advanceTimersByTime(10_000)
    vi.useRealTimers()
    expect(openSessionIds()).toContain(id)
    expect(await acquireSession(options)).toBe(session)
  })

  it('the last screen leaving closes the session after a moment, with its edits on disk', async () => {
    const { options, id } = await setup()
    const session = await acquireSession(options)
    notesText(session.doc).insert(0, 'Written just before leaving.')
    releaseSession(id)
    expect(openSessionIds()).toContain(id) // not at once: a remount may follow
    await vi.waitFor(() => expect(openSessionIds()).not.toContain(id))
    await destroyed(session)

    const reopened = await acquireSession({ ...options, record: { ...options.record, pendingSeed: undefined } })
    expect(reopened).not.toBe(session)
    expect(notesText(reopened.doc).toString()).toBe('Written just before leaving.')
  })

  it('closeSession closes at once, even while a screen holds it, and the next opening is fresh', async () => {
    const { options, id } = await setup()
    const session = await acquireSession(options)
    notesText(session.doc).insert(0, 'Before deleting.')
    await closeSession(id)
    expect(session.doc.isDestroyed).toBe(true)
    expect(openSessionIds()).not.toContain(id)
    releaseSession(id) // the screen unmounting afterwards changes nothing

    const reopened = await acquireSession({ ...options, record: { ...options.record, pendingSeed: undefined } })
    expect(reopened).not.toBe(session)
    expect(notesText(reopened.doc).toString()).toBe('Before deleting.')
  })

  it('a convening that fails to open is not kept: the next try opens it', async () => {
    const { options, id } = await setup({ pendingSeed: '   ' }) // a title that is only spaces cannot seed
    await expect(acquireSession(options)).rejects.toThrow('A title is needed')
    expect(openSessionIds()).not.toContain(id)

    const session = await acquireSession({ ...options, record: { ...options.record, pendingSeed: 'Second try' } })
    expect(session.doc.getMap('meta').get('title')).toBe('Second try')
    expect(openSessionIds()).toContain(id)
  })

  it('closeSession waits for a session that is already closing (before its convening is deleted)', async () => {
    const { options, id } = await setup()
    const session = await acquireSession(options)
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    releaseSession(id)
    vi.advanceTimersByTime(10_000)
    vi.useRealTimers()
    expect(openSessionIds()).not.toContain(id) // the close has begun
    await closeSession(id)
    expect(session.doc.isDestroyed).toBe(true)
  })
})
