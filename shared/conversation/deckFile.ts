import { z } from 'zod'
import { fail, said } from '../result'
import { sanitiseFileName, withExtension } from '../ipc/filename'
import { checkUsableDeck, type Deck, type DeckCheck } from './deck'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const DECK_FILE_MESSAGES = {
  tooLarge: { id: 'shared.conversation.deckFile.tooLarge', defaultMessage: 'This file is too large to be a deck of prompts.' },
  notJson: { id: 'shared.conversation.deckFile.notJson', defaultMessage: 'This file is not a Convene deck: it is not JSON text.' },
  notDeck: { id: 'shared.conversation.deckFile.notDeck', defaultMessage: 'This file is not a Convene deck (it does not say "convene-deck").' },
  newer: { id: 'shared.conversation.deckFile.newer', defaultMessage: 'This deck was saved by a newer version of Convene. Update Convene to open it.' },
  cannotUse: { id: 'shared.conversation.deckFile.cannotUse', defaultMessage: 'This deck cannot be used: {problem}' },
} as const
const MSG = DECK_FILE_MESSAGES

/**
 * A deck as a file a facilitator can send to a colleague or keep beside their notes:
 * JSON with a small envelope that says what it is, so a wrong file is named as such.
 *
 *   { "format": "convene-deck", "version": 1, "deck": { id, title, description, prompts } }
 */
export const DECK_FILE_FORMAT = 'convene-deck'
export const DECK_FILE_VERSION = 1
export const DECK_FILE_EXTENSION = 'json'
/** A deck at its limits is about 70 KB; anything much larger is not a deck. */
export const DECK_FILE_MAX_CHARS = 200_000

const EnvelopeSchema = z.object({ format: z.literal(DECK_FILE_FORMAT), version: z.number().int(), deck: z.unknown() })

export function deckToFile(deck: Deck): string {
  return `${JSON.stringify({ format: DECK_FILE_FORMAT, version: DECK_FILE_VERSION, deck }, null, 2)}\n`
}

/** "Gathering our breath.json" from a deck's title, safe on every system. */
export function deckFileName(deck: Pick<Deck, 'title'>): string {
  return sanitiseFileName(withExtension(deck.title, DECK_FILE_EXTENSION))
}

/** Read a deck file; every refusal says what is wrong in words a facilitator can act on. */
export function parseDeckFile(text: string): DeckCheck {
  if (text.length > DECK_FILE_MAX_CHARS) return fail(MSG.tooLarge)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return fail(MSG.notJson)
  }
  const envelope = EnvelopeSchema.safeParse(json)
  if (!envelope.success) return fail(MSG.notDeck)
  if (envelope.data.version > DECK_FILE_VERSION) return fail(MSG.newer)
  const checked = checkUsableDeck(envelope.data.deck)
  return checked.ok ? checked : fail(said(MSG.cannotUse, { problem: checked.message }))
}
