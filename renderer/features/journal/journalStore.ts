import { type ConveneDB, type JournalEntry, useLiveQuery } from '../../sync'

/**
 * The private journal: one entry per convening and prompt (plus general notes), in this
 * computer's own database only. Nothing here touches the convening document, so
 * nothing here is ever synced.
 */
export const GENERAL = 'general'
export const JOURNAL_MAX = 100_000

export function entryId(conveningId: string, promptId: string | null): string {
  return `${conveningId}:${promptId ?? GENERAL}`
}

export function useJournalEntries(db: ConveneDB, conveningId: string): JournalEntry[] {
  return useLiveQuery(() => db.journal.where('conveningId').equals(conveningId).sortBy('createdAt'), [db, conveningId]) ?? []
}

export async function loadEntry(db: ConveneDB, conveningId: string, promptId: string | null): Promise<string> {
  const entry = await db.journal.get(entryId(conveningId, promptId))
  return typeof entry?.text === 'string' ? entry.text : ''
}

/** Save (or, when emptied, remove) an entry. */
export async function saveEntry(db: ConveneDB, conveningId: string, promptId: string | null, text: string, now = Date.now()): Promise<void> {
  const id = entryId(conveningId, promptId)
  const body = text.slice(0, JOURNAL_MAX)
  await db.transaction('rw', db.journal, async () => {
    const existing = await db.journal.get(id)
    if (body.trim() === '') {
      if (existing) await db.journal.delete(id)
      return
    }
    await db.journal.put({ id, conveningId, promptId, text: body, createdAt: existing?.createdAt ?? now, updatedAt: now })
  })
}
