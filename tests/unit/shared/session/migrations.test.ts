import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { documentVersion, metaMap, migrate, newId, seedConvening, type Migration } from '../../../../shared/session'

function docAt(version: number): Y.Doc {
  const doc = new Y.Doc()
  seedConvening(doc, {
    id: 'room',
    title: 'Old convening',
    createdBy: { id: newId(), name: 'Ada', role: 'facilitator', colour: '#1f6f8b', timeZone: 'UTC', joinedAt: 0 },
    now: 0,
  })
  metaMap(doc).set('schemaVersion', version)
  return doc
}

const addActions: Migration = {
  version: 2,
  description: 'actions list',
  up: (doc) => {
    const meta = doc.getMap('meta')
    if (!meta.has('hasActions')) meta.set('hasActions', true)
  },
}
const addAgenda: Migration = {
  version: 3,
  description: 'agenda',
  up: (doc) => {
    if (doc.getArray('agenda').length === 0) doc.getArray('agenda').push(['welcome'])
  },
}

describe('migrations', () => {
  it('leaves a current document alone and reports an unseeded one', () => {
    expect(migrate(docAt(1), [], 1)).toEqual({ status: 'current', version: 1 })
    expect(migrate(new Y.Doc(), [], 1)).toEqual({ status: 'unseeded' })
  })

  it('runs the missing steps in order, in one transaction', () => {
    const doc = docAt(1)
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    expect(migrate(doc, [addAgenda, addActions], 3)).toEqual({ status: 'migrated', from: 1, to: 3 })
    expect(transactions).toBe(1)
    expect(documentVersion(doc)).toBe(3)
    expect(doc.getMap('meta').get('hasActions')).toBe(true)
    expect(doc.getArray('agenda').toArray()).toEqual(['welcome'])
  })

  it('never touches a document from a newer version', () => {
    const doc = docAt(7)
    const before = Y.encodeStateAsUpdate(doc)
    expect(migrate(doc, [addActions], 2)).toEqual({ status: 'newer', version: 7 })
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('two peers migrating at once converge', () => {
    const a = docAt(1)
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    migrate(a, [addActions, addAgenda], 3)
    migrate(b, [addActions, addAgenda], 3)
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    expect(documentVersion(a)).toBe(3)
    expect(a.getMap('meta').toJSON()).toEqual(b.getMap('meta').toJSON())
    // Both pushed a "welcome": concurrent array inserts both survive, so steps must tolerate that.
    expect(a.getArray('agenda').toArray()).toEqual(b.getArray('agenda').toArray())
  })
})
