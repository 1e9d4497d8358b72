import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import data from '../../../../resources/diagram/archetypes.json'
import {
  ARCHETYPES,
  createDiagram,
  findLoops,
  getArchetype,
  insertArchetype,
  parseArchetypes,
  readDiagram,
  type Archetype,
} from '../../../../shared/diagram'
import { ORIGIN } from './graphs'


/** The loops each archetype's story is about: [reinforcing, balancing]. */
const EXPECTED: Record<string, [number, number]> = {
  'fixes-that-fail': [1, 1],
  'shifting-the-burden': [1, 2],
  'limits-to-growth': [1, 1],
  'eroding-goals': [0, 2],
  escalation: [1, 2],
  'success-to-the-successful': [2, 0],
  'tragedy-of-the-commons': [2, 2],
  'growth-and-underinvestment': [2, 2],
  'accidental-adversaries': [4, 2],
}

function loopsOf(a: Archetype) {
  const graph = {
    variables: a.variables.map((v) => ({ id: v.key })),
    links: a.links.map((l, i) => ({ id: `l${i}`, from: l.from, to: l.to, polarity: l.polarity })),
  }
  return findLoops(graph).loops
}

describe('archetype data', () => {
  it('holds the nine archetypes, all valid', () => {
    expect(parseArchetypes(data).ok).toBe(true)
    expect(ARCHETYPES.map((a) => a.id).sort()).toEqual(Object.keys(EXPECTED).sort())
  })

  it.each(Object.entries(EXPECTED))('%s has the loops its story describes', (id, [r, b]) => {
    const loops = loopsOf(getArchetype(id)!)
    expect(loops.filter((l) => l.polarity === 'R')).toHaveLength(r)
    expect(loops.filter((l) => l.polarity === 'B')).toHaveLength(b)
    expect(loops.filter((l) => l.polarity === '?')).toHaveLength(0)
  })

  it('puts the fix of "fixes that fail" in a balancing loop with the symptom and a delayed reinforcing one', () => {
    const a = getArchetype('fixes-that-fail')!
    const loops = loopsOf(a)
    const balancing = loops.find((l) => l.polarity === 'B')!
    expect([...balancing.variableIds].sort()).toEqual(['fix', 'symptom'])
    const reinforcing = loops.find((l) => l.polarity === 'R')!
    expect(reinforcing.variableIds).toHaveLength(3)
    const delayed = a.links.filter((l) => l.delay).map((l) => `${l.from}->${l.to}`)
    expect(delayed).toEqual(['fix->consequence'])
  })

  it('spaces variables so labels do not overlap', () => {
    for (const a of ARCHETYPES) {
      for (const [i, p] of a.variables.entries()) {
        for (const q of a.variables.slice(i + 1)) {
          expect(Math.hypot(p.x - q.x, p.y - q.y), `${a.id}: ${p.key} / ${q.key}`).toBeGreaterThanOrEqual(140)
        }
      }
    }
  })

  it('names the field of a mistake in the file', () => {
    const broken = structuredClone(data) as { archetypes: { links: { to: string }[] }[] }
    broken.archetypes[2].links[1].to = 'nowhere'
    const parsed = parseArchetypes(broken)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.problems).toContain('archetypes[2].links[1].to: no variable "nowhere"')
  })
})

describe('insertArchetype', () => {
  it('adds editable variables and links with fresh ids at the offset, twice over without clashes', () => {
    const doc = new Y.Doc()
    const d = createDiagram(doc, { title: 'Patterns' }, ORIGIN)
    if (!d.ok) throw new Error()
    const a = getArchetype('shifting-the-burden')!
    const first = insertArchetype(doc, d.value, a, { x: 1000, y: 500 }, ORIGIN)
    const second = insertArchetype(doc, d.value, a, { x: 0, y: 0 }, ORIGIN)
    expect(first.ok && second.ok).toBe(true)
    const diagram = readDiagram(doc, d.value)!
    expect(diagram.variables).toHaveLength(2 * a.variables.length)
    expect(diagram.links).toHaveLength(2 * a.links.length)
    if (!first.ok) return
    const symptom = diagram.variables.find((v) => v.id === first.value.variableIds.symptom)!
    expect(symptom).toMatchObject({ label: 'Problem symptom', x: 1100, y: 700 })
    const loops = findLoops(diagram).loops
    expect(loops.filter((l) => l.polarity === 'R')).toHaveLength(2)
    expect(loops.filter((l) => l.polarity === 'B')).toHaveLength(4)
    const delayed = diagram.links.filter((l) => l.delay)
    expect(delayed).toHaveLength(4)
  })
})
