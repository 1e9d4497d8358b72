// Issue 13: which web pages may open a WebSocket to a standalone relay (`convene relay`).
// Browsers send the page's Origin with every upgrade and let any page connect anywhere;
// Node clients (the app's benchmarks and these tests) send none. The relay decides as
// the signaling host does (electron/main/host/origin.ts).
import { describe, expect, it } from 'vitest'
import { parseRelayArgs } from '../../../../../electron/cli/commands/serve'
import { startRelayHost } from '../../../../../electron/main/host'
import type { RelayHost, RelayHostOptions } from '../../../../../electron/main/host'
import { onCleanup, rawSocket, relaying, tempDir } from './helpers'

async function relayHost(options: Partial<RelayHostOptions> = {}): Promise<{ host: RelayHost; logs: string[] }> {
  const logs: string[] = []
  const host = await startRelayHost({ host: '127.0.0.1', port: 0, dataDir: await tempDir(), log: (line) => logs.push(line), ...options })
  onCleanup(() => host.close())
  return { host, logs }
}

/** 101 when the upgrade was taken, else the HTTP status it was refused with. */
async function upgradeStatus(url: string, origin?: string): Promise<number> {
  try {
    const { socket } = await rawSocket(url, origin === undefined ? {} : { headers: { Origin: origin } })
    socket.close()
    return 101
  } catch (error) {
    return Number(/HTTP (\d+)/.exec(String(error))?.[1] ?? 0)
  }
}

describe('convene relay: the Origin of an upgrade', () => {
  it('refuses a page from another site with 403, on every path, and says so in its log', async () => {
    const { host, logs } = await relayHost()
    const base = host.relayUrl.replace(/\/relay$/, '')
    for (const url of [host.relayUrl, base]) {
      expect(await upgradeStatus(url, 'http://evil.example')).toBe(403)
      // DNS rebinding: a hostile name that resolves to this machine, on the relay's port.
      expect(await upgradeStatus(url, `http://rebound.example:${host.port}`)).toBe(403)
      // Another port of this machine is another site (a dev server, another app).
      expect(await upgradeStatus(url, `http://127.0.0.1:${host.port + 1}`)).toBe(403)
    }
    expect(logs.some((line) => line.includes('origin "http://evil.example" not allowed'))).toBe(true)
    expect(host.relay.stats().connections).toBe(0)
  })

  it('takes native clients (no Origin) and the desktop window (file://, null), and relays between them', async () => {
    const { host } = await relayHost()
    expect(await upgradeStatus(host.relayUrl)).toBe(101)
    expect(await upgradeStatus(host.relayUrl, 'file://')).toBe(101)
    expect(await upgradeStatus(host.relayUrl, 'null')).toBe(101)
    await relaying(host.relayUrl)
  })

  it('takes the origins the operator allowed, and no other', async () => {
    const { host } = await relayHost({ allowOrigins: ['https://convene.example.org'] })
    expect(await upgradeStatus(host.relayUrl, 'https://convene.example.org')).toBe(101)
    expect(await upgradeStatus(host.relayUrl, 'http://convene.example.org')).toBe(403)
    expect(await upgradeStatus(host.relayUrl, 'https://convene.example.org.evil.example')).toBe(403)
  })

  it('reads repeated --allow-origin and the queue cap from the command line', () => {
    const args = ['--allow-origin', 'https://a.example', '--allow-origin', 'http://b.example:8080/', '--max-queued-bytes-per-address', '1048576']
    expect(parseRelayArgs(args, 'usage', 4455)).toMatchObject({
      kind: 'run',
      options: { allowOrigins: ['https://a.example', 'http://b.example:8080'], limits: { maxQueuedBytesPerAddress: 1048576 } },
    })
    const parsed = parseRelayArgs([], 'usage', 4455)
    expect(parsed.kind === 'run' && 'allowOrigins' in parsed.options).toBe(false)
  })
})
