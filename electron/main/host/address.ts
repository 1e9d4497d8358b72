// Who is connecting, as far as per-address limits and loopback trust are concerned.
import { isIPv4, isIPv6 } from 'node:net'

const MAPPED_IPV4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i

/** An IPv4 address written as IPv6 (`::ffff:1.2.3.4`, as dual-stack sockets report it) as plain IPv4. */
export function plainAddress(address: string): string {
  return MAPPED_IPV4.exec(address)?.[1] ?? address
}

/** The eight 16-bit groups of an IPv6 address, zeros filled in where `::` stood. */
function ipv6Groups(address: string): string[] {
  const [head, tail] = address.split('::') as [string, string | undefined]
  const left = head === '' ? [] : head.split(':')
  const right = tail === undefined || tail === '' ? [] : tail.split(':')
  const missing = tail === undefined ? 0 : 8 - left.length - right.length
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
}

/**
 * The key under which connections from `address` are counted together: the IPv4
 * address itself, or the /64 network of an IPv6 address (one machine is handed a whole
 * /64, so counting single IPv6 addresses would let it have as many as it likes).
 */
export function addressKey(address: string | undefined): string {
  if (!address) return 'unknown'
  const plain = plainAddress(address.replace(/%.*$/, ''))
  if (isIPv4(plain) || !isIPv6(plain)) return plain
  return `${ipv6Groups(plain).slice(0, 4).join(':')}::/64`
}

/** Whether `address` (as a socket reports it, or a URL hostname) is this machine's loopback. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false
  const plain = plainAddress(address.replace(/^\[|\]$/g, ''))
  return (isIPv4(plain) && plain.startsWith('127.')) || plain === '::1'
}
