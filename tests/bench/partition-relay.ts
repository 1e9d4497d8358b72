// The partition run's relay (tests/bench/partition.ts) in its own process: our relay
// as `convene relay` runs it (startRelayHost), on the loopback port and data folder the
// coordinator names, so it can be killed and started again where the peers' invite
// says it is, with the rooms it had stored. (relay-server.ts always takes a fresh port.)
// Speaks relay-protocol's server messages; only `exit` is served.
import { startRelayHost } from '../../electron/main/host'
import type { ServerCommand, ServerMessage } from './relay-protocol'

const [dataDir, port] = process.argv.slice(2)

function send(message: ServerMessage): void {
  process.send?.(message)
}

const host = await startRelayHost({
  host: '127.0.0.1',
  port: Number(port),
  dataDir,
  name: 'partition-relay',
  log: (line) => {
    if (!line.includes('serving')) console.error(`partition relay: ${line}`)
  },
})

process.on('message', (message: ServerCommand) => {
  if (message.cmd !== 'exit') return send({ type: 'error', message: `partition relay: "${message.cmd}" is not served here` })
  void host.close().finally(() => process.exit(0))
})
process.on('disconnect', () => void host.close().finally(() => process.exit(0)))
send({ type: 'listening', url: host.relayUrl })
