// Long file (about 490 lines) on purpose: each limit sits beside the Hocuspocus hook it
// guards, so a reader sees every way a hostile client is refused in one place.
// The relay: a stock Hocuspocus that stores and forwards relay rooms. Clients keep, in
// each room, a Yjs document whose array `log` holds AES-GCM sealed updates, and publish
// sealed presence in the awareness field `e`; nothing here ever decrypts, and nothing
// here could (shared/relay/keys.ts: the content key never leaves a member's computer).
//
// Hocuspocus does the protocol; this module adds what a public relay needs around it:
// access by verifier (access.ts), persistence (store.ts), Redis fan-out (redis.ts), and
// limits that turn hostile input into a clear close code for that one connection.
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { Database } from '@hocuspocus/extension-database'
import { Hocuspocus, isTransactionOrigin } from '@hocuspocus/server'
import type { Extension } from '@hocuspocus/server'
import { WebSocket, WebSocketServer } from 'ws'
import type { RawData } from 'ws'
import * as Y from 'yjs'
import { RELAY_CLOSE, resolveRelayLimits } from '../../../shared/relay'
import type { RelayLimits } from '../../../shared/relay'
import { addressKey } from '../host/address'
import { TokenBucket } from '../host/rate-limit'
import { refuseUpgrade } from '../host/signaling'
import { createAccessCheck } from './access'
import { MESSAGE, parseFrame } from './frames'
import type { Frame } from './frames'
import { connectRedis, parseRedisUrl } from './redis'
import type { RelayRedis } from './redis'
import { openRelayStore } from './store'
import { errorMessage } from '../../../shared/errors'

export interface RelayOptions {
  /** Folder of the relay's LevelDB (created when missing; one relay process per folder). */
  dataDir: string
  /** redis://HOST:PORT: relays sharing one Redis serve the same rooms. */
  redis?: string
  limits?: Partial<RelayLimits>
  log?: (line: string) => void
  /** Names this relay in Hocuspocus (and in its log lines). */
  name?: string
}

export interface RelayStats {
  /** Rooms loaded now (rooms with someone in them, or being stored). */
  rooms: number
  connections: number
  /** Bytes sent to connections that have not taken them yet, all addresses together. */
  queuedBytes: number
  memory?: { rss: number; heapUsed: number }
}

export interface Relay {
  readonly limits: RelayLimits
  readonly dataDir: string
  /** Takes a WebSocket upgrade (from any HTTP server's 'upgrade' event). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void
  stats(): RelayStats
  /** Says goodbye to every connection, stores every room and releases the data folder. */
  close(): Promise<void>
}

type CloseReason = (typeof RELAY_CLOSE)[keyof typeof RELAY_CLOSE]

interface Client {
  socket: RelaySocket
  /** As the log names it. */
  address: string
  /** Under which its address's connections are counted together (an IPv6 /64 is one). */
  key: string
  /** Bytes queued for it when it was last sent something or measured. */
  queued: number
  bucket: TokenBucket
  /** Rooms this connection addressed (refused ones are forgotten again). */
  rooms: Set<string>
  /** Rooms this connection was let into. */
  admitted: Set<string>
  open: boolean
  connection?: ClientConnection
}

type ClientConnection = ReturnType<Hocuspocus['handleConnection']>

/** What the connections of one address share. */
interface AddressState {
  clients: Set<Client>
  /**
   * The sum of their `queued`. Never below the truth: a queue grows only when the relay
   * sends, which updates it, and shrinks unseen as the peer reads.
   */
  queued: number
}

interface Context {
  client: Client
}

const SHUTDOWN_GRACE_MS = 1000
const UNLOAD_WAIT_MS = 5000

function bytesOf(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

function remoteAddress(request: IncomingMessage): string {
  const address = request.socket.remoteAddress ?? 'unknown'
  return address.startsWith('::ffff:') ? address.slice(7) : address
}

/** The Fetch Request Hocuspocus wants, from Node's IncomingMessage. */
function fetchRequest(request: IncomingMessage): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      try {
        headers.append(name, one)
      } catch {
        // A header Fetch will not carry; Hocuspocus only passes headers on to hooks.
      }
    }
  }
  return new Request(new URL(request.url ?? '/', 'http://relay.invalid'), { headers })
}

/** An error Hocuspocus passes to the client as the reason, without logging it. */
function refusal(reason: string): Error {
  return Object.assign(new Error(''), { reason })
}

/**
 * Whether `update` may be applied to a room whose stored size is estimated at
 * `estimate`: yes while the room stays within `max`; beyond it, only when the update
 * makes the room smaller. A full room still takes deletions (compaction deletes many
 * entries and adds one snapshot), never growth. Returns the exact size when it had to
 * measure it.
 */
function mayApply(document: Y.Doc, estimate: number, max: number, update: Uint8Array): { ok: boolean; size?: number } {
  if (estimate + update.byteLength <= max) return { ok: true }
  const state = Y.encodeStateAsUpdate(document)
  const size = state.byteLength
  if (size + update.byteLength <= max) return { ok: true, size }
  const decoded = Y.decodeUpdate(update)
  if (decoded.structs.length === 0) return { ok: true, size }
  if (decoded.ds.clients.size === 0) return { ok: false, size }
  const trial = new Y.Doc()
  try {
    Y.applyUpdate(trial, state)
    Y.applyUpdate(trial, update)
    const after = Y.encodeStateAsUpdate(trial).byteLength
    return { ok: after <= max || after < size, size }
  } finally {
    trial.destroy()
  }
}

/** ws closes broken or oversized frames itself, with transport codes; these say what happened. */
const TRANSPORT_CLOSE: Record<number, CloseReason> = {
  1002: RELAY_CLOSE.malformed,
  1007: RELAY_CLOSE.malformed,
  1009: RELAY_CLOSE.tooLarge,
}

class RelaySocket extends WebSocket {
  /** Called after every message sent on it (Hocuspocus sends through `send` only), to count what is queued. */
  afterSend: (() => void) | undefined = undefined

  override close(code?: number, reason?: string | Buffer): void {
    const mapped = code === undefined ? undefined : TRANSPORT_CLOSE[code]
    if (mapped) super.close(mapped.code, mapped.reason)
    else super.close(code, reason)
  }

  override send(data: Parameters<WebSocket['send']>[0], ...rest: unknown[]): void {
    ;(super.send as (this: WebSocket, ...args: unknown[]) => void).call(this, data, ...rest)
    this.afterSend?.()
  }
}

export async function startRelay(options: RelayOptions): Promise<Relay> {
  const limits = resolveRelayLimits(options.limits)
  const prefix = options.name ? `relay ${options.name}` : 'relay'
  const log = (line: string): void => options.log?.(`${prefix}: ${line}`)
  const redisAddress = options.redis === undefined ? undefined : parseRedisUrl(options.redis)
  const store = await openRelayStore(options.dataDir)
  let redis: RelayRedis | undefined
  try {
    if (redisAddress) redis = await connectRedis(redisAddress, log)
  } catch (error) {
    await store.close()
    throw error
  }
  const mayEnter = createAccessCheck(store, redis)
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, WebSocket: RelaySocket })
  const clients = new Set<Client>()
  const addresses = new Map<string, AddressState>()
  /** Stored size of each loaded room: exact when loaded or stored, grown by each update between. */
  const sizes = new Map<string, number>()
  /** Frames already parsed on the way in, so the hooks need not parse them again. */
  const parsed = new WeakMap<Uint8Array, Frame>()
  let closing = false
  let onUnload: (() => void) | undefined

  function closeWith(client: Client, close: CloseReason, detail?: string): void {
    if (!client.open) return
    client.open = false
    log(`closed ${client.address}: ${close.reason}${detail ? ` (${detail})` : ''}`)
    client.socket.close(close.code, close.reason)
  }

  function forget(client: Client): void {
    client.open = false
    if (clients.delete(client)) leaveAddress(client)
  }

  function leaveAddress(client: Client): void {
    const state = addresses.get(client.key)
    if (!state?.clients.delete(client)) return
    state.queued -= client.queued
    if (state.clients.size === 0) addresses.delete(client.key)
  }

  function afterSend(client: Client): void {
    const state = addresses.get(client.key)
    if (!state?.clients.has(client)) return
    const queued = client.socket.bufferedAmount
    state.queued += queued - client.queued
    client.queued = queued
    if (state.queued > limits.maxQueuedBytesPerAddress) shedQueue(state)
  }

  /**
   * Brings an address that is over its queue cap back under it. Its connections already
   * closed (whose close frame waits behind what they did not read) are cut first, the
   * largest queue first: they had their chance. If that is not enough, the slowest open
   * one is closed with a reason, which it reads if it ever reads again; it is cut in turn
   * if the address is still over the cap when the relay next sends it something. So one
   * address holds at most about its cap, and a connection of the same address that
   * keeps up (someone else behind the same NAT) is never the one closed.
   */
  function shedQueue(state: AddressState): void {
    const byQueue = [...state.clients]
    state.queued = 0
    for (const client of byQueue) {
      client.queued = client.socket.bufferedAmount
      state.queued += client.queued
    }
    byQueue.sort((a, b) => b.queued - a.queued)
    for (const client of byQueue) {
      if (state.queued <= limits.maxQueuedBytesPerAddress) return
      if (client.open) continue
      log(`dropped ${client.address}: still not reading after it was closed (${client.queued} bytes queued)`)
      leaveAddress(client)
      client.socket.terminate()
    }
    const slowest = byQueue.find((client) => client.open)
    if (state.queued > limits.maxQueuedBytesPerAddress && slowest) {
      closeWith(slowest, RELAY_CLOSE.slowReader, `${slowest.queued} of the ${state.queued} bytes queued for its address`)
    }
  }

  /** False (and the connection closed) when `update` would grow a full room. */
  function withinRoomSize(client: Client, room: string, update: Uint8Array): boolean {
    const document = hocuspocus.documents.get(room)
    if (!document) return true
    const verdict = mayApply(document, sizes.get(room) ?? 0, limits.maxRoomBytes, update)
    if (verdict.size !== undefined) sizes.set(room, verdict.size)
    if (verdict.ok) return true
    closeWith(client, RELAY_CLOSE.roomFull, `room of ${verdict.size ?? 0} bytes`)
    return false
  }

  const persistence = new Database({
    fetch: async ({ documentName }) => {
      const state = await store.fetch(documentName)
      sizes.set(documentName, state?.byteLength ?? 0)
      return state
    },
    store: async ({ documentName, state }) => {
      await store.store(documentName, state)
      sizes.set(documentName, state.byteLength)
    },
  })

  const guard: Extension = {
    async onAuthenticate({ token, documentName, context }) {
      const { client } = context as Context
      let allowed = false
      try {
        allowed = await mayEnter(documentName, token)
      } catch (error) {
        log(`could not check access to a room: ${errorMessage(error)}`)
      }
      if (!allowed) {
        client.rooms.delete(documentName)
        log(`refused ${client.address}: no access to the room it asked for`)
        throw refusal(RELAY_CLOSE.refused.reason)
      }
      client.admitted.add(documentName)
    },
    beforeHandleMessage({ update: raw, documentName, context }) {
      // Frames queued before the room was admitted reach the room only now.
      const frame = parsed.get(raw)
      const { client } = context as Context
      if (frame?.kind === 'room' && frame.update && !withinRoomSize(client, documentName, frame.update)) {
        return Promise.reject(Object.assign(refusal(RELAY_CLOSE.roomFull.reason), { code: RELAY_CLOSE.roomFull.code }))
      }
      return Promise.resolve()
    },
    onChange({ documentName, document, update, transactionOrigin }) {
      sizes.set(documentName, (sizes.get(documentName) ?? 0) + update.byteLength)
      // Hocuspocus stores nothing that came through Redis, as if every instance shared
      // one database; each relay has its own folder, so it stores those updates too.
      if (isTransactionOrigin(transactionOrigin) && transactionOrigin.source === 'redis') {
        void hocuspocus.storeDocumentHooks(document, {
          instance: hocuspocus,
          clientsCount: document.getConnectionsCount(),
          document,
          documentName,
          lastContext: {},
          lastTransactionOrigin: transactionOrigin,
        })
      }
      return Promise.resolve()
    },
    onDisconnect({ documentName, context }) {
      const { client } = context as Context
      client.rooms.delete(documentName)
      client.admitted.delete(documentName)
      return Promise.resolve()
    },
    afterUnloadDocument({ documentName }) {
      sizes.delete(documentName)
      onUnload?.()
      return Promise.resolve()
    },
  }

  const hocuspocus = new Hocuspocus({
    name: options.name ?? null,
    quiet: true,
    maxPendingDocuments: limits.maxRoomsPerConnection,
    extensions: [...(redis ? [redis] : []), persistence, guard],
  })

  function onFrame(client: Client, data: RawData, isBinary: boolean): void {
    if (!client.open || !client.connection) return
    if (!client.bucket.take()) return closeWith(client, RELAY_CLOSE.rateLimit)
    if (!isBinary) return closeWith(client, RELAY_CLOSE.malformed, 'a text frame')
    const bytes = bytesOf(data)
    let frame: Frame
    try {
      frame = parseFrame(bytes)
    } catch (error) {
      return closeWith(client, RELAY_CLOSE.malformed, errorMessage(error))
    }
    if (frame.kind === 'pong') return
    if (!client.rooms.has(frame.room)) {
      if (frame.type === MESSAGE.close) return
      if (client.rooms.size >= limits.maxRoomsPerConnection) return closeWith(client, RELAY_CLOSE.tooManyRooms)
      client.rooms.add(frame.room)
    }
    if (frame.update && client.admitted.has(frame.room) && !withinRoomSize(client, frame.room, frame.update)) return
    parsed.set(bytes, frame)
    client.connection.handleMessage(bytes)
  }

  function onConnection(socket: RelaySocket, request: IncomingMessage): void {
    const client: Client = {
      socket,
      address: remoteAddress(request),
      key: addressKey(request.socket.remoteAddress),
      queued: 0,
      bucket: new TokenBucket(limits.messagesPerSecond, limits.burstMessages),
      rooms: new Set(),
      admitted: new Set(),
      open: true,
    }
    clients.add(client)
    const state = addresses.get(client.key) ?? { clients: new Set<Client>(), queued: 0 }
    state.clients.add(client)
    addresses.set(client.key, state)
    socket.afterSend = () => afterSend(client)
    // Without an 'error' listener, one broken frame would crash the process; ws then
    // closes the socket itself (1009 for an oversized message, 1002 for a bad frame).
    socket.on('error', (error) => log(`connection from ${client.address}: ${error.message}`))
    socket.on('close', (code, reason) => {
      forget(client)
      client.connection?.handleClose({ code, reason: reason.toString('utf8') })
    })
    socket.on('message', (data, isBinary) => {
      try {
        onFrame(client, data, isBinary)
      } catch (error) {
        // Whatever went wrong concerns this connection only; the others carry on.
        closeWith(client, RELAY_CLOSE.malformed, errorMessage(error))
      }
    })
    const context: Context = { client }
    client.connection = hocuspocus.handleConnection(socket, fetchRequest(request), context)
  }

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy())
    try {
      const address = remoteAddress(request)
      const key = addressKey(request.socket.remoteAddress)
      if (closing) return refuseUpgrade(socket, 503, 'Service Unavailable')
      if (clients.size >= limits.maxConnections) {
        log(`refused ${address}: ${RELAY_CLOSE.serverFull.reason}`)
        return refuseUpgrade(socket, 503, 'Service Unavailable')
      }
      if ((addresses.get(key)?.clients.size ?? 0) >= limits.maxConnectionsPerAddress) {
        log(`refused ${address}: too many connections from one address`)
        return refuseUpgrade(socket, 429, 'Too Many Requests')
      }
      wss.handleUpgrade(request, socket, head, (ws) => onConnection(ws, request))
    } catch (error) {
      log(`upgrade failed: ${errorMessage(error)}`)
      socket.destroy()
    }
  }

  async function storeWhatRemains(): Promise<void> {
    // Rooms still loaded (a store that failed keeps its room in memory) are written here.
    const remaining = [...hocuspocus.documents.values()]
    await Promise.all(
      remaining.map((document) =>
        store.store(document.name, Y.encodeStateAsUpdate(document)).catch((error: unknown) => {
          log(`could not store room on closing: ${errorMessage(error)}`)
        }),
      ),
    )
  }

  async function waitForUnload(): Promise<void> {
    let timer: NodeJS.Timeout | undefined
    await new Promise<void>((resolve) => {
      const check = (): void => {
        if (hocuspocus.documents.size === 0 && hocuspocus.loadingDocuments.size === 0) resolve()
      }
      onUnload = check
      timer = setTimeout(resolve, UNLOAD_WAIT_MS)
      check()
    })
    onUnload = undefined
    clearTimeout(timer)
  }

  let closed: Promise<void> | undefined
  async function closeNow(): Promise<void> {
    closing = true
    const remaining = [...clients]
    const gone = remaining.map((client) => new Promise<void>((resolve) => {
      if (client.socket.readyState === WebSocket.CLOSED) resolve()
      else client.socket.once('close', () => resolve())
    }))
    for (const client of remaining) {
      client.open = false
      client.socket.close(1001, 'The relay is shutting down')
      client.connection?.handleClose({ code: 1001, reason: 'The relay is shutting down' })
    }
    hocuspocus.flushPendingStores()
    await waitForUnload()
    await storeWhatRemains()
    let timer: NodeJS.Timeout | undefined
    await Promise.race([Promise.all(gone), new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_GRACE_MS)))])
    clearTimeout(timer)
    for (const client of remaining) client.socket.terminate()
    await new Promise<void>((resolve) => wss.close(() => resolve()))
    await hocuspocus.hooks('onDestroy', { instance: hocuspocus })
    await store.close()
  }

  log(`serving rooms from ${options.dataDir}${redisAddress ? ` with Redis at ${redisAddress.url}` : ''}`)
  return {
    limits,
    dataDir: options.dataDir,
    handleUpgrade,
    stats: () => {
      const { rss, heapUsed } = process.memoryUsage()
      let queuedBytes = 0
      for (const state of addresses.values()) for (const client of state.clients) queuedBytes += client.socket.bufferedAmount
      return { rooms: hocuspocus.getDocumentsCount(), connections: clients.size, queuedBytes, memory: { rss, heapUsed } }
    },
    close: () => (closed ??= closeNow()),
  }
}
