import { z } from 'zod'

/**
 * What one signaling server tolerates before it closes a connection or refuses one.
 * The defaults let a cohort of about 40 peers form a full mesh: while peers connect,
 * y-webrtc publishes an offer or answer plus several ICE candidates for every pair,
 * so a peer joining a busy room sends a few hundred messages within a second or two.
 *
 * People behind one NAT (a school, an office) share one address, so the per-address
 * limits are sized for a whole cohort there: 40 peers joining one room at once, each
 * sending up to a connection's burst, each message delivered to all 40. They stop one
 * machine from taking every connection, or from flooding a room through many
 * connections that each stay under their own limit. The address budget counts
 * deliveries (a publish costs one per receiver), because a flood's cost to the server
 * and to a room is its fan-out: 200 connections in one room would otherwise turn every
 * publish into 200 sends.
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
  /**
   * Open connections from one address (an IPv6 /64 counts as one); beyond it, upgrades
   * are refused with HTTP 429 before any WebSocket is set up. Kept well below
   * maxConnections so one machine cannot shut newcomers out.
   */
  maxConnectionsPerAddress: number
  /**
   * Sustained deliveries per second caused by all connections of one address together:
   * a publish costs one per receiver (the sender's echo included), any other frame one.
   */
  deliveriesPerSecondPerAddress: number
  /**
   * Deliveries one address may cause at once; when its budget is spent, the connection
   * that sends is closed ("rate limit exceeded for this address").
   */
  burstDeliveriesPerAddress: number
  /** How often the server pings every connection; one that has not answered the previous ping by then is dropped. */
  heartbeatIntervalMs: number
  /**
   * Bytes queued for a receiver that does not keep up; beyond this it misses messages
   * (rather than being disconnected by others' traffic) until it has read its queue.
   */
  maxBufferedBytes: number
}

export const DEFAULT_SIGNALING_LIMITS: Readonly<SignalingLimits> = Object.freeze({
  maxMessageBytes: 256 * 1024,
  messagesPerSecond: 200,
  burstMessages: 400,
  maxTopicsPerConnection: 64,
  maxTopicLength: 256,
  maxConnections: 1000,
  // A school behind one NAT: 40 peers with a few connections each, several rooms.
  maxConnectionsPerAddress: 200,
  // 40 peers x the per-connection burst (400) x 40 receivers: a room meshing at once.
  burstDeliveriesPerAddress: 640_000,
  // Refills that in 40 s: enough for rooms meshing one after another; an attacker who
  // spent it gets 16,000 sends a second out of the server, not a multiple of its fan-out.
  deliveriesPerSecondPerAddress: 16_000,
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
  maxConnectionsPerAddress: positiveInt,
  deliveriesPerSecondPerAddress: z.number().positive().finite(),
  burstDeliveriesPerAddress: positiveInt,
  heartbeatIntervalMs: positiveInt,
  maxBufferedBytes: positiveInt,
})

/**
 * Limits of any server (signaling, the relay): the defaults with the overrides that are
 * set, checked against `schema`; what is wrong is handed to `refuse` to word the error.
 */
export function resolveLimits<T>(schema: z.ZodType<T>, defaults: Readonly<T>, overrides: Partial<T>, refuse: (issues: z.core.$ZodIssue[]) => Error): T {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined))
  const result = schema.safeParse({ ...defaults, ...defined })
  if (!result.success) throw refuse(result.error.issues)
  return result.data
}

/** Fills in defaults and rejects nonsense (zero, negative, fractional counts) with a readable message. */
export function resolveSignalingLimits(overrides: Partial<SignalingLimits> = {}): SignalingLimits {
  return resolveLimits(limitsSchema, DEFAULT_SIGNALING_LIMITS, overrides, (issues) => {
    const problems = issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    return new Error(`Invalid signaling limits (${problems.join('; ')})`)
  })
}
