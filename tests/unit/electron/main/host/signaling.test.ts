import { createServer } from 'node:http'
import type { IncomingMessage } from 'node:http'
import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createSignalingServer } from '../../../../../electron/main/host'
import { connect, roundTrip, startHost, upgradeStatus } from './helpers'
import type { TestClient } from './helpers'

async function subscribed(url: string, ...topics: string[]): Promise<TestClient> {
  const client = await connect(url)
  client.send({ type: 'subscribe', topics })
  await roundTrip(client)
  return client
}

describe('signaling protocol', () => {
  it('forwards a publish to every subscriber, the sender included, with the subscriber count', async () => {
    const host = await startHost()
    const [alice, bob, carol] = await Promise.all([0, 1, 2].map(() => subscribed(host.signalingUrl, 'room')))
    const outsider = await subscribed(host.signalingUrl, 'other-room')

    alice.send({ type: 'publish', topic: 'room', data: { type: 'announce', from: 'alice' } })
    const expected = { type: 'publish', topic: 'room', data: { type: 'announce', from: 'alice' }, clients: 3 }
    expect(await alice.next()).toEqual(expected)
    expect(await bob.next()).toEqual(expected)
    expect(await carol.next()).toEqual(expected)
    await roundTrip(outsider)
    expect(outsider.inbox).toEqual([])
    expect(host.stats()).toEqual({ connections: 4, topics: 2 })
  })

  it('answers ping with pong', async () => {
    const host = await startHost()
    const client = await connect(host.signalingUrl)
    client.send({ type: 'ping' })
    expect(await client.next()).toEqual({ type: 'pong' })
  })

  it('stops forwarding to a connection once it unsubscribes, and forgets empty topics', async () => {
    const host = await startHost()
    const alice = await subscribed(host.signalingUrl, 'room')
    const bob = await subscribed(host.signalingUrl, 'room')
    bob.send({ type: 'unsubscribe', topics: ['room'] })
    await roundTrip(bob)

    alice.send({ type: 'publish', topic: 'room', data: 'hello' })
    expect(await alice.next()).toMatchObject({ data: 'hello', clients: 1 })
    await roundTrip(bob)
    expect(bob.inbox).toEqual([])

    alice.send({ type: 'unsubscribe', topics: ['room', 'never-joined'] })
    await roundTrip(alice)
    expect(host.stats()).toEqual({ connections: 2, topics: 0 })
  })

  it('forgets the topics of a connection that goes away', async () => {
    const host = await startHost()
    const alice = await subscribed(host.signalingUrl, 'a', 'b')
    const bob = await subscribed(host.signalingUrl, 'b')
    expect(host.stats()).toEqual({ connections: 2, topics: 2 })
    alice.socket.close()
    await alice.closed
    await roundTrip(bob)
    expect(host.stats()).toEqual({ connections: 1, topics: 1 })
  })

  it('keeps 200 rooms across 50 connections apart', async () => {
    const host = await startHost()
    const rooms = Array.from({ length: 200 }, (_, i) => `room-${i}`)
    // Each client joins four rooms; each room has exactly one member.
    const members = await Promise.all(
      Array.from({ length: 50 }, (_, c) => subscribed(host.signalingUrl, ...rooms.slice(c * 4, c * 4 + 4))),
    )
    expect(host.stats()).toEqual({ connections: 50, topics: 200 })
    // A second member per room, so each publish has one receiver besides the sender.
    const listeners = await Promise.all(
      Array.from({ length: 50 }, (_, c) => subscribed(host.signalingUrl, ...rooms.slice(c * 4, c * 4 + 4))),
    )
    members.forEach((member, c) => {
      for (const room of rooms.slice(c * 4, c * 4 + 4)) member.send({ type: 'publish', topic: room, data: room })
    })
    for (const [c, listener] of listeners.entries()) {
      const received: unknown[] = []
      for (let i = 0; i < 4; i++) received.push((await listener.next()).data)
      expect(received.sort()).toEqual(rooms.slice(c * 4, c * 4 + 4).sort())
    }
    await Promise.all(listeners.map((listener) => roundTrip(listener)))
    for (const listener of listeners) expect(listener.inbox).toEqual([])
  })
})

describe('hostile or broken input', () => {
  it('closes a connection that sends malformed JSON, and other rooms carry on', async () => {
    const host = await startHost()
    const alice = await subscribed(host.signalingUrl, 'room-a')
    const bob = await subscribed(host.signalingUrl, 'room-b')
    const mallory = await subscribed(host.signalingUrl, 'room-a')

    mallory.send('{"type": "publish", "topic": ')
    expect(await mallory.closed).toEqual({ code: 1008, reason: 'malformed JSON' })

    bob.send({ type: 'publish', topic: 'room-b', data: 'still here' })
    expect(await bob.next()).toMatchObject({ data: 'still here', clients: 1 })
    alice.send({ type: 'publish', topic: 'room-a', data: 'me too' })
    // Mallory has left room-a: Alice is now alone in it.
    expect(await alice.next()).toMatchObject({ data: 'me too', clients: 1 })
  })

  it.each([
    ['an unknown message type', { type: 'shout', topic: 'room' }, { code: 1008, reason: 'unknown message type' }],
    ['a message without type', { topics: ['room'] }, { code: 1008, reason: 'invalid message: expected a JSON object with a "type"' }],
    ['a subscribe with a non-string topic', { type: 'subscribe', topics: [{}] }, { code: 1008, reason: 'invalid message: bad subscribe (topics.0)' }],
  ])('closes a connection that sends %s, with the reason', async (_name, message, close) => {
    const host = await startHost()
    const client = await connect(host.signalingUrl)
    client.send(message)
    expect(await client.closed).toEqual(close)
  })

  it('closes a connection that sends a binary frame', async () => {
    const host = await startHost()
    const client = await connect(host.signalingUrl)
    client.socket.send(Buffer.from('{"type":"ping"}'))
    expect(await client.closed).toEqual({ code: 1003, reason: 'binary frames are not supported: send JSON text' })
  })

  it('closes a connection that sends a text frame that is not UTF-8', async () => {
    const host = await startHost()
    const client = await connect(host.signalingUrl)
    client.socket.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false })
    expect(await client.closed).toEqual({ code: 1007, reason: 'text frame is not valid UTF-8' })
  })

  it('closes a connection that sends an oversized frame with 1009 and a reason', async () => {
    const host = await startHost({ limits: { maxMessageBytes: 1024 } })
    const other = await subscribed(host.signalingUrl, 'room')
    const client = await connect(host.signalingUrl)
    client.send({ type: 'publish', topic: 'room', data: 'x'.repeat(2000) })
    expect(await client.closed).toEqual({ code: 1009, reason: 'message too big' })
    await roundTrip(other)
    expect(other.inbox).toEqual([])
  })

  it('forwards data nested too deeply to serialise again, rather than failing', async () => {
    const host = await startHost()
    const client = await subscribed(host.signalingUrl, 'room')
    const depth = 100_000
    client.send(`{"type":"publish","topic":"room","data":${'['.repeat(depth)}${']'.repeat(depth)}}`)
    await roundTrip(client)
    expect(client.inbox).toHaveLength(1)
    expect(client.inbox[0]).toMatchObject({ type: 'publish', clients: 1 })
  })

  it('closes a connection that floods beyond the rate limit, sparing others', async () => {
    const host = await startHost({ limits: { messagesPerSecond: 1, burstMessages: 20 } })
    const calm = await connect(host.signalingUrl)
    const flooder = await connect(host.signalingUrl)
    for (let i = 0; i < 100; i++) flooder.send({ type: 'ping' })
    expect(await flooder.closed).toEqual({ code: 1008, reason: 'rate limit exceeded' })
    // The burst was served before the limit struck.
    expect(flooder.inbox.length).toBeGreaterThanOrEqual(19)
    expect(flooder.inbox.length).toBeLessThanOrEqual(21)
    await roundTrip(calm)
  })

  it('closes a connection that subscribes to more topics than allowed', async () => {
    const host = await startHost({ limits: { maxTopicsPerConnection: 3 } })
    const client = await subscribed(host.signalingUrl, 'a', 'b')
    client.send({ type: 'subscribe', topics: ['b', 'c'] })
    await roundTrip(client)
    client.send({ type: 'subscribe', topics: ['d'] })
    expect(await client.closed).toEqual({ code: 1008, reason: 'too many topics for one connection' })
    const frame = { type: 'subscribe', topics: ['1', '2', '3', '4'] }
    const greedy = await connect(host.signalingUrl)
    greedy.send(frame)
    expect((await greedy.closed).code).toBe(1008)
  })

  it('refuses connections beyond the limit with "server full", and admits again when one leaves', async () => {
    const host = await startHost({ limits: { maxConnections: 2 } })
    const first = await connect(host.signalingUrl)
    await connect(host.signalingUrl)
    const third = await connect(host.signalingUrl)
    expect(await third.closed).toEqual({ code: 1013, reason: 'server full, try again later' })
    expect(host.stats().connections).toBe(2)

    first.socket.close()
    await first.closed
    const again = await connect(host.signalingUrl)
    await roundTrip(again)
    expect(host.stats().connections).toBe(2)
  })

  it('refuses connections from one address beyond its cap with HTTP 429, and admits again when one leaves', async () => {
    const host = await startHost({ limits: { maxConnectionsPerAddress: 2 } })
    const first = await connect(host.signalingUrl)
    await connect(host.signalingUrl)
    expect(await upgradeStatus(host.signalingUrl)).toBe(429)
    expect(await upgradeStatus(host.signalingUrl, { localAddress: '127.0.0.2' })).toBe(101)

    first.socket.close()
    await first.closed
    await roundTrip(await connect(host.signalingUrl))
  })

  it('shares one message budget among the connections of an address, and reconnecting does not renew it', async () => {
    const host = await startHost({ limits: { deliveriesPerSecondPerAddress: 0.01, burstDeliveriesPerAddress: 6 } })
    const elsewhere = await connect(host.signalingUrl, { localAddress: '127.0.0.2' })
    const first = await connect(host.signalingUrl)
    for (let i = 0; i < 3; i++) await roundTrip(first)
    first.socket.close()
    await first.closed
    const second = await connect(host.signalingUrl)
    for (let i = 0; i < 3; i++) await roundTrip(second)
    second.send({ type: 'ping' })
    expect(await second.closed).toEqual({ code: 1008, reason: 'rate limit exceeded for this address' })
    await roundTrip(elsewhere)
  })

  it('drops a connection that stops answering pings', async () => {
    const host = await startHost({ limits: { heartbeatIntervalMs: 50 } })
    const silent = await connect(host.signalingUrl, { autoPong: false })
    const lively = await connect(host.signalingUrl)
    const closed = await silent.closed
    expect(closed.code).toBe(1006)
    // Several heartbeats have passed by now; the connection that answers is still there.
    await roundTrip(lively)
    expect(host.stats().connections).toBe(1)
  })

  it('says goodbye to every connection when it closes', async () => {
    const host = await startHost()
    const client = await connect(host.signalingUrl)
    await host.close()
    expect(await client.closed).toEqual({ code: 1001, reason: 'server shutting down' })
  })
})

describe('access token', () => {
  it('refuses an upgrade without the right token with HTTP 401, and accepts the right one', async () => {
    const host = await startHost({ token: 's3cret' })
    expect(await upgradeStatus(host.signalingUrl)).toBe(401)
    expect(await upgradeStatus(`${host.signalingUrl}/?token=wrong`)).toBe(401)
    expect(await upgradeStatus(`${host.signalingUrl}/?token=s3cre`)).toBe(401)
    const client = await connect(`${host.signalingUrl}/?token=s3cret`)
    client.send({ type: 'ping' })
    expect(await client.next()).toEqual({ type: 'pong' })
  })

  it('accepts upgrades on any path, as y-webrtc connects to exactly the address it is given', async () => {
    const host = await startHost()
    expect(await upgradeStatus(`${host.signalingUrl}/signal`)).toBe(101)
    expect(await upgradeStatus(host.signalingUrl)).toBe(101)
  })
})

describe('access token with tokenExemptLoopback (the desktop app’s LAN host)', () => {
  /** What the server answers an upgrade that says it comes from `remoteAddress`. */
  async function answerTo(remoteAddress: string, url: string): Promise<string> {
    const signaling = createSignalingServer({ server: createServer(), attach: false, token: 's3cret', tokenExemptLoopback: true })
    const socket = new PassThrough()
    const request = { url, method: 'GET', headers: {}, socket: { remoteAddress } } as unknown as IncomingMessage
    signaling.handleUpgrade(request, socket, Buffer.alloc(0))
    const answer = String(socket.read() ?? '')
    await signaling.close()
    return answer
  }

  it('lets this machine in without the token', async () => {
    const host = await startHost({ token: 's3cret', tokenExemptLoopback: true })
    expect(await upgradeStatus(host.signalingUrl)).toBe(101)
    expect(await upgradeStatus(host.signalingUrl, { localAddress: '127.0.0.2' })).toBe(101)
  })

  it('asks the token of everyone else', async () => {
    expect(await answerTo('192.168.1.30', '/')).toMatch(/^HTTP\/1.1 401 /)
    expect(await answerTo('::ffff:192.168.1.30', '/?token=wrong')).toMatch(/^HTTP\/1.1 401 /)
    // Past the token check, the fake request fails the WebSocket handshake itself.
    expect(await answerTo('192.168.1.30', '/?token=s3cret')).not.toMatch(/^HTTP\/1.1 401 /)
  })
})
