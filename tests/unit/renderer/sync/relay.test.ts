// The relay client (renderer/sync/relay.ts) against our real relay (electron/main/relay)
// and Debian's real redis-server: what people write never reaches the relay's disk or
// Redis in clear, and clients move to another relay when theirs dies (SIGKILL).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { startConveneHost } from '../../../../electron/main/host'
import { deriveRelayKeys } from '../../../../shared/relay'
import { newId } from '../../../../shared/session'
import { RelayConnection } from '../../../../renderer/sync/relay'
import { convene } from '../../../support/convene'
import { freePort, type TestRedis } from '../../../support/redis'
import { client as stockClient, onCleanup, quietWebSocket, tempDir, testRedis, waitFor } from '../../electron/main/relay/helpers'

const WebSocket = quietWebSocket()

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
  onCleanup(() => {
    relay.destroy()
    awareness.destroy()
    doc.destroy()
  })
  return { doc, awareness, relay }
}

const until = (check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> => waitFor(check, what, timeoutMs)

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
    const redis = await testRedis()
    const dataA = await tempDir()
    const dataB = await tempDir()
    const relayA = await startConveneHost({ host: '127.0.0.1', port: 0, relay: { dataDir: dataA, redis: redis.url } })
    const relayB = await startConveneHost({ host: '127.0.0.1', port: 0, relay: { dataDir: dataB, redis: redis.url } })
    onCleanup(() => relayA.close())
    onCleanup(() => relayB.close())
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
    const plain = [relayA, relayB].map((relay) => stockClient(relay.relayUrl ?? '', control.name, control.token))
    await until(() => plain.every((p) => p.provider.isSynced), 'the control clients')
    plain[0].doc.getText('clear').insert(0, 'CONTROL the quokka in clear')
    await until(() => plain[1].doc.getText('clear').toString() === 'CONTROL the quokka in clear', 'the control write across relays')
    for (const p of plain) p.destroy()

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
    const dataDir = await tempDir()
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
    onCleanup(() => second.close())
    const newcomer = await client(room, secret, [second.relayUrl ?? ''])
    await until(() => notes(newcomer) === 'one two three', 'the history from disk')
  })
})

/** `convene relay` in a process of its own, so it can die the way machines do. */
async function relayProcess(redis: TestRedis): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort()
  const children: ChildProcess[] = []
  onCleanup(() => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  })
  const run = convene(children, ['relay', '--host', '127.0.0.1', '--port', String(port), '--data', await tempDir(), '--redis', redis.url])
  await run.line(/listening/)
  return { url: `ws://127.0.0.1:${port}/relay`, child: run.child }
}

describe('two relays on Redis', () => {
  it('when one is killed, its clients move to the other and nothing is lost', async () => {
    const redis = await testRedis()
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
