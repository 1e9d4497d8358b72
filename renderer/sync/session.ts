// Long file (about 530 lines) on purpose: it owns one convening's live session (IndexedDB,
// the WebRTC mesh, the relay, awareness, seeding and migration) and their start and
// teardown order is the point; split, that order would be spread over several files.
import * as Y from 'yjs'
import { WebrtcProvider } from 'y-webrtc'
import { Awareness, removeAwarenessStates } from 'y-protocols/awareness'
import {
  ORIGINS,
  isLocalOrigin,
  isSeeded,
  migrate,
  peopleMap,
  readTitle,
  seedConvening,
  upsertPerson,
  endStatement,
  ensureBound,
  giveRole,
  setRole,
  watchStatements,
  type MigrationOutcome,
  type Role,
  type RoleResult,
  type Signer,
  type Panel,
  type Person,
  type Presence,
  type Origin,
} from '../../shared/session'
import type { ConveneDB, ConveningRecord } from './db'
import { COMPACT_AFTER, UpdateLog } from './persistence'
import { coalesceUpdates } from './coalesce'
import { ClockSync } from './clock'
import { ValueStore, shallowEqual } from './store'
import { RelayConnection, type RelayStatus } from './relay'
import { keepSignedEnds, keepSignedVotes, setLock, watchLocks, type LockTarget, type RunResult, type SignedEnd } from '../../shared/facilitation'
import { holdPrivateKeys, isPromptRevealed, sealedResponsesOf, signReveal, watchPrivateReveal } from '../../shared/conversation'
import { keepPrivateKey, loadPrivateKeys } from './keys'
import { keepSignedLevers, signerFor } from '../../shared/climate'

export interface NetworkSettings {
  /** Used when the convening's invite names no signaling server. */
  signaling: string[]
  /** Relays for convenings and cohorts started on this computer (an invite carries its own). */
  relays: string[]
  iceServers: RTCIceServer[]
}

export interface ConnectionState {
  /** 'paused' = this person chose to work offline. */
  signaling: 'connected' | 'connecting' | 'unreachable' | 'paused'
  /** People connected either way (each counted once). */
  peers: number
  /** People connected directly over WebRTC. */
  direct: number
  /** People reached only through the relay. */
  viaRelay: number
  /** 'none' when the invite names no relay. */
  relay: RelayStatus
  /** This person's edits the relay has not confirmed yet. */
  relayPending: number
  online: boolean
}

/**
 * What makes a room's document a convening or something else held the same way (a
 * cohort, shared/cohort): how its creator seeds it, its migrations, and which list on
 * this machine shows it. The convening is the default.
 */
export interface SessionKind {
  /** Called once, by the creator only (the record carries `pendingSeed`). */
  seed(doc: Y.Doc, record: ConveningRecord, me: Person): void
  migrate(doc: Y.Doc): MigrationOutcome
  recordTable: 'convenings' | 'cohorts'
}

export const CONVENING_KIND: SessionKind = {
  seed: (doc, record, me) => seedConvening(doc, { id: record.id, title: record.pendingSeed ?? '', createdBy: me, now: Date.now() }),
  migrate: (doc) => migrate(doc),
  recordTable: 'convenings',
}

export interface SessionOptions {
  db: ConveneDB
  record: ConveningRecord
  me: Person
  network: NetworkSettings
  /** Convening unless given. */
  kind?: SessionKind
  /**
   * y-webrtc's maxConns. Without a relay the mesh must be full (everyone reaches
   * everyone directly). With one, each person keeps a handful of direct connections
   * for the fast live path and the relay carries the rest, so an edit costs about
   * n × RELAYED_MESH_CONNS messages instead of n².
   */
  maxConns?: number
  /**
   * This person's signing key (keys.ts). With it, and a founder key in the record,
   * roles in this room are signed statements (shared/session/signed.ts). Benchmark
   * peers go without.
   */
  signer?: Signer
  /** A WebRTC implementation where the platform has none (Node peers in benchmarks). */
  wrtc?: unknown
  /** A WebSocket implementation where the platform has none (Node peers in benchmarks). */
  WebSocket?: unknown
}

/** Direct WebRTC connections per person when a relay carries the room. */
export const RELAYED_MESH_CONNS = 6
const FULL_MESH_CONNS = 45

// The session also runs in Node (benchmark peers), where there is no window.
const hasWindow = typeof window !== 'undefined'

// y-webrtc keeps one room per name per page and removes it asynchronously on destroy;
// a new provider for the same room must wait for that, or y-webrtc throws.
const closingRooms = new Map<string, Promise<void>>()

/**
 * The owner of one open convening: its Y.Doc, local persistence, WebRTC provider and
 * awareness. Created by the session registry, destroyed exactly once.
 */
export class ConveningSession {
  readonly doc = new Y.Doc()
  readonly awareness = new Awareness(this.doc)
  readonly connection = new ValueStore<ConnectionState>(
    { signaling: 'connecting', peers: 0, direct: 0, viaRelay: 0, relay: 'none', relayPending: 0, online: true },
    shallowEqual,
  )
  readonly migration = new ValueStore<MigrationOutcome>({ status: 'unseeded' })
  /** Other people's clock offsets, for timers that agree across machines. */
  clock!: ClockSync
  private provider: WebrtcProvider | null = null
  private relay: RelayConnection | null = null
  private unsubscribeRelay: (() => void) | null = null
  private readonly log: UpdateLog
  private destroyed = false
  private paused = false
  private timer: ReturnType<typeof setInterval> | undefined
  private recordTimer: ReturnType<typeof setTimeout> | undefined
  private compacting = false
  private stopStatements: (() => void) | null = null
  private stopPrivate: (() => void) | null = null
  private stopLocks: (() => void) | null = null
  private stopLevers: (() => void) | null = null

  private constructor(private readonly options: SessionOptions) {
    this.log = new UpdateLog(options.db, options.record.id)
  }

  static async open(options: SessionOptions): Promise<ConveningSession> {
    const session = new ConveningSession(options)
    await session.start()
    return session
  }

  get id(): string {
    return this.options.record.id
  }

  get secret(): string {
    return this.options.record.secret
  }

  /** The signaling servers this peer uses (the invite's, or this machine's default). */
  get signalingUrls(): string[] {
    const { record, network } = this.options
    return record.signaling.length > 0 ? record.signaling : network.signaling
  }

  /** The relays this convening syncs through (the invite's). */
  get relayUrls(): string[] {
    return this.options.record.relays ?? []
  }

  get me(): Person {
    return this.options.me
  }

  /** The founder's public key, which the invite carries (absent in rooms started before roles were signed). */
  get founderKey(): string | undefined {
    return this.options.record.founder
  }

  /**
   * What ending the convening (leaving `segment`) needs where roles are signed: this
   * person's signed statement of the end. Undefined where they are not.
   */
  async signEnd(segment: string | null): Promise<SignedEnd | undefined> {
    const { signer, record } = this.options
    if (!signer || !record.founder) return undefined
    const at = this.clock.now()
    return { at, statement: await endStatement(signer, record.id, segment, at) }
  }

  /** A facilitator's signed reveal of a prompt's private responses (undefined where roles are not signed). */
  signReveal(promptId: string): Promise<string | undefined> {
    return signReveal(this.doc, this.options.signer, promptId)
  }

  /** What signs a claim as this person here; undefined where roles are not signed. */
  claimSigner(): ((subject: string, body: string, at: number) => Promise<string>) | undefined {
    return signerFor(this.doc, this.options.signer)
  }

  /** Lock or unlock a diagram, a region of one, or the agenda (signed where roles are signed). */
  setLock(target: LockTarget, locked: boolean): Promise<RunResult> {
    return setLock(this.doc, this.options.signer, this.me.id, target, locked, this.clock.now())
  }

  /** Give someone a role as this room keeps them (signed where roles are signed). */
  giveRole(targetId: string, role: Role): Promise<RoleResult> {
    const { signer, me } = this.options
    if (signer) return giveRole(this.doc, signer, targetId, role)
    return Promise.resolve(setRole(this.doc, me.id, targetId, role))
  }

  private get kind(): SessionKind {
    return this.options.kind ?? CONVENING_KIND
  }

  /** The list on this machine that shows this room (convenings, or cohorts). */
  private records() {
    return this.options.db.table<ConveningRecord, string>(this.kind.recordTable)
  }

  private async start(): Promise<void> {
    const { record, me } = this.options
    // Marks for the reopen benchmark (tests/bench/reopen.ts); cheap, and visible in devtools.
    const mark = `convene:open:${record.id}`
    performance.mark(mark)
    // Before anything is read: roles in a room with a founder key come only from signed statements.
    if (record.founder) {
      const stopWatching = watchStatements(this.doc, record.id, record.founder)
      const stopEnds = keepSignedEnds(this.doc)
      const stopVotes = keepSignedVotes(this.doc)
      this.stopStatements = () => {
        stopWatching()
        stopEnds()
        stopVotes()
      }
    }
    // This person's private-mode keys, before anything reads a response (private.ts).
    const { db } = this.options
    holdPrivateKeys(this.doc, me.id, await loadPrivateKeys(db, record.id), (promptId, key) => keepPrivateKey(db, record.id, promptId, key))
    const rowsRead = await this.log.load(this.doc)
    performance.measure('convene:load', { start: mark, detail: { rows: rowsRead } })
    this.doc.on('update', this.onUpdate)
    // A long log makes the next opening slower: fold it, after this opening is done.
    if (rowsRead > COMPACT_AFTER / 5) this.compactSoon()
    if (record.pendingSeed) {
      // Only the creator's record carries a pending seed: joiners never seed.
      if (!isSeeded(this.doc)) this.kind.seed(this.doc, record, me)
      await this.log.whenFlushed()
      await this.records().update(record.id, { pendingSeed: undefined })
    }
    upsertPerson(this.doc, me)
    if (record.founder && this.options.signer) await ensureBound(this.doc, this.options.signer, record.id)
    this.runMigration()
    this.doc.getMap('meta').observe(this.runMigration)
    // Locked content stays as it was locked, whatever a modified app writes (locks.ts).
    this.stopLocks = watchLocks(this.doc)
    // The levers' lock holds against modified apps where roles are signed (signedLevers.ts).
    if (record.founder) this.stopLevers = keepSignedLevers(this.doc, this.options.signer)
    // At a reveal (now, or one that happened while this app was closed), publish this person's keys.
    this.stopPrivate = watchPrivateReveal(
      this.doc,
      (promptId) => isPromptRevealed(this.doc, promptId),
      (personId) => sealedResponsesOf(this.doc, personId),
    )
    this.awareness.setLocalState({ user: presenceUser(me), panel: 'notes' } satisfies Presence)
    this.clock = new ClockSync(this.awareness, me.id)
    this.doc.getMap('meta').observe(this.scheduleRecordUpdate)
    peopleMap(this.doc).observe(this.scheduleRecordUpdate)
    this.scheduleRecordUpdate()
    await this.connect()
    if (hasWindow) {
      window.addEventListener('online', this.refreshConnection)
      window.addEventListener('offline', this.refreshConnection)
      window.addEventListener('pagehide', this.onPageHide)
    }
    this.timer = setInterval(this.refreshConnection, 1000)
  }

  /** The window is closing or reloading: keep what IndexedDB has not confirmed (persistence.ts). */
  private onPageHide = (): void => {
    this.log.stashUnsaved()
  }

  private onUpdate = (update: Uint8Array, origin: Origin, _doc: Y.Doc, transaction: Y.Transaction): void => {
    if (origin === ORIGINS.persistence) return
    // An anonymous response is this person's own edit applied as an update (local origin, not a local transaction).
    this.log.append(update, !transaction.local && !isLocalOrigin(origin))
    if (this.log.appendedSinceOpen > COMPACT_AFTER) this.compactSoon()
  }

  private compactSoon(): void {
    if (this.compacting) return
    this.compacting = true
    setTimeout(() => {
      if (this.destroyed) return
      this.log.compact().then(
        () => (this.compacting = false),
        (error: unknown) => {
          this.compacting = false
          console.warn('Convene: compaction failed; the update log is intact', error)
        },
      )
    }, 1000)
  }

  private runMigration = (): void => {
    this.migration.set(this.kind.migrate(this.doc))
  }

  private async connect(): Promise<void> {
    const { record, network, maxConns } = this.options
    await closingRooms.get(record.id)
    if (this.destroyed) return
    const relayed = this.relayUrls.length > 0
    const provider = new WebrtcProvider(record.id, this.doc, {
      signaling: this.signalingUrls,
      password: record.secret,
      awareness: this.awareness,
      maxConns: maxConns ?? (relayed ? RELAYED_MESH_CONNS : FULL_MESH_CONNS),
      peerOpts: { config: { iceServers: network.iceServers }, ...(this.options.wrtc ? { wrtc: this.options.wrtc } : {}) },
    })
    this.provider = provider
    await provider.key // the room exists once the key is derived
    if (provider.room) {
      coalesceUpdates(provider.room, this.doc, provider.shouldConnect)
      this.awareness.setLocalStateField('peer', provider.room.peerId)
    }
    provider.on('peers', this.onPeers)
    provider.on('status', this.refreshConnection)
    if (this.paused) provider.disconnect()
    if (relayed) await this.connectRelay()
    this.refreshConnection()
  }

  private async connectRelay(): Promise<void> {
    const relay = await RelayConnection.open({
      doc: this.doc,
      awareness: this.awareness,
      room: this.id,
      secret: this.secret,
      urls: this.relayUrls,
      WebSocket: this.options.WebSocket,
      keepPresence: (clientId) => this.directClients().has(clientId),
      isOwn: isLocalOrigin,
    })
    if (this.destroyed) return relay.destroy()
    this.relay = relay
    relay.setPaused(this.paused)
    this.unsubscribeRelay = relay.state.subscribe(this.refreshConnection)
  }

  /** The y-webrtc peer ids this window is connected to now. */
  private directPeerIds(): Set<string> {
    const room = this.provider?.room
    if (!room) return new Set()
    return new Set([...room.webrtcConns.entries()].filter(([, conn]) => conn.connected).map(([peerId]) => peerId))
  }

  /** Awareness client ids of the windows connected directly (WebRTC, or another tab). */
  private directClients(): Set<number> {
    const peers = this.directPeerIds()
    const out = new Set<number>()
    for (const [clientId, state] of this.awareness.getStates()) {
      const peer = (state as { peer?: string }).peer
      if (peer && peers.has(peer)) out.add(clientId)
    }
    return out
  }

  /**
   * y-webrtc forgets a closed peer's presence only when its awareness times out (30 s).
   * Each window publishes its peer id in its presence, so presence goes as soon as the
   * connection to that window closes.
   */
  private onPeers = ({ removed }: { removed: string[] }): void => {
    if (removed.length > 0) {
      const gone = new Set(removed)
      const viaRelay = this.relay?.presentClients() ?? new Set<number>()
      const clients = [...this.awareness.getStates()]
        .filter(([clientId, state]) => clientId !== this.awareness.clientID && !viaRelay.has(clientId) && gone.has((state as { peer?: string }).peer ?? ''))
        .map(([clientId]) => clientId)
      if (clients.length > 0) {
        removeAwarenessStates(this.awareness, clients, 'peer closed')
        // Forget their clock too, so their presence is taken again when they come back.
        for (const clientId of clients) this.awareness.meta.delete(clientId)
      }
    }
    this.refreshConnection()
  }

  refreshConnection = (): void => {
    const provider = this.provider
    const online = typeof navigator === 'undefined' ? true : navigator.onLine
    const relayState = this.relay?.state.get()
    const relay: RelayStatus = relayState?.status ?? (this.relayUrls.length > 0 ? (this.paused ? 'paused' : 'connecting') : 'none')
    const relayPending = relayState?.pending ?? 0
    if (!provider) {
      return this.connection.set({ signaling: this.paused ? 'paused' : 'connecting', peers: 0, direct: 0, viaRelay: 0, relay, relayPending, online })
    }
    const direct = this.directPeerIds().size + (provider.room ? provider.room.bcConns.size : 0)
    const viaRelay = this.relayPeople()
    const conns = provider.signalingConns as { connected: boolean; unsuccessfulReconnects?: number }[]
    let signaling: ConnectionState['signaling']
    if (this.paused) signaling = 'paused'
    else if (conns.some((c) => c.connected)) signaling = 'connected'
    else if (conns.some((c) => (c.unsuccessfulReconnects ?? 0) > 1)) signaling = 'unreachable'
    else signaling = 'connecting'
    this.connection.set({ signaling, peers: direct + viaRelay, direct, viaRelay, relay, relayPending, online })
  }

  /** People present through the relay and not connected directly (each person once, never me). */
  private relayPeople(): number {
    const relayed = this.relay?.presentClients()
    if (!relayed || relayed.size === 0) return 0
    const direct = this.directClients()
    const people = new Set<string>()
    const directPeople = new Set<string>()
    for (const [clientId, state] of this.awareness.getStates()) {
      const id = (state as Partial<Presence>).user?.id
      if (!id || id === this.me.id) continue
      if (direct.has(clientId)) directPeople.add(id)
      else if (relayed.has(clientId)) people.add(id)
    }
    for (const id of directPeople) people.delete(id)
    return people.size
  }

  /** Work offline (true) or reconnect (false). Edits keep being saved either way. */
  setPaused(paused: boolean): void {
    if (this.paused === paused) return
    this.paused = paused
    // y-webrtc clears this window's presence when it disconnects; keep it locally (the
    // person still sees themselves), and publish it again on reconnecting.
    const presence = this.awareness.getLocalState()
    if (paused) this.provider?.disconnect()
    else this.provider?.connect()
    this.relay?.setPaused(paused)
    this.awareness.setLocalState(presence)
    this.refreshConnection()
  }

  get isPaused(): boolean {
    return this.paused
  }

  /** Tell others which panel this person is on (presence only: never stored). */
  setPanel(panel: Panel): void {
    const state = this.awareness.getLocalState() as Presence | null
    if (!state || state.panel === panel) return
    this.awareness.setLocalStateField('panel', panel)
  }

  private scheduleRecordUpdate = (): void => {
    clearTimeout(this.recordTimer)
    this.recordTimer = setTimeout(() => {
      if (!this.destroyed) this.updateRecord().catch((error: unknown) => console.warn('Convene: could not update the convening list', error))
    }, 300)
  }

  private async updateRecord(): Promise<void> {
    const title = readTitle(this.doc)
    const changes: Partial<ConveningRecord> = { peopleCount: peopleMap(this.doc).size }
    if (title) changes.title = title
    await this.records().update(this.id, changes)
  }

  /** Resolves once the relay (if any) has every edit so far in its document (benchmarks and tests). */
  async whenRelayed(): Promise<void> {
    await this.relay?.whenWritten()
  }

  /** The relay connection, when the invite names one (benchmarks and tests). */
  get relayConnection(): RelayConnection | null {
    return this.relay
  }

  /** Resolves once every edit so far is on disk (used before closing and by tests). */
  whenSaved(): Promise<void> {
    return this.log.whenFlushed()
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return
    this.destroyed = true
    // Registered synchronously, so a session for the same room opened right after this
    // call (React StrictMode, leaving and re-entering) waits for the room to close.
    const closed = this.teardown()
    closingRooms.set(this.id, closed)
    await closed
    if (closingRooms.get(this.id) === closed) closingRooms.delete(this.id)
  }

  private async teardown(): Promise<void> {
    clearInterval(this.timer)
    this.stopStatements?.()
    this.stopPrivate?.()
    this.stopLocks?.()
    this.stopLevers?.()
    clearTimeout(this.recordTimer)
    this.clock.destroy()
    if (hasWindow) {
      window.removeEventListener('online', this.refreshConnection)
      window.removeEventListener('offline', this.refreshConnection)
    }
    await this.updateRecord().catch(() => undefined)
    this.unsubscribeRelay?.()
    if (this.relay) {
      // Give the relay a moment to take the last edits; what it misses goes on the next opening.
      await Promise.race([this.relay.whenWritten(), new Promise((resolve) => setTimeout(resolve, 1000))])
      this.relay.destroy()
    }
    this.doc.off('update', this.onUpdate)
    await this.log.destroy()
    // Only now: a window closing while the last edits were being written still stashes them.
    if (hasWindow) window.removeEventListener('pagehide', this.onPageHide)
    const provider = this.provider
    if (provider) {
      provider.destroy()
      await provider.key // y-webrtc removes the room in its own continuation of this promise
    }
    this.awareness.destroy()
    this.doc.destroy()
  }
}

export function presenceUser(me: Person): Presence['user'] {
  return { id: me.id, name: me.name, colour: me.colour, role: me.role, timeZone: me.timeZone }
}
