import { describe, expect, it } from 'vitest'
import { BUILT_IN_DECKS, BUILT_IN_DECK_PROBLEMS, checkDeck, checkUsableDeck, loadDecks, movePrompt, freshPromptId } from '../../../../shared/conversation'
import { deck } from './helpers'

describe('built-in decks', () => {
  it('all load, with prompts, and none is left out', () => {
    expect(BUILT_IN_DECK_PROBLEMS).toEqual([])
    for (const d of BUILT_IN_DECKS) expect(d.prompts.length).toBeGreaterThan(0)
  })

  it('cover every deck the issue asks for', () => {
    const ids = BUILT_IN_DECKS.map((d) => d.id)
    for (const id of ['check-in', 'check-out', 'iceberg', 'iceberg-aspiration', 'ladder-of-inference', 'creative-tension', 'advocacy-inquiry', 'left-hand-column', 'habits-systems-thinker', 'sdg-stakeholders', 'world-climate-debrief'])
      expect(ids).toContain(id)
    const tension = BUILT_IN_DECKS.find((d) => d.id === 'creative-tension')!
    expect(tension.prompts.map((p) => p.label)).toEqual(expect.arrayContaining(['Vision', 'Current reality', 'The gap', 'Feelings']))
  })

  it('a broken deck in the file is reported and left out, the rest still load', () => {
    const result = loadDecks({ version: 1, decks: [deck, { ...deck, id: 'bad', prompts: [{ id: 'x', text: '' }] }, { ...deck, id: 'empty', prompts: [] }, deck] })
    expect(result.decks.map((d) => d.id)).toEqual(['test-deck'])
    expect(result.problems).toHaveLength(3)
    expect(result.problems[1]).toMatch(/no prompts/)
    expect(result.problems[2]).toMatch(/repeats/)
    expect(loadDecks('nonsense')).toEqual({ decks: [], problems: ['The deck file is not in the expected shape.'] })
  })
})

describe('deck validation', () => {
  it('an empty deck can be saved as a draft but not used', () => {
    const empty = { id: 'd', title: 'Draft', prompts: [] }
    expect(checkDeck(empty).ok).toBe(true)
    expect(checkUsableDeck(empty)).toEqual({ ok: false, message: 'This deck has no prompts yet. Add at least one prompt before using it.' })
  })

  it('names the prompt at fault', () => {
    const long = checkDeck({ ...deck, prompts: [deck.prompts[0], { id: 'z', text: 'x'.repeat(401) }] })
    expect(long).toEqual({ ok: false, message: 'Prompt 2: Keep a prompt under 400 characters' })
    const blank = checkDeck({ ...deck, prompts: [{ id: 'z', text: '   ' }] })
    expect(blank).toEqual({ ok: false, message: 'Prompt 1: A prompt needs some words' })
    const twice = checkDeck({ ...deck, prompts: [deck.prompts[0], deck.prompts[0]] })
    expect(twice.ok).toBe(false)
    expect(checkDeck({ ...deck, title: ' ' })).toEqual({ ok: false, message: 'A deck needs a title' })
    expect(checkDeck({ ...deck, prompts: [{ ...deck.prompts[0], mode: 'karaoke' }] }).ok).toBe(false)
  })

  it('reorders prompts and keeps their ids', () => {
    expect(movePrompt(deck, 2, 0).prompts.map((p) => p.id)).toEqual(['c', 'a', 'b'])
    expect(movePrompt(deck, 0, 9).prompts.map((p) => p.id)).toEqual(['b', 'c', 'a'])
    expect(movePrompt(deck, 5, 0)).toBe(deck)
    let n = 0
    const ids = ['a', 'a', 'q']
    expect(freshPromptId({ prompts: [{ id: 'p-a', text: 'x' }] }, () => ids[n++])).toBe('p-q')
  })
})
