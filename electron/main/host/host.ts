import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { SignalingLimits } from '../../../shared/signaling'
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
  limits?: Partial<SignalingLimits>
  log?: (line: string) => void
}

export interface ConveneHost {
  host: string
  port: number
  /** Where a browser on this machine opens the app (loopback when bound to every interface). */
  httpUrl: string
  /** Where y-webrtc connects: the same host and port, as WebSocket. */
  signalingUrl: string
  stats(): SignalingStats
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

function listen(server: Server, host: string, port: number): Promise<number> {
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

/**
 * One HTTP server on one port: the signaling server on WebSocket upgrades and, with
 * `staticDir`, the browser twin of the app. Sharing the port lets a browser guest who
 * loaded the page signal through `ws://<same host:port>` without further settings.
 */
export async function startConveneHost(options: ConveneHostOptions): Promise<ConveneHost> {
  const handler = options.staticDir ? await createStaticHandler(options.staticDir) : signalingOnly
  const server = createServer(handler)
  const signaling = createSignalingServer({ server, limits: options.limits, token: options.token, log: options.log })
  let port: number
  try {
    port = await listen(server, options.host, options.port)
  } catch (error) {
    await signaling.close()
    throw error
  }
  const address = `${urlHost(options.host)}:${port}`
  let closed: Promise<void> | undefined
  return {
    host: options.host,
    port,
    httpUrl: `http://${address}`,
    signalingUrl: `ws://${address}`,
    stats: () => signaling.stats(),
    close: () => {
      closed ??= (async () => {
        await signaling.close()
        await new Promise<void>((resolve) => {
          server.close(() => resolve())
          server.closeAllConnections()
        })
      })()
      return closed
    },
  }
}
