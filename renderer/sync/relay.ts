import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { HocuspocusProvider, HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider'
import { ORIGINS, type Origin } from '../../shared/session'
import { deriveRelayKeys, RelayLog, RelayPresence, type RelayKeys, type RelayLogStats } from '../../shared/relay'
import { ValueStore, shallowEqual } from './store'

export type RelayStatus = 'connecting' | 'connected' | 'unreachable' | 'refused' | 'paused' | 'none'

export interface RelayState {
  status: RelayStatus
  /** Which of the invite's relays this peer uses now. */
  url: string | null
  /** This person's edits the relay has not confirmed yet (0: closing the app loses nothing there). */
  pending: number
}

export interface RelayConnectionOptions {
  doc: Y.Doc
  awareness: Awareness
  room: string
  secret: string
  /** The invite's relays, tried in turn. */
  urls: string[]
  /** Where the platform has no WebSocket (Node benchmark peers). */
  WebSocket?: unknown
  /** Presence arriving by WebRTC too stays when the relay connection drops. */
  keepPresence?: (clientId: number) => boolean
  /** Compaction threshold (tests and benchmarks). */
  compactAfter?: number
  /** Origins of this person's own edits that do not come as local transactions. */
  isOwn?: (origin: Origin) => boolean
}

/**
 * One convening's path through a relay (shared/relay): a Hocuspocus connection to a
 * relay room holding the convening's encrypted log and presence. When the relay in
 * use stops answering, the next one the invite names is tried (relays that share
 * Redis serve the same rooms), then the first again.
 */
export class RelayConnection {
  readonly state = new ValueStore<RelayState>({ status: 'connecting', url: null, pending: 0 }, shallowEqual)
  private provider: HocuspocusProvider | null = null
  private socket: HocuspocusProviderWebsocket | null = null
  private log: RelayLog | null = null
  private presence: RelayPresence | null = null
  private readonly relayDoc = new Y.Doc()
  private keys: RelayKeys | null = null
  private urlIndex = 0
  private failures = 0
  private destroyed = false
  private paused = false
  private syncing: Promise<void> = Promise.resolve()
  /** Syncs under way (after each reconnection, until what the relay lacks is written). */
  private resyncs = 0
  private firstSynced!: () => void
  private readonly firstSync = new Promise<void>((resolve) => (this.firstSynced = resolve))

  private constructor(private readonly options: RelayConnectionOptions) {}

  static async open(options: RelayConnectionOptions): Promise<RelayConnection> {
    const connection = new RelayConnection(options)
    await connection.start()
    return connection
  }

  private async start(): Promise<void> {
    const { doc, room, secret, urls } = this.options
    this.keys = await deriveRelayKeys(room, secret)
    if (this.destroyed) return
    this.log = new RelayLog({
      doc,
      relayDoc: this.relayDoc,
      keys: this.keys,
      origin: ORIGINS.relay,
      compactAfter: this.options.compactAfter,
      isOwn: this.options.isOwn,
      onProblem: (message) => console.warn(`Convene relay: ${message}`),
      onPending: () => this.set(this.state.get().status),
    })
    this.socket = new HocuspocusProviderWebsocket({
      url: urls[0],
      // Quick first retries, then at most every 10 s: a relay that restarts is found again soon.
      // (@lifeomic/attempt refuses a delay below minDelay, and then never connects.)
      delay: 600,
      minDelay: 300,
      factor: 1.6,
      maxDelay: 10_000,
      maxAttempts: 0,
      ...(this.options.WebSocket ? { WebSocketPolyfill: this.options.WebSocket } : {}),
    })
    const relayAwareness = new Awareness(this.relayDoc)
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: this.keys.name,
      document: this.relayDoc,
      awareness: relayAwareness,
      token: this.keys.token,
    })
    this.presence = new RelayPresence({
      awareness: this.options.awareness,
      relayAwareness,
      keys: this.keys,
      origin: ORIGINS.relay,
      keep: this.options.keepPresence,
    })
    this.provider.on('synced', this.onSynced)
    this.provider.on('authenticationFailed', this.onRefused)
    this.provider.on('unsyncedChanges', () => this.set(this.state.get().status))
    this.socket.on('status', this.onStatus)
    this.socket.on('close', this.onClose)
    this.provider.attach()
    if (this.paused) this.socket.disconnect()
  }

  private onSynced = (): void => {
    this.failures = 0
    this.presence?.publish()
    const log = this.log
    if (!log) return
    this.resyncs += 1
    this.set('connected')
    this.syncing = this.syncing
      .then(() => log.synced())
      .catch((error: unknown) => console.warn('Convene relay: sync failed', error))
      .finally(() => {
        this.resyncs -= 1
        this.set(this.state.get().status)
        this.firstSynced()
      })
  }

  private onRefused = (): void => {
    this.set('refused')
  }

  private onStatus = ({ status }: { status: WebSocketStatus }): void => {
    if (status === WebSocketStatus.Connecting && this.state.get().status !== 'unreachable' && this.state.get().status !== 'refused') this.set('connecting')
  }

  /** A dropped connection: after two failures on one relay, try the next the invite names. */
  private onClose = (): void => {
    this.presence?.forgetAll()
    if (this.destroyed || this.paused) return
    this.failures += 1
    if (this.state.get().status === 'connected') this.set('connecting')
    else if (this.failures > 1 && this.state.get().status !== 'refused') this.set('unreachable')
    const urls = this.options.urls
    if (urls.length > 1 && this.failures % 2 === 0 && this.socket) {
      this.urlIndex = (this.urlIndex + 1) % urls.length
      this.socket.configuration.url = urls[this.urlIndex]
    }
  }

  private set(status: RelayStatus): void {
    const pending = this.resyncs + (this.log?.pending ?? 0) + (this.provider?.unsyncedChanges ?? 0)
    this.state.set({ status: this.paused ? 'paused' : status, url: this.options.urls[this.urlIndex] ?? null, pending })
  }

  setPaused(paused: boolean): void {
    if (this.paused === paused) return
    this.paused = paused
    if (paused) {
      this.socket?.disconnect()
      this.presence?.forgetAll()
      this.set('paused')
    } else {
      this.set('connecting')
      void this.socket?.connect()
    }
  }

  /** Convening awareness client ids present through the relay now. */
  presentClients(): Set<number> {
    return this.presence?.presentClients() ?? new Set()
  }

  get stats(): RelayLogStats | null {
    return this.log?.stats ?? null
  }

  /**
   * Resolves once the first sync is done and every edit so far is in the relay
   * document (sent as soon as the connection allows; `state.pending` says when the
   * relay has confirmed it). Waits for as long as the relay is unreachable.
   */
  async whenWritten(): Promise<void> {
    await this.firstSync
    await this.syncing
    await this.log?.whenWritten()
  }

  /** Fold the log into a snapshot now (benchmarks and tests; peers do it by themselves when it grows). */
  async compact(): Promise<boolean> {
    return (await this.log?.compact(true)) ?? false
  }

  get isSynced(): boolean {
    return this.provider?.isSynced ?? false
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.presence?.forgetAll()
    this.presence?.destroy()
    this.log?.destroy()
    this.provider?.destroy()
    this.socket?.destroy()
    this.relayDoc.destroy()
  }
}
