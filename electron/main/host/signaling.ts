import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer } from 'ws'
import type { RawData } from 'ws'
import { CLOSE, createFrameParser, forwardedPublishText, resolveSignalingLimits, transportCloseReason } from '../../../shared/signaling'
import type { ClientMessage, CloseReason, SignalingLimits } from '../../../shared/signaling'
import { createTokenCheck } from './access-token'
import { addressKey, isLoopbackAddress } from './address'
import { TokenBucket } from './rate-limit'
import { TopicRegistry } from './topics'
import { errorMessage } from '../../../shared/errors'

export interface SignalingServerOptions {
  /** The HTTP server whose WebSocket upgrades (on any path) become signaling connections. */
  server: Server
  /**
   * False when the caller routes upgrades itself (the host sends `/relay` to the relay)
   * and passes the others to `handleUpgrade`. Default true: every upgrade is taken.
   */
  attach?: boolean
  limits?: Partial<SignalingLimits>
  /** When set, upgrades without a matching `?token=` are answered 401. */
  token?: string
  /**
   * With `token`: connections from this machine's loopback need none. For the desktop
   * app's host, whose own window signals on loopback without it; never behind a proxy,
   * where every connection comes from loopback.
   */
  tokenExemptLoopback?: boolean
  log?: (line: string) => void
}

export interface SignalingStats {
  connections: number
  topics: number
}

export interface SignalingServer {
  readonly limits: SignalingLimits
  /** Takes one WebSocket upgrade (what the server's 'upgrade' event gives). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void
  stats(): SignalingStats
  /** Says goodbye (1001) to every connection and stops listening for upgrades. */
  close(): Promise<void>
}

/** ws closes broken or oversized frames itself without a reason; this fills one in. */
class SignalingSocket extends WebSocket {
  override close(code?: number, reason?: string | Buffer): void {
    super.close(code, reason ?? (code === undefined ? undefined : transportCloseReason(code)))
  }
}

/** What all connections from one address (an IPv6 /64) share. */
interface AddressState {
  connections: number
  bucket: TokenBucket
}

interface Client {
  socket: WebSocket
  address: string
  /** Shared with the other connections from the same address. */
  shared: AddressState
  topics: Set<string>
  bucket: TokenBucket
  alive: boolean
  /** False once the server decided to close it: later frames in the same chunk are ignored. */
  open: boolean
  /** True while messages to it are skipped because it does not read them fast enough. */
  lagging: boolean
}

const SHUTDOWN_GRACE_MS = 1000
const PONG = JSON.stringify({ type: 'pong' })

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8')
  return data.toString('utf8')
}

/** Answers an upgrade with an HTTP error instead of a WebSocket. */
export function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`)
}

export function createSignalingServer(options: SignalingServerOptions): SignalingServer {
  const limits = resolveSignalingLimits(options.limits)
  const log = options.log ?? (() => {})
  const parse = createFrameParser(limits)
  const checkToken = options.token ? createTokenCheck(options.token) : undefined
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, WebSocket: SignalingSocket })
  const clients = new Set<Client>()
  const topics = new TopicRegistry<Client>()
  // Kept after an address's last connection leaves until its bucket has refilled, so
  // reconnecting does not buy a fresh burst.
  const addresses = new Map<string, AddressState>()
  let closing = false

  function closeWith(client: Client, close: CloseReason): void {
    if (!client.open) return
    client.open = false
    if (close.code !== CLOSE.shuttingDown.code) log(`signaling: closed ${client.address}: ${close.reason}`)
    client.socket.close(close.code, close.reason)
  }

  function forget(client: Client): void {
    client.open = false
    clients.delete(client)
    for (const topic of client.topics) topics.remove(topic, client)
    client.topics.clear()
  }

  function deliver(receiver: Client, text: string): void {
    if (receiver.socket.readyState !== WebSocket.OPEN) return
    // A receiver that stops reading would make us queue its messages forever, yet
    // dropping it would let anyone in its room cut it off by publishing a lot: it misses
    // messages instead, as over any lossy link. One that never reads again stops
    // answering pings, and the heartbeat drops it.
    if (receiver.socket.bufferedAmount > limits.maxBufferedBytes) {
      if (!receiver.lagging) log(`signaling: skipping messages to ${receiver.address}: it is not reading them`)
      receiver.lagging = true
      return
    }
    receiver.lagging = false
    receiver.socket.send(text)
  }

  function subscribe(client: Client, names: string[]): void {
    const fresh = new Set(names.filter((name) => !client.topics.has(name)))
    if (client.topics.size + fresh.size > limits.maxTopicsPerConnection) return closeWith(client, CLOSE.tooManyTopics)
    for (const name of fresh) {
      client.topics.add(name)
      topics.add(name, client)
    }
  }

  function unsubscribe(client: Client, names: string[]): void {
    for (const name of names) {
      client.topics.delete(name)
      topics.remove(name, client)
    }
  }

  function handle(client: Client, message: ClientMessage, frame: string): void {
    switch (message.type) {
      case 'subscribe':
        return subscribe(client, message.topics)
      case 'unsubscribe':
        return unsubscribe(client, message.topics)
      case 'publish': {
        // Only a member of a room may publish to it (y-webrtc subscribes first), so a
        // room id alone lets nobody send its peers anything. The sender gets its own
        // message back, as from the stock server. A publish that raced an unsubscribe is
        // dropped without closing the connection.
        const receivers = client.topics.has(message.topic) ? topics.of(message.topic) : undefined
        if (!receivers) return
        // The frame has paid for one delivery already; the rest of its fan-out now.
        if (!client.shared.bucket.take(receivers.size - 1)) return closeWith(client, CLOSE.addressRateLimit)
        const text = forwardedPublishText(frame, receivers.size)
        for (const receiver of [...receivers]) deliver(receiver, text)
        return
      }
      case 'ping':
        // Never skipped: it answers the client's own frame, within its own rate limit,
        // and tells a reader catching up that everything queued before has arrived.
        if (client.socket.readyState === WebSocket.OPEN) client.socket.send(PONG)
        return
    }
  }

  function onFrame(client: Client, data: RawData, isBinary: boolean): void {
    if (!client.open) return
    if (!client.bucket.take()) return closeWith(client, CLOSE.rateLimit)
    if (!client.shared.bucket.take()) return closeWith(client, CLOSE.addressRateLimit)
    if (isBinary) return closeWith(client, CLOSE.binaryFrame)
    const frame = rawText(data)
    const parsed = parse(frame)
    if (!parsed.ok) return closeWith(client, parsed.close)
    handle(client, parsed.message, frame)
  }

  function addressState(key: string): AddressState {
    let state = addresses.get(key)
    if (!state) {
      state = { connections: 0, bucket: new TokenBucket(limits.deliveriesPerSecondPerAddress, limits.burstDeliveriesPerAddress) }
      addresses.set(key, state)
    }
    return state
  }

  function onConnection(socket: WebSocket, request: IncomingMessage, shared: AddressState): void {
    const client: Client = {
      socket,
      address: request.socket.remoteAddress ?? 'unknown',
      shared,
      topics: new Set(),
      bucket: new TokenBucket(limits.messagesPerSecond, limits.burstMessages),
      alive: true,
      open: true,
      lagging: false,
    }
    // Without an 'error' listener, one broken frame would crash the process.
    socket.on('error', () => {})
    socket.on('close', () => forget(client))
    socket.on('pong', () => {
      client.alive = true
    })
    socket.on('message', (data, isBinary) => {
      try {
        onFrame(client, data, isBinary)
      } catch (error) {
        // Whatever went wrong concerns this connection only; the others carry on.
        log(`signaling: error from ${client.address}: ${errorMessage(error)}`)
        closeWith(client, CLOSE.internalError)
      }
    })
    if (closing) return closeWith(client, CLOSE.shuttingDown)
    if (clients.size >= limits.maxConnections) return closeWith(client, CLOSE.serverFull)
    clients.add(client)
  }

  function onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy())
    try {
      if (closing) return refuseUpgrade(socket, 503, 'Service Unavailable')
      const remote = request.socket.remoteAddress
      const shared = addressState(addressKey(remote))
      // Refused before the handshake: cheap, and no connection slot is taken.
      if (shared.connections >= limits.maxConnectionsPerAddress) return refuseUpgrade(socket, 429, 'Too Many Requests')
      if (checkToken && !(options.tokenExemptLoopback && isLoopbackAddress(remote)) && !checkToken(request)) {
        log(`signaling: refused ${remote ?? 'unknown'}: missing or wrong access token`)
        return refuseUpgrade(socket, 401, 'Unauthorized')
      }
      // Counted from the upgrade until the TCP connection is gone, handshake included.
      shared.connections += 1
      if (shared.connections === limits.maxConnectionsPerAddress) log(`signaling: ${remote ?? 'unknown'} has ${shared.connections} connections: refusing more from it`)
      socket.once('close', () => {
        shared.connections -= 1
      })
      wss.handleUpgrade(request, socket, head, (ws) => onConnection(ws, request, shared))
    } catch (error) {
      log(`signaling: upgrade failed: ${errorMessage(error)}`)
      socket.destroy()
    }
  }

  const heartbeat = setInterval(() => {
    for (const [key, state] of addresses) {
      if (state.connections === 0 && state.bucket.full()) addresses.delete(key)
    }
    for (const client of clients) {
      if (!client.alive) {
        log(`signaling: dropped ${client.address}: no answer to ping`)
        client.open = false
        client.socket.terminate()
        continue
      }
      client.alive = false
      try {
        client.socket.ping()
      } catch {
        client.socket.terminate()
      }
    }
  }, limits.heartbeatIntervalMs)
  heartbeat.unref()

  const attached = options.attach ?? true
  if (attached) options.server.on('upgrade', onUpgrade)

  async function close(): Promise<void> {
    if (closing) return
    closing = true
    clearInterval(heartbeat)
    if (attached) options.server.off('upgrade', onUpgrade)
    const remaining = [...clients]
    const closed = remaining.map((client) => new Promise<void>((resolve) => client.socket.once('close', () => resolve())))
    for (const client of remaining) closeWith(client, CLOSE.shuttingDown)
    let timer: NodeJS.Timeout | undefined
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, SHUTDOWN_GRACE_MS)
    })
    await Promise.race([Promise.all(closed), grace])
    clearTimeout(timer)
    for (const client of remaining) client.socket.terminate()
    await new Promise<void>((resolve) => wss.close(() => resolve()))
  }

  return {
    limits,
    handleUpgrade: onUpgrade,
    stats: () => ({ connections: clients.size, topics: topics.size }),
    close,
  }
}
