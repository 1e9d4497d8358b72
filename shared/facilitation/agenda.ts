import * as Y from 'yjs'
import { newItemId } from '../session/ids'
import { said } from '../result'
import { canFacilitate } from '../session/roles'
import {
  FACILITATION_ORIGIN,
  LIMITS,
  SEGMENT_KINDS,
  SegmentSchema,
  agendaArray,
  done,
  guard,
  refuse,
  type RunResult,
  type Segment,
  type SegmentKind,
} from './schema'
import { agendaLock } from './locks'
import type { Origin } from '../session/origins'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const AGENDA_MESSAGES = {
  locked: { id: 'shared.facilitation.agenda.locked', defaultMessage: 'The agenda is locked by {name}. Unlock it to change it.' },
  titleEmpty: { id: 'shared.facilitation.agenda.titleEmpty', defaultMessage: 'A segment needs a title.' },
  titleTooLong: { id: 'shared.facilitation.agenda.titleTooLong', defaultMessage: 'Keep the title under {max} characters.' },
  unknownKind: { id: 'shared.facilitation.agenda.unknownKind', defaultMessage: 'That kind of segment is not known.' },
  minutes: { id: 'shared.facilitation.agenda.minutes', defaultMessage: 'Give between 1 and {max} minutes.' },
  notesTooLong: { id: 'shared.facilitation.agenda.notesTooLong', defaultMessage: 'Keep the notes under {max} characters.' },
  tooMany: { id: 'shared.facilitation.agenda.tooMany', defaultMessage: 'An agenda holds at most {max} segments.' },
  segmentGone: { id: 'shared.facilitation.agenda.segmentGone', defaultMessage: 'This segment is no longer on the agenda.' },
  segmentRunning: { id: 'shared.facilitation.agenda.segmentRunning', defaultMessage: 'This segment is running. Move on to another segment before removing it.' },
  running: { id: 'shared.facilitation.agenda.running', defaultMessage: 'The convening is running: add the template’s segments at the end instead, or end the convening first.' },
} as const
const MSG = AGENDA_MESSAGES

/** Only facilitators change the agenda, and nobody while it is locked (locks.ts). */
function agendaGuard(doc: Y.Doc, by: string): ReturnType<typeof guard> {
  const lock = agendaLock(doc)
  if (lock) return refuse(said(MSG.locked, { name: lock.byName }))
  return guard(doc, by)
}

/**
 * The agenda: segments in order, written by facilitators. Readers keep only segments
 * whose last writer facilitates; the order is each segment's `order`, ties by id, so
 * every peer lists them the same way.
 */
export function readSegments(doc: Y.Doc): Segment[] {
  const out: Segment[] = []
  const allowed = new Map<string, boolean>()
  for (const entry of agendaArray(doc)) {
    if (!(entry instanceof Y.Map)) continue
    const parsed = SegmentSchema.safeParse(entry.toJSON())
    if (!parsed.success) continue
    let ok = allowed.get(parsed.data.by)
    if (ok === undefined) allowed.set(parsed.data.by, (ok = canFacilitate(doc, parsed.data.by)))
    if (ok) out.push(parsed.data)
  }
  const seen = new Set<string>()
  return out
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .filter((s) => (seen.has(s.id) ? false : (seen.add(s.id), true)))
}

export interface SegmentInput {
  title: string
  kind: SegmentKind
  minutes: number
  notes?: string
}

function clean(input: Partial<SegmentInput>): RunResult<Partial<SegmentInput>> {
  const out: Partial<SegmentInput> = {}
  if (input.title !== undefined) {
    const title = input.title.trim()
    if (title.length === 0) return refuse(MSG.titleEmpty)
    if (title.length > LIMITS.title) return refuse(said(MSG.titleTooLong, { max: LIMITS.title }))
    out.title = title
  }
  if (input.kind !== undefined) {
    if (!SEGMENT_KINDS.includes(input.kind)) return refuse(MSG.unknownKind)
    out.kind = input.kind
  }
  if (input.minutes !== undefined) {
    if (!Number.isFinite(input.minutes) || input.minutes < 1 || input.minutes > LIMITS.minutes) return refuse(said(MSG.minutes, { max: LIMITS.minutes }))
    out.minutes = Math.round(input.minutes)
  }
  if (input.notes !== undefined) {
    if (input.notes.length > LIMITS.notes) return refuse(said(MSG.notesTooLong, { max: LIMITS.notes }))
    out.notes = input.notes
  }
  return done(out)
}

function findEntry(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  for (const entry of agendaArray(doc)) if (entry instanceof Y.Map && entry.get('id') === id) return entry
  return null
}

/** An order value between two neighbours (null: the start or the end of the list). */
export function orderBetween(before: number | null, after: number | null): number {
  if (before === null && after === null) return 1
  if (before === null) return (after as number) - 1
  if (after === null) return before + 1
  return (before + after) / 2
}

function writeSegment(doc: Y.Doc, fields: Segment): void {
  const entry = new Y.Map<unknown>()
  for (const [key, value] of Object.entries(fields)) entry.set(key, value)
  agendaArray(doc).push([entry])
}

/** Add segments at the end (a template's, or one typed in). */
export function appendSegments(doc: Y.Doc, by: string, inputs: readonly SegmentInput[], origin: Origin = FACILITATION_ORIGIN): RunResult<string[]> {
  const refusal = agendaGuard(doc, by)
  if (refusal) return refusal
  const existing = readSegments(doc)
  if (existing.length + inputs.length > LIMITS.segments) return refuse(said(MSG.tooMany, { max: LIMITS.segments }))
  const cleaned: SegmentInput[] = []
  for (const input of inputs) {
    const c = clean({ notes: '', ...input })
    if (!c.ok) return c
    cleaned.push(c.value as SegmentInput)
  }
  let order = existing.at(-1)?.order ?? 0
  const ids: string[] = []
  doc.transact(() => {
    for (const input of cleaned) {
      order = orderBetween(order, null)
      const id = newItemId()
      ids.push(id)
      writeSegment(doc, { id, title: input.title, kind: input.kind, minutes: input.minutes, notes: input.notes ?? '', order, by })
    }
  }, origin)
  return done(ids)
}

export function updateSegment(doc: Y.Doc, by: string, id: string, patch: Partial<SegmentInput>, origin: Origin = FACILITATION_ORIGIN): RunResult {
  const refusal = agendaGuard(doc, by)
  if (refusal) return refusal
  const entry = findEntry(doc, id)
  if (!entry) return refuse(MSG.segmentGone)
  const cleaned = clean(patch)
  if (!cleaned.ok) return cleaned
  doc.transact(() => {
    for (const [key, value] of Object.entries(cleaned.value)) if (entry.get(key) !== value) entry.set(key, value)
    // Taking the segment over keeps it on every screen if its author loses their role.
    if (entry.get('by') !== by) entry.set('by', by)
  }, origin)
  return done(undefined)
}

export function removeSegment(doc: Y.Doc, by: string, id: string, currentId: string | null, origin: Origin = FACILITATION_ORIGIN): RunResult {
  const refusal = agendaGuard(doc, by)
  if (refusal) return refusal
  if (id === currentId) return refuse(MSG.segmentRunning)
  const array = agendaArray(doc)
  doc.transact(() => {
    // Delete from the end, so indexes stay right (a buggy peer may have duplicated an id).
    for (let i = array.length - 1; i >= 0; i--) {
      const entry = array.get(i)
      if (entry instanceof Y.Map && entry.get('id') === id) array.delete(i, 1)
    }
  }, origin)
  return done(undefined)
}

/** Move a segment to a position in the list as everyone sees it (0 = first). */
export function moveSegment(doc: Y.Doc, by: string, id: string, toIndex: number, origin: Origin = FACILITATION_ORIGIN): RunResult {
  const refusal = agendaGuard(doc, by)
  if (refusal) return refusal
  const list = readSegments(doc)
  const from = list.findIndex((s) => s.id === id)
  if (from < 0) return refuse(MSG.segmentGone)
  const target = Math.max(0, Math.min(list.length - 1, Math.round(toIndex)))
  if (target === from) return done(undefined)
  const rest = list.filter((s) => s.id !== id)
  const before = rest[target - 1]?.order ?? null
  const after = rest[target]?.order ?? null
  let order = orderBetween(before, after)
  doc.transact(() => {
    // Halving runs out of precision after many moves: space everything out again.
    if ((before !== null && !(order > before)) || (after !== null && !(order < after))) {
      rest.splice(target, 0, list[from])
      rest.forEach((s, i) => findEntry(doc, s.id)?.set('order', i + 1))
      order = target + 1
    }
    const entry = findEntry(doc, id)
    entry?.set('order', order)
    if (entry && entry.get('by') !== by) entry.set('by', by)
  }, origin)
  return done(undefined)
}

/** Remove every segment (to start from a template); refused while the convening runs. */
export function clearAgenda(doc: Y.Doc, by: string, running: boolean, origin: Origin = FACILITATION_ORIGIN): RunResult {
  const refusal = agendaGuard(doc, by)
  if (refusal) return refusal
  if (running) return refuse(MSG.running)
  const array = agendaArray(doc)
  if (array.length > 0) doc.transact(() => array.delete(0, array.length), origin)
  return done(undefined)
}
