// One peer of the partition run (tests/bench/partition.ts), in its own process (y-webrtc
// holds one peer per room per process): Convene's own ConveningSession, as the app
// opens a convening whose invite names a signaling server and a relay, with WebRTC
// from @roamhq/wrtc and its store on fake-indexeddb. It types in the shared notes and
// edits the diagram (a person's pace, from a seed), and on command it loses or regains
// its paths to the others:
// - `servers`: reach the signaling host and the relay, or not. Cut off, y-webrtc's
//   signaling socket is closed and the relay connection paused, as when the network
//   between this person and the servers is gone; WebRTC links already open stay.
// - `links`: keep WebRTC links only to the peers named (the peer's side of the
//   partition); the others are closed, and any that opens anyway is closed and
//   counted as a leak (there should be none: see partition.ts for the order of cuts).
// Talks to the coordinator over the IPC channel of child_process.fork.
import 'fake-indexeddb/auto'
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import WebSocket from 'ws'
import * as Y from 'yjs'
import type { WebrtcProvider } from 'y-webrtc'
import { ConveneDB, type ConveningRecord } from '../../renderer/sync/db'
import { ConveningSession } from '../../renderer/sync/session'
import { ORIGINS, localOrigin, metaMap, notesText, peopleMap, type Person } from '../../shared/session'
import { addLink, addVariable, createDiagram, deleteVariable, diagramParts, diagramsMap, listDiagrams, moveVariable } from '../../shared/diagram'
import { seededRandom } from '../../shared/conversation/random'
import { now } from './types'

export type PeerCommand =
  /** Open the convening (sent once every peer has started, one peer after another). */
  | { cmd: 'join' }
  | { cmd: 'servers'; reach: boolean }
  /** Send only to these peers (null: every peer); links to others stay open, muted. */
  | { cmd: 'links'; allow: string[] | null }
  /** Close the muted links (once every peer has muted its own). */
  | { cmd: 'close' }
  | { cmd: 'typing'; on: boolean; seed: number }
  /** From now on every state report carries the digest; report now. */
  | { cmd: 'final' }
  | { cmd: 'status' }
  | { cmd: 'stop' }

export type PeerReport =
  | { type: 'started' }
  | { type: 'ready'; peerId: string; clientId: number }
  /** A command done; for `links`, the WebRTC links kept open (connected) to allowed peers. */
  | { type: 'ok'; cmd: PeerCommand['cmd']; kept?: number }
  /** The document's state vector (base64) when it changed, and after `final` its digest. */
  | { type: 'state'; t: number; sv: string; digest?: string }
  /** Answer to typing off: edits made since typing began, and this peer's own clock. */
  | { type: 'typed'; text: number; map: number; clientId: number; clock: number }
  | { type: 'status'; links: number; signaling: boolean; relay: string; pending: number; notes: number; leaks: number; rejections: number }
  | { type: 'error'; message: string }

const require = createRequire(import.meta.url)
const wrtc: unknown = require('@roamhq/wrtc')
;(globalThis as { WebSocket?: unknown }).WebSocket = WebSocket

const [room, secret, signal, relay, indexText] = process.argv.slice(2)
const index = Number(indexText)
const creator = index === 0
/** State reports at most this often (a report's time is when it was computed, so figures are this coarse at worst). */
const REPORT_MS = 25
const DIAGRAM = localOrigin('diagram')

function send(message: PeerReport): void {
  process.send?.(message)
}

/** y-webrtc's signaling connection (lib0's WebsocketClient), as far as this peer uses it. */
interface SignalingLink {
  connected: boolean
  connect(): void
  disconnect(): void
}

const me: Person = { id: `person-${index}`, name: `Peer ${index}`, colour: '#1f6f8b', role: creator ? 'facilitator' : 'practitioner', timeZone: 'UTC', joinedAt: 0 }
const record: ConveningRecord = {
  id: room,
  secret,
  signaling: [signal],
  relays: [relay],
  title: '',
  role: me.role,
  createdAt: 0,
  lastOpenedAt: 0,
  peopleCount: 0,
  // The creator's record carries the seed, as in the app: only peer 0 seeds.
  ...(creator ? { pendingSeed: 'Partition drill' } : {}),
}
process.on('disconnect', () => process.exit(0))
// Node and tsx take seconds to start; the coordinator starts every process at once and
// then lets people in one after another.
await new Promise<void>((joined) => {
  const onJoin = (message: PeerCommand): void => {
    if (message.cmd === 'stop') process.exit(0)
    if (message.cmd !== 'join') return
    process.off('message', onJoin)
    joined()
  }
  process.on('message', onJoin)
  send({ type: 'started' })
})
const db = new ConveneDB(`partition-${room}-${index}`)
await db.convenings.put(record)
const session = await ConveningSession.open({ db, record, me, network: { signaling: [signal], relays: [], iceServers: [] }, wrtc, WebSocket })
const doc = session.doc
// The session keeps its provider to itself; the benchmark reaches into it only to cut links.
const provider = (session as unknown as { provider: WebrtcProvider }).provider
if (creator) {
  const diagram = createDiagram(doc, { title: 'What keeps the drill going' }, DIAGRAM)
  if (diagram.ok) for (const label of ['Trust', 'Sharing', 'Load', 'Pause']) addVariable(doc, diagram.value, { label, x: 100, y: 100 }, DIAGRAM)
}

// ── Edits: a person typing in the notes and moving things on the diagram ────────────
const WORDS = ['we ', 'listen ', 'the loop ', 'grows ', 'trust ', 'pause, ', 'who? ', 'harvest ', 'next: ', 'circle ', 'and ', 'why ']
const made = { text: 0, map: 0 }
let random = seededRandom(index)
let cursor: Y.RelativePosition | null = null
let typing: ReturnType<typeof setTimeout> | undefined
let serial = 0

function cursorIndex(notes: Y.Text): number {
  const at = cursor ? Y.createAbsolutePositionFromRelativePosition(cursor, doc) : null
  return at ? Math.min(at.index, notes.length) : notes.length
}

function editText(): void {
  const notes = notesText(doc)
  const pick = random()
  let at = cursorIndex(notes)
  if (pick < 0.1) {
    at = Math.floor(random() * (notes.length + 1)) // click somewhere else
  } else if (pick < 0.25 && at > 0) {
    const count = Math.min(at, 1 + Math.floor(random() * 5)) // backspace
    doc.transact(() => notes.delete(at - count, count), ORIGINS.notes)
    at -= count
  } else {
    const word = WORDS[Math.floor(random() * WORDS.length)]
    doc.transact(() => notes.insert(at, word), ORIGINS.notes)
    at += word.length
  }
  cursor = Y.createRelativePositionFromTypeIndex(notes, at)
  made.text += 1
}

function editDiagram(): void {
  const diagramId = listDiagrams(doc)[0]?.id
  const parts = diagramId ? diagramParts(doc, diagramId) : null
  if (!diagramId || !parts) return editText()
  const ids = [...parts.variables.keys()]
  const any = (): string => ids[Math.floor(random() * ids.length)]
  const pick = random()
  const x = Math.round(random() * 1200)
  const y = Math.round(random() * 800)
  let result: { ok: boolean }
  if (pick < 0.65 && ids.length > 0) result = moveVariable(doc, diagramId, any(), x, y, DIAGRAM)
  else if (pick < 0.8 || ids.length < 3) result = addVariable(doc, diagramId, { label: `P${index} idea ${(serial += 1)}`, x, y }, DIAGRAM)
  else if (pick < 0.92) result = addLink(doc, diagramId, { from: any(), to: any(), polarity: random() < 0.5 ? '+' : '-' }, DIAGRAM)
  else result = deleteVariable(doc, diagramId, any(), DIAGRAM)
  // A refused edit (a link twice, a node someone just deleted) is typed as text instead.
  if (result.ok) made.map += 1
  else editText()
}

function typeOn(): void {
  if (random() < 0.7) editText()
  else editDiagram()
  // About four edits a second: a person typing words, now and then dragging a node.
  typing = setTimeout(typeOn, 150 + random() * 200)
}

// ── What the coordinator compares ────────────────────────────────────────────────────
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return Object.fromEntries(entries.map(([key, inner]) => [key, canonical(inner)]))
  }
  return value
}

/**
 * The whole CRDT state and what a person sees, hashed: state vector and delete set
 * (clients in order, so two equal documents hash alike), and the content of every
 * part the run writes (map keys sorted: map order may differ between peers).
 */
function digest(): string {
  const { sv, ds } = Y.snapshot(doc)
  const clocks = [...sv.entries()].sort((a, b) => a[0] - b[0])
  const deleted = [...ds.clients.entries()].sort((a, b) => a[0] - b[0]).map(([client, items]) => [client, items.map((d) => [d.clock, d.len])])
  const content = {
    meta: metaMap(doc).toJSON(),
    people: peopleMap(doc).toJSON(),
    notes: notesText(doc).toString(),
    diagrams: diagramsMap(doc).toJSON(),
  }
  return createHash('sha256').update(JSON.stringify({ clocks, deleted, content: canonical(content) })).digest('base64url')
}

let withDigest = false
let lastReport = 0
let reportTimer: ReturnType<typeof setTimeout> | undefined

function report(): void {
  reportTimer = undefined
  lastReport = Date.now()
  const sv = Buffer.from(Y.encodeStateVector(doc)).toString('base64')
  send({ type: 'state', t: now(), sv, ...(withDigest ? { digest: digest() } : {}) })
}

function scheduleReport(): void {
  reportTimer ??= setTimeout(report, Math.max(0, lastReport + REPORT_MS - Date.now()))
}
doc.on('update', scheduleReport)

// ── Paths to the others ──────────────────────────────────────────────────────────────
// @roamhq/wrtc crashes the process (SIGSEGV in RTCDataChannel::Send, seen here) when a
// peer sends on a channel whose other end has just closed, before the close event
// arrives. So a link across the cut is first muted on both sides (`links`: nothing
// more is sent on it), and closed only once every peer has muted (`close`).
let allowed: Set<string> | null = null
let closing = false
let leaks = 0
const closedByUs = new WeakSet<object>()
const mutable = new WeakSet<object>()

function muteAcrossTheCut(): void {
  for (const [peerId, conn] of provider.room?.webrtcConns ?? []) {
    const peer = conn.peer as { send: (data: unknown) => void }
    if (mutable.has(peer)) continue
    mutable.add(peer)
    const send = peer.send.bind(peer)
    peer.send = (data) => {
      if (!allowed || allowed.has(peerId)) send(data)
    }
  }
}

/** Closes links to peers outside `allowed` (once closing is allowed); returns the connected links kept. */
function enforceLinks(): number {
  let kept = 0
  muteAcrossTheCut()
  for (const [peerId, conn] of provider.room?.webrtcConns ?? []) {
    if (!allowed || allowed.has(peerId)) {
      if (conn.connected) kept += 1
    } else if (closing && !closedByUs.has(conn)) {
      closedByUs.add(conn)
      conn.destroy()
    }
  }
  return kept
}
const guard = setInterval(() => {
  // A link to the other side that opened after the cut is a leak.
  if (closing) for (const [peerId, conn] of provider.room?.webrtcConns ?? []) if (allowed && !allowed.has(peerId) && conn.connected && !closedByUs.has(conn)) leaks += 1
  enforceLinks()
}, 50)

// y-webrtc can throw inside a promise when a link closes while its offer is answered
// (existingConn is gone: "Cannot set properties of undefined (setting 'glareToken')").
// A browser logs that and goes on; so does this peer, counting them for the report.
let rejections = 0
const seenRejections = new Set<string>()
process.on('unhandledRejection', (reason) => {
  rejections += 1
  const text = reason instanceof Error ? reason.message : String(reason)
  if (!seenRejections.has(text)) {
    seenRejections.add(text)
    console.error(`partition peer ${index}: unhandled rejection (counted; further ones alike are not printed): ${reason instanceof Error ? (reason.stack ?? text) : text}`)
  }
})

function reachServers(reach: boolean): void {
  for (const link of provider.signalingConns as SignalingLink[]) {
    if (reach) link.connect()
    else link.disconnect()
  }
  session.relayConnection?.setPaused(!reach)
}

function handle(message: PeerCommand): void {
  switch (message.cmd) {
    case 'servers':
      reachServers(message.reach)
      return send({ type: 'ok', cmd: message.cmd })
    case 'links': {
      allowed = message.allow ? new Set(message.allow) : null
      closing = false
      return send({ type: 'ok', cmd: message.cmd, kept: enforceLinks() })
    }
    case 'close':
      closing = true
      enforceLinks()
      return send({ type: 'ok', cmd: message.cmd })
    case 'typing': {
      clearTimeout(typing)
      if (message.on) {
        random = seededRandom(message.seed * 101 + index)
        made.text = 0
        made.map = 0
        typeOn()
        return send({ type: 'ok', cmd: message.cmd })
      }
      const clock = Y.decodeStateVector(Y.encodeStateVector(doc)).get(doc.clientID) ?? 0
      return send({ type: 'typed', ...made, clientId: doc.clientID, clock })
    }
    case 'final':
      withDigest = true
      clearTimeout(reportTimer)
      report()
      return send({ type: 'ok', cmd: message.cmd })
    case 'status': {
      const state = session.relayConnection?.state.get()
      return send({
        type: 'status',
        links: enforceLinks(),
        signaling: (provider.signalingConns as SignalingLink[]).some((link) => link.connected),
        relay: state?.status ?? 'none',
        pending: state?.pending ?? 0,
        notes: notesText(doc).length,
        leaks,
        rejections,
      })
    }
    case 'join':
      return
    case 'stop':
      clearTimeout(typing)
      clearInterval(guard)
      clearTimeout(reportTimer)
      void session.destroy().finally(() => process.exit(0))
  }
}

process.on('message', (message: PeerCommand) => {
  try {
    handle(message)
  } catch (error) {
    send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  }
})
send({ type: 'ready', peerId: provider.room?.peerId ?? '', clientId: doc.clientID })
report()
