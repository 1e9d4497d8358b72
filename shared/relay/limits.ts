import { z } from 'zod'
import { resolveLimits } from '../signaling/limits'

/**
 * What one relay process tolerates before it closes a connection or refuses one. The
 * defaults carry a cohort of 40 to 200 people through one relay, and let a whole
 * school behind one address (a NAT) join, while one machine cannot take every slot.
 */
export interface RelayLimits {
  /** Largest WebSocket message, in bytes. An encrypted snapshot of a day-long convening is a few hundred KiB. */
  maxMessageBytes: number
  /** Rooms one connection may open (a person has a convening and a cohort open, sometimes a few). */
  maxRoomsPerConnection: number
  /** Sustained messages per second per connection (token bucket refill rate). */
  messagesPerSecond: number
  /** Messages a connection may send at once (token bucket size). */
  burstMessages: number
  /** Open connections in all. */
  maxConnections: number
  /** Open connections from one address; later ones are refused, leaving room for others. */
  maxConnectionsPerAddress: number
  /** A room's stored size (its encrypted log) beyond which writes are refused until someone compacts. */
  maxRoomBytes: number
  /**
   * Bytes the relay may hold queued, sent but not yet read, for all connections of one
   * address (an IPv6 /64 counts as one) together. Beyond it the address's slowest
   * connection is closed, so connections that stop reading cannot make the relay keep
   * their rooms' traffic without end. Well above maxRoomBytes: a member who joins a full
   * room is sent all of it at once, and a school behind one NAT joins together.
   */
  maxQueuedBytesPerAddress: number
}

export const DEFAULT_RELAY_LIMITS: Readonly<RelayLimits> = Object.freeze({
  maxMessageBytes: 8 * 1024 * 1024,
  maxRoomsPerConnection: 8,
  messagesPerSecond: 100,
  burstMessages: 400,
  maxConnections: 4096,
  maxConnectionsPerAddress: 256,
  maxRoomBytes: 64 * 1024 * 1024,
  // Four full rooms on their way at once; one address cannot hold more of the relay's memory.
  maxQueuedBytesPerAddress: 256 * 1024 * 1024,
})

const positiveInt = z.number().int().positive()
const limitsSchema = z.object({
  maxMessageBytes: positiveInt,
  maxRoomsPerConnection: positiveInt,
  messagesPerSecond: z.number().positive().finite(),
  burstMessages: positiveInt,
  maxConnections: positiveInt,
  maxConnectionsPerAddress: positiveInt,
  maxRoomBytes: positiveInt,
  maxQueuedBytesPerAddress: positiveInt,
})

export function resolveRelayLimits(overrides: Partial<RelayLimits> = {}): RelayLimits {
  return resolveLimits(limitsSchema, DEFAULT_RELAY_LIMITS, overrides, ([issue]) => {
    return new RangeError(`Relay limit ${issue?.path.join('.') ?? ''} is not valid: ${issue?.message ?? 'unknown problem'}`)
  })
}

export { RELAY_PATH } from '../session/invite'

/** Close codes the relay uses, in the 4000s that applications own; the reason says it in words. */
export const RELAY_CLOSE = {
  refused: { code: 4401, reason: 'This relay room needs the invite secret' },
  tooManyRooms: { code: 4403, reason: 'Too many rooms on one connection' },
  rateLimit: { code: 4429, reason: 'Too many messages: slow down' },
  tooLarge: { code: 4413, reason: 'Message too large' },
  roomFull: { code: 4507, reason: 'This room is full on the relay: a member must compact it' },
  serverFull: { code: 4503, reason: 'The relay is full: try again later' },
  malformed: { code: 4400, reason: 'Malformed message' },
  slowReader: { code: 4509, reason: 'Not reading fast enough: too much is queued for this address' },
} as const
