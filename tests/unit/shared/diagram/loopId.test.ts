import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addLink,
  addVariable,
  createDiagram,
  deleteLink,
  findLoops,
  loopIdFromLinks,
  moveVariable,
  readDiagram,
  renameVariable,
  setLinkPolarity,
  setLoopName,
} from '../../../../shared/diagram'
import { ORIGIN, value } from './graphs'


function triangle() {
  const doc = new Y.Doc()
  const d = value(createDiagram(doc, { title: 'Loops' }, ORIGIN))
  const [a, b, c] = ['Births', 'Population', 'Deaths'].map((label, i) => value(addVariable(doc, d, { label, x: i * 100, y: 0 }, ORIGIN)))
  const links = [
    value(addLink(doc, d, { from: a, to: b, polarity: '+' }, ORIGIN)),
    value(addLink(doc, d, { from: b, to: c, polarity: '+' }, ORIGIN)),
    value(addLink(doc, d, { from: c, to: a, polarity: '-' }, ORIGIN)),
  ]
  const loops = () => findLoops(readDiagram(doc, d)!).loops
  return { doc, d, a, b, c, links, loops }
}

describe('loop ids', () => {
  it('depend on the cycle of links, not on where it starts', () => {
    expect(loopIdFromLinks(['x', 'y', 'z'])).toBe(loopIdFromLinks(['y', 'z', 'x']))
    expect(loopIdFromLinks(['x', 'y', 'z'])).not.toBe(loopIdFromLinks(['x', 'z', 'y']))
    expect(loopIdFromLinks(['ab', 'c'])).not.toBe(loopIdFromLinks(['a', 'bc']))
    expect(loopIdFromLinks(['x', 'y'])).toMatch(/^loop_[0-9a-z]{14}$/)
  })

  it('stay the same when variables are renamed or moved and unrelated links are added', () => {
    const t = triangle()
    const [before] = t.loops()
    value(renameVariable(t.doc, t.d, t.a, 'Birth rate', ORIGIN))
    value(moveVariable(t.doc, t.d, t.b, 500, 300, ORIGIN))
    const e = value(addVariable(t.doc, t.d, { label: 'Food', x: 0, y: 200 }, ORIGIN))
    value(addLink(t.doc, t.d, { from: e, to: t.a, polarity: '+' }, ORIGIN))
    value(setLinkPolarity(t.doc, t.d, t.links[0], '-', ORIGIN))
    const after = t.loops()
    expect(after).toHaveLength(1)
    expect(after[0].id).toBe(before.id)
    expect(after[0].polarity).toBe('R')
  })

  it('give a loop that is broken and re-made (undo) its name back', () => {
    const t = triangle()
    const undo = new Y.UndoManager(t.doc.getMap('diagrams'), { trackedOrigins: new Set([ORIGIN]), captureTimeout: 0 })
    const [loop] = t.loops()
    value(setLoopName(t.doc, t.d, loop.id, 'Population balance', ORIGIN))
    value(deleteLink(t.doc, t.d, t.links[1], ORIGIN))
    expect(t.loops()).toHaveLength(0)
    undo.undo()
    const [back] = t.loops()
    expect(back.id).toBe(loop.id)
    expect(readDiagram(t.doc, t.d)!.loopNames[back.id]).toBe('Population balance')
  })

  it('differ for loops through the same variables over different links', () => {
    const t = triangle()
    const other = value(addVariable(t.doc, t.d, { label: 'Other', x: 0, y: 0 }, ORIGIN))
    value(addLink(t.doc, t.d, { from: t.a, to: other, polarity: '+' }, ORIGIN))
    value(addLink(t.doc, t.d, { from: other, to: t.a, polarity: '+' }, ORIGIN))
    const ids = t.loops().map((l) => l.id)
    expect(new Set(ids).size).toBe(2)
  })
})
