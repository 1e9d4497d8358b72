import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  DIAGRAM_LIMITS as L,
  LinkRecordSchema,
  VariableRecordSchema,
  addLink,
  addVariable,
  clampLabel,
  createDiagram,
  diagramParts,
  readDiagram,
  readDiagramHeader,
  readLink,
  readLoopNames,
  readVariable,
  renameVariable,
  setLoopName,
  setVariableNote,
  updateLink,
  type CausalLink,
  type Variable,
} from '../../../../shared/diagram'
import { ORIGIN, value } from './graphs'

// The readers these record files replaced (shared/diagram/doc.ts before the records), kept
// here word for word as the reference: a document must read exactly as it did.
const finite = (v: unknown, fallback: number, limit: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? Math.max(-limit, Math.min(limit, v)) : fallback
function formerVariable(id: string, value: unknown): Variable | null {
  if (!(value instanceof Y.Map)) return null
  const entry = value as Y.Map<unknown>
  const label = entry.get('label')
  if (typeof label !== 'string') return null
  const note = entry.get('note')
  const variable: Variable = { id, label: clampLabel(label) || '…', x: finite(entry.get('x'), 0, L.coordinateMax), y: finite(entry.get('y'), 0, L.coordinateMax) }
  if (typeof note === 'string' && note) variable.note = note.slice(0, L.noteMax)
  return variable
}
function formerLink(id: string, value: unknown): CausalLink | null {
  if (!(value instanceof Y.Map)) return null
  const entry = value as Y.Map<unknown>
  const from = entry.get('from')
  const to = entry.get('to')
  if (typeof from !== 'string' || typeof to !== 'string') return null
  const polarity = entry.get('polarity')
  const label = entry.get('label')
  const link: CausalLink = {
    id,
    from,
    to,
    polarity: polarity === '+' || polarity === '-' || polarity === '?' ? polarity : '?',
    delay: entry.get('delay') === true,
    curve: finite(entry.get('curve'), 0, L.curveMax),
  }
  if (typeof label === 'string' && label) link.label = clampLabel(label, L.linkLabelMax)
  return link
}

/** Values a buggy or hostile peer might put in any field. */
const ODD: unknown[] = [
  undefined, null, true, false, 0, -0, 1, -1, 0.5, -7.25, 2e6, -2e6, Infinity, -Infinity, NaN,
  '', ' ', '  padded  ', 'A', '+', '-', '?', 'x'.repeat(L.labelMax + 5), ' '.repeat(300) + 'y', '😀'.repeat(150), 'n'.repeat(L.noteMax + 9),
  [], {}, { label: 'nested' }, new Uint8Array([1, 2]),
]

const scratch = new Y.Doc().getMap<unknown>('record')
/** The one scratch record, holding just these fields (one document for all: thousands of cases). */
function mapOf(fields: Record<string, unknown>): Y.Map<unknown> {
  scratch.doc!.transact(() => {
    scratch.clear()
    for (const [key, v] of Object.entries(fields)) if (v !== undefined) scratch.set(key, v as never)
  })
  return scratch
}

describe('diagram records', () => {
  it('read every odd variable exactly as before, and what they read passes the record schema', () => {
    let seen = 0
    for (const label of ODD) {
      for (const x of ODD) {
        for (const note of [undefined, '', 'short', 'n'.repeat(L.noteMax + 9), 42]) {
          const map = mapOf({ label, x, y: x, note })
          const read = readVariable('v', map)
          expect(read).toStrictEqual(formerVariable('v', map))
          if (read) {
            seen++
            expect(Object.keys(read)).toEqual(Object.keys(formerVariable('v', map)!))
            expect(VariableRecordSchema.safeParse(read).success).toBe(true)
          }
        }
      }
    }
    expect(seen).toBeGreaterThan(100)
    expect(readVariable('v', 'not a map')).toBeNull()
  })

  it('read every odd link exactly as before, and what they read passes the record schema', () => {
    let seen = 0
    for (const polarity of ODD) {
      for (const curve of ODD) {
        for (const label of [undefined, '', '  ', 'slowly', 'l'.repeat(L.linkLabelMax + 3), 3]) {
          for (const delay of [undefined, true, 'yes', 1]) {
            const map = mapOf({ from: 'a', to: 'b', polarity, curve, label, delay })
            const read = readLink('l', map)
            expect(read).toStrictEqual(formerLink('l', map))
            if (read) {
              seen++
              expect(LinkRecordSchema.safeParse(read).success).toBe(true)
            }
          }
        }
      }
    }
    expect(seen).toBeGreaterThan(100)
    for (const from of ODD) expect(readLink('l', mapOf({ from, to: 'b' }))).toStrictEqual(formerLink('l', mapOf({ from, to: 'b' })))
  })

  it('read loop names and a diagram’s own fields as before', () => {
    const names = mapOf({ a: 'Growth', b: '', c: 7, d: 'n'.repeat(L.loopNameMax + 4), e: '  spaced  ' })
    expect(readLoopNames(names)).toEqual({ a: 'Growth', d: 'n'.repeat(L.loopNameMax), e: '  spaced  ' })
    expect(readDiagramHeader(mapOf({ title: 't'.repeat(L.titleMax + 1), kind: 'sideways', createdAt: NaN }))).toEqual({
      title: 't'.repeat(L.titleMax),
      kind: 'cld',
      createdAt: 0,
    })
    expect(readDiagramHeader(mapOf({ title: 'Ice', kind: 'iceberg', createdAt: 5 }))).toEqual({ title: 'Ice', kind: 'iceberg', createdAt: 5 })
  })

  it('check writes with the same schema, and refuse with the messages people saw before', () => {
    const doc = new Y.Doc()
    const d = value(createDiagram(doc, { title: '  Climate  ', createdAt: 1 }, ORIGIN))
    const a = value(addVariable(doc, d, { label: '  Heat ', x: 5e6, y: -3, note: 'why' }, ORIGIN))
    const b = value(addVariable(doc, d, { label: 'Ice', x: 0, y: 0 }, ORIGIN))
    const refusals = [
      addVariable(doc, d, { label: ' ', x: 0, y: 0 }, ORIGIN),
      addVariable(doc, d, { label: 'x'.repeat(L.labelMax + 1), x: 0, y: 0 }, ORIGIN),
      addVariable(doc, d, { label: 'Fine', x: 0, y: 0, note: 'n'.repeat(L.noteMax + 1) }, ORIGIN),
      renameVariable(doc, d, a, '', ORIGIN),
      setVariableNote(doc, d, a, 'n'.repeat(L.noteMax + 1), ORIGIN),
      setLoopName(doc, d, 'loop', 'n'.repeat(L.loopNameMax + 1), ORIGIN),
      addLink(doc, d, { from: a, to: b, polarity: 'x' as never }, ORIGIN),
      addLink(doc, d, { from: a, to: b, curve: 2 }, ORIGIN),
      addLink(doc, d, { from: a, to: b, label: 'l'.repeat(L.linkLabelMax + 1) }, ORIGIN),
    ].map((r) => (r.ok ? 'written' : [r.error.code, r.message, r.error.message === r.message]))
    expect(refusals).toEqual([
      ['invalid', 'Variable: a label is needed.', true],
      ['invalid', `Variable: keep the label under ${L.labelMax} characters.`, true],
      ['invalid', `Note: keep the note under ${L.noteMax} characters.`, true],
      ['invalid', 'Variable: a label is needed.', true],
      ['invalid', `Note: keep the note under ${L.noteMax} characters.`, true],
      ['invalid', `Loop name: keep the loop name under ${L.loopNameMax} characters.`, true],
      ['invalid', 'Polarity is +, - or ?.', true],
      ['invalid', 'Curve is a number from -1 to 1.', true],
      ['invalid', `Link label: keep the link label under ${L.linkLabelMax} characters.`, true],
    ])
    const ab = value(addLink(doc, d, { from: a, to: b, label: '  slowly ' }, ORIGIN))
    value(updateLink(doc, d, ab, { curve: 0.5 }, ORIGIN))
    value(setLoopName(doc, d, 'loop', '  Melt  ', ORIGIN))
    const diagram = readDiagram(doc, d)!
    expect(diagram).toMatchObject({ title: 'Climate', loopNames: { loop: 'Melt' } })
    expect(diagram.variables.find((v) => v.id === a)).toEqual({ id: a, label: 'Heat', x: L.coordinateMax, y: -3, note: 'why' })
    expect(diagram.links).toEqual([{ id: ab, from: a, to: b, polarity: '+', delay: false, curve: 0.5, label: 'slowly' }])
    // What is stored is what is read: the record schema holds for each entry as written.
    for (const entry of diagramParts(doc, d)!.variables.values()) expect(VariableRecordSchema.safeParse(entry.toJSON()).success).toBe(true)
    for (const entry of diagramParts(doc, d)!.links.values()) expect(LinkRecordSchema.safeParse(entry.toJSON()).success).toBe(true)
  })
})
