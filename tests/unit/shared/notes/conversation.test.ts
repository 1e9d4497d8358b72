import { describe, expect, it } from 'vitest'
import {
  curateResponse,
  holdPrivateKeys,
  isPromptRevealed,
  pickDeck,
  publishRevealedKeys,
  sealedResponsesOf,
  sendResponse,
  setWrittenSettings,
  writeResponse,
  type Deck,
} from '../../../../shared/conversation'
import { collectHarvest, harvestToHtml, harvestToMarkdown } from '../../../../shared/notes'
import { ADA, BEN, CLEO, sampleConvening } from './sample'

const NOW = Date.UTC(2026, 2, 14, 16, 0)
const DECK: Deck = {
  id: 'deck',
  title: 'Seeing the system',
  description: '',
  prompts: [
    { id: 'a', text: 'What did you *notice*?', mode: 'written' },
    { id: 'b', text: 'What are you not saying?', mode: 'written' },
    { id: 'c', text: 'What would you change first?', mode: 'written' },
  ],
}

async function withConversation() {
  const sample = sampleConvening()
  const { doc } = sample
  const ok = (result: { ok: boolean }) => expect(result.ok).toBe(true)
  ok(pickDeck(doc, ADA.id, DECK, Date.UTC(2026, 2, 12, 10, 15)))
  ok(writeResponse(doc, BEN.id, 'a', 'The **quiet** ones spoke last.', 'named', 1))
  ok(writeResponse(doc, CLEO.id, 'a', 'Energy dropped after lunch.', 'named', 2))
  ok(setWrittenSettings(doc, ADA.id, 'b', { visibility: 'anonymous' }))
  ok(writeResponse(doc, BEN.id, 'b', 'I am afraid of the budget talk.', 'anonymous', 3))
  // This copy is Cleo's: it holds her private key for the prompt.
  holdPrivateKeys(doc, CLEO.id, {}, (_prompt, key) => Promise.resolve(key))
  ok(setWrittenSettings(doc, ADA.id, 'c', { visibility: 'private' }))
  ok(await sendResponse(doc, CLEO.id, 'c', 'Change the meeting time.', 'private', 4))
  return sample
}

describe('the conversation in the notes', () => {
  it('lists each prompt with every response the anonymity choice allows', async () => {
    const { doc } = await withConversation()
    const markdown = harvestToMarkdown(collectHarvest(doc, { now: NOW }))
    const start = markdown.indexOf('\n## Conversation\n')
    expect(start).toBeGreaterThan(0)
    const section = markdown.slice(start)
    expect(section).toContain('*Prompts from the deck “Seeing the system”.*')
    expect(section).toContain('### What did you \\*notice\\*?')
    expect(section).toMatch(/\*Ben: \\#1 \\<b\\>\*\n\nThe \*\*quiet\*\* ones spoke last\./)
    expect(section).toContain('*Cleo*\n\nEnergy dropped after lunch.')
    expect(section).toContain('### What are you not saying?')
    expect(section).toContain('*Anonymous*\n\nI am afraid of the budget talk.')
    expect(markdown).toMatch(/tags:[\s\S]*"reflection"/)
  })

  it('never names the author of an anonymous response, and keeps unrevealed private ones out', async () => {
    const { doc } = await withConversation()
    for (const viewerId of [null, BEN.id]) {
      const harvest = collectHarvest(doc, { now: NOW, viewerId })
      const markdown = harvestToMarkdown(harvest)
      const anonymous = markdown.slice(markdown.indexOf('### What are you not saying?'), markdown.indexOf('### What would you change first?'))
      expect(anonymous).not.toContain('Ben')
      expect(harvestToHtml(harvest)).toContain('<p class="byline">Anonymous</p>')
    }
    const publicNotes = harvestToMarkdown(collectHarvest(doc, { now: NOW }))
    expect(publicNotes).not.toContain('Change the meeting time.')
    expect(publicNotes).toContain('1 response was private and could not be read here (never revealed, or its author has not been back since the reveal), so it is not in the notes.')
    // Its author keeps it in their own notes.
    const cleos = harvestToMarkdown(collectHarvest(doc, { now: NOW, viewerId: CLEO.id }))
    expect(cleos).toContain('Change the meeting time.')
    expect(harvestToMarkdown(collectHarvest(doc, { now: NOW, viewerId: BEN.id }))).not.toContain('Change the meeting time.')
  })

  it('shows a revealed private response with its author, and the facilitator’s groups and stars', async () => {
    const { doc } = await withConversation()
    setWrittenSettings(doc, ADA.id, 'c', { revealed: true })
    expect(publishRevealedKeys(doc, (prompt) => isPromptRevealed(doc, prompt), (id) => sealedResponsesOf(doc, id))).toBe(1)
    const markdown = harvestToMarkdown(collectHarvest(doc, { now: NOW }))
    expect(markdown).toContain('*Cleo*\n\nChange the meeting time.')
    const ids = [...(doc.getMap('conversation').get('responses') as { keys(): IterableIterator<string> }).keys()]
    for (const id of ids) curateResponse(doc, ADA.id, id, { group: 'Energy', star: true })
    const grouped = harvestToMarkdown(collectHarvest(doc, { now: NOW }))
    expect(grouped).toContain('#### Energy')
    expect(grouped).toContain('*Cleo ★*')
  })
})
