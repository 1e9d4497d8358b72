import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ConveneDB } from '../../../../renderer/sync/db'
import { STASH_PREFIX, UpdateLog, deleteStoredConvening, storedUpdateCount, type StashStorage } from '../../../../renderer/sync/persistence'

let counter = 0
const dbs: ConveneDB[] = []
function freshDb(): ConveneDB {
  const db = new ConveneDB(`test-${counter++}`)
  dbs.push(db)
  return db
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete()
})

function bind(doc: Y.Doc, log: UpdateLog): void {
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'convene:persistence') log.append(update)
  })
}

describe('local persistence of a convening', () => {
  it('stores every edit as it happens and reloads the same document', async () => {
    const db = freshDb()
    const doc = new Y.Doc()
    const log = new UpdateLog(db, 'room-a')
    await log.load(doc)
    bind(doc, log)
    for (let i = 0; i < 50; i++) doc.getText('notes').insert(i, 'x')
    doc.getMap('meta').set('title', 'Kept')
    await log.whenFlushed()
    expect(await storedUpdateCount(db, 'room-a')).toBe(51)

    const reopened = new Y.Doc()
    await new UpdateLog(db, 'room-a').load(reopened)
    expect(reopened.getText('notes').toString()).toBe('x'.repeat(50))
    expect(reopened.getMap('meta').get('title')).toBe('Kept')
  })

  it('gathers updates from other peers into one write, and my own edits go at once', async () => {
    const db = freshDb()
    const log = new UpdateLog(db, 'room')
    const other = new Y.Doc()
    const remote: Uint8Array[] = []
    other.on('update', (u: Uint8Array) => remote.push(u))
    for (let i = 0; i < 100; i++) other.getArray('items').push([i])
    for (const update of remote) log.append(update, true)
    expect(await storedUpdateCount(db, 'room')).toBe(0) // still gathering
    const mine = new Y.Doc()
    mine.getMap('meta').set('title', 'mine')
    log.append(Y.encodeStateAsUpdate(mine)) // my edit starts the write, taking the gathered ones along
    await log.whenFlushed()
    expect(await storedUpdateCount(db, 'room')).toBe(101)
    const reopened = new Y.Doc()
    await new UpdateLog(db, 'room').load(reopened)
    expect(reopened.getArray('items').length).toBe(100)
    expect(reopened.getMap('meta').get('title')).toBe('mine')
  })

  it('keeps convenings apart', async () => {
    const db = freshDb()
    for (const room of ['one', 'two']) {
      const doc = new Y.Doc()
      const log = new UpdateLog(db, room)
      bind(doc, log)
      doc.getMap('meta').set('title', room)
      await log.whenFlushed()
    }
    const two = new Y.Doc()
    await new UpdateLog(db, 'two').load(two)
    expect(two.getMap('meta').get('title')).toBe('two')
    await deleteStoredConvening(db, 'one')
    expect(await storedUpdateCount(db, 'one')).toBe(0)
    expect(await storedUpdateCount(db, 'two')).toBe(1)
  })

  it('compaction folds the log into one row and loses nothing, even rows another window wrote', async () => {
    const db = freshDb()
    const mine = new Y.Doc()
    const myLog = new UpdateLog(db, 'room')
    bind(mine, myLog)
    for (let i = 0; i < 30; i++) mine.getArray('items').push([`mine-${i}`])
    await myLog.whenFlushed()

    // Another window's edits, which this window never received.
    const theirs = new Y.Doc()
    const theirLog = new UpdateLog(db, 'room')
    bind(theirs, theirLog)
    theirs.getMap('meta').set('from-other-window', true)
    await theirLog.whenFlushed()

    await myLog.compact()
    expect(await storedUpdateCount(db, 'room')).toBe(1)
    const reopened = new Y.Doc()
    await new UpdateLog(db, 'room').load(reopened)
    expect(reopened.getArray('items').length).toBe(30)
    expect(reopened.getMap('meta').get('from-other-window')).toBe(true)
  })

  it('edits made while compacting are kept', async () => {
    const db = freshDb()
    const doc = new Y.Doc()
    const log = new UpdateLog(db, 'room')
    bind(doc, log)
    for (let i = 0; i < 20; i++) doc.getArray('items').push([i])
    const compacting = log.compact()
    for (let i = 20; i < 40; i++) doc.getArray('items').push([i])
    await compacting
    await log.whenFlushed()
    const reopened = new Y.Doc()
    await new UpdateLog(db, 'room').load(reopened)
    expect(reopened.getArray('items').toArray()).toEqual([...Array(40).keys()])
  })

  describe('when the window closes before IndexedDB confirms the last edits', () => {
    /** Web Storage as the browser keeps it across an unload: a plain synchronous map. */
    function memoryStorage(): StashStorage & { keys(): string[] } {
      const items = new Map<string, string>()
      return {
        get length() {
          return items.size
        },
        key: (i) => [...items.keys()][i] ?? null,
        getItem: (k) => items.get(k) ?? null,
        setItem: (k, v) => void items.set(k, String(v)),
        removeItem: (k) => void items.delete(k),
        keys: () => [...items.keys()],
      }
    }

    it('keeps them through the stash, and the next opening writes them to disk', async () => {
      const db = freshDb()
      const stash = memoryStorage()
      const doc = new Y.Doc()
      const log = new UpdateLog(db, 'room', stash)
      await log.load(doc)
      bind(doc, log)
      doc.getText('notes').insert(0, 'Nothing here ')
      await log.whenFlushed()
      doc.getText('notes').insert(13, 'may be lost.')
      // pagehide: the write just started has not committed...
      log.stashUnsaved()
      await log.whenFlushed()
      // ...and the unload aborts it: only the first edit reached the disk.
      const rows = await db.updates.where('conveningId').equals('room').sortBy('seq')
      await db.updates.bulkDelete(rows.slice(1).map((r) => r.seq!))

      const reopened = new Y.Doc()
      await new UpdateLog(db, 'room', stash).load(reopened)
      expect(reopened.getText('notes').toString()).toBe('Nothing here may be lost.')
      expect(stash.keys()).toEqual([])
      const again = new Y.Doc()
      await new UpdateLog(db, 'room', stash).load(again)
      expect(again.getText('notes').toString()).toBe('Nothing here may be lost.')
    })

    it('stashes nothing when everything is on disk, leaves other convenings alone, and drops an unreadable entry', async () => {
      const db = freshDb()
      const stash = memoryStorage()
      const doc = new Y.Doc()
      const log = new UpdateLog(db, 'room', stash)
      bind(doc, log)
      doc.getMap('meta').set('title', 'Saved')
      await log.whenFlushed()
      log.stashUnsaved()
      expect(stash.keys()).toEqual([])

      stash.setItem(`${STASH_PREFIX}room:broken`, '%%% not base64 %%%')
      stash.setItem(`${STASH_PREFIX}room:broken-too`, '***')
      stash.setItem(`${STASH_PREFIX}elsewhere:x`, 'AAA=')
      const reopened = new Y.Doc()
      await new UpdateLog(db, 'room', stash).load(reopened)
      expect(reopened.getMap('meta').get('title')).toBe('Saved')
      expect(stash.keys()).toEqual([`${STASH_PREFIX}elsewhere:x`])
    })
  })
})
