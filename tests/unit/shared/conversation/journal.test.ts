import { describe, expect, it } from 'vitest'
import { journalToMarkdown, pickDeck, promptTextById, readCurrent, goTo } from '../../../../shared/conversation'
import { convening, deck } from './helpers'

describe('journal export', () => {
  it('writes the owner’s entries as Markdown with the prompt each answered', () => {
    const doc = convening()
    pickDeck(doc, 'fran', deck, 1)
    goTo(doc, 'fran', 'next', readCurrent(doc)!, 2)
    // The deck is replaced later: prompts already shown keep their words.
    pickDeck(doc, 'fran', { ...deck, id: 'other', prompts: [{ id: 'z', text: 'Other?' }] }, 3)
    const markdown = journalToMarkdown(
      [
        { promptId: 'b', text: 'Thinking about money.\n\nAnd time.', createdAt: Date.UTC(2026, 2, 1, 9, 30), updatedAt: 0 },
        { promptId: null, text: 'General thought', createdAt: Date.UTC(2026, 2, 1, 9, 0), updatedAt: 0 },
        { promptId: 'a', text: '   ', createdAt: 5, updatedAt: 0 },
      ],
      { conveningTitle: 'Spring  circle', promptText: (id) => promptTextById(doc, id), now: Date.UTC(2026, 2, 1, 12), timeZone: 'UTC' },
    )
    expect(markdown).toContain('# My journal: Spring circle')
    expect(markdown.indexOf('General thought')).toBeLessThan(markdown.indexOf('Thinking about money.'))
    expect(markdown).toContain('> Second question?\n\nThinking about money.\n\nAnd time.')
    expect(markdown).toContain('## General notes · 1 Mar 2026, 09:00')
    expect(markdown).not.toContain('First question?')
    expect(promptTextById(doc, 'nope')).toBeNull()
  })

  it('says so when there is nothing to export', () => {
    expect(journalToMarkdown([], { conveningTitle: '', promptText: () => null, now: 0, timeZone: 'UTC' })).toContain('Nothing written yet.')
  })
})
