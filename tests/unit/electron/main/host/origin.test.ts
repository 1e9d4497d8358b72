// Which pages may open a WebSocket to the host (issue 13, finding 4), and which
// connections count as one address.
import type { IncomingMessage } from 'node:http'
import { describe, expect, it, vi } from 'vitest'
import { parseServeArgs } from '../../../../../electron/cli/commands/serve'
import { addressKey, isLoopbackAddress } from '../../../../../electron/main/host/address'
import { isRelayRequest } from '../../../../../electron/main/host/host'
import { createOriginCheck, normalizeOrigin } from '../../../../../electron/main/host/origin'

/** An upgrade that arrived on `local` (address and port) with the given Origin. */
function upgrade(origin: string | undefined, local = { address: '192.168.1.20', port: 4444 }, url = '/'): IncomingMessage {
  return {
    url,
    headers: origin === undefined ? {} : { origin },
    socket: { localAddress: local.address, localPort: local.port, remoteAddress: '192.168.1.30' },
  } as unknown as IncomingMessage
}

describe('origin check', () => {
  const check = createOriginCheck({ localAddresses: () => ['127.0.0.1', '192.168.1.20', '10.0.0.5', 'fd00::20'] })

  const allows = true
  const refuses = false
  it.each([
    [allows, 'no Origin (native clients, Node peers)', undefined],
    [allows, 'the desktop window loaded from a file', 'file://'],
    [allows, 'an opaque origin', 'null'],
    [allows, 'the page the host serves, on the address it was reached at', 'http://192.168.1.20:4444'],
    [allows, 'the page the host serves, on another address of this machine', 'http://10.0.0.5:4444'],
    [allows, 'the page the host serves, on IPv6', 'http://[fd00::20]:4444'],
    [allows, 'the page opened on loopback', 'http://127.0.0.1:4444'],
    [allows, 'the page opened as localhost', 'http://localhost:4444'],
    [refuses, 'another site', 'http://evil.example'],
    [refuses, 'a hostile name rebound to this machine, on the host port', 'http://rebound.example:4444'],
    [refuses, 'another port of this machine', 'http://127.0.0.1:5173'],
    [refuses, 'another machine on the LAN', 'http://192.168.1.99:4444'],
    [refuses, 'https on the host port (the host serves http only)', 'https://192.168.1.20:4444'],
    [refuses, 'a port-less origin, i.e. port 80', 'http://192.168.1.20'],
    [refuses, 'another scheme', 'chrome-extension://abcdef'],
    [refuses, 'garbage', 'not an origin'],
  ])('allows (%s) %s', (allowed, _name, origin) => {
    expect(check(upgrade(origin))).toBe(allowed)
  })

  it('allows what the operator listed, and nothing like it', () => {
    const listed = createOriginCheck({ allowOrigins: ['https://convene.example.org', 'http://intranet:8080/'], localAddresses: () => [] })
    expect(listed(upgrade('https://convene.example.org'))).toBe(true)
    expect(listed(upgrade('http://intranet:8080'))).toBe(true)
    expect(listed(upgrade('http://convene.example.org'))).toBe(false)
    expect(listed(upgrade('https://convene.example.org.evil.example'))).toBe(false)
  })

  it('reads an --allow-origin value as an origin, or says what is wrong', () => {
    expect(normalizeOrigin('https://Convene.Example.org')).toBe('https://convene.example.org')
    expect(normalizeOrigin('http://intranet:8080/')).toBe('http://intranet:8080')
    for (const bad of ['convene.example.org', 'https://convene.example.org/app', 'ftp://x.example', 'https://user@x.example', '*']) {
      expect(() => normalizeOrigin(bad)).toThrow(/--allow-origin needs an origin/)
    }
  })
})

describe('convene signal / web flags', () => {
  it('take repeated --allow-origin and the per-address limits', () => {
    const args = ['--allow-origin', 'https://a.example', '--allow-origin', 'http://b.example:8080/', '--max-connections-per-address', '50', '--address-burst', '9000']
    expect(parseServeArgs(args, 'usage', 4444)).toMatchObject({
      kind: 'run',
      options: { allowOrigins: ['https://a.example', 'http://b.example:8080'], limits: { maxConnectionsPerAddress: 50, burstDeliveriesPerAddress: 9000 } },
    })
  })

  it('refuse an --allow-origin that is not an origin, with the reason', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      expect(parseServeArgs(['--allow-origin', 'https://a.example/app'], 'usage', 4444)).toEqual({ kind: 'exit', code: 2 })
      expect(String(error.mock.calls[0]?.[0])).toMatch(/--allow-origin needs an origin/)
    } finally {
      error.mockRestore()
    }
  })
})

describe('addresses', () => {
  // IPv4 by itself, however the socket writes it; IPv6 by its /64, which one machine holds whole.
  it.each([
    ['192.168.1.30', '192.168.1.30'],
    ['::ffff:192.168.1.30', '192.168.1.30'],
    [undefined, 'unknown'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('counts connections from %s under %s', (address, key) => {
    expect(addressKey(address)).toBe(key)
  })

  it('knows loopback', () => {
    for (const address of ['127.0.0.1', '127.0.0.2', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopbackAddress(address)).toBe(true)
    for (const address of ['192.168.1.30', '::ffff:10.0.0.1', 'fd00::1', 'localhost', undefined]) expect(isLoopbackAddress(address)).toBe(false)
  })
})

describe('relay requests', () => {
  it('are on /relay, or /relay appended after a signaling address’s token', () => {
    const at = (url: string) => isRelayRequest(upgrade(undefined, undefined, url))
    expect(at('/relay')).toBe(true)
    expect(at('/?token=abc/relay')).toBe(true)
    expect(at('/')).toBe(false)
    expect(at('/?token=abc')).toBe(false)
    expect(at('/signal?token=abc/relay')).toBe(false)
  })
})
