import { BUILT_IN_DECKS, checkDeck, DeckSchema, type Deck } from '../../../shared/conversation'
import { newItemId } from '../../../shared/session'
import { useLiveQuery, type ConveneDB } from '../../sync'

/**
 * This person's own decks, kept in the local library (Dexie `library`, kind 'deck'),
 * for reuse in later convenings. Rows that do not parse (another build, a damaged
 * profile) are left out rather than shown broken.
 */
export function useLibraryDecks(db: ConveneDB): Deck[] {
  return (
    useLiveQuery(async () => {
      const rows = await db.library.where('kind').equals('deck').toArray()
      const decks: Deck[] = []
      for (const row of rows) {
        const parsed = DeckSchema.safeParse(row.data)
        if (parsed.success) decks.push(parsed.data)
      }
      return decks.sort((a, b) => a.title.localeCompare(b.title))
    }, [db]) ?? []
  )
}

export type SaveResult = { ok: true; deck: Deck } | { ok: false; message: string }

export async function saveToLibrary(db: ConveneDB, deck: unknown): Promise<SaveResult> {
  const checked = checkDeck(deck)
  if (!checked.ok) return checked
  // A built-in deck saved after editing becomes the person's own (a new id), so the
  // built-in one stays as authored.
  const own = BUILT_IN_DECKS.some((d) => d.id === checked.deck.id) ? { ...checked.deck, id: `own-${newItemId()}` } : checked.deck
  await db.library.put({ id: `deck:${own.id}`, kind: 'deck', name: own.title, data: own, updatedAt: Date.now() })
  return { ok: true, deck: own }
}

export async function removeFromLibrary(db: ConveneDB, deckId: string): Promise<void> {
  await db.library.delete(`deck:${deckId}`)
}
