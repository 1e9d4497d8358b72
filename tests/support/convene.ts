// `convene <command>` as a person runs it, for the command line tests: a real process
// (through tsx), its output, and its exit.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../..')

export interface Run {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
  /** Resolves with the first printed line matching `pattern`. */
  line(pattern: RegExp): Promise<RegExpMatchArray>
}

/** Starts `convene ...args`; the caller kills it (see `children`) after the test. */
export function convene(children: ChildProcess[], args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/index.ts', ...args], {
    cwd: root,
    env: { ...process.env, CONVENE_TOKEN: '', ...env },
  })
  children.push(child)
  let output = ''
  const listeners = new Set<() => void>()
  const collect = (chunk: Buffer): void => {
    output += chunk.toString('utf8')
    for (const listener of listeners) listener()
  }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
  return {
    child,
    output: () => output,
    exited,
    line: (pattern) =>
      new Promise((done, fail) => {
        const check = (): void => {
          const match = output.match(pattern)
          if (match) {
            listeners.delete(check)
            done(match)
          }
        }
        listeners.add(check)
        check()
        void exited.then((code) => fail(new Error(`convene exited (${code}) before printing ${pattern}:\n${output}`)))
      }),
  }
}
