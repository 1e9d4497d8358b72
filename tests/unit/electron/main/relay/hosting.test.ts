// The desktop app's host runs the relay too, and tells the window where it is.
import { describe, expect, it } from 'vitest'
import { lanAddresses, startConveneHost } from '../../../../../electron/main/host'
import { addressesOf, createHostController } from '../../../../../electron/main/hosting'
import type { RunningHost } from '../../../../../electron/main/hosting'
import { onCleanup, relaying, tempDir } from './helpers'

describe('hosting with a relay', () => {
  it('lists the relay on loopback and on each LAN address', () => {
    const running: RunningHost = {
      port: 4444,
      httpUrl: 'http://0.0.0.0:4444',
      signalingUrl: 'ws://0.0.0.0:4444',
      relayUrl: 'ws://0.0.0.0:4444/relay',
      stats: () => ({ connections: 0 }),
      close: () => Promise.resolve(),
    }
    expect(addressesOf(running, true, ['192.168.1.20', 'fd00::20'])).toMatchObject({
      relayUrl: 'ws://127.0.0.1:4444/relay',
      lanRelayUrls: ['ws://192.168.1.20:4444/relay', 'ws://[fd00::20]:4444/relay'],
    })
    expect(addressesOf(running, false, ['192.168.1.20']).lanRelayUrls).toEqual([])
  })

  it('runs the real relay with the app’s data folder', async () => {
    const controller = createHostController({ startConveneHost, lanAddresses, relayDataDir: await tempDir() })
    onCleanup(() => controller.stop())
    const addresses = await controller.start({ lan: false, port: 0 })
    expect(addresses.relayUrl).toBe(`ws://127.0.0.1:${addresses.port}/relay`)
    await relaying(addresses.relayUrl ?? '')
    expect(controller.status()).toMatchObject({ running: true, relayUrl: addresses.relayUrl })
  })
})
