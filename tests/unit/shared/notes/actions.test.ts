import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addAction, actionIds, ownerFromInput, ownerLabel, readAction, readActions, removeAction, updateAction, ACTION_LIMITS } from '../../../../shared/notes'
import { ADA, ORIGIN, sampleConvening } from './sample'

function ok<T>(result: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(result.message)
  return result.value
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

describe('action items', () => {
  it('are added with what, who and by when, and read back in order', () => {
    const doc = new Y.Doc()
    const first = ok(addAction(doc, { text: '  Write the letter ', owner: ' Ada ', due: '2026-04-01' }, ORIGIN, 5))
    ok(addAction(doc, { text: 'Call the school', owner: '', due: '' }, ORIGIN, 6))
    expect(readActions(doc)).toEqual([
      { id: first, text: 'Write the letter', owner: 'Ada', due: '2026-04-01', done: false, createdAt: 5 },
      expect.objectContaining({ text: 'Call the school', owner: '', due: '', done: false }),
    ])
  })

  it('refuse what people would not mean, with a message, writing nothing', () => {
    const doc = new Y.Doc()
    expect(addAction(doc, { text: '   ', owner: '', due: '' }, ORIGIN)).toEqual({ ok: false, message: 'Say what needs doing' })
    expect(addAction(doc, { text: 'x', owner: '', due: '2026-02-30' }, ORIGIN)).toEqual({ ok: false, message: 'The date must be a real day (YYYY-MM-DD)' })
    expect(addAction(doc, { text: 'x'.repeat(ACTION_LIMITS.textMax + 1), owner: '', due: '' }, ORIGIN).ok).toBe(false)
    expect(doc.getArray('actions').length).toBe(0)
  })

  it('are edited, completed and deleted by id', () => {
    const doc = new Y.Doc()
    const id = ok(addAction(doc, { text: 'Draft', owner: '', due: '' }, ORIGIN))
    ok(updateAction(doc, id, { text: 'Draft the plan', done: true }, ORIGIN))
    expect(readAction(doc, id)).toMatchObject({ text: 'Draft the plan', done: true })
    expect(updateAction(doc, id, { due: 'soon' }, ORIGIN).ok).toBe(false)
    ok(removeAction(doc, id, ORIGIN))
    expect(readActions(doc)).toEqual([])
    expect(removeAction(doc, id, ORIGIN)).toEqual({ ok: false, message: 'That action item is no longer here.' })
  })

  it('show the owner’s current name when the owner is someone in the convening', () => {
    const { doc } = sampleConvening()
    expect(ownerLabel(doc, ADA.id)).toBe(ADA.name)
    expect(ownerLabel(doc, 'The Lisbon hub')).toBe('The Lisbon hub')
    expect(ownerLabel(doc, '')).toBe('')
  })

  it('skip malformed entries a faulty peer wrote', () => {
    const doc = new Y.Doc()
    const id = ok(addAction(doc, { text: 'Real', owner: '', due: '' }, ORIGIN))
    const bad = new Y.Map<unknown>()
    bad.set('id', 7)
    const weird = new Y.Map<unknown>()
    weird.set('id', 'w')
    weird.set('text', 'Weird fields')
    weird.set('due', 'tomorrow')
    weird.set('done', 'yes')
    doc.getArray('actions').push(['text', 12, bad, weird])
    expect(actionIds(doc)).toEqual([id, 'w'])
    expect(readAction(doc, 'w')).toMatchObject({ due: '', done: false, owner: '' })
  })

  it('converge when people add, tick, edit and delete at the same time', () => {
    for (let seed = 0; seed < 20; seed++) {
      const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
      const shared = ok(addAction(docs[0], { text: 'Shared', owner: '', due: '' }, ORIGIN))
      const doomed = ok(addAction(docs[0], { text: 'Doomed', owner: '', due: '' }, ORIGIN))
      sync(docs[0], docs[1])
      sync(docs[1], docs[2])
      ok(updateAction(docs[0], shared, { done: true }, ORIGIN))
      ok(updateAction(docs[1], shared, { text: 'Shared, reworded' }, ORIGIN))
      ok(removeAction(docs[2], doomed, ORIGIN))
      ok(addAction(docs[seed % 3], { text: `New ${seed}`, owner: '', due: '' }, ORIGIN))
      const order = [[0, 1], [1, 2], [2, 0], [0, 1], [1, 2]]
      if (seed % 2) order.reverse()
      for (const [a, b] of order) sync(docs[a], docs[b])
      const states = docs.map((d) => readActions(d))
      expect(states[1]).toEqual(states[0])
      expect(states[2]).toEqual(states[0])
      expect(states[0].find((a) => a.id === shared)).toMatchObject({ text: 'Shared, reworded', done: true })
      expect(states[0].some((a) => a.id === doomed)).toBe(false)
      expect(states[0]).toHaveLength(2)
    }
  })
})

describe('the owner people type', () => {
  it('becomes the person’s id when it is exactly one person’s name, else stays as written', () => {
    const { doc } = sampleConvening()
    expect(ownerFromInput(doc, '  cleo ')).toBe('cleo-id')
    expect(ownerFromInput(doc, 'Cle')).toBe('Cle')
    expect(ownerFromInput(doc, '')).toBe('')
  })
})
