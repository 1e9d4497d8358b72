import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addLink, addVariable, createDiagram, deleteVariable, diagramParts, moveVariable, renameVariable, setLinkPolarity } from '../../../../../../shared/diagram'
import { CanvasStore } from '../../../../../../renderer/features/diagram/cld/canvasStore'
import { ORIGIN, value } from '../../../../shared/diagram/graphs'
import { linkRecord, variableRecord } from '../../../../../../shared/diagram/doc'


function setup() {
  const doc = new Y.Doc()
  const d = value(createDiagram(doc, { title: 'T' }, ORIGIN))
  const add = (label: string, x = 0, y = 0) => value(addVariable(doc, d, { label, x, y }, ORIGIN))
  const link = (from: string, to: string) => value(addLink(doc, d, { from, to }, ORIGIN))
  const open = () => new CanvasStore(diagramParts(doc, d)!)
  return { doc, d, add, link, open }
}

describe('the canvas store keeps React Flow nodes and edges in step with the document', () => {
  it('builds nodes with the centre as position and labels for screen readers', () => {
    const { add, link, open } = setup()
    const a = add('Trust', 10, 20)
    const b = add('Cooperation', 300, 20)
    link(a, b)
    const store = open()
    const { nodes, edges } = store.get()
    expect(nodes.find((n) => n.id === a)).toMatchObject({ position: { x: 10, y: 20 }, ariaLabel: 'Variable: Trust, 1 link' })
    expect(edges).toHaveLength(1)
    expect(edges[0]).toMatchObject({ source: a, target: b, ariaLabel: 'Trust increases Cooperation' })
  })

  it('rebuilds only what changed: one rename is one new node object (and the links that name it)', () => {
    const { doc, d, add, link, open } = setup()
    const a = add('A')
    const b = add('B')
    const c = add('C')
    const ab = link(a, b)
    link(b, c)
    const store = open()
    const before = store.get()
    let notified = 0
    store.subscribe(() => notified++)
    value(renameVariable(doc, d, a, 'Alpha', ORIGIN))
    const after = store.get()
    expect(notified).toBe(1)
    const changed = after.nodes.filter((n, i) => n !== before.nodes[i]).map((n) => n.id)
    expect(changed).toEqual([a])
    expect(after.edges.filter((e, i) => e !== before.edges[i]).map((e) => e.id)).toEqual([ab])
    expect(after.edges.find((e) => e.id === ab)!.ariaLabel).toBe('Alpha increases B')
    // Data objects of untouched variables keep their identity, so their components do not re-render.
    expect(after.nodes.find((n) => n.id === b)).toBe(before.nodes.find((n) => n.id === b))
  })

  it('tells loop analysis about structure changes only, not moves or renames', () => {
    const { doc, d, add, link, open } = setup()
    const a = add('A')
    const b = add('B')
    const ab = link(a, b)
    const store = open()
    const start = store.structure.get()
    value(moveVariable(doc, d, a, 50, 60, ORIGIN))
    value(renameVariable(doc, d, b, 'Bee', ORIGIN))
    expect(store.structure.get()).toBe(start)
    value(setLinkPolarity(doc, d, ab, '-', ORIGIN))
    expect(store.structure.get()).toBeGreaterThan(start)
  })

  it('leaves out a link whose end is gone, and draws it again when the end comes back', () => {
    const { doc, d, add, open } = setup()
    const a = add('A')
    const store = open()
    // A link that arrived before its variable (a concurrent delete and link, or out-of-order delivery).
    const parts = diagramParts(doc, d)!
    doc.transact(() => parts.links.set('early', linkRecord(a, 'later', {})), 'peer')
    expect(store.get().edges).toEqual([])
    doc.transact(() => parts.variables.set('later', variableRecord({ label: 'Later', x: 0, y: 0 })), 'peer')
    expect(store.get().edges.map((e) => e.id)).toEqual(['early'])
    value(deleteVariable(doc, d, 'later', ORIGIN))
    expect(store.get().edges).toEqual([])
  })

  it('marks both links of a two-way pair, so they can bow apart', () => {
    const { add, link, open } = setup()
    const a = add('A')
    const b = add('B')
    link(a, b)
    const store = open()
    expect(store.get().edges[0].data!.reverse).toBe(false)
    link(b, a)
    expect(store.get().edges.map((e) => e.data!.reverse)).toEqual([true, true])
  })

  it('shows a drag in progress without writing, then the committed position', () => {
    const { doc, d, add, open } = setup()
    const a = add('A', 0, 0)
    const store = open()
    store.beginDrag()
    store.onNodesChange([{ type: 'position', id: a, position: { x: 40, y: 30 }, dragging: true }])
    expect(store.get().nodes[0].position).toEqual({ x: 40, y: 30 })
    expect(diagramParts(doc, d)!.variables.get(a)!.get('x')).toBe(0)
    const commit = store.endDrag()
    expect(commit).toEqual({ [a]: { x: 40, y: 30 } })
    value(moveVariable(doc, d, a, 40, 30, ORIGIN))
    store.clearLocal()
    expect(store.get().nodes[0].position).toEqual({ x: 40, y: 30 })
  })

  it('reports an arrow-key move (no drag in progress) as a nudge to commit', () => {
    const { add, open } = setup()
    const a = add('A', 0, 0)
    const store = open()
    expect(store.onNodesChange([{ type: 'position', id: a, position: { x: 5, y: 0 }, dragging: false }])).toEqual({ [a]: { x: 5, y: 0 } })
  })

  it('eases someone else’s drag towards where they are and holds it until their commit lands', async () => {
    const { doc, d, add, open } = setup()
    const a = add('A', 0, 0)
    const store = open()
    store.setRemoteDrags(new Map([[a, { x: 100, y: 0 }]]))
    await new Promise((resolve) => setTimeout(resolve, 20))
    const midway = store.get().nodes[0].position.x
    expect(midway).toBeGreaterThan(0)
    expect(midway).toBeLessThan(100)
    await expect.poll(() => store.get().nodes[0].position.x).toBe(100)
    store.setRemoteDrags(new Map())
    expect(store.get().nodes[0].position.x).toBe(100)
    value(moveVariable(doc, d, a, 100, 0, ORIGIN))
    expect(store.position(a)).toEqual({ x: 100, y: 0 })
    store.destroy()
  })

  it('keeps the selection to what still exists', () => {
    const { doc, d, add, link, open } = setup()
    const a = add('A')
    const b = add('B')
    const ab = link(a, b)
    const store = open()
    store.setSelection([a, ab, 'nothing'])
    expect(store.selection.get()).toEqual({ variables: [a], links: [ab] })
    value(deleteVariable(doc, d, a, ORIGIN))
    expect(store.get().nodes.map((n) => n.id)).toEqual([b])
    expect(store.get().edges).toEqual([])
  })
})
