// Issue 13: a relay forwards every update of a room to every connection in it. A member
// whose connections never read would make the relay queue that traffic for them without
// end; the relay caps what it queues for one address and closes that address's slowest
// connection beyond it, while everyone else in the room keeps receiving. Loopback has a
// whole /8 of addresses: the attacker is 127.0.0.1, honest people are elsewhere.
import { describe, expect, it } from 'vitest'
import { DEFAULT_RELAY_LIMITS, RELAY_CLOSE, resolveRelayLimits } from '../../../../../shared/relay'
import type { RelayLimits } from '../../../../../shared/relay'
import { append, authFrame, newInvite, rawSocket, startTestRelay, waitFor } from './helpers'
import type { Invite, RawSocket } from './helpers'

const ATTACKER = '127.0.0.1'
const HONEST = '127.0.0.2'
const WRITER = '127.0.0.3'
const ENTRY = 'x'.repeat(64 * 1024)

/** A connection from `localAddress` that joins the room of `invite` and then stops reading. */
async function nonReader(url: string, invite: Invite, localAddress: string): Promise<RawSocket> {
  const raw = await rawSocket(url, { localAddress })
  const answered = new Promise((resolve) => raw.socket.once('message', resolve))
  raw.socket.send(authFrame(invite.room, invite.token))
  await answered // "authenticated": from now on the room's updates are sent to it
  raw.socket.pause()
  return raw
}

function closedBySlowness(logs: string[], address: string): number {
  return logs.filter((line) => line.includes(`closed ${address}: ${RELAY_CLOSE.slowReader.reason}`)).length
}

/**
 * A relay with `limits` and a room on it with a writer (from WRITER) and honest readers
 * (from the addresses given). The per-connection rate is raised so that only the queue
 * cap can end a connection.
 */
async function busyRoom(limits: Partial<RelayLimits>, readerAddresses: string[]) {
  const { url, relay, logs } = await startTestRelay({ limits: { burstMessages: 100_000, ...limits } })
  const invite = newInvite()
  const writer = invite.join(url, { localAddress: WRITER })
  const readers = readerAddresses.map((localAddress) => invite.join(url, { localAddress }))
  await waitFor(() => [writer, ...readers].every((member) => member.authenticated()), 'the honest members to get in')
  let written = 0
  /** Appends an entry (64 KiB unless `text` is given) and waits until every reader has it. */
  async function write(text = `${written}:${ENTRY}`): Promise<void> {
    append(writer, text)
    written += 1
    await waitFor(() => readers.every((reader) => reader.log.length === written), `entry ${written} to reach the readers`)
  }
  /** Writes entries until `done()`, which is asked before each. */
  async function writeUntil(done: () => boolean, what: string): Promise<void> {
    while (!done()) {
      expect(written, `entries written before ${what}`).toBeLessThan(400)
      await write()
    }
  }
  return { url, relay, logs, invite, write, writeUntil, written: () => written, nonReader: () => nonReader(url, invite, ATTACKER) }
}

describe('issue 13: connections that never read', () => {
  it('closes the slowest connections of an address whose queue passes its cap; readers here and elsewhere keep receiving', async () => {
    const cap = 1024 * 1024
    // Besides HONEST, a reader behind the same address as the attackers (one NAT): never the slowest.
    const room = await busyRoom({ maxQueuedBytesPerAddress: cap }, [HONEST, ATTACKER])
    const attackers = await Promise.all(Array.from({ length: 8 }, () => room.nonReader()))

    // The room produces traffic until every attacker was closed: each holds a few MiB
    // in kernel buffers before the relay queues anything for it.
    let peak = 0
    await room.writeUntil(() => {
      peak = Math.max(peak, room.relay.stats().queuedBytes)
      return closedBySlowness(room.logs, ATTACKER) === attackers.length
    }, 'every attacker was closed')
    console.log(`slow readers: ${attackers.length} closed after ${room.written()} entries of 64 KiB; the relay queued at most ${peak} bytes`)

    // What the relay holds stays near one address's cap (plus a message or two in
    // flight), where eight readers that never read would otherwise pile up several MiB each.
    expect(peak).toBeLessThan(2 * cap)
    // The honest members lost nothing and carry on.
    await room.write('after the attack')
    expect(closedBySlowness(room.logs, HONEST) + closedBySlowness(room.logs, WRITER)).toBe(0)

    // An attacker that reads again finds its connection over: told why, if the close
    // frame was still waiting behind its queue; cut (1006) if it went on not reading.
    for (const { socket } of attackers) socket.resume()
    const codes = await Promise.all(attackers.map(({ closed }) => closed.then(({ code }) => code)))
    console.log(`slow readers: close codes seen once reading again: ${codes.join(', ')}`)
    for (const code of codes) expect([RELAY_CLOSE.slowReader.code, 1006]).toContain(code)
    await waitFor(() => room.relay.stats().connections === 3, 'only the honest members to remain')
  })

  it('leaves a single reader that falls behind alone while its address stays under the cap', async () => {
    const room = await busyRoom({}, [HONEST])
    const slow = await room.nonReader()
    await room.writeUntil(() => room.written() === 64, '64 entries were written')
    expect(closedBySlowness(room.logs, ATTACKER)).toBe(0)
    expect(room.relay.stats().connections).toBe(3)
    slow.socket.resume()
  })

  it('tells a connection it closed for not reading why, once it reads again', async () => {
    const room = await busyRoom({ maxQueuedBytesPerAddress: 1024 * 1024 }, [HONEST])
    const slow = await room.nonReader()
    await room.writeUntil(() => closedBySlowness(room.logs, ATTACKER) > 0, 'the slow reader was closed')
    // Nothing more is sent to its address, so its close waits behind what it has not read.
    slow.socket.resume()
    expect(await slow.closed).toEqual({ code: RELAY_CLOSE.slowReader.code, reason: RELAY_CLOSE.slowReader.reason })
  })

  it('has a default cap that takes a full room sent at once, and checks overrides', () => {
    expect(DEFAULT_RELAY_LIMITS.maxQueuedBytesPerAddress).toBeGreaterThan(DEFAULT_RELAY_LIMITS.maxRoomBytes)
    expect(resolveRelayLimits({ maxQueuedBytesPerAddress: 4096 }).maxQueuedBytesPerAddress).toBe(4096)
    expect(() => resolveRelayLimits({ maxQueuedBytesPerAddress: 0 })).toThrow(/maxQueuedBytesPerAddress/)
  })
})
