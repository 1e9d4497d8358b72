import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  DIAGRAM_LIMITS,
  addLink,
  addVariable,
  createDiagram,
  deleteItems,
  deleteVariable,
  diagramParts,
  listDiagrams,
  pasteFragment,
  readDiagram,
  renameVariable,
  setLoopName,
  updateLink,
  type DiagramResult,
} from '../../../../shared/diagram'
import { ORIGIN, value } from './graphs'


function setup() {
  const doc = new Y.Doc()
  const d = value(createDiagram(doc, { title: 'Climate', createdAt: 1 }, ORIGIN))
  const add = (label: string) => value(addVariable(doc, d, { label, x: 0, y: 0 }, ORIGIN))
  return { doc, d, add }
}

describe('diagram document helpers', () => {
  it('creates a diagram that lists and reads back empty', () => {
    const { doc, d } = setup()
    expect(listDiagrams(doc)).toEqual([{ id: d, title: 'Climate', kind: 'cld', createdAt: 1 }])
    expect(readDiagram(doc, d)).toMatchObject({ title: 'Climate', variables: [], links: [], loopNames: {} })
  })

  it('writes every change with the caller’s origin', () => {
    const { doc, d, add } = setup()
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    const a = add('A')
    const b = add('B')
    value(addLink(doc, d, { from: a, to: b }, 'peer-x'))
    expect(origins).toEqual([ORIGIN, ORIGIN, 'peer-x'])
  })

  it('refuses links to missing variables, self-links and duplicates, writing nothing', () => {
    const { doc, d, add } = setup()
    const a = add('Heat')
    const b = add('Ice')
    value(addLink(doc, d, { from: a, to: b, polarity: '-' }, ORIGIN))
    const before = Y.encodeStateVector(doc)
    const cases: [DiagramResult<string>, string][] = [
      [addLink(doc, d, { from: a, to: 'ghost' }, ORIGIN), 'no-variable'],
      [addLink(doc, d, { from: a, to: a }, ORIGIN), 'self-link'],
      [addLink(doc, d, { from: a, to: b, polarity: '+' }, ORIGIN), 'duplicate-link'],
      [addLink(doc, 'nope', { from: a, to: b }, ORIGIN), 'no-diagram'],
      [addLink(doc, d, { from: b, to: a, curve: 7 }, ORIGIN), 'invalid'],
    ]
    for (const [result, code] of cases) expect(result.ok ? 'ok' : result.error.code).toBe(code)
    const duplicate = cases[2][0]
    if (!duplicate.ok) expect(duplicate.error.message).toBe('There is already a link from "Heat" to "Ice".')
    expect(Y.encodeStateVector(doc)).toEqual(before)
    // The way back is a different link: a two-variable loop.
    expect(addLink(doc, d, { from: b, to: a }, ORIGIN).ok).toBe(true)
  })

  it('deletes a variable together with its links in one transaction', () => {
    const { doc, d, add } = setup()
    const [a, b, c] = [add('A'), add('B'), add('C')]
    const ab = value(addLink(doc, d, { from: a, to: b }, ORIGIN))
    const ca = value(addLink(doc, d, { from: c, to: a }, ORIGIN))
    const bc = value(addLink(doc, d, { from: b, to: c }, ORIGIN))
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    const result = value(deleteVariable(doc, d, a, ORIGIN))
    expect(result.deletedLinks).toEqual([ab, ca].sort())
    expect(transactions).toBe(1)
    const diagram = readDiagram(doc, d)!
    expect(diagram.variables.map((v) => v.label).sort()).toEqual(['B', 'C'])
    expect(diagram.links.map((l) => l.id)).toEqual([bc])
    expect(deleteVariable(doc, d, a, ORIGIN).ok).toBe(false)
  })

  it('deletes a selection of variables and links at once', () => {
    const { doc, d, add } = setup()
    const [a, b, c] = [add('A'), add('B'), add('C')]
    const ab = value(addLink(doc, d, { from: a, to: b }, ORIGIN))
    const bc = value(addLink(doc, d, { from: b, to: c }, ORIGIN))
    value(deleteItems(doc, d, { variableIds: [c], linkIds: [ab] }, ORIGIN))
    expect(readDiagram(doc, d)!).toMatchObject({ links: [] })
    expect(diagramParts(doc, d)!.links.has(bc)).toBe(false)
  })

  it('refuses empty and huge labels with a message, and caps other text', () => {
    const { doc, d, add } = setup()
    const a = add('A')
    const empty = addVariable(doc, d, { label: '   ', x: 0, y: 0 }, ORIGIN)
    const huge = renameVariable(doc, d, a, 'x'.repeat(DIAGRAM_LIMITS.labelMax + 1), ORIGIN)
    expect(empty.ok ? '' : empty.error.message).toBe('Variable: a label is needed.')
    expect(huge.ok ? '' : huge.error.message).toMatch(/^Variable: keep the label under \d+ characters\.$/)
    expect(readDiagram(doc, d)!.variables[0].label).toBe('A')
    const long = setLoopName(doc, d, 'loop_x', 'n'.repeat(DIAGRAM_LIMITS.loopNameMax + 1), ORIGIN)
    expect(long.ok).toBe(false)
  })

  it('names and unnames loops', () => {
    const { doc, d } = setup()
    value(setLoopName(doc, d, 'loop_1', '  Melting  ', ORIGIN))
    expect(readDiagram(doc, d)!.loopNames).toEqual({ loop_1: 'Melting' })
    value(setLoopName(doc, d, 'loop_1', '', ORIGIN))
    expect(readDiagram(doc, d)!.loopNames).toEqual({})
  })

  it('updates a link and clears its label', () => {
    const { doc, d, add } = setup()
    const [a, b] = [add('A'), add('B')]
    const ab = value(addLink(doc, d, { from: a, to: b, label: 'slowly' }, ORIGIN))
    value(updateLink(doc, d, ab, { polarity: '?', delay: true, curve: -0.3, label: '' }, ORIGIN))
    expect(readDiagram(doc, d)!.links[0]).toEqual({ id: ab, from: a, to: b, polarity: '?', delay: true, curve: -0.3 })
    expect(updateLink(doc, d, ab, { polarity: 'x' as never }, ORIGIN).ok).toBe(false)
  })

  it('reads leniently what a buggy peer wrote, and leaves out dangling and self links', () => {
    const { doc, d, add } = setup()
    const [a, b] = [add('A'), add('B')]
    const parts = diagramParts(doc, d)!
    doc.transact(() => {
      const odd = new Y.Map<unknown>()
      odd.set('label', 'x'.repeat(5000))
      odd.set('x', 'left')
      odd.set('y', Infinity)
      parts.variables.set('odd', odd)
      parts.variables.set('broken', new Y.Map<unknown>())
      const link = (from: string, to: string, polarity: unknown) => {
        const m = new Y.Map<unknown>()
        m.set('from', from)
        m.set('to', to)
        m.set('polarity', polarity)
        return m
      }
      parts.links.set('dangling', link(a, 'gone', '+'))
      parts.links.set('self', link(a, a, '+'))
      parts.links.set('weird', link(a, b, 'sideways'))
    })
    const diagram = readDiagram(doc, d)!
    const odd = diagram.variables.find((v) => v.id === 'odd')!
    expect(odd.label.length).toBe(DIAGRAM_LIMITS.labelMax)
    expect(odd).toMatchObject({ x: 0, y: 0 })
    expect(diagram.variables.some((v) => v.id === 'broken')).toBe(false)
    expect(diagram.links).toEqual([{ id: 'weird', from: a, to: b, polarity: '?', delay: false, curve: 0 }])
  })
})

describe('pasteFragment', () => {
  it('adds variables and links with new ids, skipping links it cannot place', () => {
    const { doc, d } = setup()
    const result = value(
      pasteFragment(
        doc,
        d,
        {
          variables: [
            { id: 'p', label: 'Population', x: 0, y: 0 },
            { id: 'b', label: 'Births\nper year', x: 100, y: 0 },
          ],
          links: [
            { from: 'p', to: 'b', polarity: '+' },
            { from: 'b', to: 'p', polarity: '+', delay: true },
            { from: 'b', to: 'p', polarity: '-' },
            { from: 'p', to: 'p', polarity: '+' },
            { from: 'p', to: 'elsewhere', polarity: '+' },
          ],
        },
        { x: 10, y: 20 },
        ORIGIN,
      ),
    )
    expect(result.skippedLinks).toBe(3)
    expect(result.linkIds).toHaveLength(2)
    const diagram = readDiagram(doc, d)!
    expect(diagram.variables.map((v) => [v.label, v.x, v.y]).sort()).toEqual([
      ['Births\nper year', 110, 20],
      ['Population', 10, 20],
    ])
    expect(Object.values(result.variableIds)).not.toContain('p')
  })

  it('refuses thousands of variables at once with a clear message and writes nothing', () => {
    const { doc, d } = setup()
    const before = Y.encodeStateAsUpdate(doc)
    const variables = Array.from({ length: 3000 }, (_, i) => ({ id: `v${i}`, label: `V${i}`, x: 0, y: 0 }))
    const result = pasteFragment(doc, d, { variables, links: [] }, { x: 0, y: 0 }, ORIGIN)
    expect(result.ok ? '' : result.error.message).toBe(
      `This paste holds 3,000 variables and 0 links; at most ${DIAGRAM_LIMITS.pasteMaxVariables} variables and ${DIAGRAM_LIMITS.pasteMaxLinks} links can be added at once.`,
    )
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('names the field of a malformed paste and shortens huge labels', () => {
    const { doc, d } = setup()
    const bad = pasteFragment(doc, d, { variables: [{ id: 'a', label: 'A', x: 'left', y: 0 }], links: [] }, { x: 0, y: 0 }, ORIGIN)
    expect(bad.ok ? '' : bad.error.message).toMatch(/^This paste is not a diagram: variables\[0\]\.x: /)
    const long = value(pasteFragment(doc, d, { variables: [{ id: 'a', label: 'y'.repeat(10_000), x: 0, y: 0 }], links: [] }, { x: 0, y: 0 }, ORIGIN))
    expect(long.shortenedLabels).toBe(1)
    expect(readDiagram(doc, d)!.variables[0].label).toHaveLength(DIAGRAM_LIMITS.labelMax)
  })
})
