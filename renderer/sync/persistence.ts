import * as Y from 'yjs'
import { Dexie } from 'dexie'
import { ORIGINS } from '../../shared/session'
import type { ConveneDB, StoredUpdate } from './db'

/**
 * Stores every update of a convening's Y.Doc (local and remote) in IndexedDB as it
 * happens, so closing the window at any moment loses nothing, and compacts the log
 * into one update when it grows.
 *
 * Several windows may hold the same convening: each appends its updates; duplicates
 * are harmless (Yjs updates are idempotent) and compaction folds them away. Compaction
 * only deletes the rows it read, so rows another window adds meanwhile survive.
 */
export const COMPACT_AFTER = 500
/** How long updates from other peers wait to be written together. */
export const REMOTE_BATCH_MS = 40
/** Where a closing window leaves what IndexedDB had not confirmed yet (see `stashUnsaved`). */
export const STASH_PREFIX = 'convene:unsaved:'

/** The synchronous part of Web Storage the stash needs (localStorage in the app, a fake in unit tests). */
export type StashStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>

function defaultStash(): StashStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null // storage switched off: the stash is a safety net, not a requirement
  }
}

export class UpdateLog {
  private pending: Uint8Array[] = []
  /** The batch IndexedDB is writing now: not on disk until its transaction commits. */
  private inFlight: Uint8Array[] = []
  private flushing: Promise<void> | null = null
  private batchTimer: ReturnType<typeof setTimeout> | undefined
  private appended = 0
  private soon = false
  private destroyed = false

  constructor(
    private readonly db: ConveneDB,
    readonly conveningId: string,
    private readonly stash: StashStorage | null = defaultStash(),
  ) {}

  private range(): [unknown[], unknown[]] {
    return [
      [this.conveningId, Dexie.minKey],
      [this.conveningId, Dexie.maxKey],
    ]
  }

  /**
   * Load the stored state into `doc` in one transaction; returns how many rows were
   * read. What a closed window stashed is applied too, written to IndexedDB, and only
   * then removed from the stash.
   */
  async load(doc: Y.Doc): Promise<number> {
    const [lower, upper] = this.range()
    const rows = await this.db.updates.where('[conveningId+seq]').between(lower, upper).toArray()
    const stashed = this.readStash()
    const all = [...rows, ...stashed]
    // One transaction for all rows: about 100x faster than Y.mergeUpdates on a long log.
    if (all.length > 0) applyAll(doc, all)
    if (stashed.length > 0) {
      await this.db.updates.bulkAdd(stashed.map(({ update }) => ({ conveningId: this.conveningId, update })))
      for (const { key } of stashed) this.stash?.removeItem(key)
    }
    return rows.length
  }

  /**
   * Called when the window goes away (pagehide). IndexedDB aborts a transaction that
   * has not committed when its page unloads, so the last keystrokes before closing
   * or reloading could be lost; Web Storage writes synchronously. Everything not yet
   * confirmed on disk is merged into one update and left under a key of its own; the
   * next `load` of this convening (in any window) takes it in. Yjs updates are
   * idempotent, so if IndexedDB did finish after all, the copy changes nothing.
   */
  stashUnsaved(): void {
    const unsaved = [...this.inFlight, ...this.pending]
    if (unsaved.length === 0 || !this.stash) return
    try {
      const merged = unsaved.length === 1 ? unsaved[0] : Y.mergeUpdates(unsaved)
      const key = `${STASH_PREFIX}${this.conveningId}:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
      this.stash.setItem(key, toBase64(merged))
    } catch (error) {
      console.error('Convene: could not keep the last edits while closing', error)
    }
  }

  private readStash(): { key: string; update: Uint8Array }[] {
    const stash = this.stash
    if (!stash) return []
    const prefix = `${STASH_PREFIX}${this.conveningId}:`
    const keys: string[] = []
    for (let i = 0; i < stash.length; i += 1) {
      const key = stash.key(i)
      if (key !== null && key.startsWith(prefix)) keys.push(key)
    }
    const found: { key: string; update: Uint8Array }[] = []
    for (const key of keys) {
      const value = stash.getItem(key)
      const update = value === null ? null : fromBase64(value)
      if (update) found.push({ key, update })
      else stash.removeItem(key) // unreadable: nothing in it can be applied
    }
    return found
  }

  /**
   * Queue an update for disk. This person's own edits start their write in the next
   * task (they exist nowhere else yet). Updates received from others are gathered for a moment
   * and written together: a burst from the room then costs a few IndexedDB
   * transactions instead of one per update, and if the window closes before they are
   * written, the peers still hold them and send them again on the next sync.
   */
  append(update: Uint8Array, fromElsewhere = false): void {
    if (this.destroyed) return
    this.pending.push(update)
    if (this.flushing) return // the running write picks it up
    if (fromElsewhere) this.batchTimer ??= setTimeout(this.startFlush, REMOTE_BATCH_MS)
    else if (!this.soon) {
      // In the next task: after this update's other handlers and their microtasks, so
      // the edit leaves for the other peers (sync/coalesce.ts) before IndexedDB's
      // bookkeeping runs, and edits made in one go share one write. A window that
      // closes in between stashes them (stashUnsaved).
      this.soon = true
      setTimeout(this.startFlush, 0)
    }
  }

  private startFlush = (): void => {
    this.soon = false
    clearTimeout(this.batchTimer)
    this.batchTimer = undefined
    // Nothing to write (a save beat this edit's own timer): start nothing. flush() would
    // return synchronously and clear `flushing` before this assignment, leaving a settled
    // promise there for good: later edits would never be written and whenFlushed() would spin.
    if (this.flushing || this.pending.length === 0) return
    this.flushing = this.flush().catch((error: unknown) => {
      // The updates are still in the document; they are written with the next edit.
      console.error('Convene: could not save to this computer (will retry with the next edit)', error)
    })
  }

  private async flush(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const batch = this.pending
        this.pending = []
        this.inFlight = batch
        try {
          await this.db.updates.bulkAdd(batch.map((update) => ({ conveningId: this.conveningId, update })))
        } catch (error) {
          this.pending = [...batch, ...this.pending]
          throw error
        } finally {
          this.inFlight = []
        }
        this.appended += batch.length
      }
    } finally {
      this.flushing = null
    }
  }

  /** Resolves once every queued update is on disk. */
  async whenFlushed(): Promise<void> {
    if (this.pending.length > 0) this.startFlush()
    while (this.flushing) await this.flushing
  }

  get appendedSinceOpen(): number {
    return this.appended
  }

  /**
   * Fold the stored rows into one. It merges the rows themselves rather than writing
   * this window's document state: another window may have stored updates this one has
   * not received yet, and those must survive.
   */
  async compact(): Promise<void> {
    await this.whenFlushed()
    const [lower, upper] = this.range()
    await this.db.transaction('rw', this.db.updates, async () => {
      const rows = await this.db.updates.where('[conveningId+seq]').between(lower, upper).toArray()
      if (rows.length < 2) return
      const scratch = new Y.Doc()
      applyAll(scratch, rows)
      // The state of a document holding every row, including updates still waiting
      // for ones they depend on (encodeStateAsUpdate keeps pending structs).
      const merged = Y.encodeStateAsUpdate(scratch)
      scratch.destroy()
      await this.db.updates.bulkDelete(rows.map((r) => r.seq as number))
      await this.db.updates.add({ conveningId: this.conveningId, update: merged })
    })
    this.appended = 0
  }

  async destroy(): Promise<void> {
    await this.whenFlushed()
    this.destroyed = true
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

function fromBase64(text: string): Uint8Array | null {
  try {
    const binary = atob(text)
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i)
    return bytes
  } catch {
    return null
  }
}

function applyAll(doc: Y.Doc, rows: Pick<StoredUpdate, 'update'>[]): void {
  doc.transact(() => {
    for (const row of rows) {
      try {
        Y.applyUpdate(doc, row.update, ORIGINS.persistence)
      } catch (error) {
        // A damaged row must not keep the rest of the convening from opening.
        console.warn('Convene: skipped a damaged stored update', error)
      }
    }
  }, ORIGINS.persistence)
}

export async function storedUpdateCount(db: ConveneDB, conveningId: string): Promise<number> {
  return db.updates.where('conveningId').equals(conveningId).count()
}

export async function deleteStoredConvening(db: ConveneDB, conveningId: string): Promise<void> {
  await db.transaction('rw', db.updates, db.convenings, async () => {
    await db.updates.where('conveningId').equals(conveningId).delete()
    await db.convenings.delete(conveningId)
  })
}
