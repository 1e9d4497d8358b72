import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addLink,
  addVariable,
  assignLoopNumbers,
  createDiagram,
  deleteLink,
  diagramParts,
  diagramsMap,
  findLoops,
  loopNumbers,
  numberKey,
  readDiagram,
  renumberLoops,
  setLinkPolarity,
  settleNumbers,
  toMermaid,
  toSvg,
} from '../../../../shared/diagram'
import { ORIGIN, seededRandom, value } from './graphs'

const NUMBERS = 'convene:local:loop-numbers'
const REMOTE = 'remote'

/** The numbers a reader shows for the loops now in the diagram, by the first variable's label. */
function shown(doc: Y.Doc, d: string): Record<string, string> {
  const diagram = readDiagram(doc, d)!
  const loops = findLoops(diagram).loops
  const numbers = loopNumbers(loops, diagram.loopNumbers)
  const label = new Map(diagram.variables.map((v) => [v.id, v.label]))
  return Object.fromEntries(loops.map((l) => [l.variableIds.map((id) => label.get(id)).sort().join('+'), numbers.get(l.id)!]))
}

/** What a peer with the diagram open does after each analysis. */
function keep(doc: Y.Doc, d: string): number {
  return value(assignLoopNumbers(doc, d, findLoops(readDiagram(doc, d)!).loops, NUMBERS))
}

/** A reinforcing births loop (2 variables) and the "Mortality brake", a balancing loop of 3. */
function population() {
  const doc = new Y.Doc()
  const d = value(createDiagram(doc, { title: 'Population' }, ORIGIN))
  const v = (label: string) => value(addVariable(doc, d, { label, x: 0, y: 0 }, ORIGIN))
  const link = (from: string, to: string, polarity: '+' | '-') => value(addLink(doc, d, { from, to, polarity }, ORIGIN))
  const [births, people, crowding, deaths, food] = [v('Births'), v('Population'), v('Crowding'), v('Deaths'), v('Food')]
  link(people, crowding, '+')
  link(crowding, deaths, '+')
  const brake = link(deaths, people, '-')
  link(people, births, '+')
  link(births, people, '+')
  return { doc, d, births, people, deaths, food, brake, link }
}

const BRAKE = 'Crowding+Deaths+Population'

describe('loop numbers kept in the diagram', () => {
  it('numbers each loop once and never renumbers it when shorter loops of its kind appear', () => {
    const p = population()
    keep(p.doc, p.d)
    expect(shown(p.doc, p.d)).toEqual({ [BRAKE]: 'B1', 'Births+Population': 'R1' })
    // A new balancing loop, shorter, so it comes first in the list: counted in list order it would be B1.
    p.link(p.people, p.food, '+')
    p.link(p.food, p.people, '-')
    const loops = findLoops(readDiagram(p.doc, p.d)!).loops
    expect(loopNumbers(loops).get(loops.find((l) => l.linkIds.includes(p.brake))!.id)).toBe('B2')
    expect(shown(p.doc, p.d)[BRAKE]).toBe('B1')
    expect(shown(p.doc, p.d)['Food+Population']).toBe('B2')
    keep(p.doc, p.d)
    expect(shown(p.doc, p.d)).toEqual({ [BRAKE]: 'B1', 'Food+Population': 'B2', 'Births+Population': 'R1' })
    expect(keep(p.doc, p.d)).toBe(0)
  })

  it('keeps the number of a loop that disappears, and gives it back when the loop returns', () => {
    const p = population()
    keep(p.doc, p.d)
    const parts = diagramParts(p.doc, p.d)!
    const saved = parts.links.get(p.brake)!.clone()
    value(deleteLink(p.doc, p.d, p.brake, ORIGIN))
    p.link(p.people, p.food, '+')
    p.link(p.food, p.people, '-')
    keep(p.doc, p.d)
    // B1 is still taken by the loop that is gone.
    expect(shown(p.doc, p.d)['Food+Population']).toBe('B2')
    p.doc.transact(() => parts.links.set(p.brake, saved), ORIGIN)
    expect(shown(p.doc, p.d)[BRAKE]).toBe('B1')
  })

  it('gives a loop whose polarity flips a number of its new kind, and its old one back when it flips back', () => {
    const p = population()
    keep(p.doc, p.d)
    value(setLinkPolarity(p.doc, p.d, p.brake, '+', ORIGIN))
    keep(p.doc, p.d)
    expect(shown(p.doc, p.d)[BRAKE]).toBe('R2')
    value(setLinkPolarity(p.doc, p.d, p.brake, '-', ORIGIN))
    expect(shown(p.doc, p.d)[BRAKE]).toBe('B1')
  })

  it('renumbers from 1 when a facilitator asks, forgetting loops that are gone', () => {
    const p = population()
    p.link(p.people, p.food, '+')
    p.link(p.food, p.people, '-')
    keep(p.doc, p.d)
    value(deleteLink(p.doc, p.d, p.brake, ORIGIN))
    expect(shown(p.doc, p.d)['Food+Population']).toMatch(/^B[12]$/)
    const before = shown(p.doc, p.d)['Food+Population']
    value(renumberLoops(p.doc, p.d, findLoops(readDiagram(p.doc, p.d)!).loops, ORIGIN))
    expect(shown(p.doc, p.d)).toEqual({ 'Food+Population': 'B1', 'Births+Population': 'R1' })
    expect(Object.keys(readDiagram(p.doc, p.d)!.loopNumbers!)).toHaveLength(2)
    expect(before === 'B1' || before === 'B2').toBe(true)
  })

  it('uses the kept numbers in Mermaid and SVG exports', () => {
    const p = population()
    keep(p.doc, p.d)
    p.link(p.people, p.food, '+')
    p.link(p.food, p.people, '-')
    keep(p.doc, p.d)
    const diagram = readDiagram(p.doc, p.d)!
    const loops = findLoops(diagram).loops
    const brake = loops.find((l) => l.linkIds.includes(p.brake))!
    const mermaid = toMermaid(diagram, { loops, loopNumbers: diagram.loopNumbers })
    expect(mermaid).toMatch(/%% B1 \(balancing, 3 variables\): .*Deaths/)
    expect(mermaid).toMatch(/%% B2 \(balancing, 2 variables\): .*Food/)
    const svg = toSvg(diagram, { loops: [brake], loopNumbers: diagram.loopNumbers })
    expect(svg).toContain('>B1</text>')
  })

  it('settles a number claimed twice: the smaller loop id keeps it, the other takes the next after every claim', () => {
    const settled = settleNumbers({ [numberKey('loop_b', 'B')]: 2, [numberKey('loop_a', 'B')]: 2, [numberKey('loop_c', 'B')]: 3, [numberKey('loop_x', 'R')]: 2 })
    expect(Object.fromEntries(settled)).toEqual({ 'loop_a:B': 2, 'loop_c:B': 3, 'loop_b:B': 4, 'loop_x:R': 2 })
  })
})

describe('loop numbers on two peers at the same moment', () => {
  function pair() {
    const a = new Y.Doc()
    const b = new Y.Doc()
    a.clientID = 1
    b.clientID = 2
    const p = population()
    keep(p.doc, p.d)
    for (const doc of [a, b]) Y.applyUpdate(doc, Y.encodeStateAsUpdate(p.doc), REMOTE)
    return { a, b, p }
  }
  const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), REMOTE)

  it('agree on every number, and the loop with the smaller id keeps the one both took', () => {
    const { a, b, p } = pair()
    // Each adds a balancing loop and numbers it before hearing of the other's.
    const brakeOn = (doc: Y.Doc, label: string) => {
      const v = value(addVariable(doc, p.d, { label, x: 0, y: 0 }, ORIGIN))
      value(addLink(doc, p.d, { from: p.people, to: v, polarity: '+' }, ORIGIN))
      value(addLink(doc, p.d, { from: v, to: p.people, polarity: '-' }, ORIGIN))
    }
    brakeOn(a, 'Disease')
    brakeOn(b, 'Crowding')
    keep(a, p.d)
    keep(b, p.d)
    expect(shown(a, p.d)['Disease+Population']).toBe('B2')
    expect(shown(b, p.d)['Crowding+Population']).toBe('B2')
    sync(a, b)
    sync(b, a)
    const merged = shown(a, p.d)
    expect(shown(b, p.d)).toEqual(merged)
    expect(merged[BRAKE]).toBe('B1')
    const claims = readDiagram(a, p.d)!.loopNumbers!
    const loops = findLoops(readDiagram(a, p.d)!).loops.filter((l) => claims[numberKey(l.id, 'B')] === 2)
    expect(loops).toHaveLength(2)
    const [smaller, larger] = loops.map((l) => l.id).sort()
    const numbers = loopNumbers(findLoops(readDiagram(a, p.d)!).loops, claims)
    expect(numbers.get(smaller)).toBe('B2')
    expect(numbers.get(larger)).toBe('B3')
    // Both write the settled numbers back (the same ones); afterwards nothing moves.
    keep(a, p.d)
    keep(b, p.d)
    sync(a, b)
    sync(b, a)
    expect(shown(a, p.d)).toEqual(merged)
    expect(shown(b, p.d)).toEqual(merged)
    expect(readDiagram(a, p.d)!.loopNumbers).toEqual(readDiagram(b, p.d)!.loopNumbers)
    expect(keep(a, p.d) + keep(b, p.d)).toBe(0)
    // A loop added later takes B4; nobody's number changes.
    brakeOn(a, 'Famine')
    keep(a, p.d)
    sync(a, b)
    expect(shown(b, p.d)).toEqual({ ...merged, 'Famine+Population': 'B4' })
  })

  it('converge to unique numbers whatever the order, over many random runs', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const random = seededRandom(seed)
      const docs = [1, 2, 3].map((clientID) => {
        const doc = new Y.Doc()
        doc.clientID = clientID
        return doc
      })
      value(createDiagram(docs[0], { title: 'Random', id: 'd', createdAt: 0 }, ORIGIN))
      for (const doc of docs.slice(1)) sync(docs[0], doc)
      for (let step = 0; step < 40; step++) {
        const doc = docs[Math.floor(random() * docs.length)]
        const parts = diagramParts(doc, 'd')!
        const ids = [...parts.variables.keys()]
        if (ids.length < 4 || random() < 0.3) addVariable(doc, 'd', { label: `v${step}`, x: 0, y: 0 }, ORIGIN)
        else addLink(doc, 'd', { from: ids[Math.floor(random() * ids.length)], to: ids[Math.floor(random() * ids.length)], polarity: random() < 0.5 ? '+' : '-' }, ORIGIN)
        keep(doc, 'd')
        if (random() < 0.3) sync(doc, docs[Math.floor(random() * docs.length)])
      }
      for (let round = 0; round < 2; round++) for (const from of docs) for (const to of docs) if (from !== to) sync(from, to)
      const views = docs.map((doc) => {
        const diagram = readDiagram(doc, 'd')!
        const loops = findLoops(diagram).loops
        return [...loopNumbers(loops, diagram.loopNumbers).values()]
      })
      for (const view of views.slice(1)) expect(view, `seed ${seed}`).toEqual(views[0])
      expect(new Set(views[0]).size, `seed ${seed}: a number shown twice`).toBe(views[0].length)
      // After one round of write-backs the document holds exactly what is shown.
      for (const doc of docs) keep(doc, 'd')
      for (const from of docs) for (const to of docs) if (from !== to) sync(from, to)
      expect(docs.map((doc) => keep(doc, 'd')), `seed ${seed}`).toEqual([0, 0, 0])
    }
  })

  it('gives an older diagram (made before numbers were kept) its map on first use', () => {
    const { a, p } = pair()
    a.transact(() => (diagramsMap(a).get(p.d) as Y.Map<unknown>).delete('loopNumbers'), ORIGIN)
    expect(diagramParts(a, p.d)!.loopNumbers).toBeNull()
    expect(shown(a, p.d)).toEqual({ [BRAKE]: 'B1', 'Births+Population': 'R1' })
    expect(keep(a, p.d)).toBe(2)
    expect(diagramParts(a, p.d)!.loopNumbers!.size).toBe(2)
  })
})
