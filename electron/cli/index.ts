// The `convene` command line: scripting and servers without the desktop window.
// Each command lives in its own module under commands/ and registers here.
import { commands } from './commands'
import { errorMessage } from '../../shared/errors'

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  convene ${name.padEnd(8)} ${c.summary}`)
  return ['Usage:', ...lines, '', 'Run `convene <command> --help` for the options of one command.'].join('\n')
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h') {
    console.log(usage())
    return name ? 0 : 1
  }
  // Own properties only: `commands` is a plain object, so `commands['constructor']` or
  // `commands['__proto__']` would otherwise find Object.prototype's members.
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined
  if (!command) {
    console.error(`convene: unknown command "${name}".\n\n${usage()}`)
    return 2
  }
  return command.run(rest)
}

main(process.argv.slice(2)).then(
  (code) => {
    // Servers keep the process alive themselves; one-shot commands end here.
    if (code !== undefined && code !== null && code >= 0) process.exitCode = code
  },
  (error: unknown) => {
    console.error(`convene: ${errorMessage(error)}`)
    process.exitCode = 1
  },
)
