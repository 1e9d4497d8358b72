import { isIPv4 } from 'node:net'
import { describe, expect, it } from 'vitest'
import { lanAddresses, urlHost } from '../../../../../electron/main/host'

describe('addresses shown to the facilitator', () => {
  it('lists only IPv4 addresses other machines can reach', () => {
    for (const address of lanAddresses()) {
      expect(isIPv4(address)).toBe(true)
      expect(address.startsWith('127.')).toBe(false)
    }
  })

  it('turns a wildcard bind into an address a browser on this machine can open', () => {
    expect(urlHost('0.0.0.0')).toBe('127.0.0.1')
    expect(urlHost('::')).toBe('[::1]')
    expect(urlHost('::1')).toBe('[::1]')
    expect(urlHost('192.168.1.20')).toBe('192.168.1.20')
    expect(urlHost('localhost')).toBe('localhost')
  })
})
