import type * as Y from 'yjs'
import { ORIGINS } from './session/origins'

/**
 * Numbered migrations, one sequence per versioned part of a document, as tldraw keeps one
 * per record type. A part keeps its version under one key of one root map (the
 * convening: `meta.schemaVersion`; its conversation: `conversation.version`), and step N
 * raises it from N - 1 to N. The steps run when the document is opened
 * (shared/session/migrations.ts `migrate`), in order, in one transaction per part.
 *
 * Everyone opens the document when a new build arrives, so peers migrate it at the same
 * moment and Yjs merges what each wrote. Each step must therefore be idempotent and
 * converge: create only what is missing, never rewrite what another peer may be
 * migrating, and write what every peer would write (two equal writes read as one).
 * Every migrating peer writes the same version number, so the version converges too.
 *
 * A part whose version is newer than this build's is never touched: the app shows it
 * read-only rather than guess at fields it does not know.
 */
export interface Migration {
  /** The version this step brings the part to. */
  version: number
  description: string
  up(doc: Y.Doc): void
}

/**
 * A step for one kind of record (a diagram's variables, say), written beside the
 * record's schema and run on every record of that kind by a document step
 * (`recordSteps`). Same rules: idempotent, and only what is missing.
 */
export interface RecordMigration {
  version: number
  description: string
  up(record: Y.Map<unknown>): void
}

export interface VersionedPart {
  /** Names the part in messages and tests. */
  name: string
  /** The root map that holds the version, and its key there. */
  root: string
  key: string
  /** The version this build writes. */
  version: number
  /** Step n raises the part from n - 1 to n. */
  migrations: readonly Migration[]
}

export type MigrationOutcome =
  | { status: 'current'; version: number }
  | { status: 'migrated'; from: number; to: number }
  /** No version yet: a document before its seed arrives, or a part nobody has started. */
  | { status: 'unseeded' }
  | { status: 'newer'; version: number }

/** The root map of a part, or null when the document has no such root (reading never creates one). */
function rootOf(doc: Y.Doc, part: VersionedPart): Y.Map<unknown> | null {
  if (!doc.share.has(part.root)) return null
  try {
    return doc.getMap(part.root)
  } catch {
    return null // this page made the root as another kind: nothing of ours to migrate
  }
}

/** The part's version, or null when it has none (or a peer wrote something that is not one). */
export function partVersion(doc: Y.Doc, part: VersionedPart): number | null {
  const version = rootOf(doc, part)?.get(part.key)
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : null
}

/** A part written by a newer build, which this build shows but does not change. */
export function isNewerPart(doc: Y.Doc, part: VersionedPart): boolean {
  const version = partVersion(doc, part)
  return version !== null && version > part.version
}

/** Give a part that has no version yet this build's, inside the caller's transaction (its first write). */
export function stampVersion(doc: Y.Doc, part: VersionedPart): void {
  if (partVersion(doc, part) === null) doc.getMap(part.root).set(part.key, part.version)
}

/** Bring one part up to this build's version. */
export function migratePart(doc: Y.Doc, part: VersionedPart, origin: string = ORIGINS.migration): MigrationOutcome {
  const from = partVersion(doc, part)
  if (from === null) return { status: 'unseeded' }
  if (from > part.version) return { status: 'newer', version: from }
  if (from === part.version) return { status: 'current', version: from }
  const steps = part.migrations.filter((m) => m.version > from && m.version <= part.version).sort((a, b) => a.version - b.version)
  doc.transact(() => {
    for (const step of steps) step.up(doc)
    doc.getMap(part.root).set(part.key, part.version)
  }, origin)
  return { status: 'migrated', from, to: part.version }
}

/**
 * What is wrong with a part's sequence, or null: every version from 2 to the part's
 * own needs a step, and none may go past it (a unit test asks this of every part).
 */
export function checkSequence(part: VersionedPart): string | null {
  for (const step of part.migrations) {
    if (!Number.isInteger(step.version) || step.version < 2 || step.version > part.version) {
      return `${part.name}: step "${step.description}" goes to version ${step.version}, outside 2 to ${part.version}`
    }
  }
  for (let version = 2; version <= part.version; version++) {
    if (!part.migrations.some((m) => m.version === version)) return `${part.name}: no step reaches version ${version}`
  }
  return null
}

/** Document steps that run record migrations on every record `records(doc)` finds. */
export function recordSteps(kind: string, migrations: readonly RecordMigration[], records: (doc: Y.Doc) => Iterable<Y.Map<unknown>>): Migration[] {
  return migrations.map((m) => ({
    version: m.version,
    description: `${kind}: ${m.description}`,
    up: (doc) => {
      for (const record of records(doc)) m.up(record)
    },
  }))
}
