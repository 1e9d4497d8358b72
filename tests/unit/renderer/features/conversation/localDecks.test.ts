import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { BUILT_IN_DECKS, loadDecks, type Deck } from '../../../../../shared/conversation'
import { loadLocalDecks, localDeck, localPrompt, type DeckLoaders } from '../../../../../renderer/features/conversation/localDecks'

const root = join(import.meta.dirname, '..', '..', '..', '..', '..')
const checkIn = BUILT_IN_DECKS.find((d) => d.id === 'check-in')!
const first = checkIn.prompts[0]

/** A translated copy of the built-in decks, as a translator's decks.json holds them ("[xx] " before every text). */
function translatedFile(): unknown {
  const mark = (text: string | undefined): string | undefined => (text === undefined ? undefined : `[xx] ${text}`)
  return {
    version: 1,
    decks: BUILT_IN_DECKS.map((deck) => ({
      ...deck,
      title: mark(deck.title),
      description: mark(deck.description),
      prompts: deck.prompts.map((p) => ({ ...p, text: mark(p.text), label: mark(p.label), note: mark(p.note) })),
    })),
  }
}

function loaders(files: Record<string, unknown>): DeckLoaders {
  return Object.fromEntries(Object.entries(files).map(([locale, data]) => [`../../../resources/i18n/${locale}/decks.json`, () => Promise.resolve(data)]))
}

async function translated(locale = 'xx'): Promise<readonly Deck[] | null> {
  return loadLocalDecks(locale, loaders({ xx: translatedFile() }))
}

describe('a built-in prompt in the person’s language', () => {
  it('is translated while it is the built-in prompt as authored', async () => {
    const decks = await translated()
    const shown = localPrompt(checkIn.id, first, decks)
    expect(shown?.text).toBe(`[xx] ${first.text}`)
    expect(shown?.label).toBe(first.label && `[xx] ${first.label}`)
    expect(shown?.note).toBe(first.note && `[xx] ${first.note}`)
    expect(localDeck(checkIn, decks)).toEqual({ title: `[xx] ${checkIn.title}`, description: `[xx] ${checkIn.description}` })
  })

  it('stays as the facilitator wrote it once they edited its words', async () => {
    const decks = await translated()
    expect(localPrompt(checkIn.id, { ...first, text: 'How are you, really?' }, decks)).toBeNull()
    // Same words under a deck of the facilitator's own (a copy with a new id): theirs, not ours.
    expect(localPrompt('own-abc', first, decks)).toBeNull()
    // An edited label stays as written while the untouched words are translated.
    const relabelled = localPrompt(checkIn.id, { ...first, label: 'Our opening' }, decks)
    expect(relabelled).toMatchObject({ text: `[xx] ${first.text}`, label: 'Our opening' })
    expect(localDeck({ ...checkIn, title: 'Our check-in' }, decks).title).toBe('Our check-in')
  })

  it('is English where the language has no deck file, or a broken one', async () => {
    expect(await loadLocalDecks('en')).toBeNull()
    expect(await loadLocalDecks('da', loaders({}))).toBeNull()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(await loadLocalDecks('xx', loaders({ xx: { version: 2, decks: 'nope' } }))).toBeNull()
    expect(await loadLocalDecks('xx', { '../../../resources/i18n/xx/decks.json': () => Promise.reject(new Error('chunk failed')) })).toBeNull()
    // A deck that fails the built-in schema is left out; the rest of the file still counts.
    const file = translatedFile() as { version: 1; decks: Record<string, unknown>[] }
    file.decks[0] = { ...file.decks[0], title: '' }
    const partial = await loadLocalDecks('xx', loaders({ xx: file }))
    warn.mockRestore()
    expect(localPrompt(BUILT_IN_DECKS[0].id, BUILT_IN_DECKS[0].prompts[0], partial)).toBeNull()
    const other = BUILT_IN_DECKS[1]
    expect(localPrompt(other.id, other.prompts[0], partial)?.text).toBe(`[xx] ${other.prompts[0].text}`)
    expect(localPrompt(checkIn.id, first, null)).toBeNull()
    expect(localDeck(checkIn, null)).toEqual({ title: checkIn.title, description: checkIn.description })
  })

  it('reads the translators’ files with the built-in decks’ schema and ids', async () => {
    const dir = join(root, 'resources', 'i18n')
    const ids = new Set(BUILT_IN_DECKS.map((d) => d.id))
    for (const locale of readdirSync(dir)) {
      const path = join(dir, locale, 'decks.json')
      if (!existsSync(path)) continue
      const { decks, problems } = loadDecks(JSON.parse(readFileSync(path, 'utf8')))
      expect(problems, locale).toEqual([])
      // The app finds the file by the same path (import.meta.glob in localDecks.ts).
      expect(await loadLocalDecks(locale), locale).not.toBeNull()
      for (const deck of decks) {
        expect(ids.has(deck.id), `${locale}: ${deck.id}`).toBe(true)
        const original = BUILT_IN_DECKS.find((d) => d.id === deck.id)!
        expect(deck.prompts.map((p) => p.id), `${locale}: ${deck.id}`).toEqual(original.prompts.map((p) => p.id))
      }
    }
  })
})
