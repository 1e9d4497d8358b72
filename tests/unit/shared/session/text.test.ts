import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyTextValue, diffText, shiftPosition } from '../../../../shared/session'

function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

describe('text field to Y.Text', () => {
  it('turns a keystroke, a paste and a cut into one minimal edit', () => {
    expect(diffText('hello world', 'hello, world')).toEqual({ index: 5, remove: 0, insert: ',' })
    expect(diffText('hello world', 'hello there world')).toEqual({ index: 6, remove: 0, insert: 'there ' })
    expect(diffText('hello world', 'world')).toEqual({ index: 0, remove: 6, insert: '' })
    expect(diffText('abc', 'aXc')).toEqual({ index: 1, remove: 1, insert: 'X' })
  })

  it('uses the caret to place a repeated letter where it was typed', () => {
    // "aa" -> "aaa" with the caret after the first a: the insert happened at 0..1
    expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' })
    expect(diffText('aa', 'aaa', 3)).toEqual({ index: 2, remove: 0, insert: 'a' })
  })

  it('never splits an emoji', () => {
    const change = diffText('a😀', 'a😃')
    expect(change.index).toBe(1)
    const text = new Y.Text()
    const doc = new Y.Doc()
    doc.getMap('m').set('t', text)
    text.insert(0, 'a😀')
    applyTextValue(text, 'a😃', 'local')
    expect(text.toString()).toBe('a😃')
  })

  it('random whole-value edits always reproduce the field', () => {
    const random = rng(7)
    const doc = new Y.Doc()
    const text = doc.getText('t')
    let value = ''
    for (let i = 0; i < 500; i++) {
      const at = Math.floor(random() * (value.length + 1))
      const cut = Math.floor(random() * 4)
      const add = ['', 'x', 'ab', 'aa', ' ', '\n', 'é'][Math.floor(random() * 7)]
      value = value.slice(0, at) + add + value.slice(at + cut)
      applyTextValue(text, value, 'local', at + add.length)
      expect(text.toString()).toBe(value)
    }
  })

  it('two people typing in different places both keep their words', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    a.getText('t').insert(0, 'Check-in.\n\nCheck-out.')
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    applyTextValue(a.getText('t'), 'Check-in. Ada: hopeful.\n\nCheck-out.', 'local')
    applyTextValue(b.getText('t'), 'Check-in.\n\nCheck-out. Ben: grateful.', 'local')
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(a.getText('t').toString()).toBe('Check-in. Ada: hopeful.\n\nCheck-out. Ben: grateful.')
    expect(b.getText('t').toString()).toBe(a.getText('t').toString())
  })

  it('moves my caret with text someone else inserts or deletes before it', () => {
    expect(shiftPosition(5, [{ insert: 'abc' }])).toBe(8)
    expect(shiftPosition(5, [{ retain: 6 }, { insert: 'abc' }])).toBe(5)
    expect(shiftPosition(5, [{ retain: 1 }, { delete: 2 }])).toBe(3)
    expect(shiftPosition(5, [{ retain: 3 }, { delete: 10 }])).toBe(3)
    expect(shiftPosition(5, [{ retain: 5 }, { insert: 'abc' }])).toBe(5)
  })
})
