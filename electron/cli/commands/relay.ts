// `convene relay`: a relay that stores and forwards encrypted convenings, on a port of
// its own, for members who are not online at the same time.
import { RELAY_PATH } from '../../../shared/relay'
import { startRelayHost } from '../../main/host'
import type { Command } from './index'
import { closeOnSignal, logToStderr, networkHosts, parseRelayArgs, relayOptionsHelp } from './serve'
import { errorMessage } from '../../../shared/errors'

const DEFAULT_RELAY_PORT = 4455

const usage = `Usage: convene relay [options]

Runs a relay: it keeps each convening's encrypted log and forwards it to members, so
people who are not online together still sync. It never sees a key or plaintext.
Clients connect to ws://HOST:PORT${RELAY_PATH} (by default ws://127.0.0.1:${DEFAULT_RELAY_PORT}${RELAY_PATH}; any
path works). The app and native clients always may; web pages (the browser twin) only
from the origins given with --allow-origin.

${relayOptionsHelp()}`

export const relay: Command = {
  summary: 'run a relay that stores and forwards encrypted convenings',
  async run(args) {
    const parsed = parseRelayArgs(args, usage, DEFAULT_RELAY_PORT)
    if (parsed.kind === 'exit') return parsed.code
    let host
    try {
      host = await startRelayHost({ ...parsed.options, log: logToStderr })
    } catch (error) {
      console.error(`convene relay: ${errorMessage(error)}`)
      return 1
    }
    console.log(`Convene relay listening on ${host.relayUrl}`)
    for (const address of networkHosts(host)) console.log(`  on your network: ws://${address}${RELAY_PATH}`)
    console.log(`Rooms are kept in ${parsed.options.dataDir}`)
    closeOnSignal(host)
    return -1
  },
}
