import { z } from 'zod'
import data from '../../resources/conversation/decks.json'
import { DeckSchema, type Deck } from './deck'

/**
 * The built-in decks (resources/conversation/decks.json, our own wording), validated
 * when loaded. Each deck must hold prompts; a fault in the file is reported by the unit
 * tests and the faulty deck is left out of the list rather than shown half-broken.
 */
export const DeckFileSchema = z.object({
  version: z.literal(1),
  decks: z.array(z.unknown()),
})

export interface DeckLoad {
  decks: Deck[]
  problems: string[]
}

export function loadDecks(input: unknown): DeckLoad {
  const file = DeckFileSchema.safeParse(input)
  if (!file.success) return { decks: [], problems: ['The deck file is not in the expected shape.'] }
  const decks: Deck[] = []
  const problems: string[] = []
  const ids = new Set<string>()
  file.data.decks.forEach((raw, i) => {
    const parsed = DeckSchema.safeParse(raw)
    if (!parsed.success) return problems.push(`Deck ${i + 1}: ${parsed.error.issues[0]?.message ?? 'not valid'} at ${parsed.error.issues[0]?.path.join('.')}`)
    if (parsed.data.prompts.length === 0) return problems.push(`Deck ${i + 1} (${parsed.data.id}) has no prompts`)
    if (ids.has(parsed.data.id)) return problems.push(`Deck ${i + 1} repeats the id ${parsed.data.id}`)
    ids.add(parsed.data.id)
    decks.push(parsed.data)
  })
  return { decks, problems }
}

const builtIn = loadDecks(data)

export const BUILT_IN_DECKS: readonly Deck[] = builtIn.decks
export const BUILT_IN_DECK_PROBLEMS: readonly string[] = builtIn.problems
