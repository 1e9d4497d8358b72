// The relay client (renderer/sync/relay.ts) against our real relay (electron/main/relay)
// and Debian's real redis-server: what people write never reaches the relay's disk or
// Redis in clear, and clients move to another relay when theirs dies (SIGKILL).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import NodeWebSocket from 'ws'
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { startConveneHost } from '../../../../electron/main/host'
import { deriveRelayKeys } from '../../../../shared/relay'
import { newId } from '../../../../shared/session'
import { RelayConnection } from '../../../../renderer/sync/relay'
import { freePort, startRedis, type TestRedis } from '../../../support/redis'

/** ws emits 'error' when a socket still connecting is closed; browsers report it quietly, and so does this. */
class WebSocket extends NodeWebSocket {
  constructor(...args: ConstructorParameters<typeof NodeWebSocket>) {
    super(...args)
    this.on('error', () => undefined)
  }
}

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'convene-relay-client-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

interface Client {
  doc: Y.Doc
  awareness: Awareness
  relay: RelayConnection
}

async function client(room: string, secret: string, urls: string[], name = 'Someone'): Promise<Client> {
  const doc = new Y.Doc()
  const awareness = new Awareness(doc)
  awareness.setLocalState({ user: { id: newId(), name } })
  const relay = await RelayConnection.open({ doc, awareness, room, secret, urls, WebSocket })
  cleanups.push(() => {
    relay.destroy()
    awareness.destroy()
    doc.destroy()
  })
  return { doc, awareness, relay }
}

async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((wake) => setTimeout(wake, 20))
  }
}

const notes = (c: Client): string => c.doc.getText('notes').toString()

/** Every file under `dir`, as Latin-1 text (bytes kept one for one, so UTF-8 phrases show as they are). */
function everythingIn(dir: string): string {
  let all = ''
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    all += statSync(path).isDirectory() ? everythingIn(path) : readFileSync(path).toString('latin1')
  }
  return all
}

describe('the relay holds ciphertext only', () => {
  it('a known phrase and a name written in a convening reach the other client, never the relay’s folder or Redis', async () => {
    const redis = await startRedis()
    cleanups.push(() => redis.stop())
    const dataA = tempDir()
    const dataB = tempDir()
    const relayA = await startConveneHost({ host: '127.0.0.1', port: 0, relay: { dataDir: dataA, redis: redis.url } })
    const relayB = await startConveneHost({ host: '127.0.0.1', port: 0, relay: { dataDir: dataB, redis: redis.url } })
    cleanups.push(() => relayA.close(), () => relayB.close())
    const room = newId()
    const secret = newId()
    const phrase = 'the quokka reinforcing loop of kindness'
    const mentor = await client(room, secret, [relayA.relayUrl ?? ''], 'Quillon Marchetti')
    const practitioner = await client(room, secret, [relayB.relayUrl ?? ''], 'Practitioner')
    mentor.doc.getText('notes').insert(0, phrase)
    await until(() => notes(practitioner) === phrase, 'the phrase through two relays')
    const names = (): string[] => [...practitioner.awareness.getStates().values()].map((s) => (s as { user?: { name?: string } }).user?.name ?? '')
    await until(() => names().includes('Quillon Marchetti'), 'the mentor’s presence')
    await mentor.relay.compact()
    await mentor.relay.whenWritten()

    // Control, so the search is known to work: the same kind of phrase written in clear
    // by clients that skip the encryption (stock providers with a valid proof), one on
    // each relay so it crosses Redis as the real room's entries did.
    const control = await deriveRelayKeys(newId(), newId())
    const plain = [relayA, relayB].map((relay) => {
      const doc = new Y.Doc()
      const socket = new HocuspocusProviderWebsocket({ url: relay.relayUrl ?? '', WebSocketPolyfill: WebSocket })
      const provider = new HocuspocusProvider({ websocketProvider: socket, name: control.name, token: control.token, document: doc })
      provider.attach()
      return { doc, socket, provider }
    })
    await until(() => plain.every((p) => p.provider.isSynced), 'the control clients')
    plain[0].doc.getText('clear').insert(0, 'CONTROL the quokka in clear')
    await until(() => plain[1].doc.getText('clear').toString() === 'CONTROL the quokka in clear', 'the control write across relays')
    for (const p of plain) {
      p.provider.destroy()
      p.socket.destroy()
    }

    await relayA.close()
    await relayB.close()
    const disk = everythingIn(dataA) + everythingIn(dataB)
    const seen = redis.monitorLog()
    expect(disk).toContain('CONTROL the quokka in clear')
    expect(seen).toContain('CONTROL the quokka in clear')
    for (const secretWords of ['quokka reinforcing', 'kindness', 'Quillon', 'Marchetti']) {
      expect(disk).not.toContain(secretWords)
      expect(seen).not.toContain(secretWords)
    }
  })

  it('a relay restarted on the same folder gives a newcomer everything, with nobody else online', async () => {
    const dataDir = tempDir()
    const first = await startConveneHost({ host: '127.0.0.1', port: 0, relay: { dataDir } })
    const room = newId()
    const secret = newId()
    const writer = await client(room, secret, [first.relayUrl ?? ''])
    for (const word of ['one ', 'two ', 'three']) {
      writer.doc.getText('notes').insert(notes(writer).length, word)
      await writer.relay.whenWritten()
    }
    await until(() => writer.relay.state.get().status === 'connected' && writer.relay.state.get().pending === 0, 'the relay to confirm')
    writer.relay.destroy()
    await first.close()
    const second = await startConveneHost({ host: '127.0.0.1', port: first.port, relay: { dataDir } })
    cleanups.push(() => second.close())
    const newcomer = await client(room, secret, [second.relayUrl ?? ''])
    await until(() => notes(newcomer) === 'one two three', 'the history from disk')
  })
})

/** `convene relay` in a process of its own, so it can die the way machines do. */
async function relayProcess(redis: TestRedis): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort()
  const dataDir = tempDir()
  const cli = resolve(import.meta.dirname, '../../../../electron/cli/index.ts')
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'relay', '--host', '127.0.0.1', '--port', String(port), '--data', dataDir, '--redis', redis.url], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  })
  await new Promise<void>((ok, fail) => {
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('listening')) ok()
    })
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => fail(new Error(`relay exited (${code}): ${output}`)))
  })
  return { url: `ws://127.0.0.1:${port}/relay`, child }
}

describe('two relays on Redis', () => {
  it('when one is killed, its clients move to the other and nothing is lost', async () => {
    const redis = await startRedis()
    cleanups.push(() => redis.stop())
    const [one, two] = await Promise.all([relayProcess(redis), relayProcess(redis)])
    const room = newId()
    const secret = newId()
    const ada = await client(room, secret, [one.url, two.url])
    const ben = await client(room, secret, [two.url])
    ada.doc.getText('notes').insert(0, 'before.')
    await until(() => notes(ben) === 'before.', 'the first edit across relays')
    const died = new Promise((ok) => one.child.once('exit', ok))
    one.child.kill('SIGKILL')
    await died
    // Ada keeps writing while her relay is gone; it reaches Ben once she has moved.
    ada.doc.getText('notes').insert(notes(ada).length, ' after.')
    await until(() => ada.relay.state.get().url === two.url && ada.relay.state.get().status === 'connected', 'Ada on the other relay', 30_000)
    await until(() => notes(ben) === 'before. after.', 'the edit made while her relay was down', 30_000)
    ben.doc.getText('notes').insert(0, 'Ben: ')
    await until(() => notes(ada) === 'Ben: before. after.', 'Ben’s edit back to Ada')
  })
})
