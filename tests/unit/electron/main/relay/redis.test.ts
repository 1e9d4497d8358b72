// Relays sharing one Redis serve the same rooms: updates and presence cross between
// them, and a relay that dies takes nothing with it.
import type { ChildProcess } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { parseRedisUrl } from '../../../../../electron/main/relay'
import { convene } from '../../../../support/convene'
import { append, entries, onCleanup, relaying, startTestRelay, tempDir, testRedis, waitFor } from './helpers'
import type { TestClient } from './helpers'

function presenceOf(test: TestClient, other: TestClient): unknown {
  return (test.provider.awareness?.getStates().get(other.doc.clientID) as { e?: unknown } | undefined)?.e
}

describe('relays on one Redis', () => {
  it('carry updates and presence between clients on different relays, both ways', async () => {
    const redis = await testRedis()
    const a = await startTestRelay({ redis: redis.url, name: 'a' })
    const b = await startTestRelay({ redis: redis.url, name: 'b' })
    // The first entry goes from alice on relay a to bob on relay b.
    const { alice, bob } = await relaying(a.url, b.url)
    append(bob, 'from b')
    await waitFor(() => entries(alice).includes('from b'), 'alice on relay a to receive bob’s entry')

    alice.provider.setAwarenessField('e', 'sealed-presence-a')
    bob.provider.setAwarenessField('e', 'sealed-presence-b')
    await waitFor(() => presenceOf(bob, alice) === 'sealed-presence-a', 'alice’s presence on relay b')
    await waitFor(() => presenceOf(alice, bob) === 'sealed-presence-b', 'bob’s presence on relay a')
    // What crossed Redis is what the clients sent: here, opaque entries.
    expect(redis.monitorLog()).toMatch(/publish/i)
  })

  it('keeps everything when one relay process is killed and its clients move', async () => {
    const redis = await testRedis()
    const children: ChildProcess[] = []
    onCleanup(() => {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    })
    const run = convene(children, ['relay', '--port', '0', '--data', await tempDir(), '--redis', redis.url])
    const [, urlA] = await run.line(/^Convene relay listening on (ws:\/\/127\.0\.0\.1:\d+\/relay)$/m)
    const b = await startTestRelay({ redis: redis.url, name: 'b' })
    const { invite, alice, bob } = await relaying(urlA, b.url)
    append(alice, 'also through a')
    await waitFor(() => entries(bob).length === 2, 'bob on relay b to receive both entries')
    // Bob leaves: relay b stores its own copy and lets the room go.
    bob.destroy()
    await waitFor(() => b.relay.stats().rooms === 0, 'relay b to unload the room')

    run.child.kill('SIGKILL')
    await run.exited
    alice.destroy()
    const moved = invite.join(b.url)
    await waitFor(() => entries(moved).length === 2, 'the moved client to receive everything from relay b')
    expect(entries(moved).sort()).toEqual(['also through a', 'first entry'])
  })

  it('reads redis:// addresses and explains bad ones', () => {
    expect(parseRedisUrl('redis://127.0.0.1:6380')).toEqual({ host: '127.0.0.1', port: 6380, url: 'redis://127.0.0.1:6380' })
    expect(parseRedisUrl('redis://localhost').port).toBe(6379)
    expect(() => parseRedisUrl('127.0.0.1:6379')).toThrow(/not valid.*redis:\/\/HOST:PORT/)
    expect(() => parseRedisUrl('http://127.0.0.1:6379')).toThrow(/must start with redis:\/\//)
    expect(() => parseRedisUrl('redis://user:pw@127.0.0.1:6379')).toThrow(/passwords are not supported/)
  })

  it('says so when Redis cannot be reached, and keeps the data folder free', async () => {
    const redis = await testRedis()
    const dataDir = await tempDir()
    await redis.stop()
    await expect(startTestRelay({ dataDir, redis: redis.url })).rejects.toThrow(/cannot reach Redis at redis:\/\/127\.0\.0\.1/)
    await startTestRelay({ dataDir })
  }, 15_000)
})
