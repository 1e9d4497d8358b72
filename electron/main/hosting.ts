// The signaling server, relay and web host that the facilitator's app runs for the
// group (electron/main/host/ starts the servers; this module decides when and where, and
// turns its addresses into the ones people need). Operations are queued, so a
// second click on "Host" while the first is starting cannot start two servers.
//
// Hosting for the LAN requires an access token (random, one per run of the app, so
// invites stay valid when hosting stops and starts again): the signaling addresses
// given out for invites carry it as `?token=`, and y-webrtc uses them as they are. The
// app's own window signals on loopback, which needs no token.
import { randomBytes } from 'node:crypto'
import type { HostAddresses, HostOptions, HostStatus } from '../../shared/ipc'
import { TOKEN_QUERY_PARAMETER } from '../../shared/signaling'
import { errorMessage } from '../../shared/errors'

/** y-webrtc's customary port. A fixed default keeps invites valid across restarts of the app. */
export const DEFAULT_HOST_PORT = 4444

/** What electron/main/host/index.ts `startConveneHost` resolves to. */
export interface RunningHost {
  port: number
  httpUrl: string
  signalingUrl: string
  /** Set when the host runs the relay (on `/relay` of the same port). */
  relayUrl?: string
  stats(): { connections: number }
  close(): Promise<void>
}

/** What the controller asks of electron/main/host/index.ts `startConveneHost`. */
export interface HostStartOptions {
  host: string
  port: number
  staticDir?: string
  relay?: { dataDir: string }
  /** Required of every signaling connection except this machine's own (see tokenExemptLoopback). */
  token?: string
  tokenExemptLoopback?: boolean
}

export interface HostingDeps {
  startConveneHost(options: HostStartOptions): Promise<RunningHost>
  lanAddresses(): string[]
  /** The built renderer, served to browser guests on the LAN. */
  staticDir?: string
  /** Where the host's relay keeps its rooms (the app's userData/relay); no relay without it. */
  relayDataDir?: string
  /** Makes the LAN host's access token; by default 144 random bits, URL-safe. */
  newToken?: () => string
}

export function randomAccessToken(): string {
  return randomBytes(18).toString('base64url')
}

export interface HostController {
  start(options: HostOptions): Promise<HostAddresses>
  stop(): Promise<void>
  status(): HostStatus
}

/** `url` with its host replaced; IPv6 addresses get their brackets. */
export function withHost(url: string, host: string): string {
  const parsed = new URL(url)
  parsed.hostname = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
  return parsed.href
}

/** `url` with `?token=` added, when there is a token. */
export function withToken(url: string, token: string | undefined): string {
  if (token === undefined) return url
  const parsed = new URL(url)
  parsed.searchParams.set(TOKEN_QUERY_PARAMETER, token)
  return parsed.href
}

/** The addresses people need; `token`, when the host requires one, is in the signaling ones. */
export function addressesOf(running: RunningHost, lan: boolean, lanAddresses: readonly string[], token?: string): HostAddresses {
  const others = lan ? lanAddresses : []
  const { relayUrl } = running
  const signaling = (host: string): string => withToken(withHost(running.signalingUrl, host), token)
  return {
    port: running.port,
    signalingUrl: signaling('127.0.0.1'),
    webUrls: [withHost(running.httpUrl, '127.0.0.1'), ...others.map((address) => withHost(running.httpUrl, address))],
    lanUrls: others.map(signaling),
    ...(relayUrl
      ? { relayUrl: withHost(relayUrl, '127.0.0.1'), lanRelayUrls: others.map((address) => withHost(relayUrl, address)) }
      : {}),
  }
}

export function createHostController(deps: HostingDeps): HostController {
  let current: { running: RunningHost; lan: boolean; addresses: HostAddresses } | undefined
  let queue: Promise<unknown> = Promise.resolve()
  let lanToken: string | undefined

  function enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const next = queue.then(operation, operation)
    queue = next.catch(() => undefined)
    return next
  }

  async function stopNow(): Promise<void> {
    const running = current?.running
    current = undefined
    await running?.close()
  }

  return {
    start: (options) =>
      enqueue(async () => {
        const port = options.port ?? DEFAULT_HOST_PORT
        const samePort = !options.port || current?.running.port === options.port
        if (current && current.lan === options.lan && samePort) {
          return current.addresses
        }
        await stopNow()
        // Only the LAN host needs one: on 127.0.0.1 nobody else can connect.
        const token = options.lan ? (lanToken ??= (deps.newToken ?? randomAccessToken)()) : undefined
        let running: RunningHost
        try {
          running = await deps.startConveneHost({
            host: options.lan ? '0.0.0.0' : '127.0.0.1',
            port,
            staticDir: deps.staticDir,
            relay: deps.relayDataDir ? { dataDir: deps.relayDataDir } : undefined,
            ...(token ? { token, tokenExemptLoopback: true } : {}),
          })
        } catch (error) {
          const message = errorMessage(error)
          // The host reports a busy port in words meant for the command line (--port).
          if (/already in use|EADDRINUSE/.test(message)) {
            throw new Error(`Port ${port} is already in use on this computer; choose another port.`, { cause: error })
          }
          throw new Error(`Could not start hosting: ${message}`, { cause: error })
        }
        const addresses = addressesOf(running, options.lan, options.lan ? deps.lanAddresses() : [], token)
        current = { running, lan: options.lan, addresses }
        return addresses
      }),
    stop: () => enqueue(stopNow),
    status: () =>
      current
        ? { running: true, lan: current.lan, connections: current.running.stats().connections, ...current.addresses }
        : { running: false },
  }
}

/** The part of Electron's app that quitting needs. */
export interface QuittingApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown
  quit(): void
}

/**
 * Closes the host before the app quits, so guests see the server leave rather than
 * a dropped connection. Quitting goes ahead after `timeoutMs` even if closing hangs.
 */
export function closeHostBeforeQuit(app: QuittingApp, controller: HostController, timeoutMs = 3000): void {
  let closing = false
  app.on('before-quit', (event) => {
    if (closing || !controller.status().running) return
    closing = true
    event.preventDefault()
    let timer: ReturnType<typeof setTimeout> | undefined
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs)
    })
    void Promise.race([controller.stop().catch(() => undefined), deadline]).finally(() => {
      clearTimeout(timer)
      app.quit()
    })
  })
}
