import { describe, expect, it } from 'vitest'
import {
  CLOSE,
  DEFAULT_SIGNALING_LIMITS,
  createFrameParser,
  forwardedPublishText,
  resolveSignalingLimits,
  transportCloseReason,
} from '../../../../shared/signaling'

const parse = createFrameParser({ maxTopicLength: 16, maxTopicsPerConnection: 3 })

describe('createFrameParser', () => {
  it('accepts the four messages the stock y-webrtc client sends', () => {
    expect(parse('{"type":"subscribe","topics":["room-a","room-b"]}')).toEqual({
      ok: true,
      message: { type: 'subscribe', topics: ['room-a', 'room-b'] },
    })
    // SignalingConn subscribes to every open room on connect, which may be none.
    expect(parse('{"type":"subscribe","topics":[]}')).toMatchObject({ ok: true })
    expect(parse('{"type":"unsubscribe","topics":["room-a"]}')).toMatchObject({ ok: true, message: { type: 'unsubscribe' } })
    expect(parse('{"type":"ping"}')).toEqual({ ok: true, message: { type: 'ping' } })
  })

  it('keeps every field of a publish, since the server forwards it whole', () => {
    const result = parse('{"type":"publish","topic":"room-a","data":{"type":"announce","from":"p1"},"extra":1}')
    expect(result).toEqual({
      ok: true,
      message: { type: 'publish', topic: 'room-a', data: { type: 'announce', from: 'p1' }, extra: 1 },
    })
  })

  it.each([
    ['not JSON', '{"type":', CLOSE.malformedJson],
    ['empty', '', CLOSE.malformedJson],
    ['an array', '[{"type":"ping"}]', CLOSE.notAnObject],
    ['a string', '"ping"', CLOSE.notAnObject],
    ['null', 'null', CLOSE.notAnObject],
    ['an object without type', '{"topic":"a"}', CLOSE.notAnObject],
    ['a numeric type', '{"type":7}', CLOSE.notAnObject],
    ['an unknown type', '{"type":"shout","topic":"a"}', CLOSE.unknownType],
    ['a prototype name as type', '{"type":"constructor"}', CLOSE.unknownType],
  ])('rejects %s with a close reason', (_name, frame, close) => {
    expect(parse(frame)).toEqual({ ok: false, close })
  })

  it.each([
    ['subscribe without topics', '{"type":"subscribe"}', 'bad subscribe (topics)'],
    ['a topic that is not a string', '{"type":"subscribe","topics":["a",5]}', 'bad subscribe (topics.1)'],
    ['an empty topic', '{"type":"unsubscribe","topics":[""]}', 'bad unsubscribe (topics.0)'],
    ['a topic that is too long', '{"type":"subscribe","topics":["abcdefghijklmnopq"]}', 'bad subscribe (topics.0)'],
    ['more topics than a connection may hold', '{"type":"subscribe","topics":["a","b","c","d"]}', 'bad subscribe (topics)'],
    ['publish without topic', '{"type":"publish","data":{}}', 'bad publish (topic)'],
    ['publish to a topic that is not a string', '{"type":"publish","topic":["a"]}', 'bad publish (topic)'],
  ])('rejects %s, naming the field', (_name, frame, detail) => {
    const result = parse(frame)
    expect(result).toEqual({ ok: false, close: { code: 1008, reason: `invalid message: ${detail}` } })
  })
})

describe('forwardedPublishText', () => {
  it('adds the subscriber count to the frame as received', () => {
    const frame = '{"type":"publish","topic":"a","data":"c2VjcmV0"}'
    expect(JSON.parse(forwardedPublishText(frame, 3))).toEqual({ type: 'publish', topic: 'a', data: 'c2VjcmV0', clients: 3 })
  })

  it('overrides a count the sender put in itself, and tolerates trailing whitespace', () => {
    const frame = '{"type":"publish","topic":"a","clients":999}\n '
    expect(JSON.parse(forwardedPublishText(frame, 2))).toMatchObject({ clients: 2 })
  })

  it('copes with data nested too deeply to serialise again', () => {
    const depth = 200_000
    const frame = `{"type":"publish","topic":"a","data":${'['.repeat(depth)}${']'.repeat(depth)}}`
    expect(() => forwardedPublishText(frame, 1)).not.toThrow()
    expect(forwardedPublishText(frame, 1).endsWith(',"clients":1}')).toBe(true)
  })
})

describe('limits and close reasons', () => {
  it('defaults leave room for a 40-peer mesh and bound everything else', () => {
    const limits = resolveSignalingLimits()
    expect(limits).toEqual(DEFAULT_SIGNALING_LIMITS)
    expect(limits.burstMessages).toBeGreaterThanOrEqual(400)
    expect(limits.messagesPerSecond).toBeGreaterThanOrEqual(200)
    expect(limits.maxMessageBytes).toBe(256 * 1024)
  })

  it('applies overrides, ignoring ones left undefined', () => {
    expect(resolveSignalingLimits({ maxConnections: 5, burstMessages: undefined })).toMatchObject({
      maxConnections: 5,
      burstMessages: DEFAULT_SIGNALING_LIMITS.burstMessages,
    })
  })

  it('refuses limits that make no sense, saying which', () => {
    expect(() => resolveSignalingLimits({ maxConnections: 0 })).toThrow(/maxConnections/)
    expect(() => resolveSignalingLimits({ maxMessageBytes: 1.5 })).toThrow(/maxMessageBytes/)
    expect(() => resolveSignalingLimits({ messagesPerSecond: Number.POSITIVE_INFINITY })).toThrow(/messagesPerSecond/)
  })

  it('every close reason fits in a WebSocket close frame (123 bytes)', () => {
    const reasons = [...Object.values(CLOSE).map((c) => c.reason), transportCloseReason(1002), transportCloseReason(1007)]
    for (const reason of reasons) expect(new TextEncoder().encode(reason).length).toBeLessThanOrEqual(123)
    expect(transportCloseReason(1009)).toBe(CLOSE.tooBig.reason)
    expect(transportCloseReason(1000)).toBeUndefined()
  })
})
