import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { startConveneHost } from '../../main/host'
import type { Command } from './index'
import { serveOptionsHelp, closeOnSignal, logToStderr, networkHosts, parseServeArgs, printTokenNote } from './serve'

// The command line is built to out/main/cli.js and the renderer to out/renderer.
const builtRenderer = resolve(import.meta.dirname, '../renderer')

const usage = `Usage: convene web [options]

Serves the built app to browsers together with its signaling server, on one port.

${serveOptionsHelp([['--dir FOLDER', 'folder to serve (default: the built renderer, out/renderer)']])}`

export const web: Command = {
  summary: 'serve the app to browsers, with signaling, on one port',
  async run(args) {
    const parsed = parseServeArgs(args, usage, 4173, ['dir'])
    if (parsed.kind === 'exit') return parsed.code
    const dir = parsed.extra.dir === undefined ? builtRenderer : resolve(parsed.extra.dir)
    if (!existsSync(join(dir, 'index.html'))) {
      console.error(`convene web: no built app in ${dir} (index.html is missing); run npm run build first.`)
      return 1
    }
    const host = await startConveneHost({ ...parsed.options, staticDir: dir, log: logToStderr })
    console.log(`Convene is being served at ${host.httpUrl} (signaling on ${host.signalingUrl})`)
    for (const address of networkHosts(host)) console.log(`  on your network: http://${address} (signaling on ws://${address})`)
    printTokenNote(parsed.options)
    closeOnSignal(host)
    return -1
  },
}
