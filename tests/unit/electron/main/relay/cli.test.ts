// `convene relay` as a person runs it: help, usage errors, a locked data folder, its
// printed address, plain HTTP, relay connections on any path, and a graceful stop.
import type { ChildProcess } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { convene } from '../../../../support/convene'
import { entries, onCleanup, rawSocket, relaying, startTestRelay, tempDir, waitFor } from './helpers'

const children: ChildProcess[] = []

function relay(...args: string[]): ReturnType<typeof convene> {
  const run = convene(children, ['relay', ...args])
  onCleanup(() => {
    if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill('SIGKILL')
  })
  return run
}

describe('convene relay', () => {
  it('shows its options', async () => {
    const run = relay('--help')
    expect(await run.exited).toBe(0)
    expect(run.output()).toMatch(/Usage: convene relay/)
    for (const flag of ['--data DIR', '--redis URL', '--max-connections-per-address N', '--max-rooms N', '--rate N', '--burst N', '--max-message-bytes N', '--max-queued-bytes-per-address N', '--allow-origin ORIGIN']) {
      expect(run.output()).toContain(flag)
    }
  })

  it('rejects bad options with a usage error', async () => {
    const unknown = relay('--colour', 'blue')
    expect(await unknown.exited).toBe(2)
    expect(unknown.output()).toMatch(/Unknown option '--colour'[\s\S]*Usage: convene relay/)
    const zero = relay('--max-rooms', '0')
    expect(await zero.exited).toBe(2)
    expect(zero.output()).toMatch(/--max-rooms must be a whole number from 1/)
    const redis = relay('--data', await tempDir(), '--redis', 'localhost:6379')
    expect(await redis.exited).toBe(2)
    expect(redis.output()).toMatch(/The Redis address "localhost:6379" is not valid/)
    const origin = relay('--allow-origin', 'https://a.example/app')
    expect(await origin.exited).toBe(2)
    expect(origin.output()).toMatch(/--allow-origin needs an origin/)
  })

  it('says the data folder is in use by another relay', async () => {
    const dataDir = await tempDir()
    await startTestRelay({ dataDir })
    const run = relay('--port', '0', '--data', dataDir)
    expect(await run.exited).toBe(1)
    expect(run.output()).toMatch(/convene relay: The relay data folder .* is in use by another relay/)
  })

  it('prints its address, relays on any path, answers HTTP, and stores its rooms when stopped', async () => {
    const dataDir = await tempDir()
    const run = relay('--port', '0', '--data', dataDir)
    const [, url, base] = await run.line(/^Convene relay listening on ((ws:\/\/127\.0\.0\.1:\d+)\/relay)$/m)
    expect(await (await fetch(base.replace('ws:', 'http:'))).text()).toMatch(/^Convene relay: .*\n$/)
    // Bob connects on `/`: any path reaches a standalone relay.
    const { invite, alice, bob } = await relaying(url, base)

    run.child.kill('SIGTERM')
    expect(await run.exited).toBe(0)
    alice.destroy()
    bob.destroy()
    const restarted = await startTestRelay({ dataDir })
    const carol = invite.join(restarted.url)
    await waitFor(() => entries(carol).length === 1, 'the stored room after a graceful stop')
  })

  it('takes WebSockets from the pages of an --allow-origin, and refuses other sites', async () => {
    const run = relay('--port', '0', '--data', await tempDir(), '--allow-origin', 'https://convene.example.org')
    const [, url] = await run.line(/^Convene relay listening on (ws:\/\/127\.0\.0\.1:\d+\/relay)$/m)
    const from = (origin: string) => ({ headers: { Origin: origin } })
    const allowed = await rawSocket(url, from('https://convene.example.org'))
    allowed.socket.close()
    await expect(rawSocket(url, from('https://evil.example'))).rejects.toThrow('HTTP 403')
    await waitFor(() => run.output().includes('origin "https://evil.example" not allowed'), 'the refusal in the log')
  })
})
