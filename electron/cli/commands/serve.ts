// What `convene signal` and `convene web` share: the host options, and running the
// host until the operator stops it.
import { parseArgs } from 'node:util'
import type { ParseArgsOptionsConfig } from 'node:util'
import { DEFAULT_SIGNALING_LIMITS, resolveSignalingLimits } from '../../../shared/signaling'
import type { SignalingLimits } from '../../../shared/signaling'
import { lanAddresses } from '../../main/host'
import type { ConveneHost, ConveneHostOptions } from '../../main/host'

// Flag, the limit it sets, and what it means to an operator.
const limitFlags = {
  'max-connections': ['maxConnections', 'open connections at most'],
  'max-message-bytes': ['maxMessageBytes', 'largest message in bytes'],
  'max-topics': ['maxTopicsPerConnection', 'rooms per connection'],
  rate: ['messagesPerSecond', 'sustained messages per second per connection'],
  burst: ['burstMessages', 'messages a connection may send at once'],
  'heartbeat-ms': ['heartbeatIntervalMs', 'ping interval; connections that do not answer are dropped'],
} as const satisfies Record<string, readonly [keyof SignalingLimits, string]>

function option(flag: string, text: string): string {
  return `  ${flag.padEnd(24)} ${text}`
}

/** The options section of a serving command's help, with that command's own options. */
export function serveOptionsHelp(extra: [flag: string, text: string][] = []): string {
  return [
    'Options:',
    option('--host ADDRESS', 'interface to listen on (default 127.0.0.1; 0.0.0.0 opens it to your network)'),
    option('--port N', 'port (0 picks a free one)'),
    option('--token TOKEN', 'require ?token=TOKEN on every signaling connection (or set CONVENE_TOKEN)'),
    ...Object.entries(limitFlags).map(([flag, [key, text]]) => option(`--${flag} N`, `${text} (default ${DEFAULT_SIGNALING_LIMITS[key]})`)),
    ...extra.map(([flag, text]) => option(flag, text)),
    option('-h, --help', 'show this help'),
  ].join('\n')
}

export type ParsedServeArgs =
  | {
      kind: 'run'
      options: Omit<ConveneHostOptions, 'log'>
      /** Values of the command's own `extra` flags. */
      extra: Record<string, string | undefined>
    }
  | { kind: 'exit'; code: number }

function integer(flag: string, text: string, min: number, max: number): number {
  const value = Number(text)
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`--${flag} must be a whole number from ${min} to ${max} (got "${text}")`)
  }
  return value
}

/**
 * Parses the common host flags plus `extra` string flags of one command. Prints help
 * or a usage error itself and then says which exit code to return.
 */
export function parseServeArgs(args: string[], usage: string, defaultPort: number, extra: string[] = []): ParsedServeArgs {
  const stringFlags = ['host', 'port', 'token', ...Object.keys(limitFlags), ...extra]
  try {
    const options: ParseArgsOptionsConfig = {
      ...Object.fromEntries(stringFlags.map((flag) => [flag, { type: 'string' as const }])),
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
    const limits: Partial<SignalingLimits> = {}
    for (const [flag, [key]] of Object.entries(limitFlags)) {
      const value = text(flag)
      if (value !== undefined) limits[key] = integer(flag, value, 1, Number.MAX_SAFE_INTEGER)
    }
    resolveSignalingLimits(limits)
    const port = text('port')
    const token = text('token') ?? process.env.CONVENE_TOKEN
    return {
      kind: 'run',
      extra: Object.fromEntries(extra.map((flag) => [flag, text(flag)])),
      options: {
        host: text('host') ?? '127.0.0.1',
        port: port === undefined ? defaultPort : integer('port', port, 0, 65535),
        token: token === '' ? undefined : token,
        limits,
      },
    }
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`)
    return { kind: 'exit', code: 2 }
  }
}

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::'
}

/** The addresses other machines use, when the host listens on every interface. */
export function networkHosts(host: ConveneHost): string[] {
  return isWildcard(host.host) ? lanAddresses().map((address) => `${address}:${host.port}`) : []
}

export function logToStderr(line: string): void {
  console.error(line)
}

/** Closes the host gracefully on Ctrl-C or SIGTERM; a second signal ends the process at once. */
export function closeOnSignal(host: ConveneHost): void {
  const stop = (): void => {
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
    console.log('Stopping…')
    host.close().then(
      () => {
        process.exitCode = 0
      },
      (error: unknown) => {
        console.error(`convene: ${error instanceof Error ? error.message : String(error)}`)
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
