import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { COALESCE_MAX_BYTES, coalesceUpdates, type UpdateSender } from '../../../../renderer/sync/coalesce'

/** A room as y-webrtc has it once connected: its handler registered on the document. */
function connectedRoom(doc: Y.Doc): { room: UpdateSender; sent: Uint8Array[] } {
  const sent: Uint8Array[] = []
  const room: UpdateSender = { _docUpdateHandler: (update) => void sent.push(update) }
  doc.on('update', room._docUpdateHandler)
  return { room, sent }
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

describe('sending the updates made in one go as one message', () => {
  it('a burst of 500 transactions leaves as one update that rebuilds the same document', async () => {
    const doc = new Y.Doc()
    const { room, sent } = connectedRoom(doc)
    coalesceUpdates(room, doc, true)
    const items = doc.getArray<string>('items')
    for (let i = 0; i < 500; i++) doc.transact(() => items.push([`item-${i}`]))
    expect(sent).toHaveLength(0) // nothing leaves while the burst is still being made
    await tick()
    expect(sent).toHaveLength(1)
    const other = new Y.Doc()
    Y.applyUpdate(other, sent[0])
    expect(other.getArray('items').toArray()).toEqual(items.toArray())
  })

  it('a single edit leaves on its own, as it was made', async () => {
    const doc = new Y.Doc()
    const { room, sent } = connectedRoom(doc)
    coalesceUpdates(room, doc, true)
    doc.getText('notes').insert(0, 'Hello')
    await tick()
    doc.getText('notes').insert(5, ' again')
    await tick()
    expect(sent).toHaveLength(2)
    const other = new Y.Doc()
    for (const update of sent) Y.applyUpdate(other, update)
    expect(other.getText('notes').toString()).toBe('Hello again')
  })

  it('sends a large burst in parts, none much over the limit', async () => {
    const doc = new Y.Doc()
    const { room, sent } = connectedRoom(doc)
    coalesceUpdates(room, doc, true)
    const text = doc.getText('notes')
    const chunk = 'x'.repeat(10_000)
    for (let i = 0; i < 20; i++) text.insert(text.length, chunk)
    await tick()
    expect(sent.length).toBeGreaterThan(1)
    for (const update of sent) expect(update.byteLength).toBeLessThan(COALESCE_MAX_BYTES + chunk.length + 200)
    const other = new Y.Doc()
    for (const update of sent) Y.applyUpdate(other, update)
    expect(other.getText('notes').toString()).toBe(text.toString())
  })

  it('follows the room: disconnecting removes the new handler, connecting adds it again', async () => {
    const doc = new Y.Doc()
    const { room, sent } = connectedRoom(doc)
    coalesceUpdates(room, doc, true)
    doc.off('update', room._docUpdateHandler) // what room.disconnect() does
    doc.getMap('meta').set('title', 'Offline')
    await tick()
    expect(sent).toHaveLength(0)
    doc.on('update', room._docUpdateHandler) // what room.connect() does
    doc.getMap('meta').set('title', 'Back')
    await tick()
    expect(sent).toHaveLength(1)
  })

  it('a room that is not connected yet gets no listener until it connects', async () => {
    const doc = new Y.Doc()
    const sent: Uint8Array[] = []
    const room: UpdateSender = { _docUpdateHandler: (update) => void sent.push(update) }
    coalesceUpdates(room, doc, false)
    doc.getMap('meta').set('title', 'Paused')
    await tick()
    expect(sent).toHaveLength(0)
  })
})
