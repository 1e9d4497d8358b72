import { z } from 'zod'

/**
 * What one signaling server tolerates before it closes a connection or refuses one.
 * The defaults let a cohort of about 40 peers form a full mesh: while peers connect,
 * y-webrtc publishes an offer or answer plus several ICE candidates for every pair,
 * so a peer joining a busy room sends a few hundred messages within a second or two.
 */
export interface SignalingLimits {
  /** Largest text frame accepted, in bytes. An SDP offer is a few KiB; 256 KiB leaves room for encrypted, base64 signals. */
  maxMessageBytes: number
  /** Sustained messages per second per connection (token bucket refill rate). */
  messagesPerSecond: number
  /** Messages a connection may send at once before the sustained rate applies (token bucket size). */
  burstMessages: number
  /** Rooms (topics) one connection may be subscribed to at the same time. */
  maxTopicsPerConnection: number
  /** Longest topic name, in characters. Room names are convening ids, far shorter than this. */
  maxTopicLength: number
  /** Open WebSocket connections the server accepts; later ones are closed with "server full". */
  maxConnections: number
  /** How often the server pings every connection; one that has not answered the previous ping by then is dropped. */
  heartbeatIntervalMs: number
  /** Bytes queued for a receiver that does not read; beyond this the receiver is dropped so it cannot exhaust memory. */
  maxBufferedBytes: number
}

export const DEFAULT_SIGNALING_LIMITS: Readonly<SignalingLimits> = Object.freeze({
  maxMessageBytes: 256 * 1024,
  messagesPerSecond: 200,
  burstMessages: 400,
  maxTopicsPerConnection: 64,
  maxTopicLength: 256,
  maxConnections: 1000,
  heartbeatIntervalMs: 30_000,
  maxBufferedBytes: 8 * 1024 * 1024,
})

const positiveInt = z.number().int().positive()

const limitsSchema = z.object({
  maxMessageBytes: positiveInt,
  messagesPerSecond: z.number().positive().finite(),
  burstMessages: positiveInt,
  maxTopicsPerConnection: positiveInt,
  maxTopicLength: positiveInt,
  maxConnections: positiveInt,
  heartbeatIntervalMs: positiveInt,
  maxBufferedBytes: positiveInt,
})

/** Fills in defaults and rejects nonsense (zero, negative, fractional counts) with a readable message. */
export function resolveSignalingLimits(overrides: Partial<SignalingLimits> = {}): SignalingLimits {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined))
  const result = limitsSchema.safeParse({ ...DEFAULT_SIGNALING_LIMITS, ...defined })
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid signaling limits (${problems.join('; ')})`)
  }
  return result.data
}
