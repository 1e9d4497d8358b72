// Long file (about 520 lines) on purpose: one scenario (peers, servers, partitions, heals,
// verdict) meant to be read top to bottom.
// Partition run (issue 13): "6 peers, random network partitions and heals over a
// minute of concurrent edits (signaling host and relay restarts included): identical
// documents after healing, every time."
//
// Decisions:
// - Peers: six processes (partition-peer.ts), each Convene's own ConveningSession with
//   an invite naming our signaling host and our relay, so both paths the app syncs by
//   (y-webrtc, and the end-to-end-encrypted relay log) take part, with the app's
//   storage, awareness and seeding. Node peers (@roamhq/wrtc) rather than browsers:
//   six of them fit on this machine beside the servers.
// - Servers: the signaling host is startConveneHost in this process (restarted by
//   closing it and listening again on the same port); the relay is `convene relay`'s
//   startRelayHost in a process of its own (partition-relay.ts) on a fixed port and data
//   folder, restarted by SIGKILL, the crash case: what it had not stored yet must come
//   back from the peers. Each is restarted once per run, mid-run, during a partition,
//   down for 1-2 s (the relay a little longer: its process starts again).
// - A partition is made by each peer dropping its own paths, not by the network: all
//   peers share 127.0.0.1 in the namespace, and ICE gives no hold on which address a
//   peer uses. Peers are split into 2 or 3 random groups; the servers sit with one
//   group (or, one time in five, with none: everyone has lost the internet). A peer
//   away from the servers closes its signaling socket and pauses its relay connection
//   (RelayConnection.setPaused, as "work offline" does); every peer then closes its
//   WebRTC links to the other groups and keeps those inside its own, so each group
//   goes on syncing within itself. Order matters: everyone leaves the servers before
//   anyone cuts a link, so a link closed on one side cannot be announced and opened
//   again across the cut (peers count any that does as a leak; expect 0); and every
//   peer stops sending on its links across before any is closed, because @roamhq/wrtc
//   crashes a process that sends on a channel its other end just closed (see
//   partition-peer.ts). At each heal the coordinator also checks that no peer saw an
//   edit made across the cut after it (separation breaches; expect 0). A heal is the
//   reverse, as a network coming back: links allowed again, then the servers reached;
//   peers that come back to signaling announce themselves and WebRTC links re-form.
// - Edits never stop while a run lasts: about four per second per peer, seeded,
//   mostly words typed at a cursor in the shared notes, the rest diagram map writes
//   (moves, new variables, links, deletions) through shared/diagram.
// - Measures. Each heal: from the heal until every peer holds every edit made
//   anywhere before it (its state vector covers the union of all state vectors at the
//   heal; deletions travel in the same sync messages), while typing goes on. The
//   baseline, in the same run, is the same measure for one peer alone going offline
//   for 3 s and coming back, with no partition. At the end of a run the peers are
//   partitioned once more, stop typing, and heal: from that heal until all six
//   documents are identical (equal digests of state vector, delete set and content;
//   checked again after, with every peer's own last clock present). A run that does
//   not converge within a generous timeout counts as not identical; nothing throws.
// - Three runs with seeds 1-3 (the sequence of partitions, hold times and edits
//   repeats; network timing, and so how many partitions fit, does not). Each run:
//   three baseline reconnects, 45 s of partitions and heals, the last partition and
//   heal, so everyone types for over a minute (about 70 s, reported); about 85 s per
//   run with start and stop, so the three stay under five minutes.
//   CONVENE_PARTITION_RUNS and CONVENE_PARTITION_SECONDS change the number of runs and
//   the length of the partition phase.
import { fork, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import * as Y from 'yjs'
import { startConveneHost, type ConveneHost } from '../../electron/main/host'
import { seededRandom, seededShuffle } from '../../shared/conversation/random'
import { Child } from './relay-harness'
import type { ServerCommand, ServerMessage } from './relay-protocol'
import type { PeerCommand, PeerReport } from './partition-peer'
import { now, summarise, type BenchResult } from './types'

const PEERS = 6
const HEAL_TIMEOUT_MS = 30_000
const FINAL_TIMEOUT_MS = 120_000
const BASELINE_RECONNECTS = 3
const OFFLINE_MS = 3000
const here = import.meta.dirname

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0)
const sleep = (ms: number): Promise<void> => new Promise((wake) => setTimeout(wake, ms))
const id = (): string => randomBytes(16).toString('base64url').slice(0, 22)

// ── The servers, restarted where the invite says they are ──────────────────────────
class Servers {
  signalingUrl = ''
  relayUrl = ''
  private signaling: ConveneHost | null = null
  private relay: { child: ChildProcess; io: Child<ServerMessage, ServerCommand> } | null = null
  private signalingPort = 0
  private relayPort = 0

  constructor(private readonly dataDir: string) {}

  async startSignaling(): Promise<void> {
    this.signaling = await startConveneHost({ host: '127.0.0.1', port: this.signalingPort })
    this.signalingPort = this.signaling.port
    this.signalingUrl = this.signaling.signalingUrl
  }

  async startRelay(): Promise<void> {
    const child = fork(resolve(here, 'partition-relay.ts'), [this.dataDir, String(this.relayPort)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    })
    const io = new Child<ServerMessage, ServerCommand>('partition relay', child)
    this.relay = { child, io }
    this.relayUrl = (await io.next('listening', undefined, 60_000)).url
    this.relayPort = Number(new URL(this.relayUrl).port)
  }

  async restartSignaling(downMs: number): Promise<void> {
    await this.signaling?.close()
    this.signaling = null
    await sleep(downMs)
    await this.startSignaling()
  }

  /** SIGKILL: no goodbye, no last store; LevelDB recovers its log when the relay opens the folder again. */
  async crashRelay(downMs: number): Promise<void> {
    const child = this.relay?.child
    if (child && child.exitCode === null && child.signalCode === null) {
      const gone = new Promise<void>((done) => child.once('exit', () => done()))
      child.kill('SIGKILL')
      await gone
    }
    this.relay = null
    await sleep(downMs)
    await this.startRelay()
  }

  async close(): Promise<void> {
    await this.relay?.io.stop({ cmd: 'exit' })
    await this.signaling?.close()
  }
}

// ── Peers, seen from here ──────────────────────────────────────────────────────────
interface Peer {
  index: number
  io: Child<PeerReport, PeerCommand>
  peerId: string
  clientId: number
  sv: Map<number, number>
  digest: string | null
  /** When this peer first reported each digest (final phase). */
  firstSeen: Map<string, number>
}

interface MergeWatch {
  healT: number
  target: Map<number, number>
  doneAt: number[]
}

interface Run {
  peers: Peer[]
  children: Child<PeerReport, PeerCommand>[]
  watch: MergeWatch | null
  /** The partition in force: each peer's group, and each peer's own clock once it was cut. */
  cutAt: { groupOf: number[]; clocks: number[] } | null
  failure: Error | null
  stopping: boolean
}

interface Partition {
  groups: number[][]
  /** Index of the group that still reaches the servers; null: none does. */
  servers: number | null
}

function covers(sv: Map<number, number>, target: Map<number, number>): boolean {
  for (const [client, clock] of target) if ((sv.get(client) ?? 0) < clock) return false
  return true
}

function union(svs: Map<number, number>[]): Map<number, number> {
  const out = new Map<number, number>()
  for (const sv of svs) for (const [client, clock] of sv) out.set(client, Math.max(clock, out.get(client) ?? 0))
  return out
}

/** Takes each peer's state reports as they come (a background loop per peer). */
function pump(run: Run, peer: Peer): void {
  void (async () => {
    for (;;) {
      const m = await peer.io.next('state', undefined, Number.POSITIVE_INFINITY)
      peer.sv = Y.decodeStateVector(Buffer.from(m.sv, 'base64'))
      if (m.digest) {
        peer.digest = m.digest
        if (!peer.firstSeen.has(m.digest)) peer.firstSeen.set(m.digest, m.t)
      }
      const watch = run.watch
      if (watch && Number.isNaN(watch.doneAt[peer.index]) && covers(peer.sv, watch.target)) watch.doneAt[peer.index] = m.t
    }
  })().catch((error: unknown) => {
    if (!run.stopping) run.failure ??= error instanceof Error ? error : new Error(String(error))
  })
}

async function until(run: Run, condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (run.failure) throw run.failure
    if (Date.now() > deadline) return false
    await sleep(10)
  }
  return true
}

async function command<C extends PeerCommand['cmd']>(peers: Peer[], cmd: C, make: (peer: Peer) => Extract<PeerCommand, { cmd: C }>): Promise<Extract<PeerReport, { type: 'ok' }>[]> {
  for (const peer of peers) peer.io.send(make(peer))
  return Promise.all(peers.map((peer) => peer.io.next('ok', (m) => m.cmd === cmd, 15_000)))
}

async function startPeers(run: Run, signal: string, relay: string): Promise<void> {
  const room = id()
  const secret = id()
  const started = Array.from({ length: PEERS }, (_, index) => {
    const child = fork(resolve(here, 'partition-peer.ts'), [room, secret, signal, relay, String(index)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    })
    child.once('exit', (code, signal) => {
      if (!run.stopping) console.error(`partition peer ${index} exited (${signal ?? `code ${code}`}) during the run`)
    })
    return new Child<PeerReport, PeerCommand>(`partition peer ${index}`, child)
  })
  // Stopped with the run even if one of them never starts.
  run.children.push(...started)
  await Promise.all(started.map((io) => io.next('started', undefined, 60_000)))
  // Then in one after another, as people arrive (see sync.ts on glare).
  for (const [index, io] of started.entries()) {
    io.send({ cmd: 'join' })
    const ready = await io.next('ready', undefined, 60_000)
    const peer: Peer = { index, io, peerId: ready.peerId, clientId: ready.clientId, sv: new Map(), digest: null, firstSeen: new Map() }
    run.peers.push(peer)
    pump(run, peer)
    await sleep(300)
  }
}

async function statuses(peers: Peer[]): Promise<Extract<PeerReport, { type: 'status' }>[]> {
  for (const peer of peers) peer.io.send({ cmd: 'status' })
  return Promise.all(peers.map((peer) => peer.io.next('status', undefined, 15_000)))
}

function describe(partition: Partition): string {
  return partition.groups.map((group, i) => `{${group.join(',')}${partition.servers === i ? ' +servers' : ''}}`).join(' ')
}

function randomPartition(random: () => number): Partition {
  const order = seededShuffle(
    Array.from({ length: PEERS }, (_, i) => i),
    Math.floor(random() * 2 ** 31),
  )
  const count = random() < 0.55 ? 2 : 3
  const cuts = new Set<number>()
  while (cuts.size < count - 1) cuts.add(1 + Math.floor(random() * (PEERS - 1)))
  const bounds = [0, ...[...cuts].sort((a, b) => a - b), PEERS]
  const groups = bounds.slice(1).map((end, i) => order.slice(bounds[i], end).sort((a, b) => a - b))
  return { groups, servers: random() < 0.8 ? Math.floor(random() * count) : null }
}

interface Counters {
  groupLinksKept: number
  groupLinksPossible: number
  /** Pairs of peers on different sides that saw each other's edits made after the cut (expect 0). */
  breaches: number
}

/** Everyone away from the servers leaves them first; then links across groups close. */
async function cut(run: Run, partition: Partition, counters: Counters, countLinks = true): Promise<void> {
  const groupOf = (index: number): number => partition.groups.findIndex((group) => group.includes(index))
  await command(run.peers, 'servers', (peer) => ({ cmd: 'servers', reach: groupOf(peer.index) === partition.servers }))
  const acks = await command(run.peers, 'links', (peer) => ({ cmd: 'links', allow: partition.groups[groupOf(peer.index)].map((i) => run.peers[i].peerId) }))
  await command(run.peers, 'close', () => ({ cmd: 'close' }))
  if (countLinks) {
    counters.groupLinksKept += acks.reduce((sum, ack) => sum + (ack.kept ?? 0), 0) / 2
    counters.groupLinksPossible += partition.groups.reduce((sum, group) => sum + (group.length * (group.length - 1)) / 2, 0)
  }
  // Each peer's own clock once the cut is done (what was sent before it may still land).
  await sleep(100)
  run.cutAt = { groupOf: run.peers.map((p) => groupOf(p.index)), clocks: run.peers.map((p) => p.sv.get(p.clientId) ?? 0) }
}

/** Checks the partition held (no peer saw edits from across it), then allows links again and reaches the servers. */
async function heal(run: Run, counters: Counters): Promise<void> {
  const cutAt = run.cutAt
  if (cutAt) {
    for (const a of run.peers) {
      for (const b of run.peers) {
        if (cutAt.groupOf[a.index] !== cutAt.groupOf[b.index] && (a.sv.get(b.clientId) ?? 0) > cutAt.clocks[b.index]) counters.breaches += 1
      }
    }
  }
  run.cutAt = null
  await command(run.peers, 'links', () => ({ cmd: 'links', allow: null }))
  await command(run.peers, 'servers', () => ({ cmd: 'servers', reach: true }))
}

/** Heals, and waits until every peer holds every edit made before the heal: ms, or null past the timeout. */
async function healAndMerge(run: Run, counters: Counters, timeoutMs: number): Promise<number | null> {
  // What the peers had reported when the heal began (reports lag edits by at most REPORT_MS).
  const target = union(run.peers.map((p) => p.sv))
  const healT = now()
  const watch: MergeWatch = { healT, target, doneAt: run.peers.map((p) => (covers(p.sv, target) ? healT : Number.NaN)) }
  run.watch = watch
  await heal(run, counters)
  const merged = await until(run, () => watch.doneAt.every((t) => !Number.isNaN(t)), timeoutMs)
  run.watch = null
  return merged ? Math.max(0, ...watch.doneAt.map((t) => t - watch.healT)) : null
}

async function diagnose(run: Run, what: string): Promise<void> {
  const all = await statuses(run.peers).catch(() => [])
  console.error(`partition run: ${what}; peers: ${all.map((s, i) => `#${i} links ${s.links} signaling ${s.signaling ? 'up' : 'down'} relay ${s.relay}/${s.pending} notes ${s.notes}`).join('; ')}`)
}

export interface PartitionRun {
  seed: number
  identical: boolean
  /** Final heal to identical documents (NaN when they were not). */
  finalMs: number
  heals: number[]
  healsNotMerged: number
  baseline: number[]
  partitions: number
  edits: { text: number; map: number }
  /** How long everyone typed: baseline reconnects, the partitions, and the last one. */
  typingMs: number
  leaks: number
  rejections: number
  signalingRestarts: number
  relayRestarts: number
  groupLinksKept: number
  groupLinksPossible: number
  breaches: number
  error?: string
}

async function partitionRun(servers: Servers, seed: number, seconds: number): Promise<PartitionRun> {
  const random = seededRandom(seed)
  const run: Run = { peers: [], children: [], watch: null, cutAt: null, failure: null, stopping: false }
  const out: PartitionRun = {
    seed,
    identical: false,
    finalMs: Number.NaN,
    heals: [],
    healsNotMerged: 0,
    baseline: [],
    partitions: 0,
    edits: { text: 0, map: 0 },
    typingMs: 0,
    leaks: 0,
    rejections: 0,
    signalingRestarts: 0,
    relayRestarts: 0,
    groupLinksKept: 0,
    groupLinksPossible: 0,
    breaches: 0,
  }
  try {
    await startPeers(run, servers.signalingUrl, servers.relayUrl)
    // Everyone has the seed and everyone's presence, and the mesh is (nearly always) full.
    const synced = (): boolean => run.peers.every((p) => p.sv.size > 0 && covers(p.sv, union(run.peers.map((q) => q.sv))))
    if (!(await until(run, synced, 60_000))) throw new Error('the six peers did not sync at the start')
    for (let i = 0; i < 30 && (await statuses(run.peers)).some((s) => s.links < PEERS - 1); i++) await sleep(500)
    await command(run.peers, 'typing', () => ({ cmd: 'typing', on: true, seed }))
    const typingFrom = Date.now()

    // Baseline: one peer offline for 3 s, back; nobody else cut.
    for (let i = 0; i < BASELINE_RECONNECTS; i++) {
      const alone = Math.floor(random() * PEERS)
      await cut(run, { groups: [[alone], run.peers.map((p) => p.index).filter((j) => j !== alone)], servers: 1 }, out, false)
      await sleep(OFFLINE_MS)
      const ms = await healAndMerge(run, out, HEAL_TIMEOUT_MS)
      if (ms === null) await diagnose(run, `seed ${seed}: peer ${alone} reconnecting did not merge within ${HEAL_TIMEOUT_MS / 1000} s`)
      else out.baseline.push(ms)
      await sleep(1000)
    }

    // Random partitions and heals while everyone types; each server restarted once.
    const total = seconds * 1000
    const started = Date.now()
    // Restarts draw from their own sequence, so they do not shift the partitions' one.
    const restartRandom = seededRandom(seed + 1000)
    const restart = async (): Promise<void> => {
      const elapsed = Date.now() - started
      if (out.signalingRestarts === 0 && elapsed > 0.15 * total) {
        await sleep(1000 + restartRandom() * 1000)
        await servers.restartSignaling(1000 + restartRandom() * 1000)
        out.signalingRestarts += 1
      } else if (out.relayRestarts === 0 && elapsed > 0.5 * total) {
        await sleep(1000 + restartRandom() * 1000)
        await servers.crashRelay(1000 + restartRandom() * 1000)
        out.relayRestarts += 1
      }
    }
    while (Date.now() - started < total) {
      const partition = randomPartition(random)
      const holdMs = 5000 + random() * 4000
      const held = Date.now()
      await cut(run, partition, out)
      out.partitions += 1
      await restart()
      await sleep(holdMs - (Date.now() - held))
      const ms = await healAndMerge(run, out, HEAL_TIMEOUT_MS)
      if (ms === null) {
        out.healsNotMerged += 1
        await diagnose(run, `seed ${seed}: heal after ${describe(partition)} did not merge within ${HEAL_TIMEOUT_MS / 1000} s`)
      } else out.heals.push(ms)
      await sleep(1000 + random() * 2000)
    }

    // The end: one more partition, typing stops, heal, and six identical documents.
    const last = randomPartition(random)
    await cut(run, last, out)
    out.partitions += 1
    while (out.signalingRestarts === 0 || out.relayRestarts === 0) await restart()
    await sleep(4000)
    for (const peer of run.peers) peer.io.send({ cmd: 'typing', on: false, seed })
    const typed = await Promise.all(run.peers.map((peer) => peer.io.next('typed', undefined, 15_000)))
    out.typingMs = Date.now() - typingFrom
    out.edits = { text: typed.reduce((sum, t) => sum + t.text, 0), map: typed.reduce((sum, t) => sum + t.map, 0) }
    for (const peer of run.peers) {
      peer.digest = null
      peer.firstSeen.clear()
    }
    await command(run.peers, 'final', () => ({ cmd: 'final' }))
    const healT = now()
    await heal(run, out)
    const same = (): boolean => run.peers.every((p) => p.digest !== null && p.digest === run.peers[0].digest)
    if (await until(run, same, FINAL_TIMEOUT_MS)) {
      const digest = run.peers[0].digest!
      out.finalMs = Math.max(0, ...run.peers.map((p) => (p.firstSeen.get(digest) ?? healT) - healT))
      // Still identical when asked again, and holding every peer's own last edit.
      await command(run.peers, 'final', () => ({ cmd: 'final' }))
      await sleep(200)
      const everyEdit = typed.every((t) => run.peers.every((p) => (p.sv.get(t.clientId) ?? 0) >= t.clock))
      out.identical = same() && run.peers[0].digest === digest && everyEdit
      if (!out.identical) await diagnose(run, `seed ${seed}: documents equal once, then not (or missing an edit)`)
    } else {
      await diagnose(run, `seed ${seed}: documents not identical ${FINAL_TIMEOUT_MS / 1000} s after the final heal ${describe(last)}`)
    }
    const after = await statuses(run.peers)
    out.leaks = sum(after.map((s) => s.leaks))
    out.rejections = sum(after.map((s) => s.rejections))
  } catch (error) {
    out.error = error instanceof Error ? error.message : String(error)
    console.error(`partition run (seed ${seed}) failed: ${error instanceof Error ? error.stack : String(error)}`)
  } finally {
    run.stopping = true
    await Promise.all(run.children.map((io) => io.stop({ cmd: 'stop' })))
  }
  return out
}

export async function benchPartition(options: { runs?: number; seconds?: number } = {}): Promise<BenchResult[]> {
  const runs = options.runs ?? Number(process.env.CONVENE_PARTITION_RUNS || 3)
  const seconds = options.seconds ?? Number(process.env.CONVENE_PARTITION_SECONDS || 45)
  const dataDir = mkdtempSync(join(tmpdir(), 'convene-partition-relay-'))
  const servers = new Servers(dataDir)
  const results: PartitionRun[] = []
  try {
    await servers.startSignaling()
    await servers.startRelay()
    for (let seed = 1; seed <= runs; seed++) {
      const result = await partitionRun(servers, seed, seconds)
      results.push(result)
      console.log(
        `partition run seed ${seed}: ${result.identical ? 'identical' : 'NOT identical'}${result.error ? ` (${result.error})` : ''}; ` +
          `${result.partitions} partitions, ${result.heals.length} heals merged (${result.healsNotMerged} not), ` +
          `${result.edits.text + result.edits.map} edits, final heal to identical ${result.finalMs.toFixed(0)} ms`,
      )
    }
  } finally {
    await servers.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  const baseline = summarise(results.flatMap((r) => r.baseline))
  const base = { name: `one peer back after ${OFFLINE_MS / 1000} s offline, no partition (same runs)`, median: baseline.median, p95: baseline.p95 }
  const identical = results.filter((r) => r.identical).length
  const counts = {
    runs,
    identicalRuns: identical,
    partitions: sum(results.map((r) => r.partitions)),
    healsMerged: sum(results.map((r) => r.heals.length)),
    healsNotMerged: sum(results.map((r) => r.healsNotMerged)),
    textEdits: sum(results.map((r) => r.edits.text)),
    mapEdits: sum(results.map((r) => r.edits.map)),
    signalingRestarts: sum(results.map((r) => r.signalingRestarts)),
    relayCrashRestarts: sum(results.map((r) => r.relayRestarts)),
    groupLinksKept: sum(results.map((r) => r.groupLinksKept)),
    groupLinksPossible: sum(results.map((r) => r.groupLinksPossible)),
    leakedLinks: sum(results.map((r) => r.leaks)),
    separationBreaches: sum(results.map((r) => r.breaches)),
    peerUnhandledRejections: sum(results.map((r) => r.rejections)),
  }
  return [
    {
      name: `partition run: heal to every peer holding every edit made before it (${PEERS} peers in 2-3 random groups, typing goes on)`,
      unit: 'ms',
      ...summarise(results.flatMap((r) => r.heals)),
      baseline: base,
      counts: { healsMerged: counts.healsMerged, healsNotMerged: counts.healsNotMerged },
    },
    {
      name: `partition run: final heal to ${PEERS} identical documents (typing stopped; per run, ${seconds} s of partitions and edits)`,
      unit: 'ms',
      ...summarise(results.map((r) => r.finalMs).filter((ms) => !Number.isNaN(ms))),
      baseline: base,
      counts,
      target: `identical documents after every run (${identical} of ${runs})`,
    },
    {
      name: 'partition run: edits made per run (text and diagram map writes, all peers)',
      unit: 'count',
      ...summarise(results.map((r) => r.edits.text + r.edits.map)),
      counts: { shortestTypingSeconds: Math.round(Math.min(...results.map((r) => r.typingMs)) / 1000) },
    },
  ]
}
