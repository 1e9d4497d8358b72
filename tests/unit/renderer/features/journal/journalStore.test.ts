import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { ConveneDB } from '../../../../../renderer/sync/db'
import { JOURNAL_MAX, entryId, loadEntry, saveEntry } from '../../../../../renderer/features/journal/journalStore'

let counter = 0
const dbs: ConveneDB[] = []
function freshDb(): ConveneDB {
  const db = new ConveneDB(`journal-test-${counter++}`)
  dbs.push(db)
  return db
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete()
})

describe('the private journal on this computer', () => {
  it('keeps one entry per convening and prompt, with general notes apart', async () => {
    const db = freshDb()
    await saveEntry(db, 'room-a', 'p1', 'About the first prompt', 1_000)
    await saveEntry(db, 'room-a', null, 'General', 1_100)
    await saveEntry(db, 'room-b', 'p1', 'Another convening', 1_200)
    expect(await loadEntry(db, 'room-a', 'p1')).toBe('About the first prompt')
    expect(await loadEntry(db, 'room-a', null)).toBe('General')
    expect(await loadEntry(db, 'room-b', 'p1')).toBe('Another convening')
    expect(await loadEntry(db, 'room-b', 'p2')).toBe('')
    expect(await db.journal.where('conveningId').equals('room-a').count()).toBe(2)
  })

  it('keeps when an entry was begun, and removes an entry that is emptied', async () => {
    const db = freshDb()
    await saveEntry(db, 'room-a', 'p1', 'First words', 1_000)
    await saveEntry(db, 'room-a', 'p1', 'First words, and more', 5_000)
    expect(await db.journal.get(entryId('room-a', 'p1'))).toMatchObject({ createdAt: 1_000, updatedAt: 5_000, text: 'First words, and more', promptId: 'p1' })
    await saveEntry(db, 'room-a', 'p1', '   ', 6_000)
    expect(await db.journal.get(entryId('room-a', 'p1'))).toBeUndefined()
  })

  it('caps an entry at its limit rather than failing', async () => {
    const db = freshDb()
    await saveEntry(db, 'room-a', null, 'x'.repeat(JOURNAL_MAX + 10))
    expect((await loadEntry(db, 'room-a', null)).length).toBe(JOURNAL_MAX)
  })
})
