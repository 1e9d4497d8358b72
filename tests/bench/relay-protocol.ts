// What the relay benchmark's coordinator (relay.ts) and its child processes
// (relay-client.ts, relay-server.ts) say to each other over fork's IPC channel.

/** "ours": our relay and RelayConnection (encrypted); "stock": stock Hocuspocus, plaintext. */
export type Mode = 'ours' | 'stock'

export interface ClientSpec {
  /** Unique across the run (e.g. "s1-ours-12"). */
  key: string
  mode: Mode
  /** ours: the convening id (RelayConnection derives the relay room); stock: the Hocuspocus room. */
  room: string
  secret: string
  urls: string[]
}

/** WebSocket frames the clients of one mode sent and received (= what their relays received and sent). */
export interface FrameCounts {
  sentDoc: number
  sentAwareness: number
  sentOther: number
  receivedDoc: number
  receivedAwareness: number
  receivedOther: number
}

export type ClientCommand =
  | { cmd: 'open'; clients: ClientSpec[] }
  | { cmd: 'expect'; id: string; room: string; writer: string }
  | { cmd: 'edit'; writer: string; id: string }
  | { cmd: 'counts' }
  | { cmd: 'close' }
  | { cmd: 'history'; clients: ClientSpec[]; edits: number; tickMs: number }
  | { cmd: 'join'; client: ClientSpec; fingerprint: string }
  | { cmd: 'exit' }

export type ClientMessage =
  | { type: 'ready' }
  | { type: 'opened' }
  | { type: 'closed' }
  | { type: 'sent'; id: string; t: number }
  | { type: 'arrived'; id: string; times: number[] }
  | { type: 'counts'; counts: Record<Mode, FrameCounts> }
  | { type: 'history'; fingerprint: string; bytes: number; compacted: boolean }
  | { type: 'joined'; ms: number }
  | { type: 'error'; message: string }

export type ServerCommand = { cmd: 'memory' } | { cmd: 'hold'; room: string } | { cmd: 'exit' }

export type ServerMessage =
  | { type: 'listening'; url: string }
  | { type: 'memory'; heapUsed: number; rss: number; rooms: number; connections: number }
  | { type: 'held' }
  | { type: 'error'; message: string }
