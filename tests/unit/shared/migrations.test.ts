import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { checkSequence, isNewerPart, migratePart, partVersion, recordSteps, type Migration, type RecordMigration, type VersionedPart } from '../../../shared/migrations'
import { CONVENING_PARTS, DOCUMENT_PART, MIGRATIONS, documentVersion, migrate, ORIGINS } from '../../../shared/session'
import { CONVERSATION_PART, CONVERSATION_VERSION, KEYS, conversationMap, isNewerConversation, pickDeck, readShowing } from '../../../shared/conversation'
import { addVariable, createDiagram, diagramParts, readDiagram } from '../../../shared/diagram'
import { convening, deck, joinerOf, sync } from './conversation/helpers'

/**
 * What a later build might do to the conversation: version 2 gives every response a
 * `reactions` map. Written by the rules of shared/migrations.ts: it creates only what
 * is missing.
 */
const addReactions: Migration = {
  version: 2,
  description: 'a reactions map on each response',
  up: (doc) => {
    const responses = conversationMap(doc).get(KEYS.responses)
    if (!(responses instanceof Y.Map)) return
    for (const response of responses.values()) if (response instanceof Y.Map && !(response.get('reactions') instanceof Y.Map)) response.set('reactions', new Y.Map())
  },
}
/** Version 3 names the deck's origin where it has none: the same value on every peer. */
const nameSource: Migration = {
  version: 3,
  description: 'the source of the deck',
  up: (doc) => {
    if (!conversationMap(doc).has('source')) conversationMap(doc).set('source', 'deck')
  },
}
const LATER_CONVERSATION: VersionedPart = { ...CONVERSATION_PART, version: 3, migrations: [nameSource, addReactions] }

/** A convening whose conversation a version-1 build started, with one response in it. */
function startedConversation(): Y.Doc {
  const doc = convening()
  expect(pickDeck(doc, 'fran', deck, 1).ok).toBe(true)
  const responses = conversationMap(doc).get(KEYS.responses) as Y.Map<unknown>
  const response = new Y.Map<unknown>()
  response.set('text', 'An old response')
  responses.set('r1', response)
  return doc
}

describe('migrations, one sequence per versioned part', () => {
  it('migrates a conversation at an old version when the convening opens, in order, in one transaction', () => {
    const doc = startedConversation()
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    expect(migrate(doc, MIGRATIONS, DOCUMENT_PART.version, [LATER_CONVERSATION])).toEqual({ status: 'current', version: 1 })
    expect(partVersion(doc, LATER_CONVERSATION)).toBe(3)
    const response = (conversationMap(doc).get(KEYS.responses) as Y.Map<Y.Map<unknown>>).get('r1')!
    expect(response.get('reactions')).toBeInstanceOf(Y.Map)
    expect(conversationMap(doc).get('source')).toBe('deck')
    expect(origins).toEqual([ORIGINS.migration])
    // Running it again finds nothing to do.
    expect(migratePart(doc, LATER_CONVERSATION)).toEqual({ status: 'current', version: 3 })
    expect(origins).toHaveLength(1)
  })

  it('shows a conversation from a newer build read-only and never touches it', () => {
    const doc = startedConversation()
    conversationMap(doc).set(KEYS.version, CONVERSATION_VERSION + 1)
    const before = Y.encodeStateAsUpdate(doc)
    expect(migrate(doc)).toEqual({ status: 'current', version: 1 })
    expect(migratePart(doc, CONVERSATION_PART)).toEqual({ status: 'newer', version: CONVERSATION_VERSION + 1 })
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
    expect(isNewerConversation(doc)).toBe(true)
    expect(pickDeck(doc, 'fran', deck, 2)).toEqual({ ok: false, message: expect.stringMatching(/newer version of Convene/) })
    // The conversation is still read as it is.
    expect(readShowing(doc)?.prompt.id).toBe('a')
  })

  it('leaves a document from a newer build alone, its parts included', () => {
    const doc = startedConversation()
    doc.getMap('meta').set('schemaVersion', 99)
    const before = Y.encodeStateAsUpdate(doc)
    expect(migrate(doc, MIGRATIONS, DOCUMENT_PART.version, [LATER_CONVERSATION])).toEqual({ status: 'newer', version: 99 })
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('two peers migrating the same conversation at once merge to one result', () => {
    const a = startedConversation()
    const b = joinerOf(a)
    migratePart(a, LATER_CONVERSATION)
    migratePart(b, LATER_CONVERSATION)
    sync(a, b)
    expect(a.getMap('conversation').toJSON()).toEqual(b.getMap('conversation').toJSON())
    expect(partVersion(a, LATER_CONVERSATION)).toBe(3)
    expect(partVersion(b, LATER_CONVERSATION)).toBe(3)
    const reactions = (doc: Y.Doc) => ((doc.getMap('conversation').get(KEYS.responses) as Y.Map<Y.Map<unknown>>).get('r1')!.get('reactions'))
    // Both made a reactions map; one won on both peers, and it is the same map.
    expect(reactions(a)).toBeInstanceOf(Y.Map)
    expect((reactions(a) as Y.Map<unknown>)._item?.id).toEqual((reactions(b) as Y.Map<unknown>)._item?.id)
    // And a third peer that arrives later finds nothing left to migrate.
    const c = joinerOf(a)
    expect(migratePart(c, LATER_CONVERSATION)).toEqual({ status: 'current', version: 3 })
  })

  it('writes nothing for a conversation nobody has started, and creates no root on reading', () => {
    const doc = convening()
    const before = Y.encodeStateAsUpdate(doc)
    expect(migratePart(doc, LATER_CONVERSATION)).toEqual({ status: 'unseeded' })
    expect(doc.share.has('conversation')).toBe(false)
    expect(isNewerPart(doc, LATER_CONVERSATION)).toBe(false)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('the first write gives a conversation this build’s version', () => {
    const doc = convening()
    pickDeck(doc, 'fran', deck, 1)
    expect(partVersion(doc, CONVERSATION_PART)).toBe(CONVERSATION_VERSION)
  })

  it('reads a version a peer garbled as none, never as newer', () => {
    const doc = startedConversation()
    for (const garbled of ['2', 1.5, -3, null]) {
      conversationMap(doc).set(KEYS.version, garbled)
      expect(partVersion(doc, CONVERSATION_PART)).toBeNull()
      expect(isNewerConversation(doc)).toBe(false)
    }
  })

  it('runs a record’s migrations on every record of that kind, in every diagram', () => {
    const doc = convening()
    const diagrams = ['One', 'Two'].map((title) => {
      const made = createDiagram(doc, { title, createdAt: 1 }, 'test')
      if (!made.ok) throw new Error(made.message)
      for (const label of ['A', 'B']) addVariable(doc, made.value, { label, x: 0, y: 0 }, 'test')
      return made.value
    })
    const upperCase: RecordMigration = {
      version: 2,
      description: 'labels in capitals',
      up: (record) => {
        const label = record.get('label')
        if (typeof label === 'string' && label !== label.toUpperCase()) record.set('label', label.toUpperCase())
      },
    }
    const steps = recordSteps('variable', [upperCase], (d) => {
      const out: Y.Map<unknown>[] = []
      for (const id of diagrams) for (const v of diagramParts(d, id)!.variables.values()) out.push(v)
      return out
    })
    for (const id of diagrams) diagramParts(doc, id)!.variables.forEach((v) => v.set('label', (v.get('label') as string).toLowerCase()))
    expect(migrate(doc, steps, 2)).toEqual({ status: 'migrated', from: 1, to: 2 })
    expect(documentVersion(doc)).toBe(2)
    for (const id of diagrams) expect(readDiagram(doc, id)!.variables.map((v) => v.label).sort()).toEqual(['A', 'B'])
  })

  it('every sequence of this build is whole: a step for each version, none past it', () => {
    expect(checkSequence(DOCUMENT_PART)).toBeNull()
    for (const part of CONVENING_PARTS) expect(checkSequence(part)).toBeNull()
    expect(CONVERSATION_PART.version).toBe(CONVERSATION_VERSION)
    expect(checkSequence(LATER_CONVERSATION)).toBeNull()
    expect(checkSequence({ ...LATER_CONVERSATION, migrations: [nameSource] })).toMatch(/no step reaches version 2/)
    expect(checkSequence({ ...LATER_CONVERSATION, version: 2 })).toMatch(/outside 2 to 2/)
  })
})
