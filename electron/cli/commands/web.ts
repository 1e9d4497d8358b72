import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { RELAY_PATH } from '../../../shared/relay'
import { startConveneHost } from '../../main/host'
import type { Command } from './index'
import { serveOptionsHelp, closeOnSignal, logToStderr, networkHosts, parseServeArgs, printTokenNote, relayDataOptions, relayFlagsHelp } from './serve'
import { errorMessage } from '../../../shared/errors'

// The command line is built to out/main/cli.js and the renderer to out/renderer.
const builtRenderer = resolve(import.meta.dirname, '../renderer')

const usage = `Usage: convene web [options]

Serves the built app to browsers together with its signaling server and a relay
(at ${RELAY_PATH}), on one port.

${serveOptionsHelp([['--dir FOLDER', 'folder to serve (default: the built renderer, out/renderer)'], ...relayFlagsHelp])}`

export const web: Command = {
  summary: 'serve the app to browsers, with signaling and a relay, on one port',
  async run(args) {
    const parsed = parseServeArgs(args, usage, 4173, ['dir', 'data', 'redis'])
    if (parsed.kind === 'exit') return parsed.code
    const dir = parsed.extra.dir === undefined ? builtRenderer : resolve(parsed.extra.dir)
    if (!existsSync(join(dir, 'index.html'))) {
      console.error(`convene web: no built app in ${dir} (index.html is missing); run npm run build first.`)
      return 1
    }
    let host
    try {
      const relay = relayDataOptions(parsed.extra)
      host = await startConveneHost({ ...parsed.options, staticDir: dir, relay, log: logToStderr })
    } catch (error) {
      console.error(`convene web: ${errorMessage(error)}`)
      return 1
    }
    console.log(`Convene is being served at ${host.httpUrl} (signaling on ${host.signalingUrl})`)
    console.log(`Relay on ${host.relayUrl ?? ''}`)
    for (const address of networkHosts(host)) console.log(`  on your network: http://${address} (signaling on ws://${address}, relay on ws://${address}${RELAY_PATH})`)
    printTokenNote(parsed.options)
    closeOnSignal(host)
    return -1
  },
}
