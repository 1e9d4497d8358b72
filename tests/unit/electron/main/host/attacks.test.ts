// Issue 13: a security review attacked the signaling host from loopback. Each test
// repeats one attack and checks that the people it aimed at are unharmed. Loopback has a
// whole /8 of addresses, so `localAddress` plays the attacker (127.0.0.1) and honest
// people elsewhere (127.0.0.2, 127.0.0.3).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_SIGNALING_LIMITS } from '../../../../../shared/signaling'
import { connect, nextPublish, roundTrip, startHost, subscribed, upgradeStatus } from './helpers'
import type { TestClient } from './helpers'

const ATTACKER = { localAddress: '127.0.0.1' }
const HONEST = { localAddress: '127.0.0.2' }
const OTHER_HONEST = { localAddress: '127.0.0.3' }

const folders: string[] = []
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })))
})

/** `count` upgrade attempts from `localAddress`, `batch` at a time; the statuses counted. */
async function attempts(url: string, count: number, localAddress: string, batch = 250): Promise<Map<number, number>> {
  const statuses = new Map<number, number>()
  for (let done = 0; done < count; done += batch) {
    const results = await Promise.all(Array.from({ length: Math.min(batch, count - done) }, () => upgradeStatus(url, { localAddress })))
    for (const status of results) statuses.set(status, (statuses.get(status) ?? 0) + 1)
  }
  return statuses
}

/** Sends `data` from `from` and waits until `to` has it. */
async function exchange(from: TestClient, to: TestClient, data: string): Promise<void> {
  from.send({ type: 'publish', topic: 'room', data })
  await nextPublish(to, (received) => received === data)
}

describe('issue 13, finding 1: one address fills the signaling host', () => {
  it('refuses one address beyond its cap before the handshake, and a newcomer from another address still connects and signals', async () => {
    const host = await startHost()
    const started = performance.now()
    const statuses = await attempts(host.signalingUrl, 2000, ATTACKER.localAddress)
    console.log(`2,000 attempts from one address in ${Math.round(performance.now() - started)} ms:`, Object.fromEntries(statuses))

    const newcomer = await subscribed(host.signalingUrl, ['room'], HONEST)
    const peer = await subscribed(host.signalingUrl, ['room'], OTHER_HONEST)
    newcomer.send({ type: 'publish', topic: 'room', data: 'hello' })
    expect(await nextPublish(peer, (data) => data === 'hello')).toMatchObject({ clients: 2 })

    const opened = statuses.get(101) ?? 0
    expect(opened).toBe(DEFAULT_SIGNALING_LIMITS.maxConnectionsPerAddress)
    // Refused cheaply: an HTTP answer, no WebSocket set up and torn down again.
    expect(statuses.get(429)).toBe(2000 - opened)
    expect(host.stats().connections).toBe(opened + 2)
  })
})

describe('issue 13, finding 2: floods from many connections of one address', () => {
  it('cuts off the flooding connections while an honest pair on another address keeps exchanging messages', async () => {
    // Scaled down from the defaults so the test stays quick; the shape is the attack's.
    // With 42 in the room, the attacker's budget pays for about 1,000 publishes.
    const host = await startHost({ limits: { deliveriesPerSecondPerAddress: 4200, burstDeliveriesPerAddress: 42_000 } })
    const alice = await subscribed(host.signalingUrl, ['room'], HONEST)
    const bob = await subscribed(host.signalingUrl, ['room'], HONEST)
    const flooders = await Promise.all(Array.from({ length: 40 }, () => subscribed(host.signalingUrl, ['room'], ATTACKER)))
    const perFlooder = 150 // below the per-connection burst: only the per-address bucket can stop them
    let floodReceived = 0
    bob.socket.on('message', (data: Buffer) => {
      if (data.includes('"flood"')) floodReceived += 1
    })

    for (const flooder of flooders) {
      for (let i = 0; i < perFlooder; i++) flooder.send({ type: 'publish', topic: 'room', data: { flood: i } })
    }
    // The honest pair talks while the flood arrives.
    for (let i = 0; i < 20; i++) await exchange(i % 2 === 0 ? alice : bob, i % 2 === 0 ? bob : alice, `honest ${i}`)

    // A flooder that was not cut off answers a ping once all its publishes were handled.
    const outcomes = await Promise.allSettled(flooders.map((flooder) => roundTrip(flooder)))
    const cutOff = outcomes.filter((outcome) => outcome.status === 'rejected').length
    const closes = await Promise.all(flooders.filter((_, i) => outcomes[i].status === 'rejected').map((flooder) => flooder.closed))
    await roundTrip(bob)
    console.log(`flood: ${flooders.length} connections x ${perFlooder} publishes; cut off ${cutOff}; the victim received ${floodReceived} of ${flooders.length * perFlooder}`)

    expect(cutOff).toBeGreaterThanOrEqual(30)
    for (const close of closes) expect(close.code).toBe(1008)
    expect(floodReceived).toBeLessThan((flooders.length * perFlooder) / 2)
    await exchange(bob, alice, 'after the flood')
  })
})

describe('issue 13, finding 3: anyone who knows a room id can cut its peers off', () => {
  it('does not forward a publish from a connection that is not subscribed to the topic', async () => {
    const host = await startHost()
    const victim = await subscribed(host.signalingUrl, ['room'], HONEST)
    const mallory = await connect(host.signalingUrl, ATTACKER)
    mallory.send({ type: 'publish', topic: 'room', data: 'unsubscribed' })
    mallory.send({ type: 'subscribe', topics: ['room'] })
    mallory.send({ type: 'publish', topic: 'room', data: 'subscribed' })
    // The server handles one connection's frames in order: the first is the one that counts.
    expect(await victim.next()).toMatchObject({ data: 'subscribed', clients: 2 })
  })

  it('lets a reader that does not keep up lose messages instead of being disconnected by others’ traffic', async () => {
    const host = await startHost({ limits: { maxBufferedBytes: 1024 * 1024 } })
    const victim = await subscribed(host.signalingUrl, ['room'], HONEST)
    const alice = await subscribed(host.signalingUrl, ['room'], OTHER_HONEST)
    const mallory = await subscribed(host.signalingUrl, ['room'], ATTACKER)
    victim.socket.pause()

    const big = 'x'.repeat(200 * 1024)
    const count = 100 // 20 MB, more than the victim's socket buffers and the host's limit together
    for (let i = 0; i < count; i++) mallory.send({ type: 'publish', topic: 'room', data: `${i}:${big}` })
    await roundTrip(mallory) // all of them handled

    victim.socket.resume()
    // The answer to a ping comes after everything queued for the victim.
    await roundTrip(victim)
    const bigReceived = victim.inbox.length
    victim.inbox.length = 0
    alice.send({ type: 'publish', topic: 'room', data: 'after' })
    expect(await victim.next()).toMatchObject({ data: 'after', clients: 3 })
    console.log(`slow reader: received ${bigReceived} of ${count} large publishes and stayed connected`)
    expect(bigReceived).toBeLessThan(count)
  })
})

describe('issue 13, finding 4: no Origin check', () => {
  it('refuses a WebSocket upgrade from another web origin with 403, on signaling and on the relay', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'convene-origin-'))
    folders.push(dataDir)
    const host = await startHost({ relay: { dataDir } })
    const relayUrl = host.relayUrl ?? ''
    const from = (origin: string) => ({ headers: { Origin: origin } })

    for (const url of [host.signalingUrl, relayUrl]) {
      expect(await upgradeStatus(url, from('http://evil.example'))).toBe(403)
      // DNS rebinding: a hostile name that resolves to this machine, on the host's port.
      expect(await upgradeStatus(url, from(`http://rebound.example:${host.port}`))).toBe(403)
      expect(await upgradeStatus(url, from(`http://127.0.0.1:${host.port + 1}`))).toBe(403)
      expect(await upgradeStatus(url)).toBe(101)
      expect(await upgradeStatus(url, from(host.httpUrl))).toBe(101)
      expect(await upgradeStatus(url, from(`http://localhost:${host.port}`))).toBe(101)
      expect(await upgradeStatus(url, from('file://'))).toBe(101)
      expect(await upgradeStatus(url, from('null'))).toBe(101)
    }
  })

  it('accepts an origin the operator allowed', async () => {
    const host = await startHost({ allowOrigins: ['https://convene.example.org'] })
    expect(await upgradeStatus(host.signalingUrl, { headers: { Origin: 'https://convene.example.org' } })).toBe(101)
    expect(await upgradeStatus(host.signalingUrl, { headers: { Origin: 'https://other.example.org' } })).toBe(403)
  })
})
