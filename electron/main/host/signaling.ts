import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer } from 'ws'
import type { RawData } from 'ws'
import { CLOSE, createFrameParser, forwardedPublishText, resolveSignalingLimits, transportCloseReason } from '../../../shared/signaling'
import type { ClientMessage, CloseReason, SignalingLimits } from '../../../shared/signaling'
import { createTokenCheck } from './access-token'
import { TokenBucket } from './rate-limit'
import { TopicRegistry } from './topics'

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

interface Client {
  socket: WebSocket
  address: string
  topics: Set<string>
  bucket: TokenBucket
  alive: boolean
  /** False once the server decided to close it: later frames in the same chunk are ignored. */
  open: boolean
}

const SHUTDOWN_GRACE_MS = 1000

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
    // A receiver that stops reading would make us queue its messages forever.
    if (receiver.socket.bufferedAmount > limits.maxBufferedBytes) {
      log(`signaling: dropped ${receiver.address}: not reading its messages`)
      receiver.open = false
      receiver.socket.terminate()
      return
    }
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
        // Like the stock server, publishing does not require a subscription; the
        // sender receives its own message back when it is subscribed.
        const receivers = topics.of(message.topic)
        if (!receivers) return
        const text = forwardedPublishText(frame, receivers.size)
        for (const receiver of [...receivers]) deliver(receiver, text)
        return
      }
      case 'ping':
        return deliver(client, JSON.stringify({ type: 'pong' }))
    }
  }

  function onFrame(client: Client, data: RawData, isBinary: boolean): void {
    if (!client.open) return
    if (!client.bucket.take()) return closeWith(client, CLOSE.rateLimit)
    if (isBinary) return closeWith(client, CLOSE.binaryFrame)
    const frame = rawText(data)
    const parsed = parse(frame)
    if (!parsed.ok) return closeWith(client, parsed.close)
    handle(client, parsed.message, frame)
  }

  function onConnection(socket: WebSocket, request: IncomingMessage): void {
    const client: Client = {
      socket,
      address: request.socket.remoteAddress ?? 'unknown',
      topics: new Set(),
      bucket: new TokenBucket(limits.messagesPerSecond, limits.burstMessages),
      alive: true,
      open: true,
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
        log(`signaling: error from ${client.address}: ${error instanceof Error ? error.message : String(error)}`)
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
      if (checkToken && !checkToken(request)) {
        log(`signaling: refused ${request.socket.remoteAddress ?? 'unknown'}: missing or wrong access token`)
        return refuseUpgrade(socket, 401, 'Unauthorized')
      }
      wss.handleUpgrade(request, socket, head, (ws) => onConnection(ws, request))
    } catch (error) {
      log(`signaling: upgrade failed: ${error instanceof Error ? error.message : String(error)}`)
      socket.destroy()
    }
  }

  const heartbeat = setInterval(() => {
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
