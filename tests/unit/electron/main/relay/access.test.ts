// Who gets into a relay room, and that the relay keeps its rooms across restarts.
import { describe, expect, it } from 'vitest'
import { append, client, entries, newInvite, newRoom, newToken, relaying, startTestRelay, tempDir, waitFor } from './helpers'
import type { TestClient } from './helpers'

const synced = (test: TestClient): boolean => test.provider.synced && test.provider.unsyncedChanges === 0

describe('relay access', () => {
  it('syncs a log entry between two clients with the right token', async () => {
    const { url } = await startTestRelay()
    const { alice, bob } = await relaying(url)
    append(bob, 'sealed entry 2')
    await waitFor(() => entries(alice).length === 2, 'alice to receive the reply')
    expect(alice.failures).toEqual([])
  })

  it('refuses a wrong token and a malformed room name, and shows them nothing', async () => {
    const { url, relay, logs } = await startTestRelay()
    const invite = newInvite()
    const alice = invite.join(url)
    append(alice, 'secret entry')
    await waitFor(() => synced(alice), 'alice to sync')

    const mallory = client(url, invite.room, newToken())
    await waitFor(() => mallory.failures.length > 0, 'the wrong token to be refused')
    expect(mallory.log.length).toBe(0)
    expect(mallory.authenticated()).toBe(false)

    const badName = client(url, 'c1.too-short', invite.token)
    await waitFor(() => badName.failures.length > 0, 'the malformed room to be refused')
    const badToken = client(url, newRoom(), 'not a token')
    await waitFor(() => badToken.failures.length > 0, 'the malformed token to be refused')
    // Refusals load no room: only alice's is in memory.
    expect(relay.stats().rooms).toBe(1)
    expect(logs.some((line) => /refused 127\.0\.0\.1: no access/.test(line))).toBe(true)
  })

  it('refuses a different token once the room has taken the first one', async () => {
    const dataDir = await tempDir()
    const first = await startTestRelay({ dataDir })
    const invite = newInvite()
    const alice = invite.join(first.url)
    await waitFor(() => alice.authenticated(), 'alice to be admitted')
    alice.destroy()
    await first.close()

    // The verifier survives a restart, and an empty room still refuses a new token.
    const second = await startTestRelay({ dataDir })
    const mallory = client(second.url, invite.room, newToken())
    await waitFor(() => mallory.failures.length > 0, 'the second token to be refused')
    const again = invite.join(second.url)
    await waitFor(() => again.authenticated(), 'the first token to be admitted again')
  })
})

describe('relay persistence', () => {
  it('keeps a room across a restart on the same data folder', async () => {
    const dataDir = await tempDir()
    const first = await startTestRelay({ dataDir })
    const invite = newInvite()
    const alice = invite.join(first.url)
    append(alice, 'kept')
    await waitFor(() => synced(alice), 'alice to sync')
    // Closing while alice is still connected: the relay stores before it lets go.
    await first.close()
    alice.destroy()

    const second = await startTestRelay({ dataDir })
    const bob = invite.join(second.url)
    await waitFor(() => entries(bob).includes('kept'), 'bob to receive the stored entry')
  })

  it('says so when another relay holds the data folder', async () => {
    const dataDir = await tempDir()
    await startTestRelay({ dataDir })
    await expect(startTestRelay({ dataDir })).rejects.toThrow(/in use by another relay.*one relay per data folder/)
  })
})
