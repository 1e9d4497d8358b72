import { startConveneHost } from '../../main/host'
import type { Command } from './index'
import { serveOptionsHelp, closeOnSignal, logToStderr, networkHosts, parseServeArgs, printTokenNote } from './serve'

const usage = `Usage: convene signal [options]

Runs a signaling server for y-webrtc peers (the stock y-webrtc client works with it).

${serveOptionsHelp()}`

export const signal: Command = {
  summary: 'run a signaling server for y-webrtc peers',
  async run(args) {
    const parsed = parseServeArgs(args, usage, 4444)
    if (parsed.kind === 'exit') return parsed.code
    const host = await startConveneHost({ ...parsed.options, log: logToStderr })
    console.log(`Convene signaling server listening on ${host.signalingUrl}`)
    for (const address of networkHosts(host)) console.log(`  on your network: ws://${address}`)
    printTokenNote(parsed.options)
    closeOnSignal(host)
    return -1
  },
}
