// Long file (about 450 lines) on purpose: four scenarios sharing one set of servers and
// clients, each reported beside its same-run baseline.
// Relay benchmark (`npm run bench relay`): our end-to-end encrypted relay (our relay in
// its own process, RelayConnection clients that seal every update) beside a stock
// Hocuspocus server with stock providers on the plaintext Y.Doc, measured in the same
// run; and beside the WebRTC mesh (sync.ts's peers) at 8 and 16 people.
//
// 1. 40 clients in one room: an edit's time to reach every other client, and the
//    WebSocket frames the relay received and sent per edit (counted on the clients:
//    what clients send is what the relay receives, and the reverse).
// 2. A newcomer joining a room with a day of history: from open until its document
//    equals the writers'.
// 3. 200 clients across two relays sharing Redis, beside 200 on one relay.
// 4. The mesh at 8 and 16 peers: edit to everyone and data-channel messages per edit,
//    beside the relay at the same sizes.
// 5. The relay process's memory: empty, with R rooms of one client, with R rooms of C.
//
// Clients live in a few processes (so one process is not the bottleneck), each relay
// in its own; times are `performance.timeOrigin + performance.now()`, one machine
// clock. The machine has 2 cores shared by everything here, so the figures are what
// one overloaded machine sees, not what a relay on its own machine would.
import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, platform, release, totalmem } from 'node:os'
import { resolve } from 'node:path'
import { startConveneHost } from '../../electron/main/host'
import { runMesh, type MeshRun } from './relay-mesh'
import { startClientProcess, startRelayProcess, stopRelayProcess, type ClientProcess, type RelayProcess } from './relay-harness'
import type { ClientSpec, FrameCounts, Mode } from './relay-protocol'
import { startRedis } from '../support/redis'
import { summarise, type BenchResult } from './types'

type Stats = ReturnType<typeof summarise>

/** One row of relay.json: ours beside its baseline (time in ms, or a plain number). */
interface Figure {
  name: string
  unit: 'ms' | 'frames per edit' | 'messages per edit' | 'bytes'
  ours: Stats | number | null
  baseline: { name: string; value: Stats | number | null }
  target?: string
  note?: string
  /** Passed on to the BenchResult (messages per edit beside a latency). */
  counts?: Record<string, number>
}

const id = (): string => randomBytes(16).toString('base64url').slice(0, 22)
const sleep = (ms: number): Promise<void> => new Promise((wake) => setTimeout(wake, ms))

interface Room {
  mode: Mode
  room: string
  specs: ClientSpec[]
}

function makeRoom(mode: Mode, label: string, size: number, urlsFor: (index: number) => string[]): Room {
  const room = id()
  const secret = id()
  const specs = Array.from({ length: size }, (_, i) => ({ key: `${label}-${i}`, mode, room, secret, urls: urlsFor(i) }))
  return { mode, room, specs }
}

class Clients {
  private readonly owner = new Map<string, ClientProcess>()
  constructor(readonly processes: ClientProcess[]) {}

  /** Opens every client of these rooms, spread over the processes; resolves once all are synced. */
  async open(rooms: Room[]): Promise<void> {
    const batches = this.processes.map((): ClientSpec[] => [])
    rooms.flatMap((r) => r.specs).forEach((spec, i) => {
      batches[i % batches.length].push(spec)
      this.owner.set(spec.key, this.processes[i % batches.length])
    })
    await Promise.all(
      this.processes.map(async (p, i) => {
        if (batches[i].length === 0) return
        p.send({ cmd: 'open', clients: batches[i] })
        await p.next('opened', undefined, 180_000)
      }),
    )
    // Let the joins' presence settle before anything is measured.
    await sleep(1000)
  }

  async close(): Promise<void> {
    this.owner.clear()
    await Promise.all(
      this.processes.map(async (p) => {
        p.send({ cmd: 'close' })
        await p.next('closed')
      }),
    )
  }

  async counts(): Promise<Record<Mode, FrameCounts>> {
    const total: Record<Mode, FrameCounts> = { ours: zeroCounts(), stock: zeroCounts() }
    for (const p of this.processes) {
      p.send({ cmd: 'counts' })
      const { counts } = await p.next('counts')
      for (const mode of ['ours', 'stock'] as const) {
        for (const key of Object.keys(total[mode]) as (keyof FrameCounts)[]) total[mode][key] += counts[mode][key]
      }
    }
    return total
  }

  /** One edit by `writer`: per other client of the room, its arrival time less the edit's. */
  async edit(room: Room, writer: ClientSpec, editId: string): Promise<number[]> {
    for (const p of this.processes) p.send({ cmd: 'expect', id: editId, room: room.room, writer: writer.key })
    const owner = this.owner.get(writer.key)!
    owner.send({ cmd: 'edit', writer: writer.key, id: editId })
    const { t } = await owner.next('sent', (m) => m.id === editId, 30_000)
    const times = await Promise.all(this.processes.map(async (p) => (await p.next('arrived', (m) => m.id === editId, 30_000)).times))
    return times.flat().map((arrived) => arrived - t)
  }
}

function zeroCounts(): FrameCounts {
  return { sentDoc: 0, sentAwareness: 0, sentOther: 0, receivedDoc: 0, receivedAwareness: 0, receivedOther: 0 }
}

interface EditRun {
  toEveryone: number[]
  toEach: number[]
  /** Document frames (sync, updates, acknowledgements) in and out of the relay, per edit. */
  docFramesPerEdit: number
  /** Every frame, presence and pings included, per edit. */
  allFramesPerEdit: number
}

/**
 * Edits from rotating writers in each room, the rooms taking turns edit by edit (so a
 * busier moment of the machine weighs on every side alike). Rooms measured together
 * must be of different modes: frames are counted per mode.
 */
async function measureEdits(clients: Clients, rooms: Room[], edits: number, label: string): Promise<EditRun[]> {
  const warmup = 3
  const runs = rooms.map((): EditRun => ({ toEveryone: [], toEach: [], docFramesPerEdit: 0, allFramesPerEdit: 0 }))
  let before = await clients.counts()
  for (let i = 0; i < edits + warmup; i++) {
    if (i === warmup) before = await clients.counts()
    for (const [r, room] of rooms.entries()) {
      const writer = room.specs[(i * 7) % room.specs.length]
      const latencies = await clients.edit(room, writer, `${label}-${r}-${i}`)
      if (i < warmup) continue
      runs[r].toEach.push(...latencies)
      runs[r].toEveryone.push(Math.max(...latencies))
    }
    await sleep(30)
  }
  const after = await clients.counts()
  for (const [r, room] of rooms.entries()) {
    const d = (key: keyof FrameCounts): number => after[room.mode][key] - before[room.mode][key]
    runs[r].docFramesPerEdit = (d('sentDoc') + d('receivedDoc')) / edits
    runs[r].allFramesPerEdit = (d('sentDoc') + d('receivedDoc') + d('sentAwareness') + d('receivedAwareness') + d('sentOther') + d('receivedOther')) / edits
  }
  return runs
}

async function memoryOf(relay: RelayProcess): Promise<{ heapUsed: number; rss: number; rooms: number }> {
  relay.send({ cmd: 'memory' })
  return relay.next('memory')
}

async function whenRoomsUnloaded(relay: RelayProcess): Promise<void> {
  const deadline = Date.now() + 20_000
  while ((await memoryOf(relay)).rooms > 0) {
    if (Date.now() > deadline) throw new Error(`${relay.label}: rooms still loaded 20 s after everyone left`)
    await sleep(100)
  }
}

// ── The scenarios ──────────────────────────────────────────────────────────────────
interface Setup {
  clients: Clients
  ours: RelayProcess
  stock: RelayProcess
}

async function memoryScenario({ clients, ours, stock }: Setup, roomCount: number, perRoom: number): Promise<Figure[]> {
  const empty = await Promise.all([memoryOf(ours), memoryOf(stock)])
  const oursRooms = Array.from({ length: roomCount }, (_, r) => makeRoom('ours', `mem-ours-${r}`, perRoom, () => [ours.url]))
  const stockRooms = Array.from({ length: roomCount }, (_, r) => makeRoom('stock', `mem-stock-${r}`, perRoom, () => [stock.url]))
  const all = [...oursRooms, ...stockRooms]
  // R rooms with one client each, each with a little content (20 edits).
  await clients.open(all.map((r) => ({ ...r, specs: r.specs.slice(0, 1) })))
  for (const room of all) {
    for (let i = 0; i < 20; i++) await clients.edit(room, room.specs[0], `${room.specs[0].key}-content-${i}`)
  }
  await sleep(500)
  const oneEach = await Promise.all([memoryOf(ours), memoryOf(stock)])
  await clients.open(all.map((r) => ({ ...r, specs: r.specs.slice(1) })))
  await sleep(500)
  const full = await Promise.all([memoryOf(ours), memoryOf(stock)])
  await clients.close()
  const perRoomBytes = (i: number): number => Math.round((oneEach[i].heapUsed - empty[i].heapUsed) / roomCount)
  const perClientBytes = (i: number): number => Math.round((full[i].heapUsed - oneEach[i].heapUsed) / (roomCount * (perRoom - 1)))
  const stockName = 'stock Hocuspocus server'
  const note = `heap after gc: empty ${mib(empty[0].heapUsed)} (stock ${mib(empty[1].heapUsed)}), ${roomCount}×1 ${mib(oneEach[0].heapUsed)} (stock ${mib(oneEach[1].heapUsed)}), ${roomCount}×${perRoom} ${mib(full[0].heapUsed)} (stock ${mib(full[1].heapUsed)}); rss ${mib(empty[0].rss)} → ${mib(full[0].rss)} (stock ${mib(empty[1].rss)} → ${mib(full[1].rss)})`
  return [
    { name: `relay memory: empty process (heap after gc)`, unit: 'bytes', ours: empty[0].heapUsed, baseline: { name: stockName, value: empty[1].heapUsed } },
    { name: `relay memory: per room (${roomCount} rooms, 1 client and 20 edits each)`, unit: 'bytes', ours: perRoomBytes(0), baseline: { name: stockName, value: perRoomBytes(1) } },
    { name: `relay memory: per client (${roomCount} rooms × ${perRoom} clients)`, unit: 'bytes', ours: perClientBytes(0), baseline: { name: stockName, value: perClientBytes(1) }, note },
  ]
}

function editFigures(size: number, ours: EditRun, base: EditRun, baseName: string, where: string, target?: string): Figure[] {
  return [
    {
      name: `relay: edit to all ${size - 1} others, ${size} clients${where}`,
      unit: 'ms',
      ours: summarise(ours.toEveryone),
      baseline: { name: baseName, value: summarise(base.toEveryone) },
      target,
      counts: { framesPerEdit: ours.docFramesPerEdit, baselineFramesPerEdit: base.docFramesPerEdit },
    },
    { name: `relay: edit to each other client, ${size} clients${where}`, unit: 'ms', ours: summarise(ours.toEach), baseline: { name: baseName, value: summarise(base.toEach) } },
    {
      name: `relay: document frames in+out of the relay per edit, ${size} clients${where}`,
      unit: 'frames per edit',
      ours: ours.docFramesPerEdit,
      baseline: { name: baseName, value: base.docFramesPerEdit },
      note: `all frames incl. presence and pings: ours ${ours.allFramesPerEdit.toFixed(1)}, baseline ${base.allFramesPerEdit.toFixed(1)}`,
    },
  ]
}

async function roomScenario({ clients, ours, stock }: Setup, size: number, edits: number, target?: string): Promise<{ figures: Figure[]; ours: EditRun }> {
  const rooms = [makeRoom('ours', `r${size}-ours`, size, () => [ours.url]), makeRoom('stock', `r${size}-stock`, size, () => [stock.url])]
  await clients.open(rooms)
  try {
    const [o, s] = await measureEdits(clients, rooms, edits, `r${size}`)
    return { figures: editFigures(size, o, s, 'stock Hocuspocus + providers, plaintext', '', target), ours: o }
  } finally {
    await clients.close()
  }
}

async function historyScenario({ clients, ours, stock }: Setup, writers: number, editsEach: number, joins: number): Promise<Figure[]> {
  const oursRoom = makeRoom('ours', 'day-ours', writers, () => [ours.url])
  const stockRoom = makeRoom('stock', 'day-stock', writers, () => [stock.url])
  stock.send({ cmd: 'hold', room: stockRoom.room })
  await stock.next('held')
  // Both days are written at once, in two client processes (building is not measured).
  const [writeOurs, writeStock] = clients.processes
  const tickMs = 20
  writeOurs.send({ cmd: 'history', clients: oursRoom.specs, edits: editsEach, tickMs })
  writeStock.send({ cmd: 'history', clients: stockRoom.specs, edits: editsEach, tickMs })
  const [dayOurs, dayStock] = await Promise.all([writeOurs.next('history', undefined, 240_000), writeStock.next('history', undefined, 240_000)])
  const joiner = clients.processes[clients.processes.length - 1]
  const times: Record<Mode, number[]> = { ours: [], stock: [] }
  for (let i = 0; i < joins; i++) {
    // A-B-B-A, so neither side always joins on a warmer machine.
    const order: Mode[] = i % 2 === 0 ? ['ours', 'stock'] : ['stock', 'ours']
    for (const mode of order) {
      if (mode === 'ours') await whenRoomsUnloaded(ours)
      const room = mode === 'ours' ? oursRoom : stockRoom
      const spec = { ...room.specs[0], key: `day-${mode}-newcomer-${i}` }
      joiner.send({ cmd: 'join', client: spec, fingerprint: mode === 'ours' ? dayOurs.fingerprint : dayStock.fingerprint })
      const { ms } = await joiner.next('joined', undefined, 60_000)
      if (Number.isNaN(ms)) throw new Error(`a ${mode} newcomer never reached the day's content`)
      times[mode].push(ms)
    }
  }
  return [
    {
      name: `relay: newcomer join to synced, day of ${writers}×${editsEach} edits`,
      unit: 'ms',
      ours: summarise(times.ours),
      baseline: { name: 'stock Hocuspocus room, plaintext, held in memory', value: summarise(times.stock) },
      target: 'under 2000 ms',
      note: `ours loads the room from LevelDB (everyone had left) and opens the compacted log (${dayOurs.compacted ? 'compacted once at the end' : 'not compacted at the end'}); the stock room has no persistence, so it is held in memory; day's Yjs state ${kib(dayOurs.bytes)} (stock ${kib(dayStock.bytes)})`,
    },
  ]
}

async function twoRelaysScenario(setup: Setup, size: number, edits: number, track: (cleanup: () => Promise<void>) => void): Promise<Figure[]> {
  const { clients, ours } = setup
  const oneRelay = makeRoom('ours', `big-one`, size, () => [ours.url])
  await clients.open([oneRelay])
  let base: EditRun
  try {
    ;[base] = await measureEdits(clients, [oneRelay], edits, 'big-one')
  } finally {
    await clients.close()
  }
  // Debian's redis-server on a free loopback port. tests/support/redis.ts keeps a MONITOR
  // connection open (for tests that search what Redis saw); at a few edits a second
  // its cost is small, but it does weigh a little on the two-relay figures.
  const redis = await startRedis()
  track(() => redis.stop())
  const [a, b] = await Promise.all([startRelayProcess('ours', 'relay-a', redis.url), startRelayProcess('ours', 'relay-b', redis.url)])
  track(() => stopRelayProcess(a))
  track(() => stopRelayProcess(b))
  // Half the room on each relay; each client's invite names both (its own first).
  const twoRelays = makeRoom('ours', 'big-two', size, (i) => (i < size / 2 ? [a.url, b.url] : [b.url, a.url]))
  await clients.open([twoRelays])
  try {
    const [two] = await measureEdits(clients, [twoRelays], edits, 'big-two')
    return editFigures(size, two, base, `our relay, all ${size} on one relay without Redis`, ` on 2 relays + Redis`, 'p95 under 500 ms').map((f) =>
      f.unit === 'frames per edit' ? { ...f, note: `${f.note ?? ''}; Redis pub/sub traffic between the relays is not counted` } : f,
    )
  } finally {
    await clients.close()
  }
}

async function meshScenario(relayRuns: Map<number, EditRun>, sizes: number[], edits: number): Promise<Figure[]> {
  const host = await startConveneHost({ host: '127.0.0.1', port: 0 })
  const figures: Figure[] = []
  try {
    for (const size of sizes) {
      const mesh: MeshRun = await runMesh(size, host.signalingUrl, edits, size > 8 ? 60_000 : 45_000)
      const relay = relayRuns.get(size)
      const baseName = `our relay, ${size} clients (same run)`
      const formed = mesh.formed ? `full mesh formed in ${(mesh.formMs / 1000).toFixed(1)} s` : `least connected peer had ${mesh.minPeers} of ${size - 1} connections after ${(mesh.formMs / 1000).toFixed(1)} s`
      const note = [formed, mesh.note].filter(Boolean).join('; ')
      figures.push(
        {
          name: `mesh: edit to all ${size - 1} others, ${size} WebRTC peers`,
          unit: 'ms',
          ours: mesh.toEveryone.length > 0 ? summarise(mesh.toEveryone) : null,
          baseline: { name: baseName, value: relay ? summarise(relay.toEveryone) : null },
          note,
        },
        {
          name: `mesh: data-channel messages sent per edit, ${size} WebRTC peers`,
          unit: 'messages per edit',
          ours: Number.isNaN(mesh.messagesPerEdit) ? null : mesh.messagesPerEdit,
          baseline: { name: `${baseName}: document frames in+out of the relay`, value: relay?.docFramesPerEdit ?? null },
          note: 'every y-webrtc peer forwards each update it applies to all its connections',
        },
      )
    }
  } finally {
    await host.close()
  }
  return figures
}

// ── Output ─────────────────────────────────────────────────────────────────────────
function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`
}

function show(value: Stats | number | null, unit: Figure['unit']): string {
  if (value === null) return 'not measured'
  if (typeof value === 'number') return unit === 'bytes' ? `${Math.round(value).toLocaleString('en')} B` : value.toFixed(1)
  return `median ${value.median.toFixed(1)} ms, p95 ${value.p95.toFixed(1)} ms (n=${value.samples})`
}

function ratio(f: Figure): string {
  const p95 = (v: Stats | number | null): number => (v === null ? Number.NaN : typeof v === 'number' ? v : v.p95)
  const r = p95(f.ours) / p95(f.baseline.value)
  return Number.isFinite(r) ? `${r.toFixed(2)}x${typeof f.ours === 'object' ? ' (p95)' : ''}` : '—'
}

function printTable(figures: Figure[]): void {
  console.log('')
  for (const f of figures) {
    console.log(f.name)
    console.log(`    ours:     ${show(f.ours, f.unit)}${f.target ? `   [target: ${f.target}]` : ''}`)
    console.log(`    baseline: ${show(f.baseline.value, f.unit)}  — ${f.baseline.name}`)
    console.log(`    ratio:    ${ratio(f)}${f.note ? `\n    note:     ${f.note}` : ''}`)
  }
}

function toBenchResults(figures: Figure[]): BenchResult[] {
  return figures.flatMap((f): BenchResult[] => {
    if (f.unit !== 'ms' || f.ours === null || typeof f.ours === 'number') return []
    const base = f.baseline.value
    return [
      {
        name: f.name,
        unit: 'ms',
        ...f.ours,
        ...(base && typeof base === 'object' ? { baseline: { name: f.baseline.name, median: base.median, p95: base.p95 } } : {}),
        ...(f.counts ? { counts: f.counts } : {}),
        ...(f.target ? { target: f.target } : {}),
      },
    ]
  })
}

export async function benchRelay(options: { edits?: number; clientProcesses?: number } = {}): Promise<BenchResult[]> {
  const edits = options.edits ?? 30
  const cleanups: (() => Promise<void>)[] = []
  const track = (cleanup: () => Promise<void>): void => {
    cleanups.push(cleanup)
  }
  const figures: Figure[] = []
  const startedAt = Date.now()
  const phase = (what: string): void => console.log(`  [${((Date.now() - startedAt) / 1000).toFixed(0)} s] ${what}`)
  const failures: string[] = []
  /** One scenario: a failure is reported (and the clients closed) while the others still run. */
  const scenario = async (what: string, run: () => Promise<Figure[]>, clients?: Clients): Promise<void> => {
    if (!wanted(what)) return
    phase(what)
    try {
      figures.push(...(await run()))
    } catch (error) {
      failures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`)
      console.error(`  ${what} failed: ${error instanceof Error ? error.stack : String(error)}`)
      await clients?.close().catch(() => undefined)
    }
  }
  // CONVENE_RELAY_SCENARIOS=1,4 runs only those (while working on one); the default is all.
  const chosen = (process.env.CONVENE_RELAY_SCENARIOS ?? '').split(',').filter(Boolean)
  const wanted = (what: string): boolean => chosen.length === 0 || chosen.some((n) => what.startsWith(n))
  try {
    phase('starting relays and client processes')
    const processes = await Promise.all(Array.from({ length: options.clientProcesses ?? 4 }, (_, i) => startClientProcess(`clients-${i}`)))
    for (const p of processes) track(() => p.stop({ cmd: 'exit' }))
    const [ours, stock] = await Promise.all([startRelayProcess('ours', 'relay'), startRelayProcess('stock', 'stock-hocuspocus')])
    track(() => stopRelayProcess(ours))
    track(() => stopRelayProcess(stock))
    const setup: Setup = { clients: new Clients(processes), ours, stock }

    await scenario('5. memory: empty, 10 rooms × 1, 10 rooms × 10', () => memoryScenario(setup, 10, 10), setup.clients)
    await scenario('1. 40 clients in one room', async () => (await roomScenario(setup, 40, edits, 'p95 under 150 ms; within 1.5x of stock')).figures, setup.clients)
    const relayRuns = new Map<number, EditRun>()
    await scenario(
      '4a. the relay at 8 and 16 clients',
      async () => {
        const out: Figure[] = []
        for (const size of [8, 16]) {
          const run = await roomScenario(setup, size, 20)
          out.push(...run.figures)
          relayRuns.set(size, run.ours)
        }
        return out
      },
      setup.clients,
    )
    await scenario('2. a newcomer joining a day of history', () => historyScenario(setup, 10, 300, 7), setup.clients)
    await scenario('3. 200 clients: one relay, then two relays sharing Redis', () => twoRelaysScenario(setup, 200, 20, track), setup.clients)
    await scenario('4b. the WebRTC mesh at 8 and 16 peers', () => meshScenario(relayRuns, [8, 16], 20))
    phase('done')
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(`relay bench cleanup: ${String(error)}`))
  }
  printTable(figures)
  const dir = resolve(import.meta.dirname, 'results')
  mkdirSync(dir, { recursive: true })
  const machine = { platform: platform(), release: release(), cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryBytes: totalmem(), node: process.version }
  writeFileSync(resolve(dir, 'relay.json'), JSON.stringify({ when: new Date().toISOString(), machine, durationMs: Date.now() - startedAt, figures, failures }, null, 2))
  console.log('\nWrote tests/bench/results/relay.json')
  if (failures.length > 0) throw new Error(`relay benchmark: ${failures.length} scenario(s) failed:\n${failures.join('\n')}`)
  return toBenchResults(figures)
}
