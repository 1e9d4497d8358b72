import * as decoding from 'lib0/decoding'
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates, type Awareness } from 'y-protocols/awareness'
import { bytesToBase64Url, base64UrlToBytes } from '../session/ids'
import { openEntry, sealEntry } from './entries'
import type { RelayKeys } from './keys'
import type { Origin } from '../session/origins'

/** A timer handle in either runtime (a number in browsers, an object in Node). */
type Timer = ReturnType<typeof setTimeout>

/**
 * Presence through the relay, sealed like everything else: names, colours, cursors
 * and panels are words people chose, so the relay sees none of them.
 *
 * This peer's own presence (its entry in the convening's awareness) is sealed and
 * published as the relay awareness field `e`; others' sealed presence is opened and
 * applied to the convening's awareness, and taken out again when the relay says they
 * left. At most one publication per `intervalMs` (cursors move fast; the last state
 * wins).
 */
export interface RelayPresenceOptions {
  awareness: Awareness
  relayAwareness: Awareness
  keys: RelayKeys
  origin: Origin
  intervalMs?: number
  /** Presence also arriving another way (a direct WebRTC connection) stays when the relay says its client left. */
  keep?: (clientId: number) => boolean
}

export class RelayPresence {
  /** Relay client id → the convening awareness client ids it told us about. */
  private readonly clients = new Map<number, Set<number>>()
  private timer: Timer | undefined
  private last = 0
  private destroyed = false
  private sealing = false
  private again = false

  constructor(private readonly options: RelayPresenceOptions) {
    options.awareness.on('update', this.onLocal)
    options.relayAwareness.on('change', this.onRelay)
    this.publish()
  }

  /** Convening awareness client ids that are present through the relay now. */
  presentClients(): Set<number> {
    const out = new Set<number>()
    for (const ids of this.clients.values()) for (const id of ids) out.add(id)
    return out
  }

  private onLocal = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }): void => {
    const me = this.options.awareness.clientID
    if (![...added, ...updated, ...removed].includes(me)) return
    const interval = this.options.intervalMs ?? 80
    const wait = this.last + interval - Date.now()
    if (wait <= 0) this.publish()
    else this.timer ??= setTimeout(() => {
      this.timer = undefined
      this.publish()
    }, wait)
  }

  /** Seal my presence now and publish it on the relay (also after reconnecting). */
  publish = (): void => {
    if (this.destroyed) return
    if (this.sealing) {
      this.again = true
      return
    }
    this.last = Date.now()
    const { awareness, relayAwareness, keys } = this.options
    const update = encodeAwarenessUpdate(awareness, [awareness.clientID])
    this.sealing = true
    sealEntry(keys.content, keys.name, 'presence', update)
      .then((sealed) => {
        if (!this.destroyed) relayAwareness.setLocalStateField('e', bytesToBase64Url(sealed))
      })
      .catch(() => undefined)
      .finally(() => {
        this.sealing = false
        if (this.again) {
          this.again = false
          this.publish()
        }
      })
  }

  private onRelay = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }): void => {
    const { relayAwareness, awareness } = this.options
    for (const client of [...added, ...updated]) {
      if (client === relayAwareness.clientID) continue
      const state = relayAwareness.getStates().get(client) as { e?: unknown } | undefined
      if (typeof state?.e !== 'string' || state.e.length > 200_000) continue
      const sealed = base64UrlToBytes(state.e)
      if (!sealed) continue
      void openEntry(this.options.keys.content, this.options.keys.name, sealed).then((opened) => {
        if (this.destroyed || !opened.ok || opened.kind !== 'presence') return
        const ids = awarenessClients(opened.payload)
        // Nobody may speak for this peer, or for clients another relay peer announced.
        if (!ids || ids.includes(awareness.clientID)) return
        if (!relayAwareness.getStates().has(client)) return // left meanwhile
        try {
          applyAwarenessUpdate(awareness, opened.payload, this.options.origin)
          this.clients.set(client, new Set(ids))
        } catch {
          // A damaged presence update is ignored; the next one replaces it.
        }
      })
    }
    for (const client of removed) this.forget(client)
  }

  private forget(client: number): void {
    const ids = this.clients.get(client)
    if (!ids) return
    this.clients.delete(client)
    const stillHere = this.presentClients()
    const gone = [...ids].filter((id) => !stillHere.has(id) && this.options.awareness.getStates().has(id) && !this.options.keep?.(id))
    if (gone.length > 0) removeAwarenessStates(this.options.awareness, gone, this.options.origin)
  }

  /** The relay connection dropped: everyone seen only through it is gone until it is back. */
  forgetAll(): void {
    for (const client of [...this.clients.keys()]) this.forget(client)
  }

  destroy(): void {
    this.destroyed = true
    clearTimeout(this.timer)
    this.options.awareness.off('update', this.onLocal)
    this.options.relayAwareness.off('change', this.onRelay)
    this.clients.clear()
  }
}

/** The client ids an encoded awareness update speaks for, or null when it is malformed. */
function awarenessClients(update: Uint8Array): number[] | null {
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    if (count > 64) return null
    const ids: number[] = []
    for (let i = 0; i < count; i += 1) {
      ids.push(decoding.readVarUint(decoder))
      decoding.readVarUint(decoder) // clock
      decoding.readVarString(decoder) // state
    }
    return ids
  } catch {
    return null
  }
}
