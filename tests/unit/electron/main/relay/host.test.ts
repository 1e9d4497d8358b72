// One port for everything: `/relay` reaches the relay, every other path signaling.
import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startConveneHost } from '../../../../../electron/main/host'
import type { ConveneHost, ConveneHostOptions } from '../../../../../electron/main/host'
import { entries, onCleanup, rawSocket, relaying, startTestRelay, tempDir, waitFor } from './helpers'

async function host(options: Partial<ConveneHostOptions>): Promise<ConveneHost> {
  const started = await startConveneHost({ host: '127.0.0.1', port: 0, ...options })
  onCleanup(() => started.close())
  return started
}

function pong(url: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url)
    onCleanup(() => socket.terminate())
    socket.on('open', () => socket.send(JSON.stringify({ type: 'ping' })))
    socket.on('message', (data: Buffer) => resolve(JSON.parse(data.toString('utf8'))))
    socket.on('error', reject)
  })
}

describe('host with a relay', () => {
  it('routes /relay to the relay and other paths to signaling', async () => {
    const dataDir = await tempDir()
    const started = await host({ relay: { dataDir } })
    expect(started.relayUrl).toBe(`${started.signalingUrl}/relay`)
    expect(await pong(started.signalingUrl)).toEqual({ type: 'pong' })
    expect(await pong(`${started.signalingUrl}/relay-not`)).toEqual({ type: 'pong' })

    const { invite } = await relaying(started.relayUrl ?? '')
    expect(started.relayStats()).toMatchObject({ rooms: 1, connections: 2 })
    // Signaling counts its own two sockets, not the relay's clients.
    expect(started.stats()).toEqual({ connections: 2, topics: 0 })

    // A signaling frame on /relay is not a relay frame.
    const { socket, closed } = await rawSocket(started.relayUrl ?? '')
    socket.send(JSON.stringify({ type: 'subscribe', topics: ['x'] }))
    expect((await closed).code).toBe(4400)

    // Closing the host stores the relay's rooms.
    await started.close()
    const restarted = await startTestRelay({ dataDir })
    const carol = invite.join(restarted.url)
    await waitFor(() => entries(carol).includes('first entry'), 'the room stored by the host')
  })

  it('has no relay unless asked, and every path is signaling', async () => {
    const started = await host({})
    expect(started.relayUrl).toBeUndefined()
    expect(started.relayStats()).toBeUndefined()
    expect(await pong(`${started.signalingUrl}/relay`)).toEqual({ type: 'pong' })
  })

  it('does not start when its relay folder is held by another relay', async () => {
    const dataDir = await tempDir()
    await startTestRelay({ dataDir })
    await expect(startConveneHost({ host: '127.0.0.1', port: 0, relay: { dataDir } })).rejects.toThrow(/in use by another relay/)
  })
})
