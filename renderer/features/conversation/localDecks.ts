import { BUILT_IN_DECKS, loadDecks, type Deck, type Prompt } from '../../../shared/conversation'
import { translatedContent, type ContentLoaders } from '../../i18n'

/**
 * The built-in decks in a person's language: resources/i18n/<locale>/decks.json, full
 * copies of resources/conversation/decks.json with the same deck and prompt ids. Each
 * language is its own chunk, loaded the first time someone shows it, and checked with
 * the schema the built-in decks use (loadDecks): a missing or broken file means English,
 * and a deck or prompt the file lacks stays in English.
 *
 * Only the person's screen changes: the shared document keeps the deck as it was
 * picked, so a convening can run in several languages at once.
 */
export type DeckLoaders = ContentLoaders

const translatedDecks = translatedContent<readonly Deck[]>({
  file: 'decks.json',
  loaders: import.meta.glob('../../../resources/i18n/*/decks.json', { import: 'default' }),
  read: (data, locale) => {
    const { decks, problems } = loadDecks(data)
    if (problems.length > 0) console.warn(`Convene: the ${locale} prompt decks have problems; those decks stay in English`, problems)
    return decks.length > 0 ? decks : null
  },
  unloaded: (locale) => `the ${locale} prompt decks could not be loaded; they stay in English`,
})

/** The translated built-in decks of a language, or null where there are none (English, a missing or invalid file). */
export function loadLocalDecks(locale: string, loaders?: DeckLoaders): Promise<readonly Deck[] | null> {
  return translatedDecks.load(locale, loaders)
}

/** The translated built-in decks for the person's language (null until loaded, and for English). */
export function useLocalDecks(): readonly Deck[] | null {
  return translatedDecks.use()
}

/** The words of a prompt as a person sees them. */
export interface LocalPrompt {
  text: string
  label?: string
  note?: string
}

function builtInPrompt(deckId: string, promptId: string, builtIn: readonly Deck[]): Prompt | undefined {
  return builtIn.find((d) => d.id === deckId)?.prompts.find((p) => p.id === promptId)
}

/**
 * A prompt of the deck in use in the person's language, or null to show it as written.
 * Only a built-in prompt nobody has edited is translated: same deck id, same prompt id,
 * and the same English words as the built-in one. A facilitator's own wording is theirs
 * and shows as they wrote it. The label and note are translated only where they too are
 * unchanged.
 */
export function localPrompt(deckId: string, prompt: Prompt, translated: readonly Deck[] | null, builtIn: readonly Deck[] = BUILT_IN_DECKS): LocalPrompt | null {
  if (!translated) return null
  const original = builtInPrompt(deckId, prompt.id, builtIn)
  if (!original || original.text !== prompt.text) return null
  const local = translated.find((d) => d.id === deckId)?.prompts.find((p) => p.id === prompt.id)
  if (!local) return null
  const unchanged = (mine: string | undefined, theirs: string | undefined, translation: string | undefined): string | undefined =>
    mine !== undefined && mine === theirs ? (translation ?? mine) : mine
  return {
    text: local.text,
    label: unchanged(prompt.label, original.label, local.label),
    note: unchanged(prompt.note, original.note, local.note),
  }
}

/** A deck's title and description in the person's language when it is a built-in deck as authored; otherwise as written. */
export function localDeck(deck: Deck, translated: readonly Deck[] | null, builtIn: readonly Deck[] = BUILT_IN_DECKS): { title: string; description: string } {
  const original = builtIn.find((d) => d.id === deck.id)
  const local = original && translated?.find((d) => d.id === deck.id)
  if (!original || !local) return { title: deck.title, description: deck.description }
  return {
    title: deck.title === original.title ? local.title : deck.title,
    description: deck.description === original.description ? local.description : deck.description,
  }
}
