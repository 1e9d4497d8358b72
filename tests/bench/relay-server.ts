// A relay for the relay benchmark, in its own process (started with --expose-gc so the
// coordinator can ask for its memory after a collection):
// - "ours": startRelay (electron/main/relay) on a loopback HTTP server, with its
//   LevelDB folder, optional Redis, and the limits the benchmark gives it;
// - "stock": a stock Hocuspocus Server with no extensions (in-memory rooms only).
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from '@hocuspocus/server'
import { startRelay } from '../../electron/main/relay'
import type { Mode, ServerCommand, ServerMessage } from './relay-protocol'

const [mode, dataDir, redis, name] = process.argv.slice(2) as [Mode, string, string, string]

function send(message: ServerMessage): void {
  process.send?.(message)
}

interface Running {
  url: string
  counts: () => { rooms: number; connections: number }
  hold: (room: string) => Promise<void>
  close: () => Promise<void>
}

async function startOurs(): Promise<Running> {
  const relay = await startRelay({
    dataDir,
    redis: redis || undefined,
    name,
    // 200 benchmark clients all come from 127.0.0.1.
    limits: { maxConnectionsPerAddress: 2000 },
    log: (line) => {
      if (!line.includes('serving')) console.error(line)
    },
  })
  const server = createServer((_request, response) => response.writeHead(404).end())
  server.on('upgrade', (request, socket, head) => relay.handleUpgrade(request, socket, head))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `ws://127.0.0.1:${port}/relay`,
    counts: () => relay.stats(),
    hold: () => Promise.reject(new Error('our relay keeps rooms on disk; nothing to hold')),
    close: async () => {
      await relay.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

async function startStock(): Promise<Running> {
  const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false })
  await server.listen()
  const held: unknown[] = []
  return {
    url: `ws://127.0.0.1:${server.address.port}`,
    counts: () => ({ rooms: server.hocuspocus.getDocumentsCount(), connections: server.hocuspocus.getConnectionsCount() }),
    // Stock Hocuspocus without extensions forgets a room when its last client leaves:
    // a direct connection keeps it in memory, as a client that stays would.
    hold: async (room) => {
      held.push(await server.hocuspocus.openDirectConnection(room))
    },
    close: () => server.destroy(),
  }
}

const running = await (mode === 'ours' ? startOurs() : startStock())
const gc = (globalThis as { gc?: () => void }).gc

process.on('message', (message: ServerCommand) => {
  void (async () => {
    try {
      if (message.cmd === 'memory') {
        for (let i = 0; i < 3; i++) {
          gc?.()
          await new Promise((wake) => setTimeout(wake, 20))
        }
        const { heapUsed, rss } = process.memoryUsage()
        send({ type: 'memory', heapUsed, rss, ...running.counts() })
      } else if (message.cmd === 'hold') {
        await running.hold(message.room)
        send({ type: 'held' })
      } else if (message.cmd === 'exit') {
        await running.close()
        process.exit(0)
      }
    } catch (error) {
      send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) })
    }
  })()
})
process.on('disconnect', () => void running.close().finally(() => process.exit(0)))
send({ type: 'listening', url: running.url })
