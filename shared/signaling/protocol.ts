import { z } from 'zod'
import { CLOSE } from './close'
import type { CloseReason } from './close'
import type { SignalingLimits } from './limits'

// y-webrtc's signaling protocol (see y-webrtc/bin/server.js and SignalingConn in
// y-webrtc/src/y-webrtc.js). Every frame is one JSON object sent as text:
//   client -> server  {type:'subscribe', topics:[...]}   join rooms
//                     {type:'unsubscribe', topics:[...]} leave rooms
//                     {type:'publish', topic, data}      sent to every subscriber of topic,
//                                                        the sender included
//                     {type:'ping'}
//   server -> client  the publish message as received, plus clients: <subscriber count>
//                     {type:'pong'}
// `data` is opaque to the server: with a room password y-webrtc encrypts it to base64.

export interface SubscribeMessage {
  type: 'subscribe'
  topics: string[]
}

export interface UnsubscribeMessage {
  type: 'unsubscribe'
  topics: string[]
}

/** Fields besides type and topic are the publisher's own and are forwarded untouched. */
export interface PublishMessage {
  type: 'publish'
  topic: string
  data?: unknown
  [field: string]: unknown
}

export interface PingMessage {
  type: 'ping'
}

export type ClientMessage = SubscribeMessage | UnsubscribeMessage | PublishMessage | PingMessage

export interface ForwardedPublishMessage extends PublishMessage {
  /** How many connections are subscribed to the topic, the publisher included if subscribed. */
  clients: number
}

export interface PongMessage {
  type: 'pong'
}

export type ServerMessage = ForwardedPublishMessage | PongMessage

export const MESSAGE_TYPES = ['subscribe', 'unsubscribe', 'publish', 'ping'] as const satisfies readonly ClientMessage['type'][]

/** Name of the query parameter that carries the optional access token: ws://host:port/?token=... */
export const TOKEN_QUERY_PARAMETER = 'token'

/** Not a shared/result Result on purpose: a refusal is the close code the server answers with, never a sentence for a person. */
export type ParsedFrame = { ok: true; message: ClientMessage } | { ok: false; close: CloseReason }

type ParserLimits = Pick<SignalingLimits, 'maxTopicLength' | 'maxTopicsPerConnection'>

function messageSchemas(limits: ParserLimits) {
  const topic = z.string().min(1).max(limits.maxTopicLength)
  // A single frame may not name more topics than a connection may hold at all.
  const topics = z.array(topic).max(limits.maxTopicsPerConnection)
  return {
    subscribe: z.object({ type: z.literal('subscribe'), topics }),
    unsubscribe: z.object({ type: z.literal('unsubscribe'), topics }),
    publish: z.looseObject({ type: z.literal('publish'), topic }),
    ping: z.object({ type: z.literal('ping') }),
  } satisfies Record<ClientMessage['type'], z.ZodType<ClientMessage>>
}

function isKnownType(type: unknown): type is ClientMessage['type'] {
  return typeof type === 'string' && (MESSAGE_TYPES as readonly string[]).includes(type)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Builds the validator for incoming text frames. It never throws: a frame that is not
 * JSON, not an object, of an unknown type or of the wrong shape yields the close reason
 * the server should send.
 */
export function createFrameParser(limits: ParserLimits): (text: string) => ParsedFrame {
  const schemas = messageSchemas(limits)
  return (text) => {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      return { ok: false, close: CLOSE.malformedJson }
    }
    if (!isRecord(value) || typeof value.type !== 'string') return { ok: false, close: CLOSE.notAnObject }
    if (!isKnownType(value.type)) return { ok: false, close: CLOSE.unknownType }
    const result = schemas[value.type].safeParse(value)
    if (!result.success) return { ok: false, close: invalid(value.type, result.error.issues[0]?.path ?? []) }
    return { ok: true, message: result.data }
  }
}

function invalid(type: string, path: readonly PropertyKey[]): CloseReason {
  const field = path.length > 0 ? ` (${path.map(String).join('.')})` : ''
  // Only known type names and schema field names end up here, so the reason stays short.
  return { code: CLOSE.invalidMessage.code, reason: `${CLOSE.invalidMessage.reason}: bad ${type}${field}` }
}

/**
 * The text forwarded for a publish frame: the frame as received with `clients` added.
 * Splicing the validated text, rather than serialising the parsed object again, costs
 * nothing per receiver and cannot fail on pathologically nested `data` (JSON.stringify
 * overflows the stack where JSON.parse did not). If the sender put its own `clients`
 * in the frame, the appended one comes last and so wins in every JSON parser.
 */
export function forwardedPublishText(frame: string, clients: number): string {
  const end = frame.lastIndexOf('}')
  return `${frame.slice(0, end)},"clients":${clients}}`
}
