// Several relay processes serving the same rooms, through Redis: updates and presence
// cross between them (@hocuspocus/extension-redis), and room verifiers are claimed in
// Redis so every relay agrees on who may enter a room.
import { Redis } from '@hocuspocus/extension-redis'
import type { RedisInstance } from '@hocuspocus/extension-redis'
import { errorMessage } from '../../../shared/errors'

export interface RedisAddress {
  host: string
  port: number
  url: string
}

/** Channel and key prefix, so a Redis shared with other software stays tidy. */
export const REDIS_PREFIX = 'convene-relay'
const CONNECT_TIMEOUT_MS = 5000

/** `redis://HOST:PORT` (port 6379 when left out); throws a sentence on anything else. */
export function parseRedisUrl(text: string): RedisAddress {
  const problem = (why: string): Error => new Error(`The Redis address "${text}" is not valid (${why}): give redis://HOST:PORT`)
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw problem('not a URL')
  }
  if (url.protocol !== 'redis:') throw problem('it must start with redis://')
  if (url.hostname === '') throw problem('no host')
  if (url.username !== '' || url.password !== '') throw problem('passwords are not supported')
  if (url.pathname !== '' && url.pathname !== '/') throw problem('database numbers are not supported')
  if (url.search !== '' || url.hash !== '') throw problem('no options are supported')
  const port = url.port === '' ? 6379 : Number(url.port)
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname
  return { host, port, url: `redis://${url.host}` }
}

/**
 * The stock Redis extension, less its store lock: that lock lets one instance skip
 * storing a room while another stores it, which suits one shared database. Each relay
 * here stores to its own LevelDB folder, so each must store its own copy.
 */
export class RelayRedis extends Redis {
  override async onStoreDocument(): Promise<void> {}
  override async afterStoreDocument(): Promise<void> {}

  get client(): RedisInstance {
    return this.pub
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms)
  })
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer))
}

/** Connects the extension and checks that Redis answers; throws a sentence when it does not. */
export async function connectRedis(address: RedisAddress, log: (line: string) => void): Promise<RelayRedis> {
  const extension = new RelayRedis({
    host: address.host,
    port: address.port,
    prefix: REDIS_PREFIX,
    // Lets last-moment updates cross before a room is unloaded; short, so closing is quick.
    disconnectDelay: 250,
  })
  let reported = false
  const onError = (error: Error): void => {
    if (reported) return
    reported = true
    log(`relay: Redis at ${address.url}: ${error.message}`)
  }
  extension.pub.on('error', onError)
  extension.sub.on('error', onError)
  extension.pub.on('ready', () => {
    reported = false
  })
  // The first connection error fails the start at once (ioredis would retry for ever).
  let failed: (error: Error) => void = () => {}
  const firstError = new Promise<never>((_resolve, reject) => {
    failed = reject
  })
  firstError.catch(() => undefined)
  extension.pub.once('error', (error: Error) => failed(error))
  try {
    await withTimeout(Promise.race([extension.pub.ping(), firstError]), CONNECT_TIMEOUT_MS, `no answer within ${CONNECT_TIMEOUT_MS / 1000} s`)
  } catch (error) {
    extension.pub.disconnect()
    extension.sub.disconnect()
    throw new Error(`The relay cannot reach Redis at ${address.url}: ${errorMessage(error)}`, { cause: error })
  }
  return extension
}

/** Claims `value` for `key` unless it is set; returns what is set now. */
export async function claimInRedis(client: RedisInstance, key: string, value: string): Promise<string> {
  await client.set(key, value, 'NX')
  const current = await client.get(key)
  if (current === null) throw new Error('Redis lost a verifier it had just stored')
  return current
}
