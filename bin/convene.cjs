#!/usr/bin/env node
// The `convene` command. The real code is built by `npm run build` into out/main/cli.js.
const { existsSync } = require('node:fs')
const { join } = require('node:path')
const { pathToFileURL } = require('node:url')
const built = join(__dirname, '..', 'out', 'main', 'cli.js')
if (!existsSync(built)) {
  console.error('convene: the command line is not built yet. Run `npm run build` first.')
  process.exit(1)
}
import(pathToFileURL(built).href).catch((error) => {
  console.error(error)
  process.exit(1)
})
