// A throwaway Redis for tests and benchmarks: Debian's redis-server on a free loopback
// port, without persistence, stopped by its PID. `monitorLog()` returns every command
// Redis received since it started (through MONITOR), so a test can search it for
// plaintext that must never reach the relay's Redis.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import Redis from 'ioredis'

export interface TestRedis {
  url: string
  port: number
  pid: number
  /** Every command Redis saw so far, one line each: `<client> <command> <arguments...>`. */
  monitorLog(): string
  stop(): Promise<void>
}

const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server'
const READY_TIMEOUT_MS = 10_000

/** A port nothing listens on now, on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      server.close(() => resolve(port))
    })
  })
}

export async function startRedis(): Promise<TestRedis> {
  const port = await freePort()
  const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--loglevel', 'warning'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const spawnFailed = new Promise<never>((_resolve, reject) => {
    child.once('error', (error) => reject(new Error(`could not start ${REDIS_SERVER}: ${error.message}`)))
    void exited.then(() => reject(new Error(`redis-server exited before answering:\n${output}`)))
  })
  spawnFailed.catch(() => undefined)

  const lines: string[] = []
  let monitor: Redis | undefined
  const stop = async (): Promise<void> => {
    monitor?.disconnect()
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
  }
  const connect = async (): Promise<Redis> => {
    const redis = new Redis({ host: '127.0.0.1', port, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 })
    redis.on('error', () => undefined)
    try {
      await redis.connect()
      await redis.ping()
      return redis
    } catch (error) {
      redis.disconnect()
      throw error
    }
  }
  try {
    const started = Date.now()
    // Until redis-server listens, connecting is refused: try again until it answers PING.
    for (;;) {
      try {
        monitor = await Promise.race([connect(), spawnFailed])
        break
      } catch (error) {
        if (child.exitCode !== null || Date.now() - started > READY_TIMEOUT_MS) {
          throw new Error(`redis-server did not answer PING within ${READY_TIMEOUT_MS} ms (${error instanceof Error ? error.message : String(error)}):\n${output}`, { cause: error })
        }
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    }
    const watching = await monitor.monitor()
    watching.on('error', () => undefined)
    watching.on('monitor', (_time: string, args: string[], source: string) => lines.push(`${source} ${args.join(' ')}`))
    const stopAll = async (): Promise<void> => {
      watching.disconnect()
      await stop()
    }
    return { url: `redis://127.0.0.1:${port}`, port, pid: child.pid ?? -1, monitorLog: () => lines.join('\n'), stop: stopAll }
  } catch (error) {
    await stop()
    throw error
  }
}
