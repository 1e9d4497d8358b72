// A convening with every part the notes write themselves (people, shared notes, action
// items, diagrams, the conversation, the climate simulation), and a journal: the
// harvest's fixed text shows in each of them, for the tests of its language.
import { DEFAULT_LEVERS, assignDelegation, runRound, saveScenario, savePledge, setLever } from '../../../../shared/climate'
import { pickDeck, setWrittenSettings, writeResponse, type Deck } from '../../../../shared/conversation'
import { createDiagram } from '../../../../shared/diagram'
import { ADA, BEN, CLEO, ORIGIN, sampleConvening } from './sample'

export const RICH_NOW = Date.UTC(2026, 2, 14, 16, 0)

const DECK: Deck = {
  id: 'deck',
  title: 'Seeing the system',
  description: '',
  prompts: [
    { id: 'a', text: 'What did you *notice*?', mode: 'written' },
    { id: 'b', text: 'What are you not saying?', mode: 'written' },
  ],
}

/** A person's journal entries, as the renderer passes them (one about a prompt). */
export const RICH_JOURNAL = [
  { id: 'j1', conveningId: 'x', promptId: null, text: 'My first private thought.', createdAt: Date.UTC(2026, 2, 12, 10, 0), updatedAt: 0 },
  { id: 'j2', conveningId: 'x', promptId: 'a', text: 'Second thought, **kept**.', createdAt: Date.UTC(2026, 2, 12, 11, 5), updatedAt: 0 },
]

export function richConvening() {
  const sample = sampleConvening()
  const { doc } = sample
  const ok = (result: { ok: boolean }): void => {
    if (!result.ok) throw new Error('the rich sample could not be built')
  }
  createDiagram(doc, { title: 'Below the surface', kind: 'iceberg', createdAt: Date.UTC(2026, 2, 12, 9, 40) }, ORIGIN)
  ok(pickDeck(doc, ADA.id, DECK, Date.UTC(2026, 2, 12, 10, 15)))
  ok(writeResponse(doc, BEN.id, 'a', 'The **quiet** ones spoke last.', 'named', 1))
  ok(writeResponse(doc, CLEO.id, 'a', 'Energy dropped after lunch.', 'named', 2))
  ok(setWrittenSettings(doc, ADA.id, 'b', { visibility: 'anonymous' }))
  ok(writeResponse(doc, BEN.id, 'b', 'I am afraid of the budget talk.', 'anonymous', 3))
  const at = Date.UTC(2026, 2, 12, 11, 0)
  ok(setLever(doc, 'carbonPrice', 100, { by: BEN.id }, ORIGIN))
  ok(saveScenario(doc, 'Price on carbon', { ...DEFAULT_LEVERS, carbonPrice: 100 }, { by: BEN.id, at }, ORIGIN))
  ok(saveScenario(doc, 'Status quo', DEFAULT_LEVERS, { by: ADA.id, at: at + 60_000 }, ORIGIN))
  assignDelegation(doc, BEN.id, 'developed', { by: ADA.id }, ORIGIN)
  ok(savePledge(doc, 'developed', { peakYear: 2025, reductionStartYear: 2030, reductionRate: 5, climateFund: 80 }, { by: BEN.id }, ORIGIN))
  ok(runRound(doc, { by: ADA.id, at: at + 120_000 }, ORIGIN))
  return sample
}
