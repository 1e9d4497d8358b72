import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { ConveneDB, type ConveningRecord } from '../../../../renderer/sync/db'
import { browserLikeDb } from './browserLikeDb'
import { UpdateLog, storedUpdateCount } from '../../../../renderer/sync/persistence'
import { ConveningSession, type SessionKind, type SessionOptions } from '../../../../renderer/sync/session'
import { metaMap, notesText, readPeople, readTitle, type Person } from '../../../../shared/session'

// The session owner as a person meets it: open a convening, edit, close, open again.
// No signaling server and no relay: the session runs alone on this computer.

const ADA: Person = { id: 'ada', name: 'Ada', role: 'facilitator', colour: '#1f6f8b', timeZone: 'UTC', joinedAt: 1 }
const BEN: Person = { id: 'ben', name: 'Ben', role: 'practitioner', colour: '#b5446e', timeZone: 'Asia/Jakarta', joinedAt: 2 }

let counter = 0
const dbs: ConveneDB[] = []
const sessions: ConveningSession[] = []

/** Writes commit a zero-delay timer later, as in a browser (browserLikeDb.ts). */
function freshDb(): ConveneDB {
  return browserLikeDb(`session-test-${counter++}`, dbs)
}

afterEach(async () => {
  vi.restoreAllMocks()
  for (const session of sessions.splice(0)) await session.destroy()
  for (const db of dbs.splice(0)) await db.delete()
})

function record(id: string, extra: Partial<ConveningRecord> = {}): ConveningRecord {
  return { id, title: '', secret: `secret-${id}`, signaling: [], role: 'facilitator', createdAt: 0, lastOpenedAt: 0, peopleCount: 0, ...extra }
}

/** A convening as the list on this computer holds it (the creator's carries `pendingSeed`). */
async function listed(db: ConveneDB, id: string, extra: Partial<ConveningRecord> = {}): Promise<ConveningRecord> {
  const rec = record(id, extra)
  await db.convenings.put(rec)
  return rec
}

async function open(db: ConveneDB, rec: ConveningRecord, more: Partial<SessionOptions> = {}): Promise<ConveningSession> {
  const session = await ConveningSession.open({ db, record: rec, me: ADA, network: { signaling: [], relays: [], iceServers: [] }, ...more })
  sessions.push(session)
  return session
}

async function close(session: ConveningSession): Promise<void> {
  sessions.splice(sessions.indexOf(session), 1)
  await session.destroy()
}

/** What is stored for a room, read back the way the next opening reads it. */
async function stored(db: ConveneDB, id: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  await new UpdateLog(db, id, null).load(doc)
  return doc
}

/** Rows as another window (or a peer, earlier) left them on disk. */
async function storeRows(db: ConveneDB, id: string, build: (doc: Y.Doc) => void): Promise<void> {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  build(doc)
  await db.updates.bulkAdd(updates.map((update) => ({ conveningId: id, update })))
}

describe('opening a convening', () => {
  it("seeds the creator's new convening once, with its title and its creator, and clears the pending seed", async () => {
    const db = freshDb()
    const rec = await listed(db, 'new-room', { pendingSeed: 'Kickoff in Nairobi' })
    const session = await open(db, rec)

    expect(readTitle(session.doc)).toBe('Kickoff in Nairobi')
    expect(metaMap(session.doc).get('createdBy')).toBe('ada')
    expect(readPeople(session.doc).map((p) => p.name)).toEqual(['Ada'])
    expect(session.migration.get()).toEqual({ status: 'current', version: 1 })
    expect((await db.convenings.get('new-room'))?.pendingSeed).toBeUndefined()
    // The seed is on disk before the pending mark goes: a reload now finds it.
    expect(readTitle(await stored(db, 'new-room'))).toBe('Kickoff in Nairobi')
  })

  it('does not seed again after a reload in the middle of creating it (the pending mark survived)', async () => {
    const db = freshDb()
    const rec = await listed(db, 'half-made', { pendingSeed: 'First title' })
    const first = await open(db, rec)
    metaMap(first.doc).set('title', 'Renamed since')
    await first.whenSaved()
    await close(first)

    // The window died before the pending mark was cleared: the record still carries it.
    const again = await open(db, { ...rec, pendingSeed: 'First title' })
    expect(readTitle(again.doc)).toBe('Renamed since')
  })

  it("a joiner's empty document is not seeded: it waits for the room, with this person in it", async () => {
    const db = freshDb()
    const rec = await listed(db, 'joined', { role: 'practitioner' })
    const session = await open(db, rec, { me: BEN })

    expect(metaMap(session.doc).has('schemaVersion')).toBe(false)
    expect(session.migration.get()).toEqual({ status: 'unseeded' })
    expect(readPeople(session.doc).map((p) => p.id)).toEqual(['ben'])
  })

  it('loads what was stored, including rows another window wrote', async () => {
    const db = freshDb()
    const rec = await listed(db, 'stored', { title: 'Climate cohort' })
    await storeRows(db, 'stored', (doc) => {
      metaMap(doc).set('schemaVersion', 1)
      metaMap(doc).set('title', 'Climate cohort')
      notesText(doc).insert(0, 'Agreed: meet monthly.')
    })
    const session = await open(db, rec)

    expect(readTitle(session.doc)).toBe('Climate cohort')
    expect(notesText(session.doc).toString()).toBe('Agreed: meet monthly.')
    expect(session.migration.get()).toEqual({ status: 'current', version: 1 })
  })
})

describe('edits on this computer', () => {
  it('survive closing and reopening, even one made just before closing', async () => {
    const db = freshDb()
    const rec = await listed(db, 'notes-room', { pendingSeed: 'Notes' })
    const first = await open(db, rec)
    notesText(first.doc).insert(0, 'Saved while open. ')
    await first.whenSaved()
    // No wait for the disk: closing itself must keep it.
    notesText(first.doc).insert(notesText(first.doc).length, 'Typed as the window closed.')
    await close(first)

    const second = await open(db, { ...rec, pendingSeed: undefined })
    expect(notesText(second.doc).toString()).toBe('Saved while open. Typed as the window closed.')
    expect(readPeople(second.doc).map((p) => p.id)).toEqual(['ada'])
  })

  it('reopening adds nothing to the document', async () => {
    const db = freshDb()
    const rec = await listed(db, 'quiet', { pendingSeed: 'Quiet' })
    await close(await open(db, rec))
    const rows = await storedUpdateCount(db, 'quiet')
    await close(await open(db, { ...rec, pendingSeed: undefined }))
    expect(await storedUpdateCount(db, 'quiet')).toBe(rows)
  })

  it('keep the convening list in step: its title and how many people, while open and on closing', async () => {
    const db = freshDb()
    const rec = await listed(db, 'listed', { pendingSeed: 'Before' })
    const session = await open(db, rec)
    metaMap(session.doc).set('title', 'After')
    await vi.waitFor(async () => expect(await db.convenings.get('listed')).toMatchObject({ title: 'After', peopleCount: 1 }))

    session.doc.transact(() => {
      const ben = new Y.Map<unknown>()
      for (const [key, value] of Object.entries(BEN)) ben.set(key, value)
      session.doc.getMap('people').set('ben', ben)
      metaMap(session.doc).set('title', 'Closed with two')
    })
    await close(session)
    expect(await db.convenings.get('listed')).toMatchObject({ title: 'Closed with two', peopleCount: 2 })
  })

  it('keep being saved while working offline, and the person still sees themselves', async () => {
    const db = freshDb()
    const rec = await listed(db, 'offline', { pendingSeed: 'Offline' })
    const session = await open(db, rec)
    expect(session.connection.get().signaling).toBe('connecting')

    session.setPaused(true)
    expect(session.isPaused).toBe(true)
    expect(session.connection.get()).toMatchObject({ signaling: 'paused', peers: 0 })
    expect((session.awareness.getLocalState() as { user?: { id: string } } | null)?.user?.id).toBe('ada')
    notesText(session.doc).insert(0, 'Written on the train.')
    await session.whenSaved()
    expect(notesText(await stored(db, 'offline')).toString()).toBe('Written on the train.')

    session.setPaused(false)
    expect(session.connection.get().signaling).toBe('connecting')
  })
})

describe('closing', () => {
  it('a closed session writes nothing more, and closing twice is harmless', async () => {
    const db = freshDb()
    const rec = await listed(db, 'closed', { pendingSeed: 'Closed' })
    const session = await open(db, rec)
    await close(session)
    await session.destroy()
    const rows = await storedUpdateCount(db, 'closed')

    notesText(session.doc).insert(0, 'after closing')
    metaMap(session.doc).set('title', 'Changed after closing')
    // Anything the closed session still queued would go ahead of this write (writes keep their order).
    const marker = new UpdateLog(db, 'closed', null)
    const other = new Y.Doc()
    other.getMap('marker').set('written', true)
    marker.append(Y.encodeStateAsUpdate(other))
    await marker.whenFlushed()

    expect(await storedUpdateCount(db, 'closed')).toBe(rows + 1)
    const reopened = await stored(db, 'closed')
    expect(notesText(reopened).toString()).toBe('')
    expect(readTitle(reopened)).toBe('Closed')
    expect((await db.convenings.get('closed'))?.title).toBe('Closed')
  })

  it('a session for the same room opened while the last one is still closing opens, with what was saved', async () => {
    const db = freshDb()
    const rec = await listed(db, 'strict', { pendingSeed: 'Strict mode' })
    const first = await open(db, rec)
    notesText(first.doc).insert(0, 'kept')
    await first.whenSaved()
    sessions.splice(sessions.indexOf(first), 1)
    // An edit still on its way to disk keeps the first session's room open a while longer.
    notesText(first.doc).insert(4, '!')
    const closing = first.destroy()
    // Opens beside the closing one (y-webrtc allows one provider per room: the session waits its turn).
    const second = await open(db, { ...rec, pendingSeed: undefined })
    await closing
    expect(notesText(second.doc).toString()).toMatch(/^kept/)
    expect(second.doc.isDestroyed).toBe(false)
    expect(first.doc.isDestroyed).toBe(true)
  })
})

describe('what is stored, when it is damaged or long', () => {
  it('a damaged stored update does not keep the convening from opening, is reported, and nothing else is lost', async () => {
    const db = freshDb()
    const rec = await listed(db, 'damaged', { title: 'Damaged' })
    await storeRows(db, 'damaged', (doc) => {
      metaMap(doc).set('schemaVersion', 1)
      metaMap(doc).set('title', 'Damaged')
    })
    await db.updates.add({ conveningId: 'damaged', update: new TextEncoder().encode('not an update at all') })
    await storeRows(db, 'damaged', (doc) => notesText(doc).insert(0, 'Still here.'))
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)

    const session = await open(db, rec)
    expect(readTitle(session.doc)).toBe('Damaged')
    expect(notesText(session.doc).toString()).toBe('Still here.')
    expect(warn).toHaveBeenCalledWith('Convene: skipped a damaged stored update', expect.any(Error))
    // The rows are left as they were (a short log is not compacted on opening).
    expect(await storedUpdateCount(db, 'damaged')).toBeGreaterThanOrEqual(3)
  })

  it("a document whose title is not text keeps the list's title", async () => {
    const db = freshDb()
    const rec = await listed(db, 'odd-title', { title: 'Listed title' })
    await storeRows(db, 'odd-title', (doc) => {
      metaMap(doc).set('schemaVersion', 1)
      metaMap(doc).set('title', 42)
    })
    const session = await open(db, rec)
    expect(readTitle(session.doc)).toBe('')
    await close(session)
    expect(await db.convenings.get('odd-title')).toMatchObject({ title: 'Listed title', peopleCount: 1 })
  })

  it('a document from a newer build is reported as newer and left at its version', async () => {
    const db = freshDb()
    const rec = await listed(db, 'future')
    await storeRows(db, 'future', (doc) => {
      metaMap(doc).set('schemaVersion', 99)
      metaMap(doc).set('title', 'From a newer Convene')
    })
    const session = await open(db, rec)
    expect(session.migration.get()).toEqual({ status: 'newer', version: 99 })
    await close(session)
    expect(metaMap(await stored(db, 'future')).get('schemaVersion')).toBe(99)
  })

  it('a long log is folded into one row soon after opening, and nothing is lost', async () => {
    const db = freshDb()
    const rec = await listed(db, 'long', { title: 'Long' })
    await storeRows(db, 'long', (doc) => {
      for (let i = 0; i < 150; i++) doc.getArray('items').push([i])
    })
    const session = await open(db, rec)
    expect(session.doc.getArray('items').length).toBe(150)
    await vi.waitFor(async () => expect(await storedUpdateCount(db, 'long')).toBe(1), { timeout: 5000, interval: 50 })
    await close(session)

    const reopened = await stored(db, 'long')
    expect(reopened.getArray('items').toArray()).toEqual([...Array(150).keys()])
    expect(readPeople(reopened).map((p) => p.id)).toEqual(['ada'])
  })
})

describe('a room of another kind (a cohort)', () => {
  it('is seeded by its kind and keeps its own list up to date, not the convenings', async () => {
    const db = freshDb()
    const kind: SessionKind = {
      seed: (doc, rec) => metaMap(doc).set('title', `Cohort ${rec.pendingSeed ?? ''}`),
      migrate: () => ({ status: 'current', version: 7 }),
      recordTable: 'cohorts',
    }
    const rec = record('cohort-room', { pendingSeed: '2025' })
    await db.cohorts.put(rec)
    const session = await open(db, rec, { kind })

    expect(readTitle(session.doc)).toBe('Cohort 2025')
    expect(session.migration.get()).toEqual({ status: 'current', version: 7 })
    await close(session)
    const kept = await db.cohorts.get('cohort-room')
    expect(kept).toMatchObject({ title: 'Cohort 2025', peopleCount: 1 })
    expect(kept?.pendingSeed).toBeUndefined()
    expect(await db.convenings.count()).toBe(0)
  })
})

describe('the update log after a save that beat an edit’s own timer (renderer/sync/persistence.ts)', () => {
  // UpdateLog.startFlush used to do `this.flushing ??= this.flush().catch(...)`. When
  // nothing was pending, flush() ran to its `finally { this.flushing = null }`
  // synchronously, before the assignment, so `flushing` kept a settled promise for good:
  // append() then returned early and nothing more was written, and whenFlushed()
  // (whenSaved, destroy) spun on that promise, freezing the page. It happened when the
  // zero-delay write an edit schedules ran after something else (whenSaved, the seed in
  // start(), the remote batch) had already written that edit.
  it('an edit made after a save that beat its own timer is still saved', async () => {
    const db = new ConveneDB(`session-test-${counter++}`) // a plain fake-indexeddb: no slowed writes
    dbs.push(db)
    const rec = await listed(db, 'raced')
    const session = await ConveningSession.open({ db, record: rec, me: ADA, network: { signaling: [], relays: [], iceServers: [] } })
    const log = (session as unknown as { log: { flushing: unknown } }).log
    try {
      await session.whenSaved()
      const rows = await storedUpdateCount(db, 'raced')
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
      notesText(session.doc).insert(0, 'first') // its write waits for a zero-delay timer...
      await session.whenSaved() // ...which this save beats (fake-indexeddb runs on setImmediate)
      vi.runOnlyPendingTimers() // the timer now finds nothing to write
      vi.useRealTimers()
      notesText(session.doc).insert(5, ', second')
      await vi.waitFor(async () => expect(await storedUpdateCount(db, 'raced')).toBe(rows + 2), { timeout: 1000, interval: 20 })
    } finally {
      vi.useRealTimers()
      // Were the bug back, closing would never return: unstick the log so the failure is reported.
      log.flushing = null
      await session.destroy()
    }
  })
})

