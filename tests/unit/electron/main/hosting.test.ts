import { describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { lanAddresses, startConveneHost } from '../../../../electron/main/host'
import {
  DEFAULT_HOST_PORT,
  addressesOf,
  closeHostBeforeQuit,
  createHostController,
  withHost,
  type HostStartOptions,
  type HostingDeps,
  type QuittingApp,
  type RunningHost,
} from '../../../../electron/main/hosting'
import { upgradeStatus } from './host/helpers'

function fakeHost(port: number): RunningHost & { closed: boolean } {
  const host = {
    port,
    httpUrl: `http://127.0.0.1:${port}`,
    signalingUrl: `ws://127.0.0.1:${port}`,
    closed: false,
    stats: () => ({ connections: 2 }),
    close: () => {
      host.closed = true
      return Promise.resolve()
    },
  }
  return host
}

function fakeDeps(overrides: Partial<HostingDeps> = {}) {
  const started: { host: string; port: number }[] = []
  const options: HostStartOptions[] = []
  const hosts: ReturnType<typeof fakeHost>[] = []
  const deps: HostingDeps = {
    startConveneHost: (given) => {
      options.push(given)
      started.push({ host: given.host, port: given.port })
      const host = fakeHost(given.port || 50000 + started.length)
      hosts.push(host)
      return Promise.resolve(host)
    },
    lanAddresses: () => ['192.168.1.20', 'fd00::20'],
    staticDir: '/app/out/renderer',
    ...overrides,
  }
  return { deps, started, options, hosts }
}

describe('addresses', () => {
  it('lists loopback for this window and LAN addresses for everyone else', () => {
    expect(addressesOf(fakeHost(4444), true, ['192.168.1.20', 'fd00::20'])).toEqual({
      port: 4444,
      signalingUrl: 'ws://127.0.0.1:4444/',
      webUrls: ['http://127.0.0.1:4444/', 'http://192.168.1.20:4444/', 'http://[fd00::20]:4444/'],
      lanUrls: ['ws://192.168.1.20:4444/', 'ws://[fd00::20]:4444/'],
    })
    expect(addressesOf(fakeHost(4444), false, ['192.168.1.20']).lanUrls).toEqual([])
    expect(withHost('ws://0.0.0.0:9/', '10.0.0.5')).toBe('ws://10.0.0.5:9/')
  })

  it('puts the access token in every signaling address, and only there', () => {
    const addresses = addressesOf({ ...fakeHost(4444), relayUrl: 'ws://127.0.0.1:4444/relay' }, true, ['192.168.1.20'], 'a+b/c')
    expect(addresses).toMatchObject({
      signalingUrl: 'ws://127.0.0.1:4444/?token=a%2Bb%2Fc',
      lanUrls: ['ws://192.168.1.20:4444/?token=a%2Bb%2Fc'],
      webUrls: ['http://127.0.0.1:4444/', 'http://192.168.1.20:4444/'],
      relayUrl: 'ws://127.0.0.1:4444/relay',
      lanRelayUrls: ['ws://192.168.1.20:4444/relay'],
    })
    expect(new URL(addresses.lanUrls[0]).searchParams.get('token')).toBe('a+b/c')
  })
})

describe('the LAN host’s access token', () => {
  it('is generated for the LAN host, required of guests, and in the addresses for invites', async () => {
    const { deps, options } = fakeDeps()
    const controller = createHostController(deps)
    const addresses = await controller.start({ lan: true })
    const token = options[0].token ?? ''
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/)
    expect(options[0].tokenExemptLoopback).toBe(true)
    expect(addresses.signalingUrl).toBe(`ws://127.0.0.1:${DEFAULT_HOST_PORT}/?token=${token}`)
    expect(addresses.lanUrls).toEqual([
      `ws://192.168.1.20:${DEFAULT_HOST_PORT}/?token=${token}`,
      `ws://[fd00::20]:${DEFAULT_HOST_PORT}/?token=${token}`,
    ])
    expect(controller.status()).toMatchObject({ running: true, lanUrls: addresses.lanUrls })
  })

  it('stays the same while the app runs, so invites outlive a restart of hosting; differs between apps', async () => {
    const { deps, options } = fakeDeps()
    const controller = createHostController(deps)
    await controller.start({ lan: true })
    await controller.stop()
    await controller.start({ lan: true, port: 4555 })
    expect(options[1].token).toBe(options[0].token)
    const other = fakeDeps()
    await createHostController(other.deps).start({ lan: true })
    expect(other.options[0].token).not.toBe(options[0].token)
  })

  it('is not needed on loopback only, where nobody else can connect', async () => {
    const { deps, options } = fakeDeps()
    const addresses = await createHostController(deps).start({ lan: false })
    expect(options[0].token).toBeUndefined()
    expect(addresses.signalingUrl).toBe(`ws://127.0.0.1:${DEFAULT_HOST_PORT}/`)
  })

  it('lets in a guest with the address from the invite, and refuses one without the token', async () => {
    // The real host; bound to loopback here, and without the loopback exemption so that
    // this machine stands in for a guest on the LAN.
    const controller = createHostController({
      startConveneHost: (options) => startConveneHost({ ...options, host: '127.0.0.1', port: 0, tokenExemptLoopback: false }),
      lanAddresses: () => ['127.0.0.1'],
    })
    try {
      const addresses = await controller.start({ lan: true })
      const [invited] = addresses.lanUrls
      expect(await upgradeStatus(invited)).toBe(101)
      const withoutToken = new URL(invited)
      withoutToken.search = ''
      expect(await upgradeStatus(withoutToken.href)).toBe(401)
      expect(await upgradeStatus(`${withoutToken.href}?token=guess`)).toBe(401)
    } finally {
      await controller.stop()
    }
  })
})

describe('createHostController', () => {
  it('binds all interfaces only when hosting for the LAN', async () => {
    const { deps, started } = fakeDeps()
    const controller = createHostController(deps)
    await controller.start({ lan: false, port: 0 })
    await controller.start({ lan: true })
    expect(started).toEqual([
      { host: '127.0.0.1', port: 0 },
      { host: '0.0.0.0', port: DEFAULT_HOST_PORT },
    ])
  })

  it('reuses the running host for the same choice and replaces it for another', async () => {
    const { deps, started, hosts } = fakeDeps()
    const controller = createHostController(deps)
    const first = await controller.start({ lan: true })
    expect(await controller.start({ lan: true })).toEqual(first)
    expect(started).toHaveLength(1)
    await controller.start({ lan: false })
    expect(hosts[0].closed).toBe(true)
    expect(controller.status()).toMatchObject({ running: true, lan: false, connections: 2 })
  })

  it('starts one server when asked twice at once', async () => {
    const { deps, started } = fakeDeps()
    const controller = createHostController(deps)
    const [a, b] = await Promise.all([controller.start({ lan: true }), controller.start({ lan: true })])
    expect(a).toEqual(b)
    expect(started).toHaveLength(1)
  })

  it('stops and reports not running', async () => {
    const { deps, hosts } = fakeDeps()
    const controller = createHostController(deps)
    await controller.start({ lan: true })
    await controller.stop()
    expect(hosts[0].closed).toBe(true)
    expect(controller.status()).toEqual({ running: false })
    await controller.stop()
  })

  it('says plainly when the port is taken, and keeps working afterwards', async () => {
    let calls = 0
    const { deps } = fakeDeps()
    const controller = createHostController({
      ...deps,
      startConveneHost: (options) => {
        calls += 1
        return calls === 1
          ? Promise.reject(new Error('0.0.0.0:4444 is already in use; choose another --port (0 picks a free one)'))
          : deps.startConveneHost(options)
      },
    })
    await expect(controller.start({ lan: true })).rejects.toThrow('Port 4444 is already in use on this computer; choose another port.')
    expect(controller.status()).toEqual({ running: false })
    await expect(controller.start({ lan: true, port: 4555 })).resolves.toMatchObject({ port: 4555 })
  })

  it('runs the real embedded host on loopback', async () => {
    const controller = createHostController({ startConveneHost, lanAddresses })
    const addresses = await controller.start({ lan: false, port: 0 })
    try {
      expect(addresses.lanUrls).toEqual([])
      const socket = new WebSocket(addresses.signalingUrl)
      await new Promise<void>((resolve, reject) => {
        socket.once('open', () => resolve())
        socket.once('error', reject)
      })
      await vi.waitFor(() => expect(controller.status()).toMatchObject({ running: true, connections: 1 }))
      socket.close()
    } finally {
      await controller.stop()
    }
    expect(controller.status()).toEqual({ running: false })
  })
})

function fakeApp() {
  let listener: ((event: { preventDefault(): void }) => void) | undefined
  const app: QuittingApp & { quits: number } = {
    quits: 0,
    on: (_event, l) => (listener = l),
    quit: () => {
      app.quits += 1
      // Electron emits before-quit again when quit() is called from the handler's aftermath.
      fire()
    },
  }
  const fire = () => {
    let prevented = false
    listener?.({ preventDefault: () => (prevented = true) })
    return prevented
  }
  return { app, fire }
}

describe('closeHostBeforeQuit', () => {
  it('lets the app quit at once when not hosting', () => {
    const { app, fire } = fakeApp()
    closeHostBeforeQuit(app, createHostController(fakeDeps().deps))
    expect(fire()).toBe(false)
  })

  it('closes the host, then quits', async () => {
    const { app, fire } = fakeApp()
    const { deps, hosts } = fakeDeps()
    const controller = createHostController(deps)
    await controller.start({ lan: true })
    closeHostBeforeQuit(app, controller)
    expect(fire()).toBe(true)
    await vi.waitFor(() => expect(app.quits).toBe(1))
    expect(hosts[0].closed).toBe(true)
  })

  it('quits anyway when closing hangs', async () => {
    vi.useFakeTimers()
    try {
      const { app, fire } = fakeApp()
      const { deps } = fakeDeps()
      const controller = createHostController(deps)
      await controller.start({ lan: true })
      vi.spyOn(controller, 'stop').mockReturnValue(new Promise<void>(() => undefined))
      closeHostBeforeQuit(app, controller, 3000)
      expect(fire()).toBe(true)
      await vi.advanceTimersByTimeAsync(2999)
      expect(app.quits).toBe(0)
      await vi.advanceTimersByTimeAsync(1)
      expect(app.quits).toBe(1)
    } finally {
      vi.useRealTimers()
    }
  })
})
