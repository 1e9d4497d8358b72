// Every write names where it came from (`doc.transact(fn, origin)`). Undo managers
// track only the local origins of their own feature; persistence and migrations have
// their own, so they are never undone and never echoed.
export const ORIGINS = {
  seed: 'convene:seed',
  migration: 'convene:migration',
  persistence: 'convene:persistence',
  meta: 'convene:local:meta',
  people: 'convene:local:people',
  notes: 'convene:local:notes',
  archive: 'convene:archive',
  // What arrived through a relay (shared/relay): stored like WebRTC updates, never pushed back.
  relay: 'convene:relay',
} as const

export type Origin = (typeof ORIGINS)[keyof typeof ORIGINS] | `convene:local:${string}`

/** The origin for a feature's local edits (e.g. `localOrigin('diagram')`). */
export function localOrigin(feature: string): `convene:local:${string}` {
  return `convene:local:${feature}`
}

export function isLocalOrigin(origin: unknown): boolean {
  return typeof origin === 'string' && origin.startsWith('convene:local:')
}
