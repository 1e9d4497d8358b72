import { Dexie, type EntityTable } from 'dexie'
import type { Role } from '../../shared/session'

/**
 * Local scope (never synced): the convening list, settings, this person's identity,
 * and every convening's Yjs updates. One database per origin.
 */
export interface ConveningRecord {
  id: string // room name = convening id
  title: string
  secret: string
  signaling: string[]
  /** The relays the invite names (absent in invites made before relays existed: none). */
  relays?: string[]
  role: Role
  createdAt: number
  lastOpenedAt: number
  peopleCount: number
  /** Set by the creator until the document is seeded (survives a reload mid-creation). */
  pendingSeed?: string
  /**
   * The founder's public signing key, from the invite (or this person's own key in a
   * room they started): roles are signed statements checked back to it. Absent in
   * rooms started before roles were signed.
   */
  founder?: string
}

/**
 * A cohort on this machine (shared/cohort): its own room and secret like a
 * convening, so it is synced and stored by the same session code. Its updates go in
 * `updates` under the cohort's id.
 */
export interface CohortRecord extends ConveningRecord {
  /** Set when this person left the cohort: it stays here, read-only and offline. */
  leftAt?: number
}

export interface StoredUpdate {
  seq?: number
  conveningId: string
  update: Uint8Array
}

/** A private journal entry: this person's own, never synced, exportable by its owner. */
export interface JournalEntry {
  id: string
  conveningId: string
  promptId: string | null
  text: string
  createdAt: number
  updatedAt: number
}

/** Reusable things a person keeps for later convenings: prompt decks, agenda templates. */
export interface LibraryItem {
  id: string
  kind: 'deck' | 'agenda-template' | 'scenario'
  name: string
  data: unknown
  updatedAt: number
}

export interface SettingRow {
  key: string
  value: unknown
}

export class ConveneDB extends Dexie {
  convenings!: EntityTable<ConveningRecord, 'id'>
  updates!: EntityTable<StoredUpdate, 'seq'>
  settings!: EntityTable<SettingRow, 'key'>
  journal!: EntityTable<JournalEntry, 'id'>
  library!: EntityTable<LibraryItem, 'id'>
  cohorts!: EntityTable<CohortRecord, 'id'>

  constructor(name = 'convene') {
    super(name)
    this.version(1).stores({
      convenings: 'id, lastOpenedAt',
      updates: '++seq, conveningId, [conveningId+seq]',
      settings: 'key',
    })
    this.version(2).stores({
      journal: 'id, conveningId, [conveningId+promptId], updatedAt',
      library: 'id, kind, updatedAt',
    })
    this.version(3).stores({
      cohorts: 'id, lastOpenedAt',
    })
  }
}

let shared: ConveneDB | null = null

/** The app's one database (tests and benchmarks may make their own). */
export function database(): ConveneDB {
  shared ??= new ConveneDB()
  return shared
}
