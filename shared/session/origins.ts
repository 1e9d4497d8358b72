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

/** An origin this app writes with: one of ORIGINS, or a feature's `localOrigin`. */
export type AppOrigin = (typeof ORIGINS)[keyof typeof ORIGINS] | `convene:local:${string}`

/**
 * What a transaction's origin may be in this app (Yjs types it `any`): a string for
 * writes (an AppOrigin; tests and tools name theirs the same way), a symbol private to
 * one module (the relay log's own writes), an object for what others started
 * (y-webrtc's room, Y.UndoManager replaying an edit, an awareness peer), or null, Yjs's
 * own default. Handlers that receive one compare it or ask `isLocalOrigin`; they never
 * look inside.
 */
export type Origin = string | symbol | object | null

/** The origin for a feature's local edits (e.g. `localOrigin('diagram')`). */
export function localOrigin(feature: string): `convene:local:${string}` {
  return `convene:local:${feature}`
}

/** Takes any value (not only an Origin), so it can sort whatever a handler or a test has collected. */
export function isLocalOrigin(origin: unknown): boolean {
  return typeof origin === 'string' && origin.startsWith('convene:local:')
}
