// Relay benchmark clients: one process holds many clients (a relay connection is one
// WebSocket per person, with no per-process registry as in y-webrtc), so 40 or 200
// people fit in a few processes. Each client is either
// - "ours": a convening Y.Doc synced through RelayConnection (renderer/sync/relay.ts):
//   every update sealed with AES-GCM into the relay room's log, presence sealed too;
// - "stock": a plaintext Y.Doc with a stock HocuspocusProvider (the baseline).
// Every client's WebSocket counts the frames it sends and receives, by Hocuspocus
// message type, so the coordinator can report what the relay carried per edit.
// Talks to the coordinator (tests/bench/relay.ts) over the IPC channel of fork.
import { createHash } from 'node:crypto'
import WebSocket from 'ws'
import type { RawData } from 'ws'
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { RelayConnection } from '../../renderer/sync/relay'
import { seededRandom } from '../../shared/conversation/random'
import { now } from './types'
import type { ClientCommand, ClientMessage, ClientSpec, FrameCounts, Mode } from './relay-protocol'

function send(message: ClientMessage): void {
  process.send?.(message)
}

const emptyCounts = (): FrameCounts => ({ sentDoc: 0, sentAwareness: 0, sentOther: 0, receivedDoc: 0, receivedAwareness: 0, receivedOther: 0 })
const counts: Record<Mode, FrameCounts> = { ours: emptyCounts(), stock: emptyCounts() }

function bytesOf(data: RawData | ArrayBufferLike | ArrayBufferView | string): Uint8Array | null {
  if (typeof data === 'string') return null
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
  return new Uint8Array(data)
}

/** Hocuspocus frames: [room name][type]...; a lone byte is a connection-level ping or pong. */
function kindOf(bytes: Uint8Array | null): 'Doc' | 'Awareness' | 'Other' {
  if (!bytes || bytes.length <= 1) return 'Other'
  try {
    const decoder = decoding.createDecoder(bytes)
    decoding.readVarString(decoder)
    const type = decoding.readVarUint(decoder)
    // 1 awareness, 3 query awareness; 9/10 ping/pong; the rest concern the document.
    if (type === 1 || type === 3) return 'Awareness'
    return type === 9 || type === 10 ? 'Other' : 'Doc'
  } catch {
    return 'Other'
  }
}

function countingWebSocket(into: FrameCounts) {
  return class CountingWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols)
      // A socket closed while still connecting emits 'error' after the provider let go of it.
      this.on('error', () => undefined)
      this.on('message', (data: RawData) => {
        into[`received${kindOf(bytesOf(data))}`] += 1
      })
    }

    override send(data: Parameters<WebSocket['send']>[0], ...rest: unknown[]): void {
      into[`sent${kindOf(bytesOf(data as ArrayBufferView))}`] += 1
      ;(super.send as (...args: unknown[]) => void)(data, ...rest)
    }
  }
}

interface Client {
  spec: ClientSpec
  doc: Y.Doc
  ready: () => Promise<void>
  /** Edits this client made that the relay has not taken yet. */
  pending: () => number
  compact: () => Promise<boolean>
  destroy: () => void
}

async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`relay client: timed out waiting for ${what}`)
    await new Promise((wake) => setTimeout(wake, 10))
  }
}

async function openClient(spec: ClientSpec): Promise<Client> {
  const doc = new Y.Doc()
  const WebSocketClass = countingWebSocket(counts[spec.mode])
  if (spec.mode === 'ours') {
    const awareness = new Awareness(doc)
    awareness.setLocalStateField('user', { name: spec.key })
    const connection = await RelayConnection.open({ doc, awareness, room: spec.room, secret: spec.secret, urls: spec.urls, WebSocket: WebSocketClass })
    return {
      spec,
      doc,
      ready: async () => {
        await until(() => connection.isSynced && connection.state.get().status === 'connected', `${spec.key} to sync`)
        await connection.whenWritten()
      },
      pending: () => connection.state.get().pending,
      compact: () => connection.compact(),
      destroy: () => {
        connection.destroy()
        awareness.destroy()
        doc.destroy()
      },
    }
  }
  const socket = new HocuspocusProviderWebsocket({ url: spec.urls[0], WebSocketPolyfill: WebSocketClass })
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: spec.room, document: doc })
  provider.awareness?.setLocalStateField('user', { name: spec.key })
  provider.attach()
  return {
    spec,
    doc,
    ready: () => until(() => provider.isSynced, `${spec.key} to sync`),
    pending: () => provider.unsyncedChanges,
    compact: () => Promise.resolve(false),
    destroy: () => {
      provider.destroy()
      socket.destroy()
      doc.destroy()
    },
  }
}

// ── Edits to every client ──────────────────────────────────────────────────────────
const clients = new Map<string, Client>()
/** Edit id → client key → arrival time. */
const arrivals = new Map<string, Map<string, number>>()
const expected = new Map<string, { room: string; writer: string }>()

function checkArrived(id: string): void {
  const expect = expected.get(id)
  if (!expect) return
  const receivers = [...clients.values()].filter((c) => c.spec.room === expect.room && c.spec.key !== expect.writer)
  const seen = arrivals.get(id) ?? new Map<string, number>()
  if (!receivers.every((c) => seen.has(c.spec.key))) return
  expected.delete(id)
  arrivals.delete(id)
  send({ type: 'arrived', id, times: receivers.map((c) => seen.get(c.spec.key)!) })
}

function observeArrivals(client: Client): void {
  client.doc.getArray<string>('bench').observe((event, transaction) => {
    if (transaction.local) return
    const t = now()
    for (const delta of event.changes.delta) {
      for (const id of (delta.insert as string[] | undefined) ?? []) {
        const seen = arrivals.get(id) ?? new Map<string, number>()
        arrivals.set(id, seen)
        seen.set(client.spec.key, t)
        checkArrived(id)
      }
    }
  })
}

// ── A day of history, and a newcomer joining it ───────────────────────────────────
const WORDS = ['ideas', 'we ', 'listen ', 'the group ', 'harvest ', 'next step: ', 'who ', 'why? ', 'circle ', 'pause ']

/** One small edit of a day: mostly typing in shared notes, some diagram nodes moved, added or deleted. */
function dayEdit(doc: Y.Doc, random: () => number, writer: number, step: number): void {
  const notes = doc.getText('notes')
  const diagram = doc.getMap<unknown>('diagram')
  const pick = random()
  const position = (length: number): number => Math.floor(random() * (length + 1))
  doc.transact(() => {
    if (pick < 0.65) notes.insert(position(notes.length), WORDS[Math.floor(random() * WORDS.length)])
    else if (pick < 0.75 && notes.length > 20) notes.delete(position(notes.length - 8), 1 + Math.floor(random() * 6))
    else if (pick < 0.95) diagram.set(`node-${writer}-${Math.floor(random() * 12)}`, { x: Math.round(random() * 1200), y: Math.round(random() * 800), label: `step ${step}` })
    else {
      const keys = [...diagram.keys()]
      if (keys.length > 0) diagram.delete(keys[Math.floor(random() * keys.length)])
    }
  })
}

/** What a newcomer must end up with: notes and diagram, keys sorted (map order may differ between docs). */
function fingerprint(doc: Y.Doc): string {
  const diagram = doc.getMap<unknown>('diagram').toJSON() as Record<string, unknown>
  const sorted = Object.fromEntries(Object.keys(diagram).sort().map((key) => [key, diagram[key]]))
  return createHash('sha256').update(JSON.stringify({ notes: doc.getText('notes').toString(), diagram: sorted })).digest('base64url')
}

async function writeHistory(specs: ClientSpec[], edits: number, tickMs: number): Promise<void> {
  const writers = await Promise.all(specs.map(openClient))
  try {
    await Promise.all(writers.map((w) => w.ready()))
    // Seeded, so both sides write the same kind of day.
    const randoms = writers.map((_, i) => seededRandom(1000 + i))
    for (let step = 0; step < edits; step++) {
      // Each edit in its own task, as a person types: one relay entry (or update) each.
      for (let i = 0; i < writers.length; i++) dayEdit(writers[i].doc, randoms[i], i, step)
      await new Promise((wake) => setTimeout(wake, tickMs))
    }
    await Promise.all(writers.map((w) => w.ready()))
    await until(() => writers.every((w) => w.pending() === 0), 'the history to reach the relay')
    const target = fingerprint(writers[0].doc)
    await until(() => writers.every((w) => fingerprint(w.doc) === target), 'the writers to agree', 60_000).catch((e: unknown) => {
      throw new Error(`${String(e)}: ${writers.map((w) => `${w.doc.getText('notes').length}/${w.doc.getMap('diagram').size}/${w.pending()}`).join(' ')}`)
    })
    // As a peer does once the log is long: fold it into one snapshot.
    const compacted = await writers[0].compact()
    await until(() => writers.every((w) => w.pending() === 0), 'the compaction to reach the relay')
    await new Promise((wake) => setTimeout(wake, 300))
    send({ type: 'history', fingerprint: target, bytes: Y.encodeStateAsUpdate(writers[0].doc).byteLength, compacted })
  } finally {
    for (const writer of writers) writer.destroy()
  }
}

async function join(spec: ClientSpec, target: string): Promise<void> {
  const t0 = now()
  let done = false
  let resolve: (t: number) => void = () => undefined
  const joined = new Promise<number>((wake) => (resolve = wake))
  // The doc is created inside openClient; check after every transaction on it.
  const check = (doc: Y.Doc): void => {
    if (!done && fingerprint(doc) === target) {
      done = true
      resolve(now())
    }
  }
  const client = await openClient(spec)
  client.doc.on('afterTransaction', () => check(client.doc))
  check(client.doc)
  const timer = setTimeout(() => resolve(Number.NaN), 30_000)
  const t1 = await joined
  clearTimeout(timer)
  client.destroy()
  send({ type: 'joined', ms: t1 - t0 })
}

// ── Commands ───────────────────────────────────────────────────────────────────────
async function handle(message: ClientCommand): Promise<void> {
  switch (message.cmd) {
    case 'open': {
      const opened = await Promise.all(message.clients.map(openClient))
      for (const client of opened) {
        clients.set(client.spec.key, client)
        observeArrivals(client)
      }
      await Promise.all(opened.map((c) => c.ready()))
      send({ type: 'opened' })
      return
    }
    case 'expect':
      expected.set(message.id, { room: message.room, writer: message.writer })
      checkArrived(message.id)
      return
    case 'edit': {
      const client = clients.get(message.writer)
      if (!client) throw new Error(`relay client: no client ${message.writer}`)
      const t = now()
      client.doc.transact(() => client.doc.getArray<string>('bench').push([message.id]))
      send({ type: 'sent', id: message.id, t })
      return
    }
    case 'counts':
      send({ type: 'counts', counts: { ours: { ...counts.ours }, stock: { ...counts.stock } } })
      return
    case 'close':
      for (const client of clients.values()) client.destroy()
      clients.clear()
      arrivals.clear()
      expected.clear()
      send({ type: 'closed' })
      return
    case 'history':
      await writeHistory(message.clients, message.edits, message.tickMs)
      return
    case 'join':
      await join(message.client, message.fingerprint)
      return
    case 'exit':
      for (const client of clients.values()) client.destroy()
      process.exit(0)
  }
}

process.on('message', (message: ClientCommand) => {
  handle(message).catch((error: unknown) => send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }))
})
process.on('disconnect', () => process.exit(0))
send({ type: 'ready' })
