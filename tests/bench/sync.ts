// Sync benchmark: how long an edit in one peer takes to arrive in the others, over real
// WebRTC (node peers, @roamhq/wrtc) through our signaling server, for 2, 4 and 8 peers,
// with stock y-webrtc on a bare Y.Doc measured in the same run as the baseline; and the
// time for 8 peers to converge after a burst of 500 edits (three bursts per side).
// "Ours" stores every update through Dexie on fake-indexeddb, which in Node runs on the
// peer's own thread (a browser's IndexedDB works off the page's thread), so these
// figures overstate what storage costs a person's screen.
import { fork, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import { startConveneHost } from '../../electron/main/host'
import { summarise, type BenchResult } from './types'

export type PeerMessage =
  | { type: 'ready' }
  | { type: 'peers'; count: number }
  | { type: 'sent'; id: string; t: number }
  | { type: 'arrived'; id: string; t: number }
  | { type: 'burst-sent'; t: number }
  | { type: 'burst-done'; t: number }
  /** Data-channel messages this peer has sent since it started (answer to { cmd: 'count' }). */
  | { type: 'count'; sent: number }

export interface Peer {
  child: ChildProcess
  peers: number
  messages: PeerMessage[]
  waiters: (() => void)[]
}

const peerScript = resolve(import.meta.dirname, 'sync-peer.ts')
const id = (): string => randomBytes(16).toString('base64url').slice(0, 22)

export function spawnPeer(mode: string, room: string, secret: string, signal: string, index: number): Peer {
  const child = fork(peerScript, [mode, room, secret, signal, String(index)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
  const peer: Peer = { child, peers: 0, messages: [], waiters: [] }
  child.on('message', (message: PeerMessage) => {
    if (message.type === 'peers') peer.peers = message.count
    peer.messages.push(message)
    for (const wake of peer.waiters.splice(0)) wake()
  })
  return peer
}

export async function until(peers: Peer[], condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`benchmark: timed out waiting for ${what}`)
    await Promise.race([
      ...peers.map((p) => new Promise<void>((wake) => p.waiters.push(wake))),
      new Promise<void>((wake) => setTimeout(wake, 50)),
    ])
  }
}

export function take<T extends PeerMessage['type']>(peer: Peer, type: T, match?: (m: PeerMessage) => boolean): Extract<PeerMessage, { type: T }> | undefined {
  const index = peer.messages.findIndex((m) => m.type === type && (!match || match(m)))
  if (index < 0) return undefined
  return peer.messages.splice(index, 1)[0] as Extract<PeerMessage, { type: T }>
}

interface RunResult {
  latencies: number[]
  bursts: number[]
}

const BURST_ROUNDS = 3

async function runMesh(mode: 'ours' | 'raw', size: number, signal: string, edits: number, burst: number): Promise<RunResult> {
  const room = id()
  const secret = id()
  // People join one after another. y-webrtc peers that all announce within the same
  // instant can glare and leave a partial mesh (seen with the stock server too);
  // updates still reach everyone through the peers in between, but the benchmark
  // measures the full mesh a cohort forms as people arrive.
  const peers: Peer[] = []
  for (let i = 0; i < size; i++) {
    peers.push(spawnPeer(mode, room, secret, signal, i))
    await new Promise((wake) => setTimeout(wake, 500))
  }
  try {
    await until(peers, () => peers.every((p) => p.peers >= size - 1), `${size} ${mode} peers to connect`, 90_000)
    const latencies: number[] = []
    const warmup = 5
    for (let i = 0; i < edits + warmup; i++) {
      const sender = peers[i % size]
      const editId = `e-${i}`
      sender.child.send({ cmd: 'edit', id: editId })
      const receivers = peers.filter((p) => p !== sender)
      const isThis = (m: PeerMessage): boolean => 'id' in m && m.id === editId
      await until(peers, () => sender.messages.some((m) => m.type === 'sent' && isThis(m)) && receivers.every((p) => p.messages.some((m) => m.type === 'arrived' && isThis(m))), `edit ${editId}`)
      const sent = take(sender, 'sent', isThis)!.t
      for (const receiver of receivers) {
        const arrived = take(receiver, 'arrived', isThis)!.t
        if (i >= warmup) latencies.push(arrived - sent)
      }
    }
    // Three bursts, one after another; receivers count every burst item they have seen.
    const burstTimes: number[] = []
    for (let round = 0; burst > 0 && round < BURST_ROUNDS; round++) {
      const [sender, ...receivers] = peers
      for (const receiver of receivers) receiver.child.send({ cmd: 'burst', count: 0, expect: burst * (round + 1) })
      sender.child.send({ cmd: 'burst', count: burst })
      await until(peers, () => sender.messages.some((m) => m.type === 'burst-sent') && receivers.every((p) => p.messages.some((m) => m.type === 'burst-done')), 'burst convergence', 120_000)
      const t0 = take(sender, 'burst-sent')!.t
      burstTimes.push(Math.max(...receivers.map((p) => take(p, 'burst-done')!.t)) - t0)
    }
    return { latencies, bursts: burstTimes }
  } finally {
    await stopPeers(peers)
  }
}

/** Asks every peer to stop; kills (by its own handle) any that has not exited within 5 s. */
export async function stopPeers(peers: Peer[]): Promise<void> {
  for (const peer of peers) if (peer.child.connected) peer.child.send({ cmd: 'stop' })
  await Promise.all(
    peers.map(
      (peer) =>
        new Promise<void>((done) => {
          if (peer.child.exitCode !== null || peer.child.signalCode !== null) return done()
          const timer = setTimeout(() => {
            peer.child.kill('SIGKILL')
            done()
          }, 5000)
          peer.child.once('exit', () => {
            clearTimeout(timer)
            done()
          })
        }),
    ),
  )
}

export async function benchSync(options: { edits?: number; sizes?: number[]; burst?: number } = {}): Promise<BenchResult[]> {
  const edits = options.edits ?? 160
  const sizes = options.sizes ?? [2, 4, 8]
  const burst = options.burst ?? 500
  const host = await startConveneHost({ host: '127.0.0.1', port: 0 })
  const results: BenchResult[] = []
  try {
    for (const size of sizes) {
      const withBurst = size === Math.max(...sizes) ? burst : 0
      // A-B-B-A order, so neither side always runs on a warmer (or busier) machine.
      const rawA = await runMesh('raw', size, host.signalingUrl, edits / 2, withBurst)
      const oursA = await runMesh('ours', size, host.signalingUrl, edits / 2, withBurst)
      const oursB = await runMesh('ours', size, host.signalingUrl, edits / 2, 0)
      const rawB = await runMesh('raw', size, host.signalingUrl, edits / 2, 0)
      const raw = { latencies: [...rawA.latencies, ...rawB.latencies], bursts: rawA.bursts }
      const ours = { latencies: [...oursA.latencies, ...oursB.latencies], bursts: oursA.bursts }
      const rawStats = summarise(raw.latencies)
      results.push({
        name: `sync: edit to arrival, ${size} peers`,
        unit: 'ms',
        ...summarise(ours.latencies),
        baseline: { name: 'raw y-webrtc on a bare Y.Doc', median: rawStats.median, p95: rawStats.p95 },
        target: 'p95 within 1.5x of raw y-webrtc',
      })
      if (withBurst > 0 && ours.bursts.length > 0 && raw.bursts.length > 0) {
        const rawBurst = summarise(raw.bursts)
        results.push({
          name: `sync: ${size} peers converge after a burst of ${burst} edits`,
          unit: 'ms',
          ...summarise(ours.bursts),
          baseline: { name: 'raw y-webrtc on a bare Y.Doc', median: rawBurst.median, p95: rawBurst.p95 },
          target: 'under 2000 ms',
        })
      }
    }
  } finally {
    await host.close()
  }
  return results
}
