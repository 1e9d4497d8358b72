// Peers of the dot-vote benchmark (tests/bench/votes.ts): one process holds several
// people, each with their own convening Y.Doc synced through our relay
// (RelayConnection: every update sealed, as in the app), their own Ed25519 key, and
// signed roles (watchStatements), so a ballot is a signed claim that every peer checks.
//
// For each dot the coordinator announces, every peer here records two moments:
// - arrival: the voter's new ballot is in this peer's document (the baseline);
// - tally: this peer's tally, read the way a screen reads it (readVote + every ballot
//   checked, signatures included, then counted), includes the new ballot. The tally is
//   read in a task of its own after the update, as a screen renders after a change, so
//   one peer's counting does not delay another peer's arrival in the same process.
import WebSocket from 'ws'
import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { RelayConnection } from '../../renderer/sync/relay'
import { boundKeys, canFacilitate, ensureBound, peopleMap, rawKeySigner, randomSecretKey, seedConvening, upsertPerson, watchStatements, type Signer } from '../../shared/session'
import { castBallot, readBallots, readVote, runMap, startVote, tallyVote, type ClockReader, type Dots, type VoteItem } from '../../shared/facilitation'
import { now } from './types'
import { canonical, type PeerCommand, type PeerMessage, type PeerSpec } from './votes-protocol'

function send(message: PeerMessage): void {
  process.send?.(message)
}

const clock: ClockReader = { now: () => Date.now(), offsetTo: () => 0 }

interface Expectation {
  voteId: string
  voter: string
  dots: string
  arrival: Map<string, number>
  tally: Map<string, number>
}

interface Peer {
  spec: PeerSpec
  doc: Y.Doc
  awareness: Awareness
  connection: RelayConnection
  signer: Signer
  stop: () => void
  tallyQueued: boolean
}

const peers = new Map<string, Peer>()
const expectations = new Map<string, Expectation>()

/** The dots of the ballot stored for `voter`, unverified (arrival only asks whether it is there). */
function storedDots(doc: Y.Doc, voteId: string, voter: string): string | null {
  const raw = runMap(doc).get(`ballot:${voteId}:${voter}`)
  if (typeof raw !== 'string') return null
  try {
    const claim = JSON.parse(raw) as { body?: string }
    return canonical((JSON.parse(claim.body ?? '{}') as { dots: Dots }).dots)
  } catch {
    return null
  }
}

function receivers(expect: Expectation): Peer[] {
  return [...peers.values()].filter((p) => p.spec.id !== expect.voter)
}

function report(id: string): void {
  const expect = expectations.get(id)
  if (!expect) return
  const waiting = receivers(expect)
  if (!waiting.every((p) => expect.tally.has(p.spec.id))) return
  expectations.delete(id)
  send({ type: 'seen', id, arrival: waiting.map((p) => expect.arrival.get(p.spec.id)!), tally: waiting.map((p) => expect.tally.get(p.spec.id)!) })
}

function onChange(peer: Peer): void {
  const t = now()
  let arrived = false
  for (const expect of expectations.values()) {
    if (expect.voter === peer.spec.id || expect.arrival.has(peer.spec.id)) continue
    if (storedDots(peer.doc, expect.voteId, expect.voter) !== expect.dots) continue
    expect.arrival.set(peer.spec.id, t)
    arrived = true
  }
  if (arrived && !peer.tallyQueued) {
    peer.tallyQueued = true
    setImmediate(() => countFor(peer))
  }
}

/** What a screen does after a change: read the vote and count every ballot it accepts. */
function countFor(peer: Peer): void {
  peer.tallyQueued = false
  for (const [id, expect] of expectations) {
    if (!expect.arrival.has(peer.spec.id) || expect.tally.has(peer.spec.id)) continue
    const vote = readVote(peer.doc, expect.voteId)
    if (!vote) continue
    const reading = readBallots(peer.doc, vote)
    tallyVote(peer.doc, vote, reading)
    const mine = reading.counted.find((b) => b.key === expect.voter)
    if ((mine ? canonical(mine.dots) : '{}') !== expect.dots) continue
    expect.tally.set(peer.spec.id, now())
    report(id)
  }
}

async function until(condition: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`votes peer: timed out waiting for ${what}`)
    await new Promise((wake) => setTimeout(wake, 20))
  }
}

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g)!.map((b) => parseInt(b, 16)))
}

async function openPeer(spec: PeerSpec, room: string, secret: string, url: string, founderKey: string): Promise<Peer> {
  const doc = new Y.Doc()
  const awareness = new Awareness(doc)
  awareness.setLocalStateField('user', { name: spec.id })
  const stop = watchStatements(doc, room, founderKey)
  const signer = rawKeySigner(spec.id, spec.secretKey ? hexBytes(spec.secretKey) : randomSecretKey())
  const connection = await RelayConnection.open({ doc, awareness, room, secret, urls: [url], WebSocket })
  const peer: Peer = { spec, doc, awareness, connection, signer, stop, tallyQueued: false }
  runMap(doc).observe(() => onChange(peer))
  await until(() => connection.isSynced, `${spec.id} to sync`)
  return peer
}

const person = (id: string, role: 'facilitator' | 'practitioner') => ({ id, name: id, role, colour: '#1f6f8b', timeZone: 'UTC', joinedAt: 1 })

async function handle(message: PeerCommand): Promise<void> {
  switch (message.cmd) {
    case 'open': {
      const opened = await Promise.all(message.peers.map((spec) => openPeer(spec, message.room, message.secret, message.url, message.founderKey)))
      for (const peer of opened) {
        peers.set(peer.spec.id, peer)
        if (peer.spec.founder) seedConvening(peer.doc, { id: message.room, title: 'Vote benchmark', createdBy: person(peer.spec.id, 'facilitator'), now: 1 })
        else upsertPerson(peer.doc, person(peer.spec.id, 'practitioner'))
        await ensureBound(peer.doc, peer.signer, message.room)
      }
      send({ type: 'opened' })
      return
    }
    case 'settle': {
      // Everyone present, each with one key, and the founder facilitating, on every peer here.
      await until(
        () => [...peers.values()].every((p) => peopleMap(p.doc).size === message.people && message.ids.every((id) => boundKeys(p.doc, id).length === 1) && canFacilitate(p.doc, message.founder)),
        'everyone to be present and bound',
      )
      send({ type: 'settled' })
      return
    }
    case 'start': {
      const peer = peers.get(message.by)!
      const items: VoteItem[] = message.items
      const result = await startVote(peer.doc, { personId: peer.spec.id, signer: peer.signer, clock }, {
        question: 'Which of these matter most?',
        items,
        dots: message.dots,
        cumulative: false,
        anonymous: false,
        results: 'live',
        minutes: null,
        source: { kind: 'variables', id: null, title: 'Bench diagram' },
      })
      if (!result.ok) throw new Error(result.message)
      send({ type: 'started', voteId: result.value })
      return
    }
    case 'waitVote':
      await until(() => [...peers.values()].every((p) => readVote(p.doc, message.voteId) !== null), 'the vote to reach everyone')
      send({ type: 'voteReady' })
      return
    case 'expect':
      expectations.set(message.id, { voteId: message.voteId, voter: message.voter, dots: message.dots, arrival: new Map(), tally: new Map() })
      // Already here (a fast relay), or nobody to wait for in this process.
      for (const peer of peers.values()) onChange(peer)
      report(message.id)
      return
    case 'cast': {
      const peer = peers.get(message.voter)!
      const t = now()
      const result = await castBallot(peer.doc, { personId: peer.spec.id, signer: peer.signer, clock }, message.voteId, message.dots)
      if (!result.ok) throw new Error(result.message)
      send({ type: 'cast', id: message.id, t, signedMs: now() - t })
      return
    }
    case 'exit':
      for (const peer of peers.values()) {
        peer.stop()
        peer.connection.destroy()
        peer.awareness.destroy()
        peer.doc.destroy()
      }
      process.exit(0)
  }
}

process.on('message', (message: PeerCommand) => {
  handle(message).catch((error: unknown) => send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }))
})
process.on('disconnect', () => process.exit(0))
send({ type: 'ready' })
