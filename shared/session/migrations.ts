import type * as Y from 'yjs'
import { SCHEMA_VERSION } from './schema'
import { metaMap } from './doc'
import { ORIGINS } from './origins'

/**
 * Numbered migrations, tldraw-style: migration N upgrades a document from version N-1
 * to N. Peers may migrate the same document concurrently, so each step must be
 * idempotent and converge: only create structures that are missing, never rewrite
 * content that another peer may be migrating at the same moment.
 */
export interface Migration {
  version: number
  description: string
  up(doc: Y.Doc): void
}

export const MIGRATIONS: Migration[] = []

export type MigrationOutcome =
  | { status: 'current'; version: number }
  | { status: 'migrated'; from: number; to: number }
  | { status: 'unseeded' }
  | { status: 'newer'; version: number }

export function documentVersion(doc: Y.Doc): number | null {
  const version = metaMap(doc).get('schemaVersion')
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : null
}

/**
 * Bring a document up to this build's schema. A document from a newer build is left
 * untouched: the app shows it read-only rather than guess at fields it does not know.
 */
export function migrate(
  doc: Y.Doc,
  migrations: Migration[] = MIGRATIONS,
  target: number = SCHEMA_VERSION,
): MigrationOutcome {
  const from = documentVersion(doc)
  if (from === null) return { status: 'unseeded' }
  if (from > target) return { status: 'newer', version: from }
  if (from === target) return { status: 'current', version: from }
  const steps = migrations.filter((m) => m.version > from && m.version <= target).sort((a, b) => a.version - b.version)
  doc.transact(() => {
    for (const step of steps) step.up(doc)
    metaMap(doc).set('schemaVersion', target)
  }, ORIGINS.migration)
  return { status: 'migrated', from, to: target }
}
