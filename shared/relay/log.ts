import * as Y from 'yjs'
import { openEntry, sealEntry } from './entries'
import type { RelayKeys } from './keys'
import { errorMessage } from '../errors'
import type { Origin } from '../session/origins'

/** A timer handle in either runtime (a number in browsers, an object in Node). */
type Timer = ReturnType<typeof setTimeout>

/**
 * Keeps a convening's document and its relay room in step, end to end encrypted.
 *
 * The relay room is a Yjs document of its own (`relayDoc`) whose root array `log`
 * holds sealed entries (shared/relay/entries.ts): each an encrypted Yjs update of the
 * convening, or an encrypted snapshot of many. The relay stores and forwards that
 * document like any other; it never holds a key.
 *
 * - Every entry that arrives is opened and applied to the convening (origin `origin`).
 * - This person's own edits are sealed and appended as they happen (one entry per
 *   burst of edits in one task).
 * - Edits that reached this peer another way (WebRTC from someone not on the relay,
 *   or made while offline) are appended only if the relay does not have them yet:
 *   `shadow` is a Yjs document holding exactly what this peer has read from or written
 *   to the log, and applying an update to it emits only what is new to it.
 *   Updates from WebRTC wait a few seconds first, so their author's own entry (the
 *   usual case) arrives through the relay and nothing is written twice.
 * - After every (re)connection the shadow is rebuilt from the log as it is now and
 *   whatever the convening holds beyond it is appended: edits made offline, and
 *   anything a member's modified app deleted from the log, come back.
 * - Compaction: when the log grows long, one peer seals a snapshot of the shadow and,
 *   in the same transaction, deletes the entries that snapshot covers (only entries it
 *   has opened and applied). Concurrent compactions are safe: each deletes only what
 *   its own snapshot holds, and an entry added meanwhile by anyone stays. Entries this
 *   peer cannot open (damaged, written by a newer version) are never deleted.
 */
export interface RelayLogOptions {
  doc: Y.Doc
  relayDoc: Y.Doc
  keys: RelayKeys
  /** The origin of what this log applies to `doc` (ORIGINS.relay). */
  origin: Origin
  /** Entries in the log beyond which a peer compacts it (default 200). */
  compactAfter?: number
  /** How long updates that arrived by another path wait before being checked against the log (default 3-5 s). */
  elsewhereDelayMs?: () => number
  /** How long a peer waits before compacting, so a room of 40 does not all compact at once (default 1-11 s). */
  compactDelayMs?: () => number
  onProblem?: (message: string) => void
  /** Origins of this person's own edits that do not come as local transactions (an update applied on purpose). */
  isOwn?: (origin: Origin) => boolean
  /** Called when the number of this peer's edits not yet in the relay document changes. */
  onPending?: (pending: number) => void
}

export interface RelayLogStats {
  entries: number
  unreadable: number
  written: number
  writtenBytes: number
  compactions: number
}

/** The shortest time between two entries of this peer's own edits (see onDocUpdate). */
export const OWN_WRITE_INTERVAL_MS = 16

/** Marks what the log itself applies to the shadow (nothing to write back). */
const FROM_LOG = Symbol('relay log')
/** Marks updates applied to the shadow to find what is new in them. */
const PROBE = Symbol('relay probe')
/** The origin of this peer's own writes to the relay document. */
export const RELAY_WRITE = Symbol('relay write')

export class RelayLog {
  private readonly log: Y.Array<unknown>
  private shadow = new Y.Doc()
  /** Opened entries: their plaintext update, or null when they cannot be opened. */
  private readonly opened = new WeakMap<object, Uint8Array | null>()
  private readonly opening = new Set<Promise<void>>()
  private ready = false
  private destroyed = false
  private own: Uint8Array[] = []
  private ownScheduled = false
  private lastOwnWrite = -Infinity
  private elsewhere: Uint8Array[] = []
  private elsewhereTimer: Timer | undefined
  private compactTimer: Timer | undefined
  private resyncTimer: Timer | undefined
  private writing: Promise<void> = Promise.resolve()
  private novel: Uint8Array[] = []
  private inFlight = 0
  readonly stats: RelayLogStats = { entries: 0, unreadable: 0, written: 0, writtenBytes: 0, compactions: 0 }

  constructor(private readonly options: RelayLogOptions) {
    this.log = options.relayDoc.getArray('log')
    this.log.observe(this.onLog)
    options.doc.on('update', this.onDocUpdate)
    this.shadow.on('update', this.onShadowUpdate)
    this.openAll()
  }

  private get compactAfter(): number {
    return this.options.compactAfter ?? 200
  }

  /** Whether the first sync is done and this peer's edits are being written. */
  get isReady(): boolean {
    return this.ready
  }

  private onShadowUpdate = (update: Uint8Array, origin: Origin): void => {
    if (origin === PROBE) this.novel.push(update)
  }

  private onLog = (event: Y.YArrayEvent<unknown>, transaction: Y.Transaction): void => {
    this.stats.entries = this.log.length
    for (const item of event.changes.added) {
      for (const value of item.content.getContent()) this.open(value)
    }
    // Someone removed entries without being this peer: if that was not a compaction
    // (which adds the snapshot in the same transaction), what they removed must come
    // back. Rebuilding the shadow from the log shows what is missing.
    if (event.changes.deleted.size > 0 && transaction.origin !== RELAY_WRITE && event.changes.added.size === 0) {
      this.scheduleResync()
    }
    this.scheduleCompaction()
  }

  private openAll(): void {
    for (const value of this.log.toArray()) this.open(value)
  }

  private open(value: unknown): void {
    if (typeof value !== 'object' || value === null || this.opened.has(value)) return
    this.opened.set(value, null)
    const opening = openEntry(this.options.keys.content, this.options.keys.name, value).then((result) => {
      this.opening.delete(opening)
      if (this.destroyed) return
      if (!result.ok || result.kind === 'presence') {
        this.stats.unreadable += 1
        if (result.ok || result.reason !== 'not-an-entry') this.options.onProblem?.(`An entry in the relay could not be read (${result.ok ? 'presence in the log' : result.reason}); it was left as it is.`)
        return
      }
      this.opened.set(value, result.payload)
      this.applyFromLog(result.payload)
    })
    this.opening.add(opening)
  }

  private applyFromLog(update: Uint8Array): void {
    try {
      Y.applyUpdate(this.shadow, update, FROM_LOG)
      Y.applyUpdate(this.options.doc, update, this.options.origin)
    } catch (error) {
      this.options.onProblem?.(`An update from the relay could not be applied: ${errorMessage(error)}`)
    }
  }

  private onDocUpdate = (update: Uint8Array, origin: Origin, _doc: Y.Doc, transaction: Y.Transaction): void => {
    if (origin === this.options.origin || this.destroyed || !this.ready) return
    if (transaction.local || this.options.isOwn?.(origin)) {
      this.own.push(update)
      if (!this.ownScheduled) {
        this.ownScheduled = true
        this.setInFlight(1)
        // One entry per task, and at most one per OWN_WRITE_INTERVAL_MS: an edit leaves
        // at once, a fast burst (a template, a paste, a drag) leaves as a few entries
        // instead of one message per keystroke-sized transaction, staying well inside
        // the relay's per-connection rate limit.
        const wait = this.lastOwnWrite + OWN_WRITE_INTERVAL_MS - Date.now()
        if (wait > 0) setTimeout(this.writeOwn, wait)
        else queueMicrotask(this.writeOwn)
      }
    } else {
      this.elsewhere.push(update)
      this.elsewhereTimer ??= setTimeout(this.writeElsewhere, this.options.elsewhereDelayMs?.() ?? 3000 + Math.random() * 2000)
    }
  }

  private writeOwn = (): void => {
    if (!this.ownScheduled) return
    this.ownScheduled = false
    this.lastOwnWrite = Date.now()
    const batch = this.own
    this.own = []
    this.writeNew(batch)
    this.setInFlight(-1)
  }

  private setInFlight(change: number): void {
    this.inFlight += change
    this.options.onPending?.(this.inFlight)
  }

  /** This peer's edits not yet in the relay document (being sealed). */
  get pending(): number {
    return this.inFlight
  }

  private writeElsewhere = (): void => {
    this.elsewhereTimer = undefined
    const batch = this.elsewhere
    this.elsewhere = []
    this.writeNew(batch)
  }

  /** What in `updates` the log does not hold yet, sealed and appended as one entry. */
  private writeNew(updates: Uint8Array[]): void {
    if (updates.length === 0 || this.destroyed) return
    this.novel = []
    try {
      Y.applyUpdate(this.shadow, updates.length === 1 ? updates[0] : Y.mergeUpdates(updates), PROBE)
    } catch (error) {
      this.options.onProblem?.(`An edit could not be prepared for the relay: ${errorMessage(error)}`)
      return
    }
    const novel = this.novel
    this.novel = []
    if (novel.length === 0) return
    void this.append('update', novel.length === 1 ? novel[0] : Y.mergeUpdates(novel))
  }

  /** Seals and appends in order (sealing is asynchronous; the log keeps the order of edits). */
  private append(kind: 'update' | 'snapshot', payload: Uint8Array, covered: object[] = []): Promise<void> {
    const { keys } = this.options
    const sealing = sealEntry(keys.content, keys.name, kind, payload)
    this.setInFlight(1)
    this.writing = this.writing.then(async () => {
      const entry = await sealing
      if (this.destroyed) return
      this.opened.set(entry, payload)
      this.options.relayDoc.transact(() => {
        if (covered.length > 0) this.removeCovered(new Set(covered))
        this.log.push([entry])
      }, RELAY_WRITE)
      this.stats.written += 1
      this.stats.writtenBytes += entry.byteLength
    })
    this.writing = this.writing
      .catch((error: unknown) => {
        this.options.onProblem?.(`Could not write to the relay: ${errorMessage(error)}`)
      })
      .finally(() => this.setInFlight(-1))
    return this.writing
  }

  private removeCovered(covered: Set<object>): void {
    // Read once (Y.Array.get walks the list), then delete from the end so earlier
    // indexes stay valid; runs of neighbours go in one delete.
    const values = this.log.toArray()
    const isCovered = (i: number): boolean => typeof values[i] === 'object' && values[i] !== null && covered.has(values[i])
    for (let end = values.length - 1; end >= 0; end -= 1) {
      if (!isCovered(end)) continue
      let start = end
      while (start > 0 && isCovered(start - 1)) start -= 1
      this.log.delete(start, end - start + 1)
      end = start
    }
  }

  /**
   * The relay connection has (re)synced the relay document: wait for every entry to
   * be opened, rebuild the shadow from the log as it is now, and append what the
   * convening holds beyond it. Resolves when that is written to the relay document.
   */
  async synced(): Promise<void> {
    this.openAll()
    while (this.opening.size > 0) await Promise.all([...this.opening])
    if (this.destroyed) return
    const shadow = new Y.Doc()
    shadow.transact(() => {
      for (const value of this.log.toArray()) {
        const update = typeof value === 'object' && value !== null ? this.opened.get(value) : null
        if (update) Y.applyUpdate(shadow, update, FROM_LOG)
      }
    }, FROM_LOG)
    this.shadow.off('update', this.onShadowUpdate)
    this.shadow.destroy()
    this.shadow = shadow
    shadow.on('update', this.onShadowUpdate)
    this.ready = true
    // Everything the convening holds, less what the log has: offline edits, and what
    // arrived by WebRTC and is waiting (it is in the document already).
    clearTimeout(this.elsewhereTimer)
    this.elsewhereTimer = undefined
    this.elsewhere = []
    this.writeNew([Y.encodeStateAsUpdate(this.options.doc)])
    await this.writing
    this.scheduleCompaction()
  }

  private scheduleResync(): void {
    if (this.resyncTimer !== undefined || !this.ready) return
    this.resyncTimer = setTimeout(() => {
      this.resyncTimer = undefined
      if (!this.destroyed) void this.synced()
    }, this.options.elsewhereDelayMs?.() ?? 3000 + Math.random() * 2000)
  }

  private scheduleCompaction(): void {
    if (this.compactTimer !== undefined || !this.ready || this.log.length <= this.compactAfter) return
    this.compactTimer = setTimeout(() => {
      this.compactTimer = undefined
      void this.compact()
    }, this.options.compactDelayMs?.() ?? 1000 + Math.random() * 10_000)
  }

  /** Fold every entry this peer has applied into one snapshot (also used by tests and benchmarks). */
  async compact(force = false): Promise<boolean> {
    if (this.destroyed || !this.ready || (!force && this.log.length <= this.compactAfter)) return false
    await this.writing
    const covered: object[] = []
    for (const value of this.log.toArray()) {
      if (typeof value === 'object' && value !== null && this.opened.get(value)) covered.push(value)
    }
    if (covered.length < 2) return false
    // The shadow holds exactly what was applied from those entries and what this peer wrote.
    const snapshot = Y.encodeStateAsUpdate(this.shadow)
    await this.append('snapshot', snapshot, covered)
    this.stats.compactions += 1
    return true
  }

  /** Resolves once every edit so far is in the relay document (not necessarily sent yet). */
  async whenWritten(): Promise<void> {
    if (this.ownScheduled) this.writeOwn()
    await this.writing
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    clearTimeout(this.elsewhereTimer)
    clearTimeout(this.compactTimer)
    clearTimeout(this.resyncTimer)
    this.log.unobserve(this.onLog)
    this.options.doc.off('update', this.onDocUpdate)
    this.shadow.destroy()
  }
}
