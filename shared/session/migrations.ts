import type * as Y from 'yjs'
import { DOC_KEYS, SCHEMA_VERSION } from './schema'
import { migratePart, partVersion, type Migration, type MigrationOutcome, type VersionedPart } from '../migrations'
import { DIAGRAM_RECORD_STEPS } from '../diagram/records'
import { CONVERSATION_PART } from '../conversation/schema'

export type { Migration, MigrationOutcome, VersionedPart } from '../migrations'

/**
 * The convening's migrations (the mechanism and its rules: shared/migrations.ts). The
 * document's own version is `meta.schemaVersion`; its steps are written beside the
 * records they change (each diagram record file holds its own). Parts that keep a
 * version of their own (the conversation) follow, each with its own steps. None has a
 * step yet: every part is at version 1.
 */
export const MIGRATIONS: Migration[] = [...DIAGRAM_RECORD_STEPS]

export const DOCUMENT_PART: VersionedPart = {
  name: 'convening',
  root: DOC_KEYS.meta,
  key: 'schemaVersion',
  version: SCHEMA_VERSION,
  migrations: MIGRATIONS,
}

/** Parts of a convening with a version of their own, migrated after the document, in this order. */
export const CONVENING_PARTS: readonly VersionedPart[] = [CONVERSATION_PART]

export function documentVersion(doc: Y.Doc): number | null {
  return partVersion(doc, DOCUMENT_PART)
}

/**
 * Bring a document up to this build when it is opened (and again whenever its meta
 * changes, as a joiner's arrives by sync). A document from a newer build is left
 * untouched, parts included: the app shows it read-only. The cohort passes its own
 * steps and version; the convening's parts are not in a cohort, so they find nothing.
 */
export function migrate(
  doc: Y.Doc,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = SCHEMA_VERSION,
  parts: readonly VersionedPart[] = CONVENING_PARTS,
): MigrationOutcome {
  const outcome = migratePart(doc, { ...DOCUMENT_PART, migrations, version: target })
  if (outcome.status === 'current' || outcome.status === 'migrated') for (const part of parts) migratePart(doc, part)
  return outcome
}
