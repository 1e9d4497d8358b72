// The embedded host: the signaling server, the relay on /relay and, for browser
// guests, the built app on the same port. Used by the desktop app (LAN hosting) and by
// `convene signal` / `web`; `convene relay` runs a relay alone (relay-host.ts).
export { startConveneHost, urlHost } from './host'
export type { ConveneHost, ConveneHostOptions, HostRelayOptions } from './host'
export { startRelayHost } from './relay-host'
export type { RelayHost, RelayHostOptions } from './relay-host'
export { createSignalingServer } from './signaling'
export type { SignalingServer, SignalingServerOptions, SignalingStats } from './signaling'
export { lanAddresses } from './lan'
export { createOriginCheck, normalizeOrigin } from './origin'
