import type * as Y from 'yjs'
import { migrate, type Migration, type MigrationOutcome } from '../session/migrations'
import { COHORT_SCHEMA_VERSION } from './schema'

/**
 * The cohort's own numbered migrations (same rules as the convening's in
 * shared/session/migrations.ts: each step idempotent, creating only what is missing,
 * because peers may migrate the same cohort at once). None yet: version 1 is the
 * first. A cohort from a newer build is left untouched and shown read-only.
 */
export const COHORT_MIGRATIONS: Migration[] = []

export function migrateCohort(
  doc: Y.Doc,
  migrations: Migration[] = COHORT_MIGRATIONS,
  target: number = COHORT_SCHEMA_VERSION,
): MigrationOutcome {
  // A cohort has none of the convening's versioned parts (the conversation): none to migrate.
  return migrate(doc, migrations, target, [])
}
