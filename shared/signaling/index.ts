export { CLOSE, transportCloseReason } from './close'
export type { CloseReason } from './close'
export { DEFAULT_SIGNALING_LIMITS, resolveLimits, resolveSignalingLimits } from './limits'
export type { SignalingLimits } from './limits'
export { MESSAGE_TYPES, TOKEN_QUERY_PARAMETER, createFrameParser, forwardedPublishText } from './protocol'
export type {
  ClientMessage,
  ForwardedPublishMessage,
  ParsedFrame,
  PingMessage,
  PongMessage,
  PublishMessage,
  ServerMessage,
  SubscribeMessage,
  UnsubscribeMessage,
} from './protocol'
