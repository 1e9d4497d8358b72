import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addLink,
  addVariable,
  createDiagram,
  deleteLink,
  deleteVariable,
  diagramParts,
  findLoops,
  moveVariable,
  readDiagram,
  renameVariable,
  setLinkPolarity,
  setLoopName,
} from '../../../../shared/diagram'
import { seededRandom } from './graphs'

const REMOTE = 'remote'

interface Peer {
  doc: Y.Doc
  inbox: Uint8Array[]
}

/** Several peers editing one diagram, their updates delivered late, in random order. */
function simulate(seed: number, peerCount: number, steps: number) {
  const random = seededRandom(seed)
  const pick = <T>(xs: readonly T[]): T | undefined => (xs.length ? xs[Math.floor(random() * xs.length)] : undefined)
  const peers: Peer[] = Array.from({ length: peerCount }, (_, i) => {
    const doc = new Y.Doc()
    doc.clientID = i + 1
    return { doc, inbox: [] }
  })
  for (const peer of peers) {
    peer.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return
      for (const other of peers) if (other !== peer) other.inbox.push(update)
    })
  }
  const created = createDiagram(peers[0].doc, { title: 'Shared', createdAt: 0, id: 'd' }, 'seed')
  if (!created.ok) throw new Error('seed')

  const deliver = (peer: Peer, all: boolean) => {
    const batch = all ? peer.inbox.splice(0) : peer.inbox.splice(0, Math.floor(random() * (peer.inbox.length + 1)))
    for (let i = batch.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[batch[i], batch[j]] = [batch[j], batch[i]]
    }
    for (const update of batch) Y.applyUpdate(peer.doc, update, REMOTE)
  }

  for (let step = 0; step < steps; step++) {
    const peer = pick(peers)!
    const doc = peer.doc
    const origin = `convene:local:diagram:${doc.clientID}`
    const parts = diagramParts(doc, 'd')
    if (!parts) {
      deliver(peer, true)
      continue
    }
    const variables = [...parts.variables.keys()]
    const links = [...parts.links.keys()]
    const r = random()
    if (r < 0.25 || variables.length < 2) addVariable(doc, 'd', { label: `v${step}`, x: step, y: -step }, origin)
    else if (r < 0.5) addLink(doc, 'd', { from: pick(variables)!, to: pick(variables)!, polarity: pick(['+', '-', '?'] as const) }, origin)
    else if (r < 0.6) deleteVariable(doc, 'd', pick(variables)!, origin)
    else if (r < 0.67) deleteLink(doc, 'd', pick(links) ?? 'none', origin)
    else if (r < 0.75) setLinkPolarity(doc, 'd', pick(links) ?? 'none', pick(['+', '-'] as const)!, origin)
    else if (r < 0.82) renameVariable(doc, 'd', pick(variables)!, `renamed ${step}`, origin)
    else if (r < 0.9) moveVariable(doc, 'd', pick(variables)!, random() * 500, random() * 500, origin)
    else {
      const loop = pick(findLoops(readDiagram(doc, 'd')!).loops)
      if (loop) setLoopName(doc, 'd', loop.id, `loop named at ${step}`, origin)
    }
    if (random() < 0.4) deliver(pick(peers)!, false)
  }
  for (let round = 0; round < 2; round++) for (const peer of peers) deliver(peer, true)
  return peers
}

describe('concurrent diagram edits', () => {
  it('converge to one diagram with no dangling links, whatever the delivery order', () => {
    let danglingSeen = 0
    for (let seed = 1; seed <= 40; seed++) {
      const peers = simulate(seed, 3 + (seed % 2), 150)
      const snapshots = peers.map((p) => readDiagram(p.doc, 'd'))
      for (const snapshot of snapshots.slice(1)) expect(snapshot, `seed ${seed}`).toEqual(snapshots[0])
      const diagram = snapshots[0]!
      const ids = new Set(diagram.variables.map((v) => v.id))
      for (const link of diagram.links) {
        expect(ids.has(link.from) && ids.has(link.to), `seed ${seed} link ${link.id}`).toBe(true)
        expect(link.from).not.toBe(link.to)
      }
      expect(findLoops(diagram).skipped.danglingLinks).toEqual([])
      const raw = diagramParts(peers[0].doc, 'd')!
      if (raw.links.size > diagram.links.length) danglingSeen++
      const loopsEverywhere = peers.map((p) => findLoops(readDiagram(p.doc, 'd')!).loops)
      for (const loops of loopsEverywhere.slice(1)) expect(loops).toEqual(loopsEverywhere[0])
    }
    // The snapshot reader had concurrent delete-and-link leftovers to drop.
    expect(danglingSeen).toBeGreaterThan(0)
  })
})
