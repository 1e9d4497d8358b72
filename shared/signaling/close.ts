/**
 * Why the server ends a connection. Each entry pairs a WebSocket close code with a
 * reason a person can read in the browser's close event (at most 123 bytes).
 */
export interface CloseReason {
  code: number
  reason: string
}

export const CLOSE = {
  shuttingDown: { code: 1001, reason: 'server shutting down' },
  binaryFrame: { code: 1003, reason: 'binary frames are not supported: send JSON text' },
  malformedJson: { code: 1008, reason: 'malformed JSON' },
  notAnObject: { code: 1008, reason: 'invalid message: expected a JSON object with a "type"' },
  unknownType: { code: 1008, reason: 'unknown message type' },
  invalidMessage: { code: 1008, reason: 'invalid message' },
  rateLimit: { code: 1008, reason: 'rate limit exceeded' },
  addressRateLimit: { code: 1008, reason: 'rate limit exceeded for this address' },
  tooManyTopics: { code: 1008, reason: 'too many topics for one connection' },
  tooBig: { code: 1009, reason: 'message too big' },
  internalError: { code: 1011, reason: 'internal server error' },
  serverFull: { code: 1013, reason: 'server full, try again later' },
} as const satisfies Record<string, CloseReason>

// The WebSocket library closes on its own for broken frames; it sends no reason, so
// the server supplies these.
const transportReasons: Record<number, string> = {
  1002: 'WebSocket protocol error',
  1007: 'text frame is not valid UTF-8',
  1009: CLOSE.tooBig.reason,
}

/** The readable reason for a close code chosen by the WebSocket layer rather than by the server. */
export function transportCloseReason(code: number): string | undefined {
  return transportReasons[code]
}
