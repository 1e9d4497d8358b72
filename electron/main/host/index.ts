// The embedded host: the signaling server and, for browser guests, the built app on
// the same port. Used by the desktop app (LAN hosting) and by `convene signal` / `web`.
export { startConveneHost, urlHost } from './host'
export type { ConveneHost, ConveneHostOptions } from './host'
export { createSignalingServer } from './signaling'
export type { SignalingServer, SignalingServerOptions, SignalingStats } from './signaling'
export { lanAddresses } from './lan'
