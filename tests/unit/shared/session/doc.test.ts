import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  ORIGINS,
  SCHEMA_VERSION,
  isSeeded,
  metaMap,
  newId,
  peopleMap,
  readMeta,
  readPeople,
  readTitle,
  seedConvening,
  setTitle,
  upsertPerson,
  type Person,
} from '../../../../shared/session'

const ada: Person = { id: newId(), name: 'Ada', role: 'facilitator', colour: '#1f6f8b', timeZone: 'Europe/Oslo', joinedAt: 1 }
const ben: Person = { id: newId(), name: 'Ben', role: 'practitioner', colour: '#b5446e', timeZone: 'Asia/Tokyo', joinedAt: 2000 }

function seeded(): Y.Doc {
  const doc = new Y.Doc()
  seedConvening(doc, { id: 'room', title: 'Spring gathering', createdBy: ada, now: 1000 })
  return doc
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

describe('the convening document', () => {
  it('is seeded once by its creator with the current schema version', () => {
    const doc = seeded()
    expect(isSeeded(doc)).toBe(true)
    expect(readMeta(doc)).toEqual({ schemaVersion: SCHEMA_VERSION, id: 'room', title: 'Spring gathering', createdAt: 1000, createdBy: ada.id })
    expect(readPeople(doc)).toEqual([{ ...ada, joinedAt: 1000 }])
  })

  it('a joiner starts empty and receives the seed through sync', () => {
    const creator = seeded()
    const joiner = new Y.Doc()
    expect(isSeeded(joiner)).toBe(false)
    expect(readMeta(joiner)).toBeNull()
    upsertPerson(joiner, ben)
    sync(creator, joiner)
    expect(readTitle(joiner)).toBe('Spring gathering')
    expect(readPeople(joiner).map((p) => p.name)).toEqual(['Ada', 'Ben'])
    expect(readPeople(creator)).toEqual(readPeople(joiner))
  })

  it('refuses an empty or overlong title and leaves the old one', () => {
    const doc = seeded()
    expect(setTitle(doc, '   ')).toEqual({ ok: false, message: 'A title is needed' })
    expect(setTitle(doc, 'x'.repeat(201)).ok).toBe(false)
    expect(readTitle(doc)).toBe('Spring gathering')
    expect(setTitle(doc, '  Renamed  ')).toEqual({ ok: true })
    expect(readTitle(doc)).toBe('Renamed')
  })

  it('re-entering writes nothing when nothing changed', () => {
    const doc = seeded()
    let updates = 0
    doc.on('update', () => updates++)
    upsertPerson(doc, { ...ada, joinedAt: 5000 })
    expect(updates).toBe(0)
    upsertPerson(doc, { ...ada, name: 'Ada L.', joinedAt: 5000 })
    expect(updates).toBe(1)
    expect(readPeople(doc)[0]).toMatchObject({ name: 'Ada L.', joinedAt: 1000 })
  })

  it('shows damaged or hostile entries as absent instead of crashing', () => {
    const doc = seeded()
    doc.transact(() => {
      metaMap(doc).set('title', 42)
      peopleMap(doc).set('evil', 'not a map' as never)
      const bad = new Y.Map<unknown>()
      peopleMap(doc).set('bad', bad)
      bad.set('name', { nested: true })
      bad.set('role', 'emperor')
    }, 'hostile')
    expect(readTitle(doc)).toBe('')
    expect(readMeta(doc)).toBeNull()
    expect(readPeople(doc).map((p) => p.name)).toEqual(['Ada'])
  })

  it('concurrent title edits converge to one title on every peer', () => {
    const docs = [seeded(), new Y.Doc(), new Y.Doc()]
    sync(docs[0], docs[1])
    sync(docs[0], docs[2])
    setTitle(docs[1], 'From Ben', ORIGINS.meta)
    setTitle(docs[2], 'From Cleo', ORIGINS.meta)
    sync(docs[1], docs[2])
    sync(docs[0], docs[1])
    sync(docs[0], docs[2])
    const titles = docs.map(readTitle)
    expect(new Set(titles).size).toBe(1)
    expect(['From Ben', 'From Cleo']).toContain(titles[0])
  })
})
