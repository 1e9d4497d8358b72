import { BUILT_IN_DECKS, checkDeck, DeckSchema, parseDeckFile, type Deck } from '../../../shared/conversation'
import { newItemId } from '../../../shared/session'
import { useLiveQuery, type ConveneDB } from '../../sync'
import type { useT } from '../../i18n'

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

/**
 * A deck file opened from disk joins this person's library. A deck whose id is already
 * taken (a built-in deck, or one of theirs) comes in as a copy with an id of its own,
 * so opening a colleague's version never overwrites a deck already here.
 */
export async function importDeckFile(db: ConveneDB, bytes: Uint8Array, t: ReturnType<typeof useT>): Promise<SaveResult> {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return { ok: false, message: t({ id: 'conversation.deck.notText', defaultMessage: 'This file is not a Convene deck: it is not text.' }) }
  }
  const parsed = parseDeckFile(text)
  if (!parsed.ok) return parsed
  const taken = BUILT_IN_DECKS.some((d) => d.id === parsed.deck.id) || (await db.library.get(`deck:${parsed.deck.id}`)) !== undefined
  const deck = taken ? { ...parsed.deck, id: `own-${newItemId()}` } : parsed.deck
  await db.library.put({ id: `deck:${deck.id}`, kind: 'deck', name: deck.title, data: deck, updatedAt: Date.now() })
  return { ok: true, deck }
}
