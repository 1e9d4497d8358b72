// Relays, clients and waits for the relay tests: real servers on 127.0.0.1 port 0, real
// HocuspocusProvider clients over `ws`, raw sockets for hostile input; everything
// started here is closed after each test.
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import * as encoding from 'lib0/encoding'
import { afterEach } from 'vitest'
import { WebSocket } from 'ws'
import type { ClientOptions } from 'ws'
import * as Y from 'yjs'
import { startRelay } from '../../../../../electron/main/relay'
import type { Relay, RelayOptions } from '../../../../../electron/main/relay'
import { startRedis } from '../../../../support/redis'
import type { TestRedis } from '../../../../support/redis'

const cleanups: (() => Promise<void> | void)[] = []

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

export function onCleanup(cleanup: () => Promise<void> | void): void {
  cleanups.push(cleanup)
}

export const newRoom = (): string => `c1.${randomBytes(32).toString('base64url')}`
export const newToken = (): string => randomBytes(32).toString('base64url')

export async function tempDir(prefix = 'convene-relay-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  onCleanup(() => rm(dir, { recursive: true, force: true }))
  return dir
}

export async function testRedis(): Promise<TestRedis> {
  const redis = await startRedis()
  onCleanup(() => redis.stop())
  return redis
}

export interface TestRelay {
  relay: Relay
  url: string
  port: number
  logs: string[]
  close(): Promise<void>
}

/** A relay on its own HTTP server (every path), logging into `logs`. */
export async function startTestRelay(options: Partial<RelayOptions> = {}): Promise<TestRelay> {
  const logs: string[] = []
  const relay = await startRelay({ dataDir: options.dataDir ?? (await tempDir()), log: (line) => logs.push(line), ...options })
  const server = createServer((_request, response) => response.end('relay\n'))
  server.on('upgrade', (request, socket, head) => relay.handleUpgrade(request, socket, head))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  let closed: Promise<void> | undefined
  const close = (): Promise<void> =>
    (closed ??= (async () => {
      await relay.close()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    })())
  onCleanup(close)
  return { relay, url: `ws://127.0.0.1:${port}/relay`, port, logs, close }
}

/** Resolves once `condition()` holds, checking every few milliseconds; rejects after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what = 'a condition', timeoutMs = 10_000): Promise<void> {
  const start = Date.now()
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

export interface TestClient {
  provider: HocuspocusProvider
  socket: HocuspocusProviderWebsocket
  doc: Y.Doc
  log: Y.Array<Uint8Array>
  failures: string[]
  authenticated: () => boolean
  destroy(): void
}

/**
 * `ws` as a provider's WebSocket in Node. The provider drops its listeners before closing
 * a socket that may still be connecting; ws then reports "closed before the connection
 * was established" to nobody, which Node treats as an uncaught error. The browser's
 * WebSocket does not, and neither does this.
 */
export function quietWebSocket(options: ClientOptions = {}): new (address: string | URL) => WebSocket {
  return class QuietWebSocket extends WebSocket {
    constructor(address: string | URL) {
      super(address, options)
      this.on('error', () => undefined)
    }
  }
}

/** A HocuspocusProvider in Node, as the app's relay connection uses it. */
export function client(url: string, room: string, token: string, socketOptions: { localAddress?: string } = {}): TestClient {
  const WebSocketPolyfill = quietWebSocket(socketOptions.localAddress ? { localAddress: socketOptions.localAddress } : {})
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill, delay: 50, minDelay: 50, maxDelay: 200 })
  const doc = new Y.Doc()
  const failures: string[] = []
  let authenticated = false
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: room,
    token,
    document: doc,
    onAuthenticationFailed: ({ reason }) => failures.push(reason),
    onAuthenticated: () => {
      authenticated = true
    },
  })
  provider.attach()
  let destroyed = false
  const destroy = (): void => {
    if (destroyed) return
    destroyed = true
    provider.destroy()
    socket.destroy()
    doc.destroy()
  }
  onCleanup(destroy)
  return { provider, socket, doc, log: doc.getArray<Uint8Array>('log'), failures, authenticated: () => authenticated, destroy }
}

export interface Invite {
  room: string
  token: string
  /** A client of this room on the relay at `url`. */
  join(url: string, socketOptions?: { localAddress?: string }): TestClient
}

/** A room and its token, as two members who share an invite derive them. */
export function newInvite(): Invite {
  const room = newRoom()
  const token = newToken()
  return { room, token, join: (url, socketOptions) => client(url, room, token, socketOptions) }
}

/** Two members of a new room (on `url`, and on `otherUrl` when given) and an entry that passed between them. */
export async function relaying(url: string, otherUrl = url): Promise<{ invite: Invite; alice: TestClient; bob: TestClient }> {
  const invite = newInvite()
  const alice = invite.join(url)
  const bob = invite.join(otherUrl)
  append(alice, 'first entry')
  await waitFor(() => entries(bob).includes('first entry'), 'the first entry to reach bob')
  return { invite, alice, bob }
}

/** Appends an entry (opaque bytes, as the relay sees a sealed entry) and returns it. */
export function append(test: TestClient, text: string): Uint8Array {
  const entry = new TextEncoder().encode(text)
  test.log.push([entry])
  return entry
}

export function entries(test: TestClient): string[] {
  return test.log.toArray().map((entry) => new TextDecoder().decode(entry))
}

export interface RawSocket {
  socket: WebSocket
  closed: Promise<{ code: number; reason: string }>
}

/** A bare WebSocket, for sending what no honest provider would. */
export function rawSocket(url: string, options: ClientOptions = {}): Promise<RawSocket> {
  const socket = new WebSocket(url, options)
  onCleanup(() => socket.terminate())
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString('utf8') }))
  })
  socket.on('error', () => undefined)
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, closed }))
    socket.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)))
  })
}

/** An auth frame as a provider sends it (address, Auth, Token, token, version). */
export function authFrame(room: string, token: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, room)
  encoding.writeVarUint(encoder, 2)
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarString(encoder, token)
  encoding.writeVarString(encoder, '4.8.0')
  return encoding.toUint8Array(encoder)
}
