// A relay on a port of its own (`convene relay`): every WebSocket upgrade, on `/` or
// `/relay` or any path, is a relay connection; plain HTTP gets one line of text.
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { RELAY_PATH } from '../../../shared/relay'
import { startRelay } from '../relay'
import type { Relay, RelayOptions } from '../relay'
import { closeServer, listen, urlHost } from './host'
import { refuseOtherMethods, sendText } from './static'

export interface RelayHostOptions extends RelayOptions {
  host: string
  /** 0 picks a free port. */
  port: number
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
  const { host, port: wanted, ...relayOptions } = options
  const relay = await startRelay(relayOptions)
  const server = createServer(relayOnly)
  server.on('upgrade', (request, socket, head) => relay.handleUpgrade(request, socket, head))
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
