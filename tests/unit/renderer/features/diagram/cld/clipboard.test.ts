import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addLink, addVariable, createDiagram, diagramParts, pasteFragment, readDiagram } from '../../../../../../shared/diagram'
import { CanvasStore } from '../../../../../../renderer/features/diagram/cld/canvasStore'
import { FRAGMENT_TYPE, copyFragment, fragmentCentre, readClipboard } from '../../../../../../renderer/features/diagram/cld/clipboard'
import { ORIGIN, value } from '../../../../shared/diagram/graphs'


describe('copy and paste', () => {
  it('copies the selected variables with the links between them, and pastes them into another diagram', () => {
    const doc = new Y.Doc()
    const d = value(createDiagram(doc, { title: 'From' }, ORIGIN))
    const a = value(addVariable(doc, d, { label: 'Rain', x: 0, y: 0 }, ORIGIN))
    const b = value(addVariable(doc, d, { label: 'Floods', x: 200, y: 0 }, ORIGIN))
    const c = value(addVariable(doc, d, { label: 'Left behind', x: 400, y: 0 }, ORIGIN))
    value(addLink(doc, d, { from: a, to: b, polarity: '-', delay: true }, ORIGIN))
    value(addLink(doc, d, { from: b, to: c }, ORIGIN))
    const store = new CanvasStore(diagramParts(doc, d)!)
    const copied = copyFragment(store, [a, b], [])!
    expect(copied.type).toBe(FRAGMENT_TYPE)
    expect(copied.variables.map((v) => v.label).sort()).toEqual(['Floods', 'Rain'])
    expect(copied.links).toEqual([{ from: a, to: b, polarity: '-', delay: true, curve: 0 }])

    const read = readClipboard(JSON.stringify(copied))
    expect(read.kind).toBe('fragment')
    const target = value(createDiagram(doc, { title: 'To' }, ORIGIN))
    if (read.kind === 'fragment') value(pasteFragment(doc, target, read.value, { x: 0, y: 0 }, ORIGIN))
    const pasted = readDiagram(doc, target)!
    expect(pasted.variables.map((v) => v.label).sort()).toEqual(['Floods', 'Rain'])
    expect(pasted.links).toMatchObject([{ polarity: '-', delay: true }])
  })

  it('brings the two ends along when only a link is selected', () => {
    const doc = new Y.Doc()
    const d = value(createDiagram(doc, { title: 'T' }, ORIGIN))
    const a = value(addVariable(doc, d, { label: 'A', x: 0, y: 0 }, ORIGIN))
    const b = value(addVariable(doc, d, { label: 'B', x: 0, y: 0 }, ORIGIN))
    const ab = value(addLink(doc, d, { from: a, to: b }, ORIGIN))
    const store = new CanvasStore(diagramParts(doc, d)!)
    expect(copyFragment(store, [], [ab])!.variables).toHaveLength(2)
    expect(copyFragment(store, [], [])).toBeNull()
  })

  it('pastes other text as one variable per line, laid out in a grid', () => {
    const read = readClipboard('Trust\n\n  Cooperation  \r\nShared goals\n')
    expect(read.kind).toBe('fragment')
    if (read.kind !== 'fragment') return
    const fragment = read.value as { variables: { label: string; x: number; y: number }[] }
    expect(fragment.variables.map((v) => v.label)).toEqual(['Trust', 'Cooperation', 'Shared goals'])
    expect(new Set(fragment.variables.map((v) => `${v.x},${v.y}`)).size).toBe(3)
  })

  it('refuses a paste too large to be a diagram before reading it, and ignores an empty one', () => {
    expect(readClipboard('x'.repeat(2_000_001))).toMatchObject({ kind: 'too-large', message: expect.stringContaining('too large') })
    expect(readClipboard('  \n ')).toEqual({ kind: 'empty' })
    // JSON that is not ours is text like any other.
    expect(readClipboard('{"hello": 1}')).toMatchObject({ kind: 'fragment' })
  })

  it('centres a fragment on its variables, ignoring what is not a number', () => {
    expect(fragmentCentre({ variables: [{ x: 0, y: 0 }, { x: 100, y: 50 }, { x: 'a', y: 3 }] })).toEqual({ x: 50, y: 25 })
    expect(fragmentCentre({})).toEqual({ x: 0, y: 0 })
  })
})
