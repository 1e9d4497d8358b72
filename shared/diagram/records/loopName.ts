import type * as Y from 'yjs'
import { z } from 'zod'
import type { RecordMigration } from '../../migrations'
import { fail, ok, type Result } from '../../result'
import { DIAGRAM_LIMITS as L } from '../limits'

/**
 * The names people give loops, one map per diagram: the schema every write is checked
 * with and every read is parsed with, and its migrations (see variable.ts).
 *
 *   loopNames: Y.Map<loopId, string>     no entry (or an empty one): the loop has no name
 */
export const LoopNameSchema = z.string().max(L.loopNameMax, `keep the loop name under ${L.loopNameMax} characters`)

/** Steps run on each diagram's `loopNames` map (the names are plain strings), numbered by the document version. None yet. */
export const LOOP_NAME_MIGRATIONS: readonly RecordMigration[] = []

/** The names as the document holds them, each cut at its cap; empty and non-text entries are left out. */
export function readLoopNames(names: Y.Map<unknown> | Y.Map<string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [id, name] of names.entries()) {
    if (typeof name !== 'string' || !name) continue
    const parsed = LoopNameSchema.safeParse(name.slice(0, L.loopNameMax))
    if (parsed.success) out[id] = parsed.data
  }
  return out
}

/** A name checked for writing: trimmed ('' takes the name away), or refused. */
export function checkLoopName(name: string): Result<string> {
  const parsed = LoopNameSchema.safeParse(name.trim())
  return parsed.success ? ok(parsed.data) : fail(`Loop name: ${parsed.error.issues[0]?.message ?? 'not valid'}.`)
}
