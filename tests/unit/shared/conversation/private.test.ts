import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import {
  KEYS,
  conversationMap,
  editResponse,
  holdPrivateKeys,
  isPromptRevealed,
  nestedMap,
  pickDeck,
  readConversationForHarvest,
  responseIds,
  sealedResponsesOf,
  sendResponse,
  setWrittenSettings,
  signReveal,
  viewResponse,
  watchPrivateReveal,
  withdrawResponse,
} from '../../../../shared/conversation'
import { ensureBound, randomSecretKey, rawKeySigner, seedConvening, upsertPerson, watchStatements } from '../../../../shared/session'
import { convening, deck, person } from './helpers'

const stops: (() => void)[] = []
afterEach(() => stops.splice(0).forEach((stop) => stop()))

/**
 * Separate copies, one per person's computer, each holding only its person's keys and
 * publishing them at a reveal, as the app's session does. `online` decides who syncs.
 */
function room(doc: Y.Doc, names: string[]) {
  const copies = new Map<string, Y.Doc>()
  const online = new Set(names)
  const deliver = (from: string, update: Uint8Array): void => {
    if (!online.has(from)) return
    for (const [name, copy] of copies) if (name !== from && online.has(name)) Y.applyUpdate(copy, update, 'remote')
  }
  for (const name of names) {
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    copy.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && deliver(name, u))
    holdPrivateKeys(copy, name, {}, (_prompt, key) => Promise.resolve(key))
    stops.push(watchPrivateReveal(copy, (p) => isPromptRevealed(copy, p), (id) => sealedResponsesOf(copy, id)))
    copies.set(name, copy)
  }
  const get = (name: string): Y.Doc => copies.get(name)!
  /** A person's computer comes back: everything both ways with everyone online. */
  const reconnect = (name: string): void => {
    online.add(name)
    const all = [...online].map(get)
    for (const a of all) for (const b of all) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote')
  }
  return { get, online, reconnect }
}

/** Let the publishing (queued after the transaction that carried the reveal) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

function privatePrompt() {
  const doc = convening()
  pickDeck(doc, 'fran', deck, 1)
  setWrittenSettings(doc, 'fran', 'b', { visibility: 'private' })
  return room(doc, ['fran', 'pia', 'pat'])
}

const TEXT = 'I do not trust the budget process.'

describe('private mode', () => {
  it('seals the text: no other copy holds a word of it, the author reads theirs', async () => {
    const people = privatePrompt()
    const sent = await sendResponse(people.get('pia'), 'pia', 'b', TEXT, 'private', 10)
    expect(sent.ok).toBe(true)
    const id = sent.ok ? sent.id : ''
    expect(viewResponse(people.get('pia'), id, 'pia', new Set())).toMatchObject({ text: TEXT, mine: true, visibility: 'private' })
    // Fran's copy, read as a modified app would: the stored document and its JSON.
    const fran = people.get('fran')
    const bytes = new TextDecoder('latin1').decode(Y.encodeStateAsUpdate(fran))
    expect(bytes).not.toContain('budget')
    expect(JSON.stringify(conversationMap(fran).toJSON())).not.toContain('budget')
    expect(viewResponse(fran, id, 'fran', new Set())).toMatchObject({ text: null, author: null, waiting: false })
    expect(readConversationForHarvest(fran).prompts.find((p) => p.promptId === 'b')).toMatchObject({ responses: [], withheld: 1 })
    // The author's own notes keep it.
    expect(readConversationForHarvest(people.get('pia'), { viewerId: 'pia' }).prompts.find((p) => p.promptId === 'b')?.responses[0]?.text).toBe(TEXT)
  })

  it('at the reveal the author’s app publishes its key and every copy reads it with the name; it cannot be hidden again', async () => {
    const people = privatePrompt()
    const sent = await sendResponse(people.get('pia'), 'pia', 'b', TEXT, 'private', 10)
    const id = sent.ok ? sent.id : ''
    expect(setWrittenSettings(people.get('fran'), 'fran', 'b', { revealed: true }).ok).toBe(true)
    await settle()
    for (const name of ['fran', 'pat']) expect(viewResponse(people.get(name), id, name, new Set())).toMatchObject({ text: TEXT, author: 'pia' })
    expect(readConversationForHarvest(people.get('pat')).prompts.find((p) => p.promptId === 'b')?.responses[0]).toMatchObject({ author: 'Pia', text: TEXT })
    const again = setWrittenSettings(people.get('fran'), 'fran', 'b', { revealed: false })
    expect(again).toMatchObject({ ok: false })
  })

  it('an author offline at the reveal: their response waits, named, and shows when they come back', async () => {
    const people = privatePrompt()
    const sent = await sendResponse(people.get('pia'), 'pia', 'b', TEXT, 'private', 10)
    const id = sent.ok ? sent.id : ''
    people.online.delete('pia')
    setWrittenSettings(people.get('fran'), 'fran', 'b', { revealed: true })
    await settle()
    expect(viewResponse(people.get('fran'), id, 'fran', new Set())).toMatchObject({ text: null, waiting: true, author: 'pia' })
    people.reconnect('pia')
    await settle()
    expect(viewResponse(people.get('fran'), id, 'fran', new Set())).toMatchObject({ text: TEXT, waiting: false })
  })

  it('the author edits (sealed again) and withdraws before the reveal; nobody else can', async () => {
    const people = privatePrompt()
    const pia = people.get('pia')
    const sent = await sendResponse(pia, 'pia', 'b', TEXT, 'private', 10)
    const id = sent.ok ? sent.id : ''
    expect(editResponse(pia, 'pia', id, 'Second thoughts.', new Set(), 11).ok).toBe(true)
    expect(viewResponse(pia, id, 'pia', new Set())?.text).toBe('Second thoughts.')
    expect(new TextDecoder('latin1').decode(Y.encodeStateAsUpdate(people.get('fran')))).not.toContain('Second thoughts')
    expect(withdrawResponse(people.get('pat'), 'pat', id, new Set()).ok).toBe(false)
    expect(withdrawResponse(pia, 'pia', id, new Set()).ok).toBe(true)
    expect(responseIds(people.get('fran'), 'b')).toEqual([])
  })

  it('a junk key published under the author’s name, or sealed bytes moved to another author, read as nothing', async () => {
    const people = privatePrompt()
    const sent = await sendResponse(people.get('pia'), 'pia', 'b', TEXT, 'private', 10)
    const id = sent.ok ? sent.id : ''
    const pat = people.get('pat')
    const record = nestedMap<Y.Map<unknown>>(pat, KEYS.responses)?.get(id)
    // Pat's modified app publishes a made-up key for Pia's response, and re-attributes a copy to himself.
    pat.transact(() => {
      conversationMap(pat).set(KEYS.revealedKeys, new Y.Map<string>())
      ;(conversationMap(pat).get(KEYS.revealedKeys) as Y.Map<string>).set(`b pia ${String(record?.get('keyId'))}`, 'A'.repeat(43))
      const copy = new Y.Map<unknown>()
      nestedMap<Y.Map<unknown>>(pat, KEYS.responses)?.set('forged', copy)
      for (const [key, value] of Object.entries(record!.toJSON())) copy.set(key, key === 'author' ? 'pat' : value)
    })
    setWrittenSettings(people.get('fran'), 'fran', 'b', { revealed: true })
    await settle()
    const fran = people.get('fran')
    expect(viewResponse(fran, id, 'fran', new Set())?.text).toBe(TEXT)
    expect(viewResponse(fran, 'forged', 'fran', new Set())).toMatchObject({ text: null })
  })
})

describe('private mode where roles are signed', () => {
  it('authors publish only at a reveal a facilitator signed: a practitioner’s forged reveal opens nothing', async () => {
    const ROOM = 'room'
    const fran = rawKeySigner('fran', randomSecretKey())
    const pia = rawKeySigner('pia', randomSecretKey())
    const a = new Y.Doc()
    const b = new Y.Doc()
    a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'))
    b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'))
    stops.push(watchStatements(a, ROOM, fran.publicKey), watchStatements(b, ROOM, fran.publicKey))
    seedConvening(a, { id: ROOM, title: 'Signed', createdBy: person('fran', 'facilitator'), now: 1 })
    upsertPerson(b, person('pia', 'practitioner', 2))
    await ensureBound(a, fran, ROOM)
    await ensureBound(b, pia, ROOM)
    holdPrivateKeys(b, 'pia', {}, (_prompt, key) => Promise.resolve(key))
    stops.push(watchPrivateReveal(b, (p) => isPromptRevealed(b, p), (id) => sealedResponsesOf(b, id)))
    pickDeck(a, 'fran', deck, 1)
    setWrittenSettings(a, 'fran', 'b', { visibility: 'private' })
    const sent = await sendResponse(b, 'pia', 'b', TEXT, 'private', 10)
    const id = sent.ok ? sent.id : ''
    // A modified app writes "revealed, by fran" without Fran's signature.
    nestedMap(a, KEYS.written)?.set('b', { visibility: 'private', revealed: true, by: 'fran' })
    await settle()
    expect(isPromptRevealed(b, 'b')).toBe(false)
    expect(viewResponse(a, id, 'fran', new Set())?.text).toBeNull()
    // Fran's real reveal carries her signed claim.
    const statement = await signReveal(a, fran, 'b')
    expect(setWrittenSettings(a, 'fran', 'b', { revealed: false }).ok).toBe(true)
    expect(setWrittenSettings(a, 'fran', 'b', { revealed: true, statement }).ok).toBe(true)
    await settle()
    expect(viewResponse(a, id, 'fran', new Set())).toMatchObject({ text: TEXT, author: 'pia' })
  })
})
