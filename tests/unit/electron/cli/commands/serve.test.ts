// `convene signal` and `convene web` as a person runs them: a real process, its printed
// address, and a graceful stop on a signal.
import type { ChildProcess } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { convene as run } from '../../../../support/convene'
import type { Run } from '../../../../support/convene'

const children: ChildProcess[] = []
const folders: string[] = []

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })))
})

// `convene web` also runs a relay: its data goes to a fresh folder, never the home folder.
let relayData = ''

beforeEach(async () => {
  relayData = await mkdtemp(join(tmpdir(), 'convene-relay-data-'))
  folders.push(relayData)
})

const convene = (...args: string[]): Run => run(children, args, { CONVENE_RELAY_DATA: relayData })

function pong(url: string): Promise<unknown> {
  return new Promise((done, fail) => {
    const socket = new WebSocket(url)
    socket.on('open', () => socket.send(JSON.stringify({ type: 'ping' })))
    socket.on('message', (data: Buffer) => {
      done(JSON.parse(data.toString('utf8')))
      socket.close()
    })
    socket.on('error', fail)
  })
}

describe('convene signal', () => {
  it('prints its address, signals, and stops cleanly on SIGTERM', async () => {
    const run = convene('signal', '--host', '127.0.0.1', '--port', '0')
    const [, url] = await run.line(/^Convene signaling server listening on (ws:\/\/127\.0\.0\.1:\d+)$/m)
    expect(await pong(url)).toEqual({ type: 'pong' })
    run.child.kill('SIGTERM')
    expect(await run.exited).toBe(0)
  })

  it('requires the token it was given', async () => {
    const run = convene('signal', '--port', '0', '--token', 'abc')
    const [, url] = await run.line(/listening on (ws:\S+)/)
    await expect(pong(url)).rejects.toThrow(/401/)
    expect(await pong(`${url}/?token=abc`)).toEqual({ type: 'pong' })
  })

  it('rejects a bad option with a usage error', async () => {
    const run = convene('signal', '--port', '70000')
    expect(await run.exited).toBe(2)
    expect(run.output()).toMatch(/--port must be a whole number from 0 to 65535/)
  })
})

describe('convene web', () => {
  it('serves a folder and signals on the same port, printing both addresses', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'convene-web-'))
    folders.push(folder)
    await writeFile(join(folder, 'index.html'), '<!doctype html><title>Convene web</title>')
    const run = convene('web', '--port', '0', '--dir', folder)
    const [, httpUrl, wsUrl] = await run.line(/^Convene is being served at (http:\/\/127\.0\.0\.1:\d+) \(signaling on (ws:\/\/127\.0\.0\.1:\d+)\)$/m)
    expect(wsUrl).toBe(httpUrl.replace('http:', 'ws:'))
    const page = await fetch(httpUrl)
    expect(await page.text()).toContain('<title>Convene web</title>')
    expect(await pong(wsUrl)).toEqual({ type: 'pong' })
    run.child.kill('SIGINT')
    expect(await run.exited).toBe(0)
  })

  it('says to build first when there is no built app', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'convene-web-empty-'))
    folders.push(folder)
    const run = convene('web', '--port', '0', '--dir', folder)
    expect(await run.exited).toBe(1)
    expect(run.output()).toMatch(/run npm run build first/)
  })
})
