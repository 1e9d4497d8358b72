// Hostile input: each kind gets its own close code or refusal, and an honest pair in
// another room keeps syncing throughout (the process, the test's own, survives it all).
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import { RELAY_CLOSE } from '../../../../../shared/relay'
import type { RelayLimits } from '../../../../../shared/relay'
import { append, authFrame, client, entries, newInvite, newRoom, newToken, rawSocket, relaying, startTestRelay, waitFor } from './helpers'

async function honestPair(url: string): Promise<{ check: (text: string) => Promise<void> }> {
  const { alice, bob } = await relaying(url)
  return {
    check: async (text) => {
      append(alice, text)
      await waitFor(() => entries(bob).includes(text), `"${text}" to reach bob`)
    },
  }
}

async function closedWith(url: string, send: (socket: WebSocket) => void): Promise<{ code: number; reason: string }> {
  const { socket, closed } = await rawSocket(url)
  send(socket)
  return closed
}

describe('relay limits', () => {
  it('closes malformed frames with 4400 and carries on', async () => {
    const { url, logs } = await startTestRelay()
    const { check } = await honestPair(url)

    const garbage = await closedWith(url, (socket) => socket.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0x02])))
    expect(garbage).toEqual({ code: RELAY_CLOSE.malformed.code, reason: RELAY_CLOSE.malformed.reason })
    await check('after garbage')

    expect((await closedWith(url, (socket) => socket.send('{"type":"subscribe"}'))).code).toBe(RELAY_CLOSE.malformed.code)
    await check('after text')

    const auth = authFrame(newRoom(), newToken())
    expect((await closedWith(url, (socket) => socket.send(auth.subarray(0, auth.length - 10)))).code).toBe(RELAY_CLOSE.malformed.code)
    await check('after truncated')

    // A sync update that is not a Yjs update, in an otherwise well-formed frame.
    const encoder = encoding.createEncoder()
    encoding.writeVarString(encoder, newRoom())
    encoding.writeVarUint(encoder, 0)
    encoding.writeVarUint(encoder, 2)
    encoding.writeVarUint8Array(encoder, new Uint8Array([5, 200, 1, 9, 9]))
    expect((await closedWith(url, (socket) => socket.send(encoding.toUint8Array(encoder)))).code).toBe(RELAY_CLOSE.malformed.code)
    await check('after bad update')

    // Server-internal message types never come from clients.
    const internal = encoding.createEncoder()
    encoding.writeVarString(internal, newRoom())
    encoding.writeVarUint(internal, 6)
    encoding.writeVarString(internal, 'fan this out')
    expect((await closedWith(url, (socket) => socket.send(encoding.toUint8Array(internal)))).code).toBe(RELAY_CLOSE.malformed.code)
    await check('after internal type')
    expect(logs.filter((line) => line.includes(RELAY_CLOSE.malformed.reason)).length).toBe(5)
  })

  it('closes an oversized message with 4413', async () => {
    const { url } = await startTestRelay({ limits: { maxMessageBytes: 4096 } })
    const { check } = await honestPair(url)
    const closed = await closedWith(url, (socket) => socket.send(new Uint8Array(8192)))
    expect(closed).toEqual({ code: RELAY_CLOSE.tooLarge.code, reason: RELAY_CLOSE.tooLarge.reason })
    await check('after oversized')
  })

  it('closes a flood with 4429', async () => {
    const limits: Partial<RelayLimits> = { messagesPerSecond: 5, burstMessages: 50 }
    const { url } = await startTestRelay({ limits })
    const { check } = await honestPair(url)
    const closed = await closedWith(url, (socket) => {
      for (let i = 0; i < 200; i += 1) socket.send(new Uint8Array([10]))
    })
    expect(closed).toEqual({ code: RELAY_CLOSE.rateLimit.code, reason: RELAY_CLOSE.rateLimit.reason })
    await check('after flood')
  })

  it('closes a connection that opens too many rooms with 4403', async () => {
    const { url, relay } = await startTestRelay({ limits: { maxRoomsPerConnection: 3 } })
    const { check } = await honestPair(url)
    const closed = await closedWith(url, (socket) => {
      for (let i = 0; i < 4; i += 1) socket.send(authFrame(newRoom(), newToken()))
    })
    expect(closed).toEqual({ code: RELAY_CLOSE.tooManyRooms.code, reason: RELAY_CLOSE.tooManyRooms.reason })
    await check('after many rooms')
    expect(relay.stats().rooms).toBe(1)
  })

  it('refuses the connections of one address beyond its share, not those of others', async () => {
    const { url, logs } = await startTestRelay({ limits: { maxConnectionsPerAddress: 5, maxConnections: 7 } })
    for (let i = 0; i < 5; i += 1) await rawSocket(url)
    await expect(rawSocket(url)).rejects.toThrow('HTTP 429')
    await rawSocket(url, { localAddress: '127.0.0.2' })
    const other = client(url, newRoom(), newToken(), { localAddress: '127.0.0.2' })
    await waitFor(() => other.authenticated(), 'a client from another address to get in')
    // Seven in all: the next one, from anywhere, finds the relay full.
    await expect(rawSocket(url, { localAddress: '127.0.0.3' })).rejects.toThrow('HTTP 503')
    expect(logs.some((line) => line.includes('too many connections from one address'))).toBe(true)
  })

  it('refuses growth of a full room with 4507 but takes deletions', async () => {
    const { url, logs } = await startTestRelay({ limits: { maxRoomBytes: 4000 } })
    const { check } = await honestPair(url)
    const invite = newInvite()
    const alice = invite.join(url)
    const bob = invite.join(url)
    const codes: number[] = []
    alice.socket.on('close', ({ event }: { event: { code: number } }) => codes.push(event.code))
    for (let i = 0; i < 5; i += 1) {
      append(alice, `${i}:${'x'.repeat(600)}`)
      await waitFor(() => bob.log.length === i + 1, `entry ${i} to reach bob`)
    }
    append(alice, `too much:${'x'.repeat(2000)}`)
    await waitFor(() => codes.includes(RELAY_CLOSE.roomFull.code), 'the growing write to be refused')
    expect(entries(bob).some((entry) => entry.startsWith('too much'))).toBe(false)
    expect(logs.some((line) => line.includes(RELAY_CLOSE.roomFull.reason))).toBe(true)

    // Deleting (as compaction does) is taken, and makes room: alice's write then lands.
    bob.log.delete(0, bob.log.length)
    await waitFor(() => entries(bob).some((entry) => entry.startsWith('too much')), 'the refused write to land after the deletion')
    expect(bob.log.length).toBe(1)
    await check('after full room')
  })
})
