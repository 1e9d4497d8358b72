// Which web pages may open a WebSocket to the host. Browsers send the page's origin with
// every upgrade and let any page connect anywhere, so without this check any site a
// person visits could reach the host on their machine or network (directly, or through
// a name it rebinds to this machine's address).
import type { IncomingMessage } from 'node:http'
import { networkInterfaces } from 'node:os'
import type { Duplex } from 'node:stream'
import { isLoopbackAddress, plainAddress } from './address'
import { refuseUpgrade } from './signaling'

/** This machine's addresses, loopback included (a page served by the host has one of them in its origin). */
export function machineAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .map((entry) => entry.address)
}

/**
 * An origin as browsers send it (`https://convene.example.org`, no path), for
 * `--allow-origin`. Throws a RangeError a person can read for anything else.
 */
export function normalizeOrigin(text: string): string {
  let url: URL | undefined
  try {
    url = new URL(text)
  } catch {
    url = undefined
  }
  const bare = url && url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password
  if (!url || !bare || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new RangeError(`--allow-origin needs an origin such as https://convene.example.org (got "${text}")`)
  }
  return url.origin
}

export interface OriginCheckOptions {
  /** Origins allowed besides the host's own (`--allow-origin`), e.g. a site that embeds the app behind a proxy. */
  allowOrigins?: readonly string[]
  /** This machine's addresses; read anew for every upgrade that needs them. */
  localAddresses?: () => string[]
}

function defaultPort(url: URL): number {
  return url.protocol === 'https:' ? 443 : 80
}

/**
 * Builds the check of an upgrade's `Origin` header. Allowed are:
 * - no Origin at all: native clients (the app's main process, Node peers, y-webrtc in Node);
 * - `null` and `file://`: the desktop app's window, loaded from a file;
 * - the host's own origin: an `http:` page on this port whose host is `localhost` or an
 *   address of this machine (the browser twin the host serves, on any of its addresses);
 * - the origins listed in `allowOrigins`.
 * Every other origin is refused, including a hostile name that resolves to this machine.
 */
export function createOriginCheck(options: OriginCheckOptions = {}): (request: IncomingMessage) => boolean {
  const allowed = new Set((options.allowOrigins ?? []).map(normalizeOrigin))
  const localAddresses = options.localAddresses ?? machineAddresses
  return (request) => {
    const origin = request.headers.origin
    if (origin === undefined) return true
    if (origin === 'null' || origin === 'file://') return true
    let url: URL
    try {
      url = new URL(origin)
    } catch {
      return false
    }
    if (allowed.has(url.origin)) return true
    if (url.protocol !== 'http:') return false
    if (Number(url.port || defaultPort(url)) !== request.socket.localPort) return false
    const hostname = plainAddress(url.hostname.replace(/^\[|\]$/g, ''))
    if (hostname === 'localhost' || isLoopbackAddress(hostname)) return true
    return hostname === plainAddress(request.socket.localAddress ?? '') || localAddresses().map(plainAddress).includes(hostname)
  }
}

export interface OriginGuardOptions extends OriginCheckOptions {
  /** Names the server in the log line of a refusal (`host`, `relay`). */
  name: string
  log?: (line: string) => void
}

/**
 * Builds what a server's 'upgrade' listener asks first: it answers an upgrade from a page
 * whose origin `createOriginCheck` does not allow with 403, logs it, and returns true;
 * for an allowed upgrade it does nothing and returns false.
 */
export function createOriginGuard(options: OriginGuardOptions): (request: IncomingMessage, socket: Duplex) => boolean {
  const originAllowed = createOriginCheck(options)
  return (request, socket) => {
    if (originAllowed(request)) return false
    socket.on('error', () => socket.destroy())
    options.log?.(`${options.name}: refused a WebSocket from ${request.socket.remoteAddress ?? 'unknown'}: origin ${JSON.stringify((request.headers.origin ?? '').slice(0, 100))} not allowed`)
    refuseUpgrade(socket, 403, 'Forbidden')
    return true
  }
}
