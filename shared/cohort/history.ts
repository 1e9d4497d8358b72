import type * as Y from 'yjs'
import { newItemId } from '../session/ids'
import { diffText } from '../session/text'
import { done, isWritable, NEWER_MESSAGE, refuse, type CohortResult } from './doc'
import { facilitates, isActive, memo } from './permissions'
import { isAuthor, projectAuthors, projectIds, projectMap, projectPart, snapshotProject, type YRecord } from './projects'
import {
  DOMAINS,
  MILESTONE_LABEL_MAX,
  MilestoneRecordSchema,
  PROJECT_FIELDS,
  TEXT_PARTS,
  type Domain,
  type Milestone,
  type MilestoneHeader,
  type MilestoneRecord,
  type ProjectField,
  type ProjectSnapshot,
  type TextPart,
} from './schema'
import type { Origin } from '../session/origins'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const MILESTONE_MESSAGES = {
  noCard: { id: 'shared.cohort.milestone.noCard', defaultMessage: 'That project card is not in this cohort.' },
  whoSaves: { id: 'shared.cohort.milestone.whoSaves', defaultMessage: 'The card’s authors and the facilitators save milestones.' },
  nameIt: { id: 'shared.cohort.milestone.nameIt', defaultMessage: 'Give the milestone a name.' },
  facilitatorsKeep: { id: 'shared.cohort.milestone.facilitatorsKeep', defaultMessage: 'Facilitators keep milestones for every card.' },
} as const
const MSG = MILESTONE_MESSAGES

/**
 * How a card grew: milestones keep the whole card as it stood. One is kept for every
 * card that changed when a convening is started from the cohort ("before <title>"),
 * so the history reads convening by convening; an author can also save one whenever
 * the card reaches a point worth keeping. A card unchanged since its last milestone
 * is not kept again. Each is stored as the edits from the milestone before it
 * (schema.ts), and read back whole.
 */
function milestonesOf(project: YRecord): Y.Array<unknown> | null {
  return projectPart<Y.Array<unknown>>(project, 'milestones')
}

export const EMPTY_SNAPSHOT: ProjectSnapshot = {
  title: '', school: '', system: '', country: '', aspiration: '', reality: '', nextSteps: '', sdgs: [],
  reflections: { practice: '', research: '', capacity: '', community: '' },
}

function partOf(s: ProjectSnapshot, part: TextPart): string {
  return part.startsWith('reflections.') ? s.reflections[part.slice('reflections.'.length) as Domain] : s[part as ProjectField]
}

function withPart(s: ProjectSnapshot, part: TextPart, value: string): ProjectSnapshot {
  if (!part.startsWith('reflections.')) return { ...s, [part]: value }
  return { ...s, reflections: { ...s.reflections, [part.slice('reflections.'.length)]: value } }
}

/** Records whose author may keep milestones for this card, oldest first. */
function validRecords(doc: Y.Doc, projectId: string, project: YRecord): MilestoneRecord[] {
  const out: MilestoneRecord[] = []
  const authors = new Set(projectAuthors(doc, projectId))
  const facilitator = memo(facilitates, doc)
  for (const raw of milestonesOf(project)?.toArray() ?? []) {
    const parsed = MilestoneRecordSchema.safeParse(raw)
    if (parsed.success && (authors.has(parsed.data.by) || facilitator(parsed.data.by))) out.push(parsed.data)
  }
  return out.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id))
}

/**
 * Each record's whole card: its base's card with its edits applied. A record whose
 * base is missing, or whose edits do not fit, is left out (and so is anything built
 * on it) rather than shown wrong.
 */
function rebuild(records: MilestoneRecord[]): Milestone[] {
  const byId = new Map(records.map((r) => [r.id, r]))
  const built = new Map<string, ProjectSnapshot | null>()
  const snapshotOf = (record: MilestoneRecord, depth: number): ProjectSnapshot | null => {
    const known = built.get(record.id)
    if (known !== undefined) return known
    built.set(record.id, null) // a cycle reads as missing
    const baseRecord = record.base === null ? null : byId.get(record.base)
    let snapshot: ProjectSnapshot | null = record.base === null ? EMPTY_SNAPSHOT : baseRecord && depth < 10_000 ? snapshotOf(baseRecord, depth + 1) : null
    for (const edit of record.edits) {
      if (!snapshot) break
      const before = partOf(snapshot, edit.part)
      snapshot = edit.index + edit.remove > before.length ? null : withPart(snapshot, edit.part, before.slice(0, edit.index) + edit.insert + before.slice(edit.index + edit.remove))
    }
    const result = snapshot && { ...snapshot, sdgs: record.sdgs }
    built.set(record.id, result)
    return result
  }
  const out: Milestone[] = []
  for (const record of records) {
    const snapshot = snapshotOf(record, 0)
    if (snapshot) out.push({ id: record.id, by: record.by, at: record.at, label: record.label, conveningId: record.conveningId, snapshot })
  }
  return out
}

export function readMilestones(doc: Y.Doc, projectId: string): Milestone[] {
  const project = projectMap(doc, projectId)
  return project ? rebuild(validRecords(doc, projectId, project)) : []
}

/** Milestones without their cards: what the timeline needs, read without rebuilding anything. */
export function readMilestoneHeaders(doc: Y.Doc, projectId: string): MilestoneHeader[] {
  const project = projectMap(doc, projectId)
  return project ? validRecords(doc, projectId, project).map(({ id, by, at, label, conveningId }) => ({ id, by, at, label, conveningId })) : []
}

export function sameSnapshot(a: ProjectSnapshot, b: ProjectSnapshot): boolean {
  return TEXT_PARTS.every((p) => partOf(a, p) === partOf(b, p)) && a.sdgs.join() === b.sdgs.join()
}

interface MilestoneInput {
  by: string
  label: string
  now: number
  conveningId?: string
}

/** Append a milestone if the card changed since the last one; returns whether one was written. */
function appendMilestone(doc: Y.Doc, projectId: string, project: YRecord, input: MilestoneInput): boolean {
  const list = milestonesOf(project)
  if (!list) return false
  const snapshot = snapshotProject(project)
  const last = rebuild(validRecords(doc, projectId, project)).at(-1)
  const before = last?.snapshot ?? EMPTY_SNAPSHOT
  if (sameSnapshot(before, snapshot)) return false
  const edits = TEXT_PARTS.filter((part) => partOf(before, part) !== partOf(snapshot, part)).map((part) => ({
    part,
    ...diffText(partOf(before, part), partOf(snapshot, part)),
  }))
  const record = MilestoneRecordSchema.parse({
    id: newItemId(),
    by: input.by,
    at: input.now,
    label: input.label.trim().slice(0, MILESTONE_LABEL_MAX),
    base: last?.id ?? null,
    edits,
    sdgs: snapshot.sdgs,
    ...(input.conveningId ? { conveningId: input.conveningId } : {}),
  })
  list.push([record])
  return true
}

export function saveMilestone(doc: Y.Doc, projectId: string, input: MilestoneInput, origin: Origin): CohortResult<boolean> {
  if (!isWritable(doc)) return refuse(NEWER_MESSAGE)
  const project = projectMap(doc, projectId)
  if (!project) return refuse(MSG.noCard)
  if (!isActive(doc, input.by) || !(isAuthor(doc, projectId, input.by) || facilitates(doc, input.by))) {
    return refuse(MSG.whoSaves)
  }
  if (input.label.trim().length === 0) return refuse(MSG.nameIt)
  let written = false
  doc.transact(() => (written = appendMilestone(doc, projectId, project, input)), origin)
  return done(written)
}

/** A facilitator starting a convening keeps where every card stood: one milestone per card that changed. */
export function milestoneAllCards(doc: Y.Doc, input: MilestoneInput, origin: Origin): CohortResult<number> {
  if (!isWritable(doc)) return refuse(NEWER_MESSAGE)
  if (!facilitates(doc, input.by)) return refuse(MSG.facilitatorsKeep)
  let count = 0
  doc.transact(() => {
    for (const id of projectIds(doc)) {
      const project = projectMap(doc, id)
      if (project && appendMilestone(doc, id, project, input)) count += 1
    }
  }, origin)
  return done(count)
}

export type SnapshotPart = { field: ProjectField } | { domain: Domain } | { goals: true }

export interface Change {
  part: SnapshotPart
  before: string
  after: string
}

/** What differs from one snapshot to the next, part by part (the history view). */
export function changesBetween(before: ProjectSnapshot | null, after: ProjectSnapshot): Change[] {
  const out: Change[] = []
  for (const field of PROJECT_FIELDS) {
    const was = before?.[field] ?? ''
    if (was !== after[field]) out.push({ part: { field }, before: was, after: after[field] })
  }
  const goalsBefore = (before?.sdgs ?? []).join(', ')
  if (goalsBefore !== after.sdgs.join(', ')) out.push({ part: { goals: true }, before: goalsBefore, after: after.sdgs.join(', ') })
  for (const domain of DOMAINS) {
    const was = before?.reflections[domain] ?? ''
    if (was !== after.reflections[domain]) out.push({ part: { domain }, before: was, after: after.reflections[domain] })
  }
  return out
}
