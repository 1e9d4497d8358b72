import * as Y from 'yjs'
import { z } from 'zod'
import type { RecordMigration } from '../../migrations'
import { english, type Message } from '../../i18n/messages'
import { fail, ok, said, type Result, type Said } from '../../result'
import { DIAGRAM_LIMITS as L, clampLabel, clampNumber } from '../limits'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const VARIABLE_MESSAGES = {
  labelNeeded: { id: 'shared.diagram.variable.labelNeeded', defaultMessage: 'a label is needed' },
  labelTooLong: { id: 'shared.diagram.variable.labelTooLong', defaultMessage: 'keep the label under {max} characters' },
  noteTooLong: { id: 'shared.diagram.variable.noteTooLong', defaultMessage: 'keep the note under {max} characters' },
  refusedLabelNeeded: { id: 'shared.diagram.variable.refusedLabelNeeded', defaultMessage: 'Variable: a label is needed.' },
  refusedLabelTooLong: { id: 'shared.diagram.variable.refusedLabelTooLong', defaultMessage: 'Variable: keep the label under {max} characters.' },
  refusedNoteTooLong: { id: 'shared.diagram.variable.refusedNoteTooLong', defaultMessage: 'Note: keep the note under {max} characters.' },
  refusedVariable: { id: 'shared.diagram.variable.refusedVariable', defaultMessage: 'Variable: {problem}.' },
  refusedNote: { id: 'shared.diagram.variable.refusedNote', defaultMessage: 'Note: {problem}.' },
} as const
const MSG = VARIABLE_MESSAGES

/**
 * A variable, one entry of a diagram's `variables` map. This file is the record's single
 * source, as tldraw's record files are: its type, the schema every write is checked
 * with and every read is parsed with, and its migrations.
 *
 *   variables: Y.Map<variableId, Y.Map{ label: string, x: number, y: number, note?: string }>
 *
 * x and y are the variable's centre on the canvas, in px. Each side fits its input to
 * the schema before parsing: a write trims what a person typed and refuses what is too
 * long, with a message; a read cuts and clamps what a peer wrote (a peer with the secret
 * may still run a buggy or hostile build) and never fails on a record that has a label.
 */
export const LabelSchema = z
  .string()
  .trim()
  .min(1, MSG.labelNeeded.defaultMessage)
  .max(L.labelMax, english.formatMessage(MSG.labelTooLong, { max: L.labelMax }))
export const CoordinateSchema = z.number().min(-L.coordinateMax).max(L.coordinateMax)
export const NoteSchema = z.string().max(L.noteMax, english.formatMessage(MSG.noteTooLong, { max: L.noteMax }))

/** The record as stored (its id is its key in the map). */
export const VariableRecordSchema = z.object({
  label: LabelSchema,
  x: CoordinateSchema,
  y: CoordinateSchema,
  note: NoteSchema.optional(),
})
export type VariableRecord = z.infer<typeof VariableRecordSchema>

export interface Variable extends VariableRecord {
  id: string
}

/**
 * Steps for every variable of every diagram, numbered by the convening's document
 * version (they run through MIGRATIONS in shared/session/migrations.ts). None yet.
 */
export const VARIABLE_MIGRATIONS: readonly RecordMigration[] = []

/** A position kept on the canvas: out of range goes to the edge, not a number goes to 0. */
export const fitCoordinate = (value: unknown): number => clampNumber(value, 0, L.coordinateMax)

/**
 * A variable as the document holds it, fitted and parsed: the label cut (and marked) at
 * its cap, an empty one shown as "…", the position kept on the canvas, the note cut at its
 * cap and an empty one left out. Null when the record is no map or has no label.
 */
export function readVariable(id: string, value: unknown): Variable | null {
  if (!(value instanceof Y.Map)) return null
  const entry = value as Y.Map<unknown>
  const label = entry.get('label')
  if (typeof label !== 'string') return null
  const note = entry.get('note')
  const parsed = VariableRecordSchema.safeParse({
    label: clampLabel(label) || '…',
    x: fitCoordinate(entry.get('x')),
    y: fitCoordinate(entry.get('y')),
    ...(typeof note === 'string' && note ? { note: note.slice(0, L.noteMax) } : {}),
  })
  return parsed.success ? { id, ...parsed.data } : null
}

export interface NewVariable {
  label: string
  x: number
  y: number
  note?: string
}

/** The first issue as one sentence naming the field: "Variable: a label is needed." */
function refusal(error: z.ZodError, field?: 'label' | 'note'): Message | Said {
  const issue = error.issues[0]
  const note = (field ?? issue?.path[0]) === 'note'
  // zod always names an issue; the English fallback is only for the type's sake.
  if (!issue) return said(note ? MSG.refusedNote : MSG.refusedVariable, { problem: 'not valid' })
  if (note && issue.code === 'too_big') return said(MSG.refusedNoteTooLong, { max: L.noteMax })
  if (!note && (field ?? issue.path[0]) === 'label') {
    if (issue.code === 'too_small') return MSG.refusedLabelNeeded
    if (issue.code === 'too_big') return said(MSG.refusedLabelTooLong, { max: L.labelMax })
  }
  return said(note ? MSG.refusedNote : MSG.refusedVariable, { problem: issue.message })
}

/** A new variable checked for writing; the refusal names the field ("Variable: a label is needed."). */
export function checkVariable(input: NewVariable): Result<VariableRecord> {
  const parsed = VariableRecordSchema.safeParse({
    label: input.label,
    x: fitCoordinate(input.x),
    y: fitCoordinate(input.y),
    ...(input.note === undefined ? {} : { note: input.note }),
  })
  return parsed.success ? ok(parsed.data) : fail(refusal(parsed.error))
}

/** A label checked for writing: trimmed, or refused. */
export function checkLabel(label: string): Result<string> {
  const parsed = VariableRecordSchema.shape.label.safeParse(label)
  return parsed.success ? ok(parsed.data) : fail(refusal(parsed.error, 'label'))
}

/** A note checked for writing (kept as typed: only its length is capped). */
export function checkNote(note: string): Result<string> {
  const parsed = NoteSchema.safeParse(note)
  return parsed.success ? ok(parsed.data) : fail(refusal(parsed.error, 'note'))
}

/** The Y.Map of a variable, ready to be put in a diagram (the label as given: check it first). */
export function variableRecord(v: NewVariable): Y.Map<unknown> {
  const entry = new Y.Map<unknown>()
  entry.set('label', v.label)
  entry.set('x', fitCoordinate(v.x))
  entry.set('y', fitCoordinate(v.y))
  if (v.note) entry.set('note', v.note)
  return entry
}
