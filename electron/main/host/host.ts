import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { RELAY_PATH } from '../../../shared/relay'
import type { RelayLimits } from '../../../shared/relay'
import { TOKEN_QUERY_PARAMETER } from '../../../shared/signaling'
import type { SignalingLimits } from '../../../shared/signaling'
import { startRelay } from '../relay'
import type { Relay, RelayStats } from '../relay'
import { createOriginGuard } from './origin'
import { createSignalingServer } from './signaling'
import type { SignalingStats } from './signaling'
import { createStaticHandler, refuseOtherMethods, sendText } from './static'

export interface ConveneHostOptions {
  /** Interface to bind: 127.0.0.1 by default everywhere; 0.0.0.0 is the explicit LAN choice. */
  host: string
  /** 0 picks a free port; read the real one from the result. */
  port: number
  /** Folder served as a static site on the same port (the built renderer). */
  staticDir?: string
  token?: string
  /** With `token`: this machine's own (loopback) connections need none (the desktop app's host). */
  tokenExemptLoopback?: boolean
  /**
   * Web origins allowed to open WebSockets besides the host's own pages, the desktop
   * app's window and native clients (`--allow-origin`). Others are refused with 403.
   */
  allowOrigins?: readonly string[]
  limits?: Partial<SignalingLimits>
  /**
   * Also run the relay on this port, at RELAY_PATH (`/relay`); every other upgrade goes
   * to signaling. The relay has its own access (room verifiers): `token` is signaling's.
   */
  relay?: HostRelayOptions
  log?: (line: string) => void
}

export interface HostRelayOptions {
  /** The relay's LevelDB folder (one relay per folder). */
  dataDir: string
  /** redis://HOST:PORT, to serve the same rooms as other relays. */
  redis?: string
  limits?: Partial<RelayLimits>
}

export interface ConveneHost {
  host: string
  port: number
  /** Where a browser on this machine opens the app (loopback when bound to every interface). */
  httpUrl: string
  /** Where y-webrtc connects: the same host and port, as WebSocket. */
  signalingUrl: string
  /** Where relay clients connect (`ws://host:port/relay`), when the host runs the relay. */
  relayUrl?: string
  stats(): SignalingStats
  /** The relay's rooms and connections, when the host runs the relay. */
  relayStats(): RelayStats | undefined
  /** Closes signaling and the relay (storing every room), then the port. */
  close(): Promise<void>
}

function signalingOnly(request: IncomingMessage, response: ServerResponse): void {
  if (refuseOtherMethods(request, response)) return
  sendText(response, 200, 'Convene signaling server: connect with WebSocket (y-webrtc protocol).\n')
}

/** The host part of a URL for a bound address: wildcards become loopback, IPv6 gets brackets. */
export function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1'
  if (host === '::') return '[::1]'
  return host.includes(':') ? `[${host}]` : host
}

export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      const where = `${host}:${port}`
      if (error.code === 'EADDRINUSE') reject(new Error(`${where} is already in use; choose another --port (0 picks a free one)`))
      else if (error.code === 'EADDRNOTAVAIL') reject(new Error(`${host} is not an address of this machine`))
      else if (error.code === 'EACCES') reject(new Error(`not allowed to listen on ${where}`))
      else reject(error)
    }
    server.once('error', onError)
    server.listen(port, host, () => {
      server.off('error', onError)
      resolve((server.address() as AddressInfo).port)
    })
  })
}

function requestUrl(request: IncomingMessage): URL | undefined {
  try {
    return new URL(request.url ?? '/', 'http://host.invalid')
  } catch {
    return undefined
  }
}

/**
 * Whether an upgrade is for the relay: its path is RELAY_PATH, or RELAY_PATH follows a
 * signaling address's `?token=` (`/?token=T/relay`), which is what appending the path to
 * a LAN address that carries a token gives (the app's invite dialog builds the relay
 * address that way). The relay has its own access checks; the token is signaling's.
 */
export function isRelayRequest(request: IncomingMessage): boolean {
  const url = requestUrl(request)
  if (!url) return false
  return url.pathname === RELAY_PATH || (url.pathname === '/' && (url.searchParams.get(TOKEN_QUERY_PARAMETER)?.endsWith(RELAY_PATH) ?? false))
}

export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

/**
 * One HTTP server on one port: the signaling server on WebSocket upgrades, with
 * `relay` the relay on `/relay`, and with `staticDir` the browser twin of the app.
 * Sharing the port lets a browser guest who loaded the page signal through
 * `ws://<same host:port>` and reach the relay without further settings.
 */
export async function startConveneHost(options: ConveneHostOptions): Promise<ConveneHost> {
  const handler = options.staticDir ? await createStaticHandler(options.staticDir) : signalingOnly
  // The relay first: a data folder another relay holds stops the host before it listens.
  const relay: Relay | undefined = options.relay ? await startRelay({ ...options.relay, log: options.log }) : undefined
  const server = createServer(handler)
  const { limits, token, tokenExemptLoopback, log } = options
  const signaling = createSignalingServer({ server, attach: false, limits, token, tokenExemptLoopback, log })
  const refusedOrigin = createOriginGuard({ allowOrigins: options.allowOrigins, name: 'host', log })
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Before either server: a page from another site reaches neither signaling nor the relay.
    if (refusedOrigin(request, socket)) return
    if (relay && isRelayRequest(request)) relay.handleUpgrade(request, socket, head)
    else signaling.handleUpgrade(request, socket, head)
  })
  let port: number
  try {
    port = await listen(server, options.host, options.port)
  } catch (error) {
    await Promise.all([signaling.close(), relay?.close()])
    throw error
  }
  const address = `${urlHost(options.host)}:${port}`
  let closed: Promise<void> | undefined
  return {
    host: options.host,
    port,
    httpUrl: `http://${address}`,
    signalingUrl: `ws://${address}`,
    relayUrl: relay ? `ws://${address}${RELAY_PATH}` : undefined,
    stats: () => signaling.stats(),
    relayStats: () => relay?.stats(),
    close: () => {
      closed ??= (async () => {
        await Promise.all([signaling.close(), relay?.close()])
        await closeServer(server)
      })()
      return closed
    },
  }
}
