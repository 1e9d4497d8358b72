// Dot votes at cohort scale (`npm run bench votes`): 40 people, each a Node peer with
// their own convening document, synced through our relay (sealed updates, as in the
// app), with signed roles, vote on 60 items. For each dot placed (or taken back), the
// time until every peer's tally includes it (read as a screen reads it: every ballot's
// signature checked and clamped, then counted), beside the same ballot's arrival in
// each peer's document: the cost of checking and counting on top of sync.
//
// Peers live in a few processes (tests/bench/votes-peer.ts), the relay in its own;
// times are `performance.timeOrigin + performance.now()`, one machine clock. The
// machine has 2 cores shared by the relay and all 40 peers, so the figures are what
// one overloaded machine sees; on people's own computers each peer counts alone.
// A signature is checked once per text in a process (as in one app), so in a process of
// ten peers only the first pays for each new ballot's check: the last figure says what
// that check adds on each person's own computer.
import { fork } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import { claimStatement, rawKeySigner, randomSecretKey, verifyStatement } from '../../shared/session'
import type { Dots, VoteItem } from '../../shared/facilitation'
import { Child, startRelayProcess, stopRelayProcess } from './relay-harness'
import { canonical, type PeerCommand, type PeerMessage, type PeerSpec } from './votes-protocol'
import { now, summarise, type BenchResult } from './types'

type PeerProcess = Child<PeerMessage, PeerCommand>

const sleep = (ms: number): Promise<void> => new Promise((wake) => setTimeout(wake, ms))
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex')

async function startPeerProcess(label: string): Promise<PeerProcess> {
  const child = fork(resolve(import.meta.dirname, 'votes-peer.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
  const peer = new Child<PeerMessage, PeerCommand>(label, child)
  await peer.next('ready', undefined, 60_000)
  return peer
}

/** The next ballot of a voter: a dot on an item they have none on, or (with every dot placed) one taken back. */
function nextBallot(current: Dots, dots: number, items: readonly VoteItem[], seed: number): { dots: Dots; placed: boolean } {
  const placed = Object.values(current).reduce((n, c) => n + c, 0)
  if (placed >= dots) {
    const next = { ...current }
    delete next[Object.keys(next)[seed % Object.keys(next).length]]
    return { dots: next, placed: false }
  }
  for (let k = 0; k < items.length; k++) {
    const key = items[(seed * 13 + k) % items.length].key
    if (!current[key]) return { dots: { ...current, [key]: 1 }, placed: true }
  }
  return { dots: current, placed: false }
}

/** What checking one ballot's signature costs on this machine (each peer does it once per new ballot). */
async function verifyCost(rounds: number): Promise<number[]> {
  const signer = rawKeySigner('someone', randomSecretKey())
  const times: number[] = []
  for (let i = 0; i < rounds; i++) {
    const text = await claimStatement(signer, 'room', 'vote:v', JSON.stringify({ dots: { [`item-${i}`]: 1 } }), i)
    const t = now()
    if (!verifyStatement(text)) throw new Error('votes bench: a fresh claim did not verify')
    times.push(now() - t)
  }
  return times
}

export async function benchVotes(options: { people?: number; items?: number; dots?: number; samples?: number; processes?: number } = {}): Promise<BenchResult[]> {
  const people = options.people ?? 40
  const itemCount = options.items ?? 60
  const dots = options.dots ?? 5
  const samples = options.samples ?? 240
  const warmup = 5
  const processCount = options.processes ?? 4
  const startedAt = Date.now()
  const phase = (what: string): void => console.log(`  [${((Date.now() - startedAt) / 1000).toFixed(0)} s] ${what}`)
  const relay = await startRelayProcess('ours', 'votes-relay')
  const processes: PeerProcess[] = []
  try {
    phase('starting peer processes')
    processes.push(...(await Promise.all(Array.from({ length: processCount }, (_, i) => startPeerProcess(`votes-peers-${i}`)))))
    const room = randomBytes(16).toString('base64url').slice(0, 22)
    const secret = randomBytes(16).toString('base64url').slice(0, 22)
    const founderSecret = randomSecretKey()
    const ids = Array.from({ length: people }, (_, i) => `person-${i}`)
    const owner = new Map<string, PeerProcess>()
    const batches = processes.map((): PeerSpec[] => [])
    ids.forEach((id, i) => {
      batches[i % processCount].push(i === 0 ? { id, founder: true, secretKey: hex(founderSecret) } : { id })
      owner.set(id, processes[i % processCount])
    })
    const founderKey = rawKeySigner(ids[0], founderSecret).publicKey
    phase(`opening ${people} peers through the relay`)
    await Promise.all(processes.map(async (p, i) => {
      p.send({ cmd: 'open', peers: batches[i], room, secret, url: relay.url, founderKey })
      await p.next('opened', undefined, 180_000)
    }))
    await Promise.all(processes.map(async (p) => {
      p.send({ cmd: 'settle', people, ids, founder: ids[0] })
      await p.next('settled', undefined, 180_000)
    }))
    phase(`starting a vote on ${itemCount} items, ${dots} dots each, named, signed`)
    const items: VoteItem[] = Array.from({ length: itemCount }, (_, i) => ({ key: `item-${i}`, label: `Variable ${i + 1}` }))
    const founder = owner.get(ids[0])!
    founder.send({ cmd: 'start', by: ids[0], items, dots })
    const { voteId } = await founder.next('started', undefined, 60_000)
    await Promise.all(processes.map(async (p) => {
      p.send({ cmd: 'waitVote', voteId })
      await p.next('voteReady', undefined, 60_000)
    }))
    await sleep(500)

    phase(`${samples} dots placed or taken back, one at a time`)
    const ballots = new Map<string, Dots>(ids.map((id) => [id, {}]))
    const arrivalEach: number[] = []
    const tallyEach: number[] = []
    const arrivalAll: number[] = []
    const tallyAll: number[] = []
    const signing: number[] = []
    let placedCount = 0
    for (let i = 0; i < samples + warmup; i++) {
      const voterIndex = (i * 7 + 3) % people
      const voter = ids[voterIndex]
      const next = nextBallot(ballots.get(voter)!, dots, items, i + voterIndex)
      ballots.set(voter, next.dots)
      const id = `dot-${i}`
      for (const p of processes) p.send({ cmd: 'expect', id, voteId, voter, dots: canonical(next.dots) })
      const voterProcess = owner.get(voter)!
      voterProcess.send({ cmd: 'cast', id, voteId, voter, dots: next.dots })
      const cast = await voterProcess.next('cast', (m) => m.id === id, 30_000)
      const seen = await Promise.all(processes.map((p) => p.next('seen', (m) => m.id === id, 30_000)))
      if (i >= warmup) {
        const arrival = seen.flatMap((s) => s.arrival).map((t) => t - cast.t)
        const tally = seen.flatMap((s) => s.tally).map((t) => t - cast.t)
        arrivalEach.push(...arrival)
        tallyEach.push(...tally)
        arrivalAll.push(Math.max(...arrival))
        tallyAll.push(Math.max(...tally))
        signing.push(cast.signedMs)
        if (next.placed) placedCount++
      }
      await sleep(30)
    }
    const verify = summarise(await verifyCost(200))
    const sign = summarise(signing)
    const where = `${people} peers over the relay, ${itemCount} items, signed ballots`
    const counts = { people, items: itemCount, dots, samples, dotsPlaced: placedCount, dotsTakenBack: samples - placedCount, peerProcesses: processCount, signMedianMs: Number(sign.median.toFixed(2)), verifyMedianMs: Number(verify.median.toFixed(3)) }
    const everyone = summarise(arrivalAll)
    const each = summarise(arrivalEach)
    return [
      {
        name: `votes: placing a dot → the tally updated in every peer (${where})`,
        unit: 'ms',
        ...summarise(tallyAll),
        baseline: { name: 'the same ballot’s arrival in every peer’s document', median: everyone.median, p95: everyone.p95 },
        counts,
        target: 'p95 under 500 ms',
      },
      {
        name: `votes: placing a dot → the tally updated in each peer (${where})`,
        unit: 'ms',
        ...summarise(tallyEach),
        baseline: { name: 'the same ballot’s arrival in each peer’s document', median: each.median, p95: each.p95 },
      },
      { name: 'votes: signing a ballot in the voter’s app (Ed25519, included above)', unit: 'ms', ...sign },
      { name: 'votes: checking one new ballot’s signature (each peer, once per ballot)', unit: 'ms', ...verify },
    ]
  } finally {
    await Promise.all(processes.map((p) => p.stop({ cmd: 'exit' })))
    await stopRelayProcess(relay)
  }
}
