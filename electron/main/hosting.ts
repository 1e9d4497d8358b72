// The signaling server, relay and web host that the facilitator's app runs for the
// group (electron/main/host/ starts the servers; this module decides when and where, and
// turns its addresses into the ones people need). Operations are queued, so a
// second click on "Host" while the first is starting cannot start two servers.
import type { HostAddresses, HostOptions, HostStatus } from '../../shared/ipc'

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

export interface HostingDeps {
  startConveneHost(options: { host: string; port: number; staticDir?: string; relay?: { dataDir: string } }): Promise<RunningHost>
  lanAddresses(): string[]
  /** The built renderer, served to browser guests on the LAN. */
  staticDir?: string
  /** Where the host's relay keeps its rooms (the app's userData/relay); no relay without it. */
  relayDataDir?: string
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

export function addressesOf(running: RunningHost, lan: boolean, lanAddresses: readonly string[]): HostAddresses {
  const others = lan ? lanAddresses : []
  const { relayUrl } = running
  return {
    port: running.port,
    signalingUrl: withHost(running.signalingUrl, '127.0.0.1'),
    webUrls: [withHost(running.httpUrl, '127.0.0.1'), ...others.map((address) => withHost(running.httpUrl, address))],
    lanUrls: others.map((address) => withHost(running.signalingUrl, address)),
    ...(relayUrl
      ? { relayUrl: withHost(relayUrl, '127.0.0.1'), lanRelayUrls: others.map((address) => withHost(relayUrl, address)) }
      : {}),
  }
}

export function createHostController(deps: HostingDeps): HostController {
  let current: { running: RunningHost; lan: boolean; addresses: HostAddresses } | undefined
  let queue: Promise<unknown> = Promise.resolve()

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
        let running: RunningHost
        try {
          running = await deps.startConveneHost({
            host: options.lan ? '0.0.0.0' : '127.0.0.1',
            port,
            staticDir: deps.staticDir,
            relay: deps.relayDataDir ? { dataDir: deps.relayDataDir } : undefined,
          })
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error)
          // The host reports a busy port in words meant for the command line (--port).
          if (/already in use|EADDRINUSE/.test(message)) {
            throw new Error(`Port ${port} is already in use on this computer; choose another port.`, { cause: error })
          }
          throw new Error(`Could not start hosting: ${message}`, { cause: error })
        }
        const addresses = addressesOf(running, options.lan, options.lan ? deps.lanAddresses() : [])
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
