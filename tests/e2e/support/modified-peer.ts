import WebSocket from 'ws'
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { RelayConnection } from '../../../renderer/sync/relay'
import { parseInvite, peopleMap, randomSecretKey, rawKeySigner, type Invite, type Signer } from '../../../shared/session'

/**
 * Someone who has the invite and a Convene rebuilt to lie: a Node process holding the
 * convening through our real relay (sealed with the invite secret, as the app does),
 * writing straight into the document with none of the app's checks.
 */
export class ModifiedPeer {
  readonly doc = new Y.Doc()
  readonly signer: Signer
  private readonly awareness = new Awareness(this.doc)
  private relay: RelayConnection | null = null

  private constructor(
    readonly invite: Invite,
    readonly personId: string,
  ) {
    this.signer = rawKeySigner(personId, randomSecretKey())
  }

  static async join(link: string, personId: string): Promise<ModifiedPeer> {
    const parsed = parseInvite(link)
    if (!parsed.ok) throw new Error(parsed.message)
    if (!parsed.invite.relays?.length) throw new Error('the invite names no relay')
    const peer = new ModifiedPeer(parsed.invite, personId)
    peer.relay = await RelayConnection.open({
      doc: peer.doc,
      awareness: peer.awareness,
      room: parsed.invite.room,
      secret: parsed.invite.secret,
      urls: parsed.invite.relays,
      WebSocket,
    })
    await peer.until(() => peer.relay?.isSynced === true && peopleMap(peer.doc).size > 0, 'the convening to arrive through the relay')
    return peer
  }

  /** Wait until the relay has taken everything written here. */
  async flushed(): Promise<void> {
    await this.relay?.whenWritten()
  }

  async until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  close(): void {
    this.relay?.destroy()
    this.doc.destroy()
  }
}
