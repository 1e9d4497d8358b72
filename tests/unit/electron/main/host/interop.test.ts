// The stock y-webrtc client against our server. y-webrtc keeps one registry of rooms per
// process, so this file holds one provider and plays the other peer with a raw socket.
import wrtc from '@roamhq/wrtc'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { SignalingConn, WebrtcProvider } from 'y-webrtc'
import * as Y from 'yjs'
import { connect, roundTrip, startHost } from './helpers'
import type { TestClient } from './helpers'

beforeAll(() => {
  // lib0's WebSocket client uses the browser global, which Node 20 lacks.
  globalThis.WebSocket ??= WebSocket as unknown as typeof globalThis.WebSocket
})

const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

async function nextPublish(client: TestClient, predicate: (data: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  for (;;) {
    const message = await client.next()
    const data = message.data as Record<string, unknown> | undefined
    if (message.type === 'publish' && data && predicate(data)) return message
  }
}

describe('stock y-webrtc client against our server', () => {
  it('SignalingConn subscribes, publishes and receives publishes with the subscriber count', async () => {
    const host = await startHost()
    const conn = new SignalingConn(host.signalingUrl)
    cleanups.push(() => conn.destroy())
    const received: Record<string, unknown>[] = []
    conn.on('message', (message: Record<string, unknown>) => received.push(message))
    await new Promise<void>((resolve) => conn.on('connect', () => resolve()))

    const peer = await connect(host.signalingUrl)
    peer.send({ type: 'subscribe', topics: ['room'] })
    await roundTrip(peer)
    conn.send({ type: 'subscribe', topics: ['room'] })
    conn.send({ type: 'publish', topic: 'room', data: { from: 'stock' } })
    expect(await peer.next()).toEqual({ type: 'publish', topic: 'room', data: { from: 'stock' }, clients: 2 })

    peer.send({ type: 'publish', topic: 'room', data: { from: 'raw' } })
    conn.send({ type: 'ping' })
    await expect.poll(() => received.map((m) => m.type)).toContain('pong')
    expect(received).toContainEqual({ type: 'publish', topic: 'room', data: { from: 'raw' }, clients: 2 })
    // The stock client's empty subscribe on connect was accepted: it is still connected.
    expect(conn.connected).toBe(true)
  })

  it('a WebrtcProvider announces itself through our server and answers an announce with an offer', async () => {
    const host = await startHost()
    const peer = await connect(host.signalingUrl)
    peer.send({ type: 'subscribe', topics: ['convening-1'] })
    await roundTrip(peer)

    const doc = new Y.Doc()
    const provider = new WebrtcProvider('convening-1', doc, {
      signaling: [host.signalingUrl],
      peerOpts: { wrtc, config: { iceServers: [] } },
    })
    cleanups.push(() => {
      provider.destroy()
      doc.destroy()
    })

    const announce = await nextPublish(peer, (data) => data.type === 'announce')
    expect(announce.clients).toBe(2)
    const providerPeerId = (announce.data as { from: string }).from

    // Playing a second peer: our announce makes the provider start WebRTC with us.
    peer.send({ type: 'publish', topic: 'convening-1', data: { type: 'announce', from: 'raw-peer' } })
    const offer = await nextPublish(peer, (data) => data.type === 'signal' && data.to === 'raw-peer')
    expect(offer.data).toMatchObject({ from: providerPeerId, signal: { type: 'offer' } })
    expect(host.stats()).toEqual({ connections: 2, topics: 1 })
  })
})
