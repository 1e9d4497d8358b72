import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { DIAGRAM_FIELD, PresenceHub } from '../../../../../renderer/features/diagram/presence'
import { viewportFor } from '../../../../../renderer/features/diagram/cld/useFollow'

const user = (name: string, colour = '#1f6f8b') => ({ id: `id-${name}`, name, colour, role: 'practitioner' as const })

function pair() {
  const mine = new Awareness(new Y.Doc())
  const theirs = new Awareness(new Y.Doc())
  mine.setLocalState({ user: user('Me') })
  theirs.setLocalState({ user: user('Ada', '#b5446e') })
  const deliver = () => applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'remote')
  return { mine, theirs, deliver }
}

describe('diagram presence', () => {
  it('shows who is on which diagram, with their cursor, selection and drag', () => {
    const { mine, theirs, deliver } = pair()
    const hub = new PresenceHub(mine)
    const seen: number[][] = []
    hub.onPeers((changed) => seen.push([...changed]))
    theirs.setLocalStateField(DIAGRAM_FIELD, { diagramId: 'd1', cursor: { x: 10, y: 20 }, selection: ['v1'], drag: { v1: { x: 5, y: 6 } } })
    deliver()
    expect(seen).toEqual([[theirs.clientID]])
    expect(hub.roster.get()).toEqual([{ clientId: theirs.clientID, personId: 'id-Ada', name: 'Ada', colour: '#b5446e', diagramId: 'd1' }])
    expect(hub.peersOn('d1')[0].state).toMatchObject({ cursor: { x: 10, y: 20 }, selection: ['v1'], drag: { v1: { x: 5, y: 6 } } })
    expect(hub.peersOn('d2')).toEqual([])
    hub.destroy()
  })

  it('drops a malformed or hostile diagram state instead of showing it', () => {
    const { mine, theirs, deliver } = pair()
    const hub = new PresenceHub(mine)
    theirs.setLocalStateField(DIAGRAM_FIELD, { diagramId: 'd1', cursor: { x: 'left', y: 1e99 }, selection: Array.from({ length: 5000 }, (_, i) => `v${i}`) })
    deliver()
    expect(hub.peersOn('d1')).toEqual([])
    // The person is still here, just not shown on a diagram.
    expect(hub.roster.get()).toMatchObject([{ name: 'Ada', diagramId: null }])
    hub.destroy()
  })

  it('keeps the roster unchanged while only a cursor moves', () => {
    const { mine, theirs, deliver } = pair()
    const hub = new PresenceHub(mine)
    theirs.setLocalStateField(DIAGRAM_FIELD, { diagramId: 'd1', cursor: { x: 0, y: 0 } })
    deliver()
    const roster = hub.roster.get()
    theirs.setLocalStateField(DIAGRAM_FIELD, { diagramId: 'd1', cursor: { x: 50, y: 0 } })
    deliver()
    expect(hub.roster.get()).toBe(roster)
    hub.destroy()
  })

  it('publishes my state, starting clean on another diagram, and clears it on leaving', () => {
    const { mine } = pair()
    const hub = new PresenceHub(mine)
    hub.publish('d1', { selection: ['a'] }, true)
    hub.publish('d1', { cursor: { x: 1, y: 2 } }, true)
    expect(mine.getLocalState()?.[DIAGRAM_FIELD]).toEqual({ diagramId: 'd1', selection: ['a'], cursor: { x: 1, y: 2 } })
    hub.publish('d2', { cursor: { x: 3, y: 4 } }, true)
    expect(mine.getLocalState()?.[DIAGRAM_FIELD]).toEqual({ diagramId: 'd2', cursor: { x: 3, y: 4 } })
    hub.leave('d2')
    expect(mine.getLocalState()?.[DIAGRAM_FIELD]).toBeNull()
    hub.destroy()
  })
})

describe('following someone’s view', () => {
  it('shows the same middle, and the same area whatever the size of my screen', () => {
    const theirs = { x: -100, y: 50, zoom: 2, width: 800, height: 600 }
    const same = viewportFor(theirs, { width: 800, height: 600 })
    expect(same).toEqual({ x: -100, y: 50, zoom: 2 })
    const half = viewportFor(theirs, { width: 400, height: 600 })
    expect(half.zoom).toBe(1)
    // Their middle, (250, 125) in flow coordinates, is in the middle of my smaller screen.
    expect((200 - half.x) / half.zoom).toBeCloseTo(250)
    expect((300 - half.y) / half.zoom).toBeCloseTo(125)
  })
})
