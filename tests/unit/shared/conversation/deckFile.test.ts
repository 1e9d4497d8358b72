import { describe, expect, it } from 'vitest'
import { BUILT_IN_DECKS, DECK_FILE_MAX_CHARS, deckFileName, deckToFile, parseDeckFile } from '../../../../shared/conversation'

const deck = BUILT_IN_DECKS[0]

describe('deck files', () => {
  it('round-trip every built-in deck exactly', () => {
    for (const d of BUILT_IN_DECKS) expect(parseDeckFile(deckToFile(d))).toEqual({ ok: true, deck: d })
  })

  it('name the file after the deck, safely', () => {
    expect(deckFileName({ title: 'Gathering our breath' })).toBe('Gathering our breath.json')
    expect(deckFileName({ title: 'Rounds: who/what?' })).not.toMatch(/[/:?]/)
  })

  it('refuse what is not a deck, saying why, and never throw', () => {
    const bad: [string, RegExp][] = [
      ['not json at all', /not JSON/],
      ['{"format":"something-else","version":1,"deck":{}}', /not a Convene deck/],
      [JSON.stringify(deck), /not a Convene deck/],
      [JSON.stringify({ format: 'convene-deck', version: 9, deck }), /newer version/],
      [JSON.stringify({ format: 'convene-deck', version: 1, deck: { ...deck, prompts: [] } }), /no prompts/],
      [JSON.stringify({ format: 'convene-deck', version: 1, deck: { ...deck, prompts: [{ id: 'a', text: '' }] } }), /Prompt 1: A prompt needs some words/],
      [JSON.stringify({ format: 'convene-deck', version: 1, deck: { ...deck, id: '../../etc' } }), /cannot be used/],
      ['x'.repeat(DECK_FILE_MAX_CHARS + 1), /too large/],
    ]
    for (const [text, message] of bad) expect(parseDeckFile(text)).toEqual({ ok: false, message: expect.stringMatching(message) })
  })
})
