import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addVariable, createDiagram, diagramParts, readDiagram } from '../../../../../../shared/diagram'
import { CldActions, TWO_WAY_CURVE } from '../../../../../../renderer/features/diagram/cld/actions'
import { CanvasStore } from '../../../../../../renderer/features/diagram/cld/canvasStore'
import { Notices } from '../../../../../../renderer/ui/notice'
import { DIAGRAM_ORIGIN, DiagramUndo } from '../../../../../../renderer/features/diagram/undo'
import { value } from '../../../../shared/diagram/graphs'


function setup(readOnly = false) {
  const doc = new Y.Doc()
  const d = value(createDiagram(doc, { title: 'T' }, 'convene:local:diagram-list'))
  const parts = diagramParts(doc, d)!
  const store = new CanvasStore(parts)
  const undo = new DiagramUndo(parts.root)
  const notices = new Notices()
  const actions = new CldActions(doc, d, store, undo, notices, readOnly)
  return { doc, d, store, undo, notices, actions, read: () => readDiagram(doc, d)! }
}

describe('edits of a causal loop diagram', () => {
  it('bows a new link and its existing reverse apart, in one undo step', () => {
    const { actions, undo, read } = setup()
    const a = actions.addVariable('Workload', { x: 0, y: 0 })!
    const b = actions.addVariable('Stress', { x: 200, y: 0 })!
    actions.link(a, b)
    expect(read().links[0].curve).toBe(0)
    actions.link(b, a, { polarity: '-' })
    expect(read().links.map((l) => l.curve)).toEqual([TWO_WAY_CURVE, TWO_WAY_CURVE])
    undo.undo()
    expect(read().links).toMatchObject([{ from: a, to: b, curve: 0 }])
  })

  it('says clearly why a link cannot be made, and writes nothing', () => {
    const { actions, notices, read } = setup()
    const a = actions.addVariable('A', { x: 0, y: 0 })!
    const b = actions.addVariable('B', { x: 0, y: 0 })!
    actions.link(a, b)
    expect(actions.link(a, b)).toBeNull()
    expect(notices.current.get()).toMatchObject({ tone: 'problem', text: 'There is already a link from "A" to "B".' })
    expect(actions.link(a, a)).toBeNull()
    expect(notices.current.get()?.text).toBe('A link needs two different variables.')
    expect(read().links).toHaveLength(1)
    notices.destroy()
  })

  it('makes one drag one undo step, and a run of arrow-key nudges one step too', () => {
    const { actions, undo, read } = setup()
    const a = actions.addVariable('A', { x: 0, y: 0 })!
    actions.move({ [a]: { x: 100.4, y: 50.6 } })
    expect(read().variables[0]).toMatchObject({ x: 100, y: 51 })
    for (let i = 1; i <= 3; i++) actions.move({ [a]: { x: 100 + 5 * i, y: 51 } }, true)
    expect(read().variables[0].x).toBe(115)
    undo.undo()
    expect(read().variables[0]).toMatchObject({ x: 100, y: 51 })
    undo.undo()
    expect(read().variables[0]).toMatchObject({ x: 0, y: 0 })
  })

  it('undoes only this person’s edits, never someone else’s', () => {
    const { doc, d, actions, undo, read } = setup()
    const a = actions.addVariable('Mine', { x: 0, y: 0 })!
    const peer = new Y.Doc()
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
    // The other person's app writes with the same origin name, in their own document.
    value(addVariable(peer, d, { label: 'Theirs', x: 1, y: 1 }, DIAGRAM_ORIGIN))
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer))
    actions.rename(a, 'Mine, renamed')
    undo.undo()
    undo.undo()
    expect(read().variables.map((v) => v.label)).toEqual(['Theirs'])
    expect(undo.undo()).toBe(false)
  })

  it('changes the polarity and delay of several selected links at once', () => {
    const { actions, undo, read } = setup()
    const a = actions.addVariable('A', { x: 0, y: 0 })!
    const b = actions.addVariable('B', { x: 0, y: 0 })!
    const c = actions.addVariable('C', { x: 0, y: 0 })!
    const links = [actions.link(a, b)!, actions.link(b, c)!]
    actions.setPolarity(links, '?')
    actions.toggleDelay(links)
    expect(read().links.every((l) => l.polarity === '?' && l.delay)).toBe(true)
    undo.undo()
    expect(read().links.every((l) => l.polarity === '?' && !l.delay)).toBe(true)
  })

  it('refuses every edit while the convening is read-only', () => {
    const { actions, notices, read } = setup(true)
    expect(actions.addVariable('A', { x: 0, y: 0 })).toBeNull()
    expect(notices.current.get()?.tone).toBe('problem')
    expect(read().variables).toEqual([])
    notices.destroy()
  })
})
