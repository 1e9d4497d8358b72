import 'fake-indexeddb/auto'
import { ConveneDB } from '../../../../renderer/sync/db'

/**
 * A database whose writes of updates start a zero-delay timer later, as IndexedDB in a
 * browser commits later than such a timer fires (fake-indexeddb can commit sooner).
 * Each one made is listed in `made`, for the test file to delete after each test.
 */
export function browserLikeDb(name: string, made: ConveneDB[]): ConveneDB {
  const db = new ConveneDB(name)
  made.push(db)
  const bulkAdd = db.updates.bulkAdd.bind(db.updates)
  db.updates.bulkAdd = ((...args: Parameters<typeof bulkAdd>) =>
    new Promise((resolve) => setTimeout(resolve, 0)).then(() => bulkAdd(...args))) as typeof bulkAdd
  return db
}
