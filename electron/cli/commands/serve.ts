// What `convene signal`, `convene web` and `convene relay` share: the host options,
// and running a server until the operator stops it.
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { ParseArgsOptionsConfig } from 'node:util'
import { DEFAULT_RELAY_LIMITS, resolveRelayLimits } from '../../../shared/relay'
import type { RelayLimits } from '../../../shared/relay'
import { DEFAULT_SIGNALING_LIMITS, resolveSignalingLimits } from '../../../shared/signaling'
import type { SignalingLimits } from '../../../shared/signaling'
import { lanAddresses, normalizeOrigin } from '../../main/host'
import type { ConveneHostOptions } from '../../main/host'
import { parseRedisUrl } from '../../main/relay'
import { errorMessage } from '../../../shared/errors'

/** Flag, the limit it sets, and what it means to an operator. */
type LimitFlags<L> = Record<string, readonly [keyof L, string]>

/** The limits signaling and the relay both have, under the same flags. */
const commonLimitFlags = {
  'max-connections': ['maxConnections', 'open connections at most'],
  'max-connections-per-address': ['maxConnectionsPerAddress', 'open connections from one address at most'],
  'max-message-bytes': ['maxMessageBytes', 'largest message in bytes'],
  rate: ['messagesPerSecond', 'sustained messages per second per connection'],
  burst: ['burstMessages', 'messages a connection may send at once'],
} as const satisfies LimitFlags<SignalingLimits> & LimitFlags<RelayLimits>

const limitFlags = {
  ...commonLimitFlags,
  'address-rate': ['deliveriesPerSecondPerAddress', 'sustained deliveries per second caused by one address (a publish counts once per receiver)'],
  'address-burst': ['burstDeliveriesPerAddress', 'deliveries one address may cause at once'],
  'max-topics': ['maxTopicsPerConnection', 'rooms per connection'],
  'heartbeat-ms': ['heartbeatIntervalMs', 'ping interval; connections that do not answer are dropped'],
} as const satisfies LimitFlags<SignalingLimits>

const relayLimitFlags = {
  ...commonLimitFlags,
  'max-rooms': ['maxRoomsPerConnection', 'rooms per connection'],
  'max-room-bytes': ['maxRoomBytes', 'stored size of one room beyond which it takes no more writes'],
  'max-queued-bytes-per-address': ['maxQueuedBytesPerAddress', 'bytes queued for one address\'s connections that it has not read; beyond it the slowest is closed'],
} as const satisfies LimitFlags<RelayLimits>

function option(flag: string, text: string): string {
  return `  ${flag.padEnd(32)} ${text}`
}

function helpLines<L>(flags: LimitFlags<L>, defaults: L, extra: [flag: string, text: string][]): string[] {
  return [
    'Options:',
    option('--host ADDRESS', 'interface to listen on (default 127.0.0.1; 0.0.0.0 opens it to your network)'),
    option('--port N', 'port (0 picks a free one)'),
    ...extra.map(([flag, text]) => option(flag, text)),
    ...Object.entries(flags).map(([flag, [key, text]]) => option(`--${flag} N`, `${text} (default ${String(defaults[key])})`)),
    option('-h, --help', 'show this help'),
  ]
}

/** Where a relay keeps its rooms unless told: $CONVENE_RELAY_DATA, else ~/.local/share/convene/relay. */
export function defaultRelayDataDir(): string {
  const fromEnvironment = process.env.CONVENE_RELAY_DATA
  return fromEnvironment ? resolve(fromEnvironment) : join(homedir(), '.local', 'share', 'convene', 'relay')
}

/** The relay's own flags, for `convene relay` and `convene web`. */
export const relayFlagsHelp: [flag: string, text: string][] = [
  ['--data DIR', 'folder where the relay keeps its rooms (default $CONVENE_RELAY_DATA, else ~/.local/share/convene/relay); one relay per folder'],
  ['--redis URL', 'redis://HOST:PORT: serve the same rooms as the other relays on that Redis'],
]

/** `--allow-origin`, for a server whose own pages (if any) are described by `accepted`. */
function allowOriginHelp(accepted: string): [flag: string, text: string] {
  return ['--allow-origin ORIGIN', `also accept WebSockets from web pages of ORIGIN (repeatable), e.g. https://convene.example.org behind a proxy; ${accepted} always accepted`]
}

/** The options section of a serving command's help, with that command's own options. */
export function serveOptionsHelp(extra: [flag: string, text: string][] = []): string {
  return helpLines(limitFlags, DEFAULT_SIGNALING_LIMITS, [
    ['--token TOKEN', 'require ?token=TOKEN on every signaling connection (or set CONVENE_TOKEN)'],
    allowOriginHelp('the host\'s own pages, the app and native clients are'),
    ...extra,
  ]).join('\n')
}

/** The options section of `convene relay --help`. */
export function relayOptionsHelp(): string {
  return helpLines(relayLimitFlags, DEFAULT_RELAY_LIMITS, [...relayFlagsHelp, allowOriginHelp('the app and native clients are')]).join('\n')
}

type Parsed<T> = { kind: 'run'; extra: Record<string, string | undefined> } & T

export type ParsedServeArgs =
  | Parsed<{
      options: Omit<ConveneHostOptions, 'log'>
    }>
  | { kind: 'exit'; code: number }

export type ParsedRelayArgs =
  | Parsed<{
      options: { host: string; port: number; dataDir: string; redis?: string; limits: Partial<RelayLimits>; allowOrigins?: string[] }
    }>
  | { kind: 'exit'; code: number }

function integer(flag: string, text: string, min: number, max: number): number {
  const value = Number(text)
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`--${flag} must be a whole number from ${min} to ${max} (got "${text}")`)
  }
  return value
}

interface CommonArgs<L> {
  host: string
  port: number
  limits: Partial<L>
  text: (flag: string) => string | undefined
  /** Every value of a flag that may be repeated. */
  texts: (flag: string) => string[]
}

/**
 * Parses the host flags, the limit flags `flags` and the `extra` string flags. Prints
 * help or a usage error itself and then says which exit code to return.
 */
function parseCommon<L, T>(
  args: string[],
  usage: string,
  defaultPort: number,
  flags: LimitFlags<L>,
  extra: string[],
  finish: (common: CommonArgs<L>) => T,
  repeatable: string[] = [],
): T | { kind: 'exit'; code: number } {
  const stringFlags = ['host', 'port', ...Object.keys(flags), ...extra]
  try {
    const options: ParseArgsOptionsConfig = {
      ...Object.fromEntries(stringFlags.map((flag) => [flag, { type: 'string' as const }])),
      ...Object.fromEntries(repeatable.map((flag) => [flag, { type: 'string' as const, multiple: true }])),
      help: { type: 'boolean', short: 'h' },
    }
    const { values } = parseArgs({ args, options, strict: true, allowPositionals: false })
    if (values.help) {
      console.log(usage)
      return { kind: 'exit', code: 0 }
    }
    const text = (flag: string): string | undefined => {
      const value = values[flag]
      return typeof value === 'string' ? value : undefined
    }
    const texts = (flag: string): string[] => {
      const value = values[flag]
      return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []
    }
    const limits: Partial<L> = {}
    for (const [flag, [key]] of Object.entries(flags)) {
      const value = text(flag)
      if (value !== undefined) (limits as Record<keyof L, number>)[key] = integer(flag, value, 1, Number.MAX_SAFE_INTEGER)
    }
    const port = text('port')
    return finish({ host: text('host') ?? '127.0.0.1', port: port === undefined ? defaultPort : integer('port', port, 0, 65535), limits, text, texts })
  } catch (error) {
    console.error(`${errorMessage(error)}\n\n${usage}`)
    return { kind: 'exit', code: 2 }
  }
}

const extraValues = (extra: string[], text: (flag: string) => string | undefined): Record<string, string | undefined> =>
  Object.fromEntries(extra.map((flag) => [flag, text(flag)]))

/** `--allow-origin`, repeated: `{ allowOrigins }` when given, else nothing. */
function allowOriginsOption(texts: (flag: string) => string[]): { allowOrigins?: string[] } {
  const allowOrigins = texts('allow-origin').map(normalizeOrigin)
  return allowOrigins.length > 0 ? { allowOrigins } : {}
}

/** Parses the common signaling host flags plus `extra` string flags of one command. */
export function parseServeArgs(args: string[], usage: string, defaultPort: number, extra: string[] = []): ParsedServeArgs {
  const parse = ({ host, port, limits, text, texts }: CommonArgs<SignalingLimits>) => {
    resolveSignalingLimits(limits)
    const token = text('token') ?? process.env.CONVENE_TOKEN
    return {
      kind: 'run' as const,
      extra: extraValues(extra, text),
      options: { host, port, token: token === '' ? undefined : token, limits, ...allowOriginsOption(texts) },
    }
  }
  return parseCommon(args, usage, defaultPort, limitFlags, ['token', ...extra], parse, ['allow-origin'])
}

/** The relay part of a command's flags: `--data` (with its default) and `--redis`. */
export function relayDataOptions(extra: Record<string, string | undefined>): { dataDir: string; redis?: string } {
  const data = extra.data
  if (data !== undefined && data.trim() === '') throw new RangeError('--data needs a folder')
  const redis = extra.redis === '' ? undefined : extra.redis
  if (redis !== undefined) parseRedisUrl(redis)
  return { dataDir: data === undefined ? defaultRelayDataDir() : resolve(data), redis }
}

/** Parses `convene relay`'s flags: host, port, data folder, Redis, allowed origins and the relay limits. */
export function parseRelayArgs(args: string[], usage: string, defaultPort: number): ParsedRelayArgs {
  const extra = ['data', 'redis']
  const parse = ({ host, port, limits, text, texts }: CommonArgs<RelayLimits>) => {
    resolveRelayLimits(limits)
    const values = extraValues(extra, text)
    return { kind: 'run' as const, extra: values, options: { host, port, limits, ...relayDataOptions(values), ...allowOriginsOption(texts) } }
  }
  return parseCommon(args, usage, defaultPort, relayLimitFlags, extra, parse, ['allow-origin'])
}

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::'
}

/** The addresses other machines use, when the server listens on every interface. */
export function networkHosts(server: { host: string; port: number }): string[] {
  return isWildcard(server.host) ? lanAddresses().map((address) => `${address}:${server.port}`) : []
}

export function logToStderr(line: string): void {
  console.error(line)
}

/** Closes the server gracefully on Ctrl-C or SIGTERM; a second signal ends the process at once. */
export function closeOnSignal(server: { close(): Promise<void> }): void {
  const stop = (): void => {
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
    console.log('Stopping…')
    server.close().then(
      () => {
        process.exitCode = 0
      },
      (error: unknown) => {
        console.error(`convene: ${errorMessage(error)}`)
        process.exitCode = 1
      },
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

export function printTokenNote(host: ConveneHostOptions): void {
  if (host.token) console.log('Signaling requires an access token: clients add ?token=<token> to the signaling address.')
}
