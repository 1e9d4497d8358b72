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
  role: Role
  createdAt: number
  lastOpenedAt: number
  peopleCount: number
  /** Set by the creator until the document is seeded (survives a reload mid-creation). */
  pendingSeed?: string
}

export interface StoredUpdate {
  seq?: number
  conveningId: string
  update: Uint8Array
}

export interface SettingRow {
  key: string
  value: unknown
}

export class ConveneDB extends Dexie {
  convenings!: EntityTable<ConveningRecord, 'id'>
  updates!: EntityTable<StoredUpdate, 'seq'>
  settings!: EntityTable<SettingRow, 'key'>

  constructor(name = 'convene') {
    super(name)
    this.version(1).stores({
      convenings: 'id, lastOpenedAt',
      updates: '++seq, conveningId, [conveningId+seq]',
      settings: 'key',
    })
  }
}

let shared: ConveneDB | null = null

/** The app's one database (tests and benchmarks may make their own). */
export function database(): ConveneDB {
  shared ??= new ConveneDB()
  return shared
}
