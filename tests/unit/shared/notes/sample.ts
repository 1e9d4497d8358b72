// A rich sample convening for the harvest tests: people, shared notes with formatting
// (and some hostile text), action items, and a causal loop diagram with named loops.
import * as Y from 'yjs'
import { seedConvening, upsertPerson, notesText, localOrigin, type Person } from '../../../../shared/session'
import { addAction } from '../../../../shared/notes'
import { addLink, addVariable, createDiagram, findLoops, readDiagram, setLoopName, setVariableNote } from '../../../../shared/diagram'

export const ORIGIN = localOrigin('test')
export const CONVENING_ID = 'AAAAAAAAAAAAAAAAAAAAAA'
export const CREATED_AT = Date.UTC(2026, 2, 12, 9, 30)

export const ADA: Person = { id: 'ada-id', name: 'Ada "the host"', role: 'facilitator', colour: '#1f6f8b', timeZone: 'Europe/Lisbon', joinedAt: CREATED_AT }
export const BEN: Person = { id: 'ben-id', name: 'Ben: #1 <b>', role: 'practitioner', colour: '#b5446e', timeZone: 'America/Bogota', joinedAt: CREATED_AT + 1000 }
export const CLEO: Person = { id: 'cleo-id', name: 'Cleo', role: 'mentor', colour: '#5b7f2b', timeZone: 'UTC', joinedAt: CREATED_AT + 2000 }

export const TITLE = 'Spring / gathering: "day one" --- <script>alert(1)</script>'

export const NOTES = [
  '# Check-in',
  'One word each: **curious**, *tired*, `hopeful`.',
  '',
  '- [ ] send the slides',
  '- [x] book the room',
  '- a bullet with a [link](https://example.org/a?b=1)',
  '  - nested point',
  '',
  '<img src=x onerror=alert(1)> and a < b',
  'Underlined?',
  '---',
  '```',
  'an unclosed fence',
].join('\n')

export interface Sample {
  doc: Y.Doc
  diagramId: string
  loopIds: string[]
}

export function sampleConvening(): Sample {
  const doc = new Y.Doc()
  seedConvening(doc, { id: CONVENING_ID, title: TITLE, createdBy: ADA, now: CREATED_AT })
  upsertPerson(doc, BEN)
  upsertPerson(doc, CLEO)
  doc.transact(() => notesText(doc).insert(0, NOTES), ORIGIN)
  addAction(doc, { text: 'Send the harvest to everyone', owner: ADA.id, due: '2026-03-20' }, ORIGIN, CREATED_AT + 10)
  addAction(doc, { text: 'Draft the | letter *now*', owner: 'The Lisbon hub', due: '' }, ORIGIN, CREATED_AT + 20)
  const done = addAction(doc, { text: 'Book the room', owner: '', due: '' }, ORIGIN, CREATED_AT + 30)
  if (!done.ok) throw new Error(done.message)

  const created = createDiagram(doc, { title: 'Why the garden grows', createdAt: CREATED_AT }, ORIGIN)
  if (!created.ok) throw new Error('no diagram')
  const diagramId = created.value
  const v = (label: string, x: number, y: number): string => {
    const r = addVariable(doc, diagramId, { label, x, y }, ORIGIN)
    if (!r.ok) throw new Error(r.error.message)
    return r.value
  }
  const plants = v('Plants', 0, 0)
  const seeds = v('Seeds "saved"', 200, 0)
  const water = v('Water | use', 100, 150)
  const weeds = v('end', 300, 150)
  const link = (from: string, to: string, polarity: '+' | '-'): void => {
    const r = addLink(doc, diagramId, { from, to, polarity }, ORIGIN)
    if (!r.ok) throw new Error(r.error.message)
  }
  link(plants, seeds, '+')
  link(seeds, plants, '+')
  link(plants, water, '+')
  link(water, plants, '-')
  link(weeds, plants, '-')
  setVariableNote(doc, diagramId, plants, 'Counted in *beds*', ORIGIN)
  const diagram = readDiagram(doc, diagramId)!
  const loops = findLoops(diagram).loops
  const reinforcing = loops.find((l) => l.polarity === 'R')!
  setLoopName(doc, diagramId, reinforcing.id, 'Seed bank [growth]', ORIGIN)
  createDiagram(doc, { title: '', createdAt: CREATED_AT + 5 }, ORIGIN)
  return { doc, diagramId, loopIds: loops.map((l) => l.id) }
}
