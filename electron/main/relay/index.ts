// The relay ("stores and forwards"): Hocuspocus serving encrypted relay rooms, with
// access by verifier, LevelDB persistence, optional Redis fan-out and hostile-input
// limits. Mounted on a ConveneHost at RELAY_PATH, or run alone by `convene relay`.
export { startRelay } from './relay'
export type { Relay, RelayOptions, RelayStats } from './relay'
export { parseRedisUrl } from './redis'
export type { RedisAddress } from './redis'
