// One benchmark peer in its own process (y-webrtc holds one peer per room per process).
// mode "ours": Convene's ConveningSession (persistence, awareness, presence, our
// provider settings); mode "raw": a bare Y.Doc with a stock WebrtcProvider.
// Talks to the coordinator over the IPC channel of child_process.fork.
import 'fake-indexeddb/auto'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { WebrtcProvider, type Room } from 'y-webrtc'
import { createRequire } from 'node:module'
import { ConveneDB } from '../../renderer/sync/db'
import { ConveningSession } from '../../renderer/sync/session'
import { now } from './types'

const require = createRequire(import.meta.url)
const wrtc: unknown = require('@roamhq/wrtc')
;(globalThis as { WebSocket?: unknown }).WebSocket = WebSocket

const [mode, room, secret, signal, indexText] = process.argv.slice(2)
const index = Number(indexText)

type Command = { cmd: 'edit'; id: string } | { cmd: 'burst'; count: number } | { cmd: 'count' } | { cmd: 'stop' }

function send(message: unknown): void {
  process.send?.(message)
}

async function start(): Promise<{ doc: Y.Doc; peers: () => number; room: () => Room | null; stop: () => Promise<void> }> {
  if (mode === 'raw') {
    const doc = new Y.Doc()
    const provider = new WebrtcProvider(room, doc, {
      signaling: [signal],
      password: secret,
      peerOpts: { wrtc, config: { iceServers: [] } },
    })
    return {
      doc,
      peers: () => (provider.room ? [...provider.room.webrtcConns.values()].filter((c) => c.connected).length : 0),
      room: () => provider.room,
      stop: () => Promise.resolve(provider.destroy()),
    }
  }
  const db = new ConveneDB(`bench-${room}-${index}`)
  const session = await ConveningSession.open({
    db,
    record: { id: room, secret, signaling: [signal], title: '', role: 'practitioner', createdAt: 0, lastOpenedAt: 0, peopleCount: 0 },
    me: { id: `person-${index}`, name: `Peer ${index}`, colour: '#1f6f8b', role: 'practitioner', timeZone: 'UTC', joinedAt: 0 },
    network: { signaling: [signal], relays: [], iceServers: [] },
    wrtc,
  })
  await db.convenings.put({ id: room, secret, signaling: [signal], title: '', role: 'practitioner', createdAt: 0, lastOpenedAt: 0, peopleCount: 0 })
  return {
    doc: session.doc,
    peers: () => session.connection.get().peers,
    // The session keeps its provider to itself; the benchmark only counts what it sends.
    room: () => (session as unknown as { provider: WebrtcProvider | null }).provider?.room ?? null,
    stop: () => session.destroy(),
  }
}

const peer = await start()
const items = peer.doc.getArray<string>('bench')
let burstSeen = 0
let burstTarget = -1
items.observe((event, transaction) => {
  if (transaction.local) return
  const t = now()
  for (const delta of event.changes.delta) {
    for (const id of (delta.insert as string[] | undefined) ?? []) {
      if (id.startsWith('burst-')) {
        burstSeen += 1
        if (burstSeen === burstTarget) send({ type: 'burst-done', t })
      } else send({ type: 'arrived', id, t })
    }
  }
})

// Data-channel messages this peer sends (for the relay benchmark's messages per edit):
// each WebRTC connection's send is wrapped as soon as the connection appears.
let sentMessages = 0
const counted = new WeakSet<object>()
function countSends(room: Room | null): void {
  for (const conn of room?.webrtcConns.values() ?? []) {
    const channel = conn.peer as { send: (data: unknown) => void }
    if (counted.has(channel)) continue
    counted.add(channel)
    const original = channel.send.bind(channel)
    channel.send = (data) => {
      original(data)
      sentMessages += 1
    }
  }
}

let lastPeers = -1
const timer = setInterval(() => {
  countSends(peer.room())
  const count = peer.peers()
  if (count !== lastPeers) {
    lastPeers = count
    send({ type: 'peers', count })
  }
}, 20)

process.on('message', (message: Command & { expect?: number }) => {
  if (message.cmd === 'edit') {
    const t0 = now()
    peer.doc.transact(() => items.push([message.id]), 'convene:local:bench')
    send({ type: 'sent', id: message.id, t: t0 })
  } else if (message.cmd === 'burst') {
    if (message.count > 0) {
      const t0 = now()
      for (let i = 0; i < message.count; i++) peer.doc.transact(() => items.push([`burst-${i}`]), 'convene:local:bench')
      send({ type: 'burst-sent', t: t0 })
    } else {
      burstTarget = message.expect ?? 0
      if (burstSeen === burstTarget) send({ type: 'burst-done', t: now() })
    }
  } else if (message.cmd === 'count') {
    countSends(peer.room())
    send({ type: 'count', sent: sentMessages })
  } else if (message.cmd === 'stop') {
    clearInterval(timer)
    void peer.stop().finally(() => process.exit(0))
  }
})
send({ type: 'ready' })
