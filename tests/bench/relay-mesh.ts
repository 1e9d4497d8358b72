// The WebRTC mesh beside the relay: sync.ts's peers (one process each, our
// ConveningSession over @roamhq/wrtc), an edit's time to reach every other peer, and
// the data-channel messages the mesh sends per edit (counted in each peer).
import { randomBytes } from 'node:crypto'
import { spawnPeer, stopPeers, take, until, type Peer, type PeerMessage } from './sync'

export interface MeshRun {
  size: number
  /** Whether every peer reached every other directly within the time allowed. */
  formed: boolean
  /** Direct connections of the least connected peer when measuring began. */
  minPeers: number
  /** From the first peer's start to the mesh being complete (or to giving up). */
  formMs: number
  /** Per edit: until the last other peer had it. */
  toEveryone: number[]
  /** Per edit and receiving peer. */
  toEach: number[]
  /** Data-channel messages sent by all peers, per measured edit (NaN when not measured). */
  messagesPerEdit: number
  note: string
}

const id = (): string => randomBytes(16).toString('base64url').slice(0, 22)

async function sentSoFar(peers: Peer[]): Promise<number> {
  for (const peer of peers) peer.child.send({ cmd: 'count' })
  await until(peers, () => peers.every((p) => p.messages.some((m) => m.type === 'count')), 'message counts', 10_000)
  return peers.reduce((sum, p) => sum + take(p, 'count')!.sent, 0)
}

export async function runMesh(size: number, signal: string, edits: number, formTimeoutMs: number): Promise<MeshRun> {
  const room = id()
  const secret = id()
  const peers: Peer[] = []
  const run: MeshRun = { size, formed: false, minPeers: 0, formMs: 0, toEveryone: [], toEach: [], messagesPerEdit: Number.NaN, note: '' }
  const started = Date.now()
  try {
    // One after another, as people arrive (see sync.ts on glare).
    for (let i = 0; i < size; i++) {
      peers.push(spawnPeer('ours', room, secret, signal, i))
      await new Promise((wake) => setTimeout(wake, 400))
    }
    try {
      await until(peers, () => peers.every((p) => p.peers >= size - 1), `${size} peers to form a mesh`, formTimeoutMs)
      run.formed = true
    } catch {
      run.note = `full mesh not formed within ${Math.round(formTimeoutMs / 1000)} s of the last peer starting`
    }
    run.formMs = Date.now() - started
    run.minPeers = Math.min(...peers.map((p) => p.peers))
    if (run.minPeers === 0) {
      run.note += '; a peer had no connection at all: edits not measured'
      return run
    }
    const warmup = 3
    let before = 0
    for (let i = 0; i < edits + warmup; i++) {
      if (i === warmup) before = await sentSoFar(peers)
      const sender = peers[(i * 5) % size]
      const editId = `mesh-${i}`
      const isThis = (m: PeerMessage): boolean => 'id' in m && m.id === editId
      const receivers = peers.filter((p) => p !== sender)
      sender.child.send({ cmd: 'edit', id: editId })
      await until(
        peers,
        () => sender.messages.some((m) => m.type === 'sent' && isThis(m)) && receivers.every((p) => p.messages.some((m) => m.type === 'arrived' && isThis(m))),
        `mesh edit ${editId}`,
        15_000,
      )
      const sent = take(sender, 'sent', isThis)!.t
      const arrived = receivers.map((p) => take(p, 'arrived', isThis)!.t - sent)
      if (i >= warmup) {
        run.toEach.push(...arrived)
        run.toEveryone.push(Math.max(...arrived))
      }
      await new Promise((wake) => setTimeout(wake, 50))
    }
    run.messagesPerEdit = ((await sentSoFar(peers)) - before) / edits
  } catch (error) {
    run.note += `${run.note ? '; ' : ''}${error instanceof Error ? error.message : String(error)}`
  } finally {
    await stopPeers(peers)
  }
  return run
}
