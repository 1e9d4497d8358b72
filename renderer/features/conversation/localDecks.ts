import { useEffect, useState } from 'react'
import { BUILT_IN_DECKS, loadDecks, type Deck, type Prompt } from '../../../shared/conversation'
import { useIntl } from '../../i18n'

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
export type DeckLoaders = Record<string, () => Promise<unknown>>

const LOADERS: DeckLoaders = import.meta.glob('../../../resources/i18n/*/decks.json', { import: 'default' })

function loaderFor(loaders: DeckLoaders, locale: string): (() => Promise<unknown>) | undefined {
  return loaders[`../../../resources/i18n/${locale}/decks.json`]
}

const loaded = new Map<string, Promise<readonly Deck[] | null>>()

/** The translated built-in decks of a language, or null where there are none (English, a missing or invalid file). */
export function loadLocalDecks(locale: string, loaders: DeckLoaders = LOADERS): Promise<readonly Deck[] | null> {
  const load = loaderFor(loaders, locale)
  if (!load) return Promise.resolve(null)
  // Cached per language for the app's own files; a test's loaders are read afresh.
  const cached = loaders === LOADERS ? loaded.get(locale) : undefined
  if (cached) return cached
  const pending = load().then(
    (data) => {
      const { decks, problems } = loadDecks(data)
      if (problems.length > 0) console.warn(`Convene: the ${locale} prompt decks have problems; those decks stay in English`, problems)
      return decks.length > 0 ? decks : null
    },
    (error: unknown) => {
      console.warn(`Convene: the ${locale} prompt decks could not be loaded; they stay in English`, error)
      return null
    },
  )
  if (loaders === LOADERS) loaded.set(locale, pending)
  return pending
}

/** The translated built-in decks for the person's language (null until loaded, and for English). */
export function useLocalDecks(): readonly Deck[] | null {
  const { locale } = useIntl()
  const [state, setState] = useState<{ locale: string; decks: readonly Deck[] | null }>({ locale: '', decks: null })
  useEffect(() => {
    let live = true
    void loadLocalDecks(locale).then((decks) => {
      if (live) setState({ locale, decks })
    })
    return () => {
      live = false
    }
  }, [locale])
  return state.locale === locale ? state.decks : null
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
