import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyTextValue } from '../../../../shared/session'
import {
  ICEBERG_CONTENT,
  ICEBERG_LEVELS,
  addSticky,
  createIceberg,
  deleteSticky,
  listDiagrams,
  moveSticky,
  parseIcebergContent,
  readIceberg,
  setIcebergVariant,
  stickyText,
} from '../../../../shared/diagram'
import data from '../../../../resources/diagram/iceberg.json'
import { ORIGIN, seededRandom, value } from './graphs'

const note = (level: (typeof ICEBERG_LEVELS)[number], text: string) => ({ level, text, colour: '#1f6f8b', authorId: 'ada' })

describe('iceberg board', () => {
  it('ships prompts for every level of both variants', () => {
    expect(ICEBERG_CONTENT).not.toBeNull()
    expect(ICEBERG_CONTENT!.levels.map((l) => l.id)).toEqual([...ICEBERG_LEVELS])
    for (const level of ICEBERG_CONTENT!.levels) expect(level.aspirational.prompt).not.toBe(level.current.prompt)
  })

  it('names the field when the prompt file is damaged', () => {
    const broken = structuredClone(data) as { levels: { id: string }[] }
    broken.levels[2].id = 'weather'
    const parsed = parseIcebergContent(broken)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.problems.join('\n')).toContain('levels[2].id')
  })

  it('creates a board in one undoable step that lists with the other diagrams', () => {
    const doc = new Y.Doc()
    const undo = new Y.UndoManager(doc.getMap('diagrams'), { trackedOrigins: new Set([ORIGIN]) })
    const id = value(createIceberg(doc, { title: 'Why attendance dips', variant: 'aspirational', createdAt: 5 }, ORIGIN))
    expect(listDiagrams(doc)).toEqual([{ id, title: 'Why attendance dips', kind: 'iceberg', createdAt: 5 }])
    expect(readIceberg(doc, id)).toEqual({ variant: 'aspirational', stickies: [] })
    expect(undo.undoStack).toHaveLength(1)
    undo.undo()
    expect(listDiagrams(doc)).toEqual([])
  })

  it('keeps notes per level in the order they were added, and moves them to the end of another level', () => {
    const doc = new Y.Doc()
    const id = value(createIceberg(doc, { title: 'Board' }, ORIGIN))
    const a = value(addSticky(doc, id, note('patterns', 'Absences rise every February'), ORIGIN))
    const b = value(addSticky(doc, id, note('events', 'Two classes cancelled'), ORIGIN))
    const c = value(addSticky(doc, id, note('patterns', 'Same students each time'), ORIGIN))
    expect(readIceberg(doc, id)!.stickies.map((s) => s.id)).toEqual([b, a, c])
    value(moveSticky(doc, id, b, 'patterns', ORIGIN))
    expect(readIceberg(doc, id)!.stickies.map((s) => [s.id, s.level])).toEqual([
      [a, 'patterns'],
      [c, 'patterns'],
      [b, 'patterns'],
    ])
    value(deleteSticky(doc, id, a, ORIGIN))
    expect(readIceberg(doc, id)!.stickies.map((s) => s.id)).toEqual([c, b])
  })

  it('refuses bad notes with a message and writes nothing', () => {
    const doc = new Y.Doc()
    const id = value(createIceberg(doc, { title: 'Board' }, ORIGIN))
    const before = Y.encodeStateAsUpdate(doc)
    const tooLong = addSticky(doc, id, note('events', 'x'.repeat(1001)), ORIGIN)
    expect(tooLong.ok).toBe(false)
    if (!tooLong.ok) expect(tooLong.error.message).toMatch(/1000 characters/)
    expect(addSticky(doc, id, { ...note('events', 'ok'), colour: 'red' }, ORIGIN).ok).toBe(false)
    expect(addSticky(doc, id, note('weather' as 'events', 'ok'), ORIGIN).ok).toBe(false)
    expect(addSticky(doc, 'missing', note('events', 'ok'), ORIGIN).ok).toBe(false)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('reads what a buggy peer wrote as safe fallbacks', () => {
    const doc = new Y.Doc()
    const id = value(createIceberg(doc, { title: 'Board' }, ORIGIN))
    const root = doc.getMap('diagrams').get(id) as Y.Map<unknown>
    const bad = new Y.Map<unknown>()
    bad.set('level', 'basement')
    bad.set('text', 42)
    bad.set('colour', 'javascript:alert(1)')
    ;(root.get('stickies') as Y.Map<unknown>).set('bad', bad)
    ;(root.get('stickies') as Y.Map<unknown>).set('not-a-map', 'hello')
    root.set('variant', 'dreamy')
    const board = readIceberg(doc, id)!
    expect(board.variant).toBe('current')
    expect(board.stickies).toEqual([{ id: 'bad', level: 'events', text: '', colour: '#5a666b', authorId: '', order: 0, createdAt: 0 }])
  })

  it('merges two people typing in one note and concurrent moves, whatever the delivery order', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = seededRandom(seed)
      const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
      const id = value(createIceberg(docs[0], { title: 'Shared', id: 'board' }, ORIGIN))
      const sticky = value(addSticky(docs[0], id, note('events', 'A storm'), ORIGIN))
      const start = Y.encodeStateAsUpdate(docs[0])
      docs.slice(1).forEach((d) => Y.applyUpdate(d, start))
      const updates: Uint8Array[] = []
      docs.forEach((d, i) => {
        d.on('update', (u: Uint8Array, origin: unknown) => origin === ORIGIN && updates.push(u))
        const text = stickyText(d, id, sticky)!
        applyTextValue(text, i === 0 ? 'A big storm' : i === 1 ? 'A storm closed the school' : text.toString(), ORIGIN)
        if (i === 2) value(moveSticky(d, id, sticky, ICEBERG_LEVELS[1 + Math.floor(random() * 3)], ORIGIN))
        value(addSticky(d, id, note(ICEBERG_LEVELS[Math.floor(random() * 4)], `from ${i}`), ORIGIN))
      })
      for (const d of docs) {
        const order = [...updates]
        for (let i = order.length - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1))
          ;[order[i], order[j]] = [order[j], order[i]]
        }
        for (const u of order) Y.applyUpdate(d, u)
      }
      const [first, ...rest] = docs.map((d) => readIceberg(d, id))
      for (const other of rest) expect(other).toEqual(first)
      const merged = first!.stickies.find((s) => s.id === sticky)!
      expect(merged.text).toContain('big')
      expect(merged.text).toContain('closed the school')
      expect(merged.level).not.toBe('events')
      expect(first!.stickies).toHaveLength(4)
    }
  })

  it('leaves board helpers harmless on a plain causal loop diagram', () => {
    const doc = new Y.Doc()
    doc.getMap('diagrams').set('cld', new Y.Map())
    const result = addSticky(doc, 'cld', note('events', 'x'), ORIGIN)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toBe('This iceberg board is no longer here.')
    expect(setIcebergVariant(doc, 'cld', 'aspirational', ORIGIN).ok).toBe(false)
  })
})
