import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { deriveRelayKeys, openEntry, RelayLog, sealEntry } from '../../../../shared/relay'
import { OWN_WRITE_INTERVAL_MS } from '../../../../shared/relay/log'

const ROOM = 'AAAAAAAAAAAAAAAAAAAAAA'
const SECRET = 'BBBBBBBBBBBBBBBBBBBBBB'

/** A stand-in for the relay (unit test only): one server document every client's relay document syncs with while "online". */
class FakeRelay {
  readonly doc = new Y.Doc()
  private readonly clients = new Set<Y.Doc>()
  constructor() {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      for (const client of this.clients) if (client !== origin) Y.applyUpdate(client, update, this)
    })
  }
  connect(client: Y.Doc): void {
    this.clients.add(client)
    Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(client, Y.encodeStateVector(this.doc)), client)
    Y.applyUpdate(client, Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(client)), this)
    client.on('update', this.forward)
  }
  disconnect(client: Y.Doc): void {
    this.clients.delete(client)
    client.off('update', this.forward)
  }
  private forward = (update: Uint8Array, origin: unknown, client: Y.Doc): void => {
    if (origin !== this && this.clients.has(client)) Y.applyUpdate(this.doc, update, client)
  }
}

interface Peer {
  doc: Y.Doc
  relayDoc: Y.Doc
  log: RelayLog
  problems: string[]
}

const peers: Peer[] = []
afterEach(() => {
  for (const peer of peers.splice(0)) peer.log.destroy()
})

async function peer(relay: FakeRelay, secret = SECRET): Promise<Peer> {
  const keys = await deriveRelayKeys(ROOM, secret)
  const doc = new Y.Doc()
  const relayDoc = new Y.Doc()
  const problems: string[] = []
  const log = new RelayLog({
    doc,
    relayDoc,
    keys,
    origin: 'relay',
    compactAfter: 20,
    elsewhereDelayMs: () => 5,
    compactDelayMs: () => 1_000_000, // compactions are called by the tests
    onProblem: (message) => problems.push(message),
  })
  relay.connect(relayDoc)
  await log.synced()
  const made = { doc, relayDoc, log, problems }
  peers.push(made)
  return made
}

function text(p: Peer): string {
  return p.doc.getText('notes').toString()
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i += 1) await new Promise((r) => setTimeout(r, 2))
  expect(check()).toBe(true)
}

function relayBytes(relay: FakeRelay): string {
  return Buffer.from(Y.encodeStateAsUpdate(relay.doc)).toString('latin1')
}

describe('relay log (encrypted updates in a Yjs array)', () => {
  it('carries an edit to another peer, and the relay holds no word of it', async () => {
    const relay = new FakeRelay()
    const a = await peer(relay)
    const b = await peer(relay)
    a.doc.getText('notes').insert(0, 'the reinforcing loop of trust')
    await until(() => text(b) === 'the reinforcing loop of trust')
    expect(relayBytes(relay)).not.toContain('reinforcing')
    expect(relayBytes(relay)).not.toContain('trust')
  })

  it('brings edits made offline to the relay when the peer reconnects, for someone who was never online with them', async () => {
    const relay = new FakeRelay()
    const mentor = await peer(relay)
    relay.disconnect(mentor.relayDoc)
    mentor.doc.getText('notes').insert(0, 'written offline in Copenhagen')
    relay.connect(mentor.relayDoc)
    await mentor.log.synced()
    mentor.log.destroy()
    relay.disconnect(mentor.relayDoc)
    const practitioner = await peer(relay)
    await until(() => text(practitioner) === 'written offline in Copenhagen')
  })

  it('a peer with another secret reads nothing', async () => {
    const relay = new FakeRelay()
    const a = await peer(relay)
    a.doc.getText('notes').insert(0, 'private')
    await a.log.whenWritten()
    const stranger = await peer(relay, 'CCCCCCCCCCCCCCCCCCCCCC')
    await stranger.log.synced()
    expect(text(stranger)).toBe('')
    expect(stranger.problems.some((p) => p.includes('could not be read'))).toBe(true)
  })

  it('compacts many entries into one snapshot without losing anything, also when two peers compact at once', async () => {
    const relay = new FakeRelay()
    const a = await peer(relay)
    const b = await peer(relay)
    for (let i = 0; i < 30; i += 1) {
      ;(i % 2 ? a : b).doc.getText('notes').insert(0, `${i},`)
      await (i % 2 ? a : b).log.whenWritten()
    }
    await until(() => text(a) === text(b) && text(a).split(',').length === 31)
    const before = relay.doc.getArray('log').length
    const [ca, cb] = await Promise.all([a.log.compact(true), b.log.compact(true)])
    expect(ca || cb).toBe(true)
    expect(relay.doc.getArray('log').length).toBeLessThan(before / 4)
    const newcomer = await peer(relay)
    await until(() => text(newcomer) === text(a))
  })

  it('ignores garbage written straight into the log, and restores what a modified app deleted', async () => {
    const relay = new FakeRelay()
    const a = await peer(relay)
    a.doc.getText('notes').insert(0, 'keep me')
    await a.log.whenWritten()
    // A member's modified app: junk of every shape, then everything deleted.
    const hostile = new Y.Doc()
    relay.connect(hostile)
    hostile.getArray('log').push([new Uint8Array([1, 0, 1, 2, 3]), 'text', { x: 1 }, new Uint8Array(200)])
    hostile.getArray('log').delete(0, hostile.getArray('log').length)
    await until(() => relay.doc.getArray('log').length > 0)
    const newcomer = await peer(relay)
    await until(() => text(newcomer) === 'keep me')
  })

  it('a burst of separate edits leaves as at most one entry per interval, and every edit arrives', async () => {
    const relay = new FakeRelay()
    const a = await peer(relay)
    const b = await peer(relay)
    const started = Date.now()
    for (let i = 0; i < 200; i += 1) {
      a.doc.getText('notes').insert(0, 'x')
      await new Promise((wake) => setTimeout(wake, 0))
    }
    await a.log.whenWritten()
    const elapsed = Date.now() - started
    await until(() => text(b).length === 200)
    expect(a.log.stats.written).toBeLessThanOrEqual(Math.ceil(elapsed / OWN_WRITE_INTERVAL_MS) + 2)
  })

  it('entries cannot be moved to another room', async () => {
    const keys = await deriveRelayKeys(ROOM, SECRET)
    const other = await deriveRelayKeys('DDDDDDDDDDDDDDDDDDDDDD', SECRET)
    const sealed = await sealEntry(keys.content, keys.name, 'update', new Uint8Array([1, 2, 3]))
    expect((await openEntry(keys.content, keys.name, sealed)).ok).toBe(true)
    expect((await openEntry(other.content, other.name, sealed)).ok).toBe(false)
    expect(keys.name).not.toBe(other.name)
    expect(keys.token).not.toContain(SECRET)
  })
})
