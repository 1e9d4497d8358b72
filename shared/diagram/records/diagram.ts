import * as Y from 'yjs'
import { z } from 'zod'
import type { RecordMigration } from '../../migrations'
import { DIAGRAM_LIMITS as L, clampNumber } from '../limits'

/**
 * A diagram's own fields, on the diagram's map in `diagrams`: its type, the schema every
 * write is checked with and every read is parsed with, and its migrations (see
 * variable.ts). The parts each kind keeps beside them are in doc.ts (causal loops),
 * iceberg.ts and bot.ts.
 *
 *   diagrams: Y.Map<diagramId, Y.Map{ title: string, kind: 'cld' | 'iceberg' | 'bot', createdAt: number, ... }>
 */
export type DiagramKind = 'cld' | 'iceberg' | 'bot'
export const DIAGRAM_KINDS = ['cld', 'iceberg', 'bot'] as const satisfies readonly DiagramKind[]

export const DiagramHeaderSchema = z.object({
  title: z.string().max(L.titleMax),
  kind: z.enum(DIAGRAM_KINDS),
  createdAt: z.number(),
})
export type DiagramHeader = z.infer<typeof DiagramHeaderSchema>

/** Steps run on every diagram's map, numbered by the convening's document version. None yet. */
export const DIAGRAM_MIGRATIONS: readonly RecordMigration[] = []

/** A title for writing: trimmed and cut at its cap (titles are never refused). */
export const fitTitle = (title: string): string => title.trim().slice(0, L.titleMax)

const UNREADABLE: DiagramHeader = { title: '', kind: 'cld', createdAt: 0 }

/** The fields as the document holds them: a title cut at its cap, an unknown kind read as a causal loop diagram, no time as 0. */
export function readDiagramHeader(root: Y.Map<unknown>): DiagramHeader {
  const title = root.get('title')
  const kind = root.get('kind')
  const parsed = DiagramHeaderSchema.safeParse({
    title: typeof title === 'string' ? title.slice(0, L.titleMax) : '',
    kind: (DIAGRAM_KINDS as readonly unknown[]).includes(kind) ? kind : 'cld',
    createdAt: clampNumber(root.get('createdAt'), 0, Number.MAX_VALUE),
  })
  return parsed.success ? parsed.data : UNREADABLE
}

/** The map of a new diagram with its fields (the caller adds the parts of its kind). */
export function diagramRecord(header: DiagramHeader): Y.Map<unknown> {
  const root = new Y.Map<unknown>()
  root.set('title', fitTitle(header.title))
  root.set('kind', header.kind)
  root.set('createdAt', header.createdAt)
  return root
}
