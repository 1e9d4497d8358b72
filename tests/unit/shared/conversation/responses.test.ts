import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  KEYS,
  RESPONSE_MAX,
  curateResponse,
  editResponse,
  groupLabels,
  nestedMap,
  pickDeck,
  readWrittenSettings,
  readConversationForHarvest,
  responseIds,
  setWrittenSettings,
  viewResponse,
  withdrawResponse,
  writeResponse,
} from '../../../../shared/conversation'
import { convening, deck, joinerOf, sync } from './helpers'
import { isLocalOrigin } from '../../../../shared/session'

function ready(): Y.Doc {
  const doc = convening()
  pickDeck(doc, 'fran', deck, 1)
  return doc
}

/** Every struct id in the document's stored form: which Yjs client wrote what. */
function writersOf(doc: Y.Doc): Set<number> {
  return new Set(Y.decodeUpdate(Y.encodeStateAsUpdate(doc)).structs.map((s) => s.id.client))
}

describe('anonymous responses', () => {
  it('store no person id in the shared document, not in its content nor in its binary form', () => {
    const doc = ready()
    setWrittenSettings(doc, 'fran', 'b', { visibility: 'anonymous' })
    const before = writersOf(doc)
    // It is this person's own edit: it carries a local origin (stored and sent at once).
    const origins: unknown[] = []
    doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin))
    const sent = writeResponse(doc, 'pia', 'b', 'I felt unheard in that meeting.', 'anonymous', 1_700_000_123_456)
    expect(origins.map(isLocalOrigin)).toEqual([true])
    expect(sent.ok).toBe(true)
    const id = sent.ok ? sent.id : ''
    const stored = (nestedMap(doc, KEYS.responses)!.get(id) as Y.Map<unknown>).toJSON()
    expect(stored).toEqual({ promptId: 'b', text: 'I felt unheard in that meeting.', visibility: 'anonymous', createdAt: 1_700_000_100_000, updatedAt: 1_700_000_100_000 })
    // The person id occurs in the stored bytes exactly as often as before (in the people list).
    const count = (bytes: Uint8Array): number => new TextDecoder().decode(bytes).split('pia').length
    const other = ready()
    expect(count(Y.encodeStateAsUpdate(doc))).toBe(count(Y.encodeStateAsUpdate(other)))
    // And it was made under a client id that wrote nothing else.
    const writers = writersOf(doc)
    const fresh = [...writers].filter((c) => !before.has(c))
    expect(fresh).toHaveLength(1)
    expect(fresh[0]).not.toBe(doc.clientID)
  })

  it('only the computer that remembers writing it can edit or withdraw it', () => {
    const doc = ready()
    setWrittenSettings(doc, 'fran', 'b', { visibility: 'anonymous' })
    const sent = writeResponse(doc, 'pia', 'b', 'first thought', 'anonymous', 1)
    const id = sent.ok ? sent.id : ''
    const mine = new Set([id])
    expect(viewResponse(doc, id, 'pia', mine)).toMatchObject({ mine: true, author: null })
    expect(viewResponse(doc, id, 'pia', new Set())).toMatchObject({ mine: false, author: null, text: 'first thought' })
    expect(editResponse(doc, 'pat', id, 'hijacked', new Set(), 2).ok).toBe(false)
    expect(editResponse(doc, 'pia', id, 'second thought', mine, 2).ok).toBe(true)
    const stored = (nestedMap(doc, KEYS.responses)!.get(id) as Y.Map<unknown>).toJSON()
    expect(stored).not.toHaveProperty('author')
    expect(stored.text).toBe('second thought')
    expect(withdrawResponse(doc, 'pat', id, new Set()).ok).toBe(false)
    expect(withdrawResponse(doc, 'pia', id, mine).ok).toBe(true)
    expect(responseIds(doc, 'b')).toEqual([])
  })

  it('never shows an author, even if a faulty peer stored one', () => {
    const doc = ready()
    const entry = new Y.Map<unknown>()
    nestedMap<Y.Map<unknown>>(doc, KEYS.responses)!.set('x', entry)
    for (const [k, v] of Object.entries({ promptId: 'b', text: 't', visibility: 'anonymous', author: 'pia', createdAt: 1, updatedAt: 1 })) entry.set(k, v)
    expect(viewResponse(doc, 'x', 'fran', new Set())?.author).toBeNull()
    expect(viewResponse(doc, 'x', 'pia', new Set())?.mine).toBe(false)
    expect(readConversationForHarvest(doc).prompts.find((p) => p.promptId === 'b')?.responses[0].author).toBeNull()
  })
})

describe('hidden until revealed (written by earlier builds)', () => {
  it('still shows others only that it exists until a facilitator reveals, and a prompt set to it now takes private responses', () => {
    const fran = ready()
    // What an earlier build stored: plain text marked hidden, and the prompt's setting.
    fran.transact(() => {
      nestedMap(fran, KEYS.written)?.set('b', { visibility: 'hidden', revealed: false, by: 'fran' })
      const entry = new Y.Map<unknown>()
      nestedMap<Y.Map<unknown>>(fran, KEYS.responses)?.set('old', entry)
      for (const [key, value] of Object.entries({ promptId: 'b', text: 'My honest view', visibility: 'hidden', author: 'pia', createdAt: 5, updatedAt: 5 })) entry.set(key, value)
    })
    expect(readWrittenSettings(fran, 'b').visibility).toBe('private')
    const pia = joinerOf(fran)
    expect(viewResponse(pia, 'old', 'pia', new Set())).toMatchObject({ text: 'My honest view', author: 'pia', mine: true })
    expect(viewResponse(fran, 'old', 'fran', new Set())).toMatchObject({ text: null, author: null })
    expect(readConversationForHarvest(fran).prompts.find((p) => p.promptId === 'b')).toMatchObject({ responses: [], withheld: 1 })
    expect(setWrittenSettings(pia, 'pia', 'b', { revealed: true }).ok).toBe(false)
    setWrittenSettings(fran, 'fran', 'b', { revealed: true })
    expect(viewResponse(fran, 'old', 'fran', new Set())).toMatchObject({ text: 'My honest view', author: 'pia' })
  })
})

describe('writing responses', () => {
  it('refuses an empty or too long response, and a choice that changed since the writer read it', () => {
    const doc = ready()
    expect(writeResponse(doc, 'pia', 'b', '   ', 'named', 1)).toEqual({ ok: false, message: 'Write something first.' })
    const long = writeResponse(doc, 'pia', 'b', 'x'.repeat(RESPONSE_MAX + 1), 'named', 1)
    expect(long).toEqual({ ok: false, message: 'Keep a response under 5,000 characters (this one has 5,001).' })
    expect(writeResponse(doc, 'pia', 'b', 'x'.repeat(RESPONSE_MAX), 'named', 1).ok).toBe(true)
    setWrittenSettings(doc, 'fran', 'b', { visibility: 'anonymous' })
    const stale = writeResponse(doc, 'pat', 'b', 'named, I thought', 'named', 2)
    expect(stale).toMatchObject({ ok: false })
    expect(responseIds(doc, 'b')).toHaveLength(1)
  })

  it('only the author edits a named response; readers cap text a faulty peer made too long', () => {
    const doc = ready()
    const sent = writeResponse(doc, 'pia', 'b', 'mine', 'named', 1)
    const id = sent.ok ? sent.id : ''
    expect(editResponse(doc, 'pat', id, 'not yours', new Set(), 2).ok).toBe(false)
    expect(editResponse(doc, 'pia', id, 'still mine', new Set(), 2).ok).toBe(true)
    ;(nestedMap<Y.Map<unknown>>(doc, KEYS.responses)!.get(id)!).set('text', 'y'.repeat(9000))
    expect(viewResponse(doc, id, 'fran', new Set())?.text).toHaveLength(RESPONSE_MAX)
  })

  it('concurrent responses from many people are all kept', () => {
    const fran = ready()
    setWrittenSettings(fran, 'fran', 'b', { visibility: 'anonymous' })
    const peers = [joinerOf(fran), joinerOf(fran), joinerOf(fran)]
    peers.forEach((peer, i) => writeResponse(peer, ['pia', 'pat', 'cole'][i], 'b', `thought ${i}`, 'anonymous', 10 + i))
    sync(fran, ...peers)
    for (const doc of [fran, ...peers]) expect(responseIds(doc, 'b').map((id) => viewResponse(doc, id, 'fran', new Set())?.text).sort()).toEqual(['thought 0', 'thought 1', 'thought 2'])
  })
})

describe('grouping and stars for the harvest', () => {
  it('facilitators group and star; a practitioner cannot, and a forged label is ignored', () => {
    const doc = ready()
    const a = writeResponse(doc, 'pia', 'b', 'about time', 'named', 1)
    const b = writeResponse(doc, 'pat', 'b', 'about money', 'named', 2)
    const [ida, idb] = [a.ok ? a.id : '', b.ok ? b.id : '']
    expect(curateResponse(doc, 'pia', ida, { star: true }).ok).toBe(false)
    curateResponse(doc, 'fran', ida, { group: ' Resources ', star: true })
    curateResponse(doc, 'cole', idb, { group: 'Resources' })
    expect(viewResponse(doc, ida, 'pat', new Set())).toMatchObject({ group: 'Resources', starred: true })
    ;(nestedMap<Y.Map<unknown>>(doc, KEYS.responses)!.get(idb)!).set('group', { value: 'Forged', by: 'pat' })
    expect(viewResponse(doc, idb, 'fran', new Set())?.group).toBeNull()
    expect(groupLabels(doc, 'b', 'fran')).toEqual(['Resources'])
    curateResponse(doc, 'fran', ida, { group: null })
    expect(viewResponse(doc, ida, 'fran', new Set())?.group).toBeNull()
    const harvest = readConversationForHarvest(doc)
    expect(harvest.deckTitle).toBe('Test deck')
    expect(harvest.prompts.map((p) => p.promptId)).toEqual(['a', 'b'])
    expect(harvest.prompts[1].responses.map((r) => [r.author, r.starred])).toEqual([['Pia', true], ['Pat', false]])
  })
})
