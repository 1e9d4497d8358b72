import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { freePort } from '../../support/redis'

const out = process.env.CONVENE_OUT || 'out'
const cli = resolve(out, 'main', 'cli.js')

/** A standalone relay (`convene relay`) in its own process, as an organisation runs one; killable for fault tests. */
export class RelayProcess {
  private child: ChildProcess | null = null
  private constructor(
    readonly port: number,
    readonly dataDir: string,
    /** The site whose pages may connect (`--allow-origin`): the browser twin the tests use, served on another port. */
    readonly allowOrigin: string,
  ) {}

  static async start(allowOrigin: string): Promise<RelayProcess> {
    const relay = new RelayProcess(await freePort(), mkdtempSync(join(tmpdir(), 'convene-relay-e2e-')), allowOrigin)
    await relay.restart()
    return relay
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}/relay`
  }

  /** Start (again) on the same port and data folder; resolves once it listens. */
  async restart(): Promise<void> {
    const child = spawn(process.execPath, [cli, 'relay', '--host', '127.0.0.1', '--port', String(this.port), '--data', this.dataDir, '--allow-origin', this.allowOrigin], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.child = child
    await new Promise<void>((ok, fail) => {
      let output = ''
      const onData = (chunk: Buffer): void => {
        output += chunk.toString()
        if (output.includes('listening')) ok()
      }
      child.stdout?.on('data', onData)
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
      child.once('exit', (code) => fail(new Error(`the relay exited (${code}) before listening:\n${output}`)))
    })
  }

  /** The machine dies: no goodbye, no last write. */
  async kill(): Promise<void> {
    const child = this.child
    if (!child || child.exitCode !== null) return
    const exited = new Promise((ok) => child.once('exit', ok))
    child.kill('SIGKILL')
    await exited
    this.child = null
  }

  async stop(): Promise<void> {
    await this.kill()
    rmSync(this.dataDir, { recursive: true, force: true })
  }
}
