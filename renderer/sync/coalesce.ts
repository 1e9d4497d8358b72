import * as Y from 'yjs'
import type { Origin } from '../../shared/session'

/** The part of a y-webrtc Room this touches (y-webrtc 10.3, pinned in package.json). */
export interface UpdateSender {
  _docUpdateHandler: (update: Uint8Array, origin: Origin) => void
}

/** Above this many queued bytes the queue is sent at once (a WebRTC message stays well under 256 KB). */
export const COALESCE_MAX_BYTES = 64_000

/**
 * Send the document updates made in one go as one message. y-webrtc sends every Yjs
 * update to every peer as its own message; an action that makes many small
 * transactions at once (a template filling an agenda, a burst of moves) then costs
 * peers × updates messages. Here the updates of one synchronous run are queued and
 * merged (Y.mergeUpdates) in a microtask: a single edit leaves as soon as the code
 * that made it returns, a burst leaves as one message per peer.
 *
 * y-webrtc registers `room._docUpdateHandler` on the document when the room connects
 * and removes the same property's value when it disconnects, so replacing the
 * property (and the listener, if the room is connected now) keeps both in step.
 */
export function coalesceUpdates(room: UpdateSender, doc: Y.Doc, connected: boolean): void {
  const send = room._docUpdateHandler
  let queue: Uint8Array[] = []
  let bytes = 0
  const flush = (): void => {
    const batch = queue
    queue = []
    bytes = 0
    if (batch.length === 0) return
    send(batch.length === 1 ? batch[0] : Y.mergeUpdates(batch), null)
  }
  const coalesced = (update: Uint8Array): void => {
    queue.push(update)
    bytes += update.byteLength
    if (queue.length === 1) queueMicrotask(flush)
    if (bytes > COALESCE_MAX_BYTES) flush()
  }
  doc.off('update', send)
  room._docUpdateHandler = coalesced
  if (connected) doc.on('update', coalesced)
}
