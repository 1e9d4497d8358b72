import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { agendaArray, appendSegments, clearAgenda, moveSegment, readSegments, removeSegment, updateSegment } from '../../../../shared/facilitation'
import { convening, replica, sync } from './helpers'

const titles = (doc: Y.Doc): string[] => readSegments(doc).map((s) => s.title)

function planned(): Y.Doc {
  const doc = convening()
  const added = appendSegments(doc, 'fran', [
    { title: 'Check in', kind: 'check-in', minutes: 10 },
    { title: 'Map', kind: 'diagram', minutes: 20, notes: 'Start with the pattern' },
    { title: 'Reflect', kind: 'conversation', minutes: 15 },
  ])
  if (!added.ok) throw new Error(added.message)
  return doc
}

describe('the agenda', () => {
  it('is planned by facilitators only; a practitioner’s attempt is refused and writes nothing', () => {
    const doc = planned()
    expect(titles(doc)).toEqual(['Check in', 'Map', 'Reflect'])
    expect(readSegments(doc)[1].notes).toBe('Start with the pattern')
    const before = Y.encodeStateVector(doc)
    expect(appendSegments(doc, 'pia', [{ title: 'Mine', kind: 'break', minutes: 5 }])).toEqual({ ok: false, message: 'Only facilitators and co-facilitators can do this.' })
    expect(updateSegment(doc, 'pia', readSegments(doc)[0].id, { title: 'Hijack' }).ok).toBe(false)
    expect(Y.encodeStateVector(doc)).toEqual(before)
    expect(appendSegments(doc, 'cole', [{ title: 'Break', kind: 'break', minutes: 5 }]).ok).toBe(true)
  })

  it('checks what it is given', () => {
    const doc = planned()
    expect(appendSegments(doc, 'fran', [{ title: '  ', kind: 'break', minutes: 5 }])).toEqual({ ok: false, message: 'A segment needs a title.' })
    expect(appendSegments(doc, 'fran', [{ title: 'Long', kind: 'break', minutes: 0 }]).ok).toBe(false)
    expect(updateSegment(doc, 'fran', 'nope', { title: 'x' })).toEqual({ ok: false, message: 'This segment is no longer on the agenda.' })
  })

  it('ignores segments a non-facilitator wrote into the document (a buggy or hostile peer)', () => {
    const doc = planned()
    doc.transact(() => {
      const forged = new Y.Map<unknown>()
      for (const [k, v] of Object.entries({ id: 'forged', title: 'Forged', kind: 'break', minutes: 5, notes: '', order: 0.5, by: 'pia' })) forged.set(k, v)
      const broken = new Y.Map<unknown>()
      broken.set('id', 'broken')
      agendaArray(doc).push([forged, broken])
    })
    expect(titles(doc)).toEqual(['Check in', 'Map', 'Reflect'])
  })

  it('reorders by position; two facilitators moving and editing at once end the same on every peer, keeping both edits', () => {
    const doc = planned()
    const [checkIn, map, reflect] = readSegments(doc)
    expect(moveSegment(doc, 'fran', reflect.id, 0).ok).toBe(true)
    expect(titles(doc)).toEqual(['Reflect', 'Check in', 'Map'])
    const other = replica(doc)
    moveSegment(doc, 'fran', map.id, 0)
    updateSegment(other, 'cole', map.id, { title: 'Map the loops' })
    moveSegment(other, 'cole', checkIn.id, 2)
    sync(doc, other)
    expect(titles(doc)).toEqual(titles(other))
    expect(titles(doc)).toContain('Map the loops')
    expect(titles(doc)[0]).toBe('Map the loops')
  })

  it('keeps moving precisely after many moves (it spaces the order out again)', () => {
    const doc = planned()
    for (let i = 0; i < 80; i++) {
      const list = readSegments(doc)
      moveSegment(doc, 'fran', list[2].id, 1)
    }
    expect(new Set(readSegments(doc).map((s) => s.order)).size).toBe(3)
    expect(titles(doc)).toEqual(['Check in', 'Map', 'Reflect'])
  })

  it('does not remove the running segment; clears only when not running', () => {
    const doc = planned()
    const [first, second] = readSegments(doc)
    expect(removeSegment(doc, 'fran', first.id, first.id).ok).toBe(false)
    expect(removeSegment(doc, 'fran', second.id, first.id).ok).toBe(true)
    expect(titles(doc)).toEqual(['Check in', 'Reflect'])
    expect(clearAgenda(doc, 'fran', true).ok).toBe(false)
    expect(clearAgenda(doc, 'fran', false).ok).toBe(true)
    expect(readSegments(doc)).toEqual([])
  })
})
