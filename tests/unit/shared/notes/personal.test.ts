import { describe, expect, it } from 'vitest'
import { collectHarvest, harvestName, harvestToHtml, harvestToMarkdown, journalSection, parseJournal } from '../../../../shared/notes'
import { sampleConvening, ADA } from './sample'

const NOW = Date.UTC(2026, 2, 14, 16, 0)
const MINE = [
  { id: 'j2', conveningId: 'x', promptId: 'p1', text: 'Second thought, **kept**.', createdAt: Date.UTC(2026, 2, 12, 11, 5), updatedAt: 0 },
  { id: 'j1', conveningId: 'x', promptId: null, text: 'My first private thought.', createdAt: Date.UTC(2026, 2, 12, 10, 0), updatedAt: 0 },
  { id: 'j3', conveningId: 'x', promptId: null, text: '   ', createdAt: 1, updatedAt: 1 },
  { id: 'bad', text: 42 },
]

describe('my notes', () => {
  const prompts = (_doc: unknown, id: string): string | null => (id === 'p1' ? 'What surprised you?' : null)

  it('hold my journal first, oldest entry first, with the public notes after it', () => {
    const { doc } = sampleConvening()
    const harvest = collectHarvest(doc, { now: NOW, viewerId: ADA.id, extraSections: [journalSection(MINE, prompts)] })
    const markdown = harvestToMarkdown(harvest)
    expect(harvest.parts.map((p) => p.id)).toEqual(['journal', 'people', 'shared-notes', 'actions', 'diagrams'])
    const first = markdown.indexOf('My first private thought.')
    const second = markdown.indexOf('Second thought, **kept**.')
    expect(first).toBeGreaterThan(0)
    expect(second).toBeGreaterThan(first)
    // Times in the facilitator's zone (Lisbon is UTC+0 in March).
    expect(markdown).toContain('*12 March 2026, 11:05 — on “What surprised you?”*')
    expect(markdown).toContain('Nobody else’s private notes are included.')
    expect(markdown).toMatch(/tags:\n( {2}- ".*"\n)* {2}- "my-notes"/)
    expect(harvestName(harvest)).toMatch(/ — my notes$/)
    expect(harvestToHtml(harvest)).toContain('<strong>kept</strong>')
  })

  it('are never part of the convening’s public notes', () => {
    const { doc } = sampleConvening()
    const markdown = harvestToMarkdown(collectHarvest(doc, { now: NOW }))
    expect(markdown).not.toContain('private thought')
    expect(markdown).not.toContain('My journal')
  })

  it('say so when the journal is empty, and skip entries that do not parse', () => {
    expect(parseJournal(MINE).map((e) => e.id)).toEqual(['j1', 'j2'])
    const { doc } = sampleConvening()
    const markdown = harvestToMarkdown(collectHarvest(doc, { now: NOW, viewerId: ADA.id, extraSections: [journalSection([])] }))
    expect(markdown).toContain('You wrote nothing in your journal during this convening.')
  })

  it('still export when looking up a prompt fails', () => {
    const { doc } = sampleConvening()
    const throwing = (): string => {
      throw new Error('no conversation yet')
    }
    const markdown = harvestToMarkdown(collectHarvest(doc, { now: NOW, viewerId: ADA.id, extraSections: [journalSection(MINE, throwing)] }))
    expect(markdown).toContain('*12 March 2026, 11:05*\n\nSecond thought')
  })
})
