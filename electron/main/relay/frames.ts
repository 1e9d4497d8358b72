// A strict reader for what a Hocuspocus provider sends, run on every frame before
// Hocuspocus sees it: a frame that does not parse completely closes its connection
// with RELAY_CLOSE.malformed, instead of reaching code that logs and guesses.
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'

/** Hocuspocus' message types (@hocuspocus/server types.ts MessageType). */
export const MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  syncReply: 4,
  stateless: 5,
  broadcastStateless: 6,
  close: 7,
  syncStatus: 8,
  ping: 9,
  pong: 10,
} as const

/** y-protocols sync sub-types. */
const SYNC_STEP_1 = 0
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2
/** AuthMessageType.Token (@hocuspocus/common). */
const AUTH_TOKEN = 0
/** Longest stateless payload a relay forwards nothing for but still reads. */
const MAX_STATELESS_CHARS = 64 * 1024

export type Frame =
  /** The provider's answer to a connection-level ping: no room, nothing to pass on. */
  | { kind: 'pong' }
  | {
      kind: 'room'
      /** The room (the address without a `\0sessionId` suffix). */
      room: string
      type: number
      /** For sync step 2 and updates: the Yjs update the frame carries. */
      update?: Uint8Array
    }

export class MalformedFrame extends Error {}

function fail(why: string): never {
  throw new MalformedFrame(why)
}

function readAwareness(bytes: Uint8Array): void {
  const decoder = decoding.createDecoder(bytes)
  const count = decoding.readVarUint(decoder)
  for (let i = 0; i < count; i += 1) {
    decoding.readVarUint(decoder) // client id
    decoding.readVarUint(decoder) // clock
    JSON.parse(decoding.readVarString(decoder)) as unknown
  }
  if (decoding.hasContent(decoder)) fail('trailing bytes in an awareness update')
}

function readSync(decoder: decoding.Decoder): Uint8Array | undefined {
  const step = decoding.readVarUint(decoder)
  const payload = decoding.readVarUint8Array(decoder)
  if (step === SYNC_STEP_1) {
    Y.decodeStateVector(payload)
    return undefined
  }
  if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) fail(`unknown sync step ${step}`)
  // Reads every struct and the delete set; throws on a truncated or garbled update.
  Y.decodeUpdate(payload)
  return payload
}

/** Parses one binary frame completely; throws MalformedFrame (or a decoding error) otherwise. */
export function parseFrame(data: Uint8Array): Frame {
  if (data.length === 1 && data[0] === MESSAGE.pong) return { kind: 'pong' }
  const decoder = decoding.createDecoder(data)
  const address = decoding.readVarString(decoder)
  const separator = address.indexOf('\0')
  const room = separator === -1 ? address : address.slice(0, separator)
  if (room === '') fail('no room name')
  const type = decoding.readVarUint(decoder)
  let update: Uint8Array | undefined
  switch (type) {
    case MESSAGE.sync:
    case MESSAGE.syncReply:
      update = readSync(decoder)
      break
    case MESSAGE.awareness:
      readAwareness(decoding.readVarUint8Array(decoder))
      break
    case MESSAGE.auth:
      if (decoding.readVarUint(decoder) !== AUTH_TOKEN) fail('an auth frame that is not a token')
      decoding.readVarString(decoder)
      if (decoding.hasContent(decoder)) decoding.readVarString(decoder) // provider version
      break
    case MESSAGE.stateless:
      if (decoding.readVarString(decoder).length > MAX_STATELESS_CHARS) fail('stateless payload too long')
      break
    case MESSAGE.queryAwareness:
    case MESSAGE.close:
      break
    default:
      // BroadcastStateless is server-internal; the rest only flow from server to client.
      fail(`message type ${type} is not one a client sends`)
  }
  if (decoding.hasContent(decoder)) fail('trailing bytes')
  return { kind: 'room', room, type, update }
}
