import type { LoopPolarity, Polarity } from './model'

/**
 * A loop's id comes from its links alone: the cycle of link ids, rotated to start at
 * the smallest id (direction kept), hashed. So renaming or moving variables, adding
 * unrelated links, or breaking a loop and re-making it with the same links keeps the
 * id, and the name stored under it in `loopNames` comes back with the loop.
 */
export function loopIdFromLinks(linkIds: readonly string[]): string {
  return 'loop_' + hash64(canonicalRotation(linkIds).map((id) => `${id.length}:${id}`).join(''))
}

/** Rotate a cycle so its smallest element comes first (elements are distinct in an elementary cycle). */
export function canonicalRotation<T extends string>(cycle: readonly T[]): T[] {
  let start = 0
  for (let i = 1; i < cycle.length; i++) if (cycle[i] < cycle[start]) start = i
  return [...cycle.slice(start), ...cycle.slice(0, start)]
}

/** Even number of negative links: reinforcing; odd: balancing; any unknown link: unknown. */
export function loopPolarity(polarities: Iterable<Polarity>): LoopPolarity {
  let negatives = 0
  for (const p of polarities) {
    if (p === '?') return '?'
    if (p === '-') negatives++
  }
  return negatives % 2 === 0 ? 'R' : 'B'
}

function mix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** 64 bits from two multiplicative lanes, finished with an avalanche mix; 14 base-36 characters. */
function hash64(text: string): string {
  let a = 0x811c9dc5
  let b = 0x9e3779b9
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995)
    b ^= b >>> 15
  }
  const hi = mix32(a ^ Math.imul(b, 0x27d4eb2d) ^ text.length)
  const lo = mix32(b ^ hi)
  return hi.toString(36).padStart(7, '0') + lo.toString(36).padStart(7, '0')
}
