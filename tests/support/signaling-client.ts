// Clients for our signaling host (real `ws` sockets with a message inbox), for tests and
// benchmarks alike. Every socket opened here is listed in `openSockets`, so a test can
// close them all afterwards (tests/unit/electron/host/helpers.ts does).
import { WebSocket } from 'ws'
import type { ClientOptions } from 'ws'

export const openSockets: WebSocket[] = []

export interface Closed {
  code: number
  reason: string
}

export interface TestClient {
  socket: WebSocket
  send(message: unknown): void
  /** Resolves with the next message (parsed JSON) not yet taken. */
  next(): Promise<Record<string, unknown>>
  /** Messages received so far and not yet taken. */
  inbox: Record<string, unknown>[]
  closed: Promise<Closed>
}

export function connect(url: string, options: ClientOptions = {}): Promise<TestClient> {
  const socket = new WebSocket(url, options)
  openSockets.push(socket)
  const inbox: Record<string, unknown>[] = []
  const waiting: { take: (message: Record<string, unknown>) => void; fail: (error: Error) => void }[] = []
  let ended: Error | undefined
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as Record<string, unknown>
    const waiter = waiting.shift()
    if (waiter) waiter.take(message)
    else inbox.push(message)
  })
  const closed = new Promise<Closed>((resolve) => {
    socket.on('close', (code, reason) => {
      // Nothing more will come: whoever waits for a message fails now rather than times out.
      ended = new Error(`connection closed (${code} ${reason.toString('utf8')})`)
      for (const waiter of waiting.splice(0)) waiter.fail(ended)
      resolve({ code, reason: reason.toString('utf8') })
    })
  })
  return new Promise((resolve, reject) => {
    socket.once('open', () =>
      resolve({
        socket,
        inbox,
        closed,
        send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
        next: () => {
          const ready = inbox.shift()
          if (ready) return Promise.resolve(ready)
          if (ended) return Promise.reject(ended)
          return new Promise((take, fail) => waiting.push({ take, fail }))
        },
      }),
    )
    socket.once('error', reject)
  })
}

/**
 * The HTTP status with which an upgrade to `url` is refused (or 101 when it is accepted;
 * 0 when the connection failed). `options` sets headers (Origin) or `localAddress`.
 */
export function upgradeStatus(url: string, options: ClientOptions = {}): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, options)
    openSockets.push(socket)
    socket.once('open', () => resolve(101))
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0)
      socket.terminate()
    })
    socket.once('error', () => resolve(0))
  })
}

/**
 * Proves the server has handled everything `client` sent before: the answer to a ping
 * comes after all earlier frames of that connection were processed.
 */
export async function roundTrip(client: TestClient): Promise<void> {
  client.send({ type: 'ping' })
  const before: Record<string, unknown>[] = []
  // A connection the server closes never answers: next() then fails at once.
  for (;;) {
    const message = await client.next()
    if (message.type === 'pong') {
      client.inbox.unshift(...before)
      return
    }
    before.push(message)
  }
}

/** Subscribes a new client to `topics` and waits until the server has taken it in. */
export async function subscribed(url: string, topics: string[], options: ClientOptions = {}): Promise<TestClient> {
  const client = await connect(url, options)
  client.send({ type: 'subscribe', topics })
  await roundTrip(client)
  return client
}

/** The next publish on `client` whose data satisfies `predicate`; other messages are skipped. */
export async function nextPublish(client: TestClient, predicate: (data: unknown) => boolean): Promise<Record<string, unknown>> {
  for (;;) {
    const message = await client.next()
    if (message.type === 'publish' && predicate(message.data)) return message
  }
}
