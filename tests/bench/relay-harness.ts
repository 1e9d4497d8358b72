// The relay benchmark's processes, seen from the coordinator: relays and client
// processes, each stopped by its own handle (never by name), with its temp folder.
import { fork, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { ClientCommand, ClientMessage, Mode, ServerCommand, ServerMessage } from './relay-protocol'

/** A forked child and the messages it sent that nobody has taken yet. */
export class Child<Out extends { type: string }, In> {
  private readonly messages: Out[] = []
  private waiters: (() => void)[] = []
  private exited = false

  constructor(
    readonly label: string,
    private readonly child: ChildProcess,
  ) {
    child.on('message', (message: Out) => {
      this.messages.push(message)
      this.wake()
    })
    child.once('exit', () => {
      this.exited = true
      this.wake()
    })
  }

  private wake(): void {
    for (const wake of this.waiters.splice(0)) wake()
  }

  send(command: In): void {
    if (this.child.connected) this.child.send(command as object)
  }

  /** The first message of `type` (matching `match`), taken out; waits for it up to `timeoutMs`. */
  async next<T extends Out['type']>(type: T, match: (m: Extract<Out, { type: T }>) => boolean = () => true, timeoutMs = 120_000): Promise<Extract<Out, { type: T }>> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const failed = this.messages.findIndex((m) => m.type === 'error')
      if (failed >= 0) throw new Error(`${this.label}: ${(this.messages.splice(failed, 1)[0] as { message?: string }).message}`)
      const index = this.messages.findIndex((m) => m.type === type && match(m as Extract<Out, { type: T }>))
      if (index >= 0) return this.messages.splice(index, 1)[0] as Extract<Out, { type: T }>
      if (this.exited) throw new Error(`${this.label} exited while the benchmark waited for "${type}"`)
      if (Date.now() > deadline) throw new Error(`${this.label}: timed out waiting for "${type}"`)
      await new Promise<void>((wake) => {
        this.waiters.push(wake)
        setTimeout(wake, 200)
      })
    }
  }

  /** Asks it to exit, then kills this one process if it has not within 5 s. */
  async stop(exit: In): Promise<void> {
    if (this.exited) return
    const gone = new Promise<void>((done) => this.child.once('exit', () => done()))
    this.send(exit)
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000)
    await gone
    clearTimeout(timer)
  }
}

const here = import.meta.dirname

export type ClientProcess = Child<ClientMessage, ClientCommand>
export type RelayProcess = Child<ServerMessage, ServerCommand> & { url: string; dataDir: string | null }

export async function startClientProcess(label: string): Promise<ClientProcess> {
  const child = fork(resolve(here, 'relay-client.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
  const process = new Child<ClientMessage, ClientCommand>(label, child)
  await process.next('ready', undefined, 60_000)
  return process
}

/** A relay in its own process: ours (with a fresh LevelDB folder, and Redis if given) or stock Hocuspocus. */
export async function startRelayProcess(mode: Mode, label: string, redis = ''): Promise<RelayProcess> {
  const dataDir = mode === 'ours' ? mkdtempSync(join(tmpdir(), 'convene-bench-relay-')) : null
  const child = fork(resolve(here, 'relay-server.ts'), [mode, dataDir ?? '', redis, label], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
  const relay = Object.assign(new Child<ServerMessage, ServerCommand>(label, child), { url: '', dataDir })
  try {
    relay.url = (await relay.next('listening', undefined, 60_000)).url
  } catch (error) {
    await stopRelayProcess(relay)
    throw error
  }
  return relay
}

export async function stopRelayProcess(relay: RelayProcess): Promise<void> {
  await relay.stop({ cmd: 'exit' })
  if (relay.dataDir) rmSync(relay.dataDir, { recursive: true, force: true })
}
