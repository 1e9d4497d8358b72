// A relay on a port of its own (`convene relay`): every WebSocket upgrade, on `/` or
// `/relay` or any path, is a relay connection, once its Origin is allowed; plain HTTP
// gets one line of text.
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { RELAY_PATH } from '../../../shared/relay'
import { startRelay } from '../relay'
import type { Relay, RelayOptions } from '../relay'
import { closeServer, listen, urlHost } from './host'
import { createOriginGuard } from './origin'
import { refuseOtherMethods, sendText } from './static'

export interface RelayHostOptions extends RelayOptions {
  host: string
  /** 0 picks a free port. */
  port: number
  /**
   * Web origins whose pages may connect (`--allow-origin`), e.g. the site that serves
   * the browser twin; the desktop app's window and native clients always may. Other
   * pages are refused with 403.
   */
  allowOrigins?: readonly string[]
}

export interface RelayHost {
  host: string
  port: number
  /** `ws://host:port/relay` (the relay answers on every path; this is the customary one). */
  relayUrl: string
  relay: Relay
  close(): Promise<void>
}

function relayOnly(request: IncomingMessage, response: ServerResponse): void {
  if (refuseOtherMethods(request, response)) return
  sendText(response, 200, 'Convene relay: connect with WebSocket (Hocuspocus protocol); it stores and forwards encrypted rooms.\n')
}

export async function startRelayHost(options: RelayHostOptions): Promise<RelayHost> {
  const { host, port: wanted, allowOrigins, ...relayOptions } = options
  const relay = await startRelay(relayOptions)
  const server = createServer(relayOnly)
  // The same rule as the signaling host's. A browser sends the page's Origin with every
  // upgrade and lets any page connect anywhere: without this, any site a person visits
  // could use their browser to fill this relay or reach one on their network. An upgrade
  // without Origin does not come from a page (native clients: the app's main process,
  // Node peers, the benchmarks), and a program could send any Origin it likes anyway:
  // it is let through, to the relay's own checks (room access by verifier, limits).
  const refusedOrigin = createOriginGuard({ allowOrigins, name: 'relay', log: options.log })
  server.on('upgrade', (request, socket, head) => {
    if (!refusedOrigin(request, socket)) relay.handleUpgrade(request, socket, head)
  })
  let port: number
  try {
    port = await listen(server, host, wanted)
  } catch (error) {
    await relay.close()
    throw error
  }
  let closed: Promise<void> | undefined
  return {
    host,
    port,
    relayUrl: `ws://${urlHost(host)}:${port}${RELAY_PATH}`,
    relay,
    close: () =>
      (closed ??= (async () => {
        await relay.close()
        await closeServer(server)
      })()),
  }
}
