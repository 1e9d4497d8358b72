import type * as Y from 'yjs'
import { z } from 'zod'
import type { RecordMigration } from '../../migrations'
import { english } from '../../i18n/messages'
import { fail, ok, said, type Result } from '../../result'
import { DIAGRAM_LIMITS as L } from '../limits'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const LOOP_NAME_MESSAGES = {
  tooLong: { id: 'shared.diagram.loopName.tooLong', defaultMessage: 'keep the loop name under {max} characters' },
  refusedTooLong: { id: 'shared.diagram.loopName.refusedTooLong', defaultMessage: 'Loop name: keep the loop name under {max} characters.' },
  refused: { id: 'shared.diagram.loopName.refused', defaultMessage: 'Loop name: {problem}.' },
} as const
const MSG = LOOP_NAME_MESSAGES

/**
 * The names people give loops, one map per diagram: the schema every write is checked
 * with and every read is parsed with, and its migrations (see variable.ts).
 *
 *   loopNames: Y.Map<loopId, string>     no entry (or an empty one): the loop has no name
 */
export const LoopNameSchema = z.string().max(L.loopNameMax, english.formatMessage(MSG.tooLong, { max: L.loopNameMax }))

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
  if (parsed.success) return ok(parsed.data)
  const issue = parsed.error.issues[0]
  return fail(issue?.code === 'too_big' ? said(MSG.refusedTooLong, { max: L.loopNameMax }) : said(MSG.refused, { problem: issue?.message ?? 'not valid' }))
}
