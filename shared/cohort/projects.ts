import * as Y from 'yjs'
import type { Failure } from '../result'
import { applyTextValue } from '../session/text'
import { done, isWritable, NEWER_MESSAGE, readMember, refuse, type CohortResult } from './doc'
import { isActive, isPractitioner } from './permissions'
import { projectsMap } from './roots'
import {
  DOMAINS,
  FIELD_MAX,
  PROJECT_FIELDS,
  REFLECTION_MAX,
  type Domain,
  type ProjectField,
  type ProjectSnapshot,
} from './schema'
import type { Origin } from '../session/origins'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const PROJECT_MESSAGES = {
  membersOnly: { id: 'shared.cohort.project.membersOnly', defaultMessage: 'Only members of the cohort keep a project card.' },
  practitionersOnly: { id: 'shared.cohort.project.practitionersOnly', defaultMessage: 'Project cards belong to practitioners.' },
  noCard: { id: 'shared.cohort.project.noCard', defaultMessage: 'That project card is not in this cohort.' },
  notEditor: { id: 'shared.cohort.project.notEditor', defaultMessage: 'Only the owner of this card and the co-authors they named can change it.' },
  partMissing: { id: 'shared.cohort.project.partMissing', defaultMessage: 'This part of the card is missing; its owner can open the card to repair it.' },
  goals: { id: 'shared.cohort.project.goals', defaultMessage: 'There are 17 goals, numbered 1 to 17.' },
  noGoals: { id: 'shared.cohort.project.noGoals', defaultMessage: 'This card has no goals list.' },
  ownerChooses: { id: 'shared.cohort.project.ownerChooses', defaultMessage: 'Only the owner of the card chooses its co-authors.' },
  alreadyOwner: { id: 'shared.cohort.project.alreadyOwner', defaultMessage: 'You are already the owner of this card.' },
  coAuthorsMembers: { id: 'shared.cohort.project.coAuthorsMembers', defaultMessage: 'Co-authors are members of the cohort.' },
  noCoAuthors: { id: 'shared.cohort.project.noCoAuthors', defaultMessage: 'This card has no co-authors list.' },
} as const
const MSG = PROJECT_MESSAGES

/**
 * Project cards, one per practitioner, keyed by the owner's person id (so a person
 * has one card, and two of their windows creating it at once write the same key).
 * Every text is created with the card, in one transaction, so concurrent edits always
 * land in the same Y.Text and merge character by character.
 */
export type YRecord = Y.Map<unknown>

/** The card's map, if it is a well-formed card (its key is its owner). */
export function projectMap(doc: Y.Doc, projectId: string): YRecord | null {
  const project = projectsMap(doc).get(projectId)
  return project instanceof Y.Map && project.get('owner') === projectId ? project : null
}

/** Ids of the well-formed cards, in the order their owners joined. */
export function projectIds(doc: Y.Doc): string[] {
  const ids = [...projectsMap(doc).keys()].filter((id) => projectMap(doc, id) !== null)
  const joined = (id: string): number => readMember(doc, id)?.joinedAt ?? Number.MAX_SAFE_INTEGER
  return ids.sort((a, b) => joined(a) - joined(b) || a.localeCompare(b))
}

function child<T>(project: YRecord, key: string, type: new () => T): T | null {
  const value = project.get(key)
  return value instanceof type ? value : null
}

export function fieldText(project: YRecord, field: ProjectField): Y.Text | null {
  return child(project, field, Y.Text)
}

export function reflectionText(project: YRecord, domain: Domain): Y.Text | null {
  const reflections = child(project, 'reflections', Y.Map)
  const text: unknown = reflections?.get(domain)
  return text instanceof Y.Text ? text : null
}

export function projectPart<T extends Y.Map<unknown> | Y.Array<unknown>>(project: YRecord, key: 'sdgs' | 'editors' | 'updated' | 'comments' | 'milestones'): T | null {
  const value: unknown = project.get(key)
  if (key === 'comments' || key === 'milestones') return value instanceof Y.Array ? (value as T) : null
  return value instanceof Y.Map ? (value as T) : null
}

/** A practitioner starts their card; their country and organisation are filled in from their details. */
export function createProject(doc: Y.Doc, owner: string, now: number, origin: Origin): CohortResult<string> {
  if (!isWritable(doc)) return refuse(NEWER_MESSAGE)
  if (!isActive(doc, owner)) return refuse(MSG.membersOnly)
  if (!isPractitioner(doc, owner)) return refuse(MSG.practitionersOnly)
  if (projectMap(doc, owner)) return done(owner)
  const member = readMember(doc, owner)
  doc.transact(() => {
    const project = new Y.Map<unknown>()
    projectsMap(doc).set(owner, project)
    project.set('owner', owner)
    project.set('createdAt', now)
    for (const field of PROJECT_FIELDS) project.set(field, new Y.Text())
    const reflections = new Y.Map<Y.Text>()
    project.set('reflections', reflections)
    for (const domain of DOMAINS) reflections.set(domain, new Y.Text())
    for (const key of ['sdgs', 'editors', 'updated'] as const) project.set(key, new Y.Map())
    project.set('comments', new Y.Array())
    project.set('milestones', new Y.Array())
    if (member?.country) fieldText(project, 'country')?.insert(0, member.country)
    if (member?.organisation) fieldText(project, 'school')?.insert(0, member.organisation)
  }, origin)
  return done(owner)
}

/** The owner and the co-authors they named (the people who may edit the card). */
export function projectAuthors(doc: Y.Doc, projectId: string): string[] {
  const project = projectMap(doc, projectId)
  if (!project) return []
  const editors = projectPart<Y.Map<unknown>>(project, 'editors')
  const named = editors ? [...editors.keys()].filter((id) => id !== projectId && editors.get(id) === true && readMember(doc, id)) : []
  return [projectId, ...named.sort()]
}

export function isAuthor(doc: Y.Doc, projectId: string, personId: string): boolean {
  return projectAuthors(doc, projectId).includes(personId)
}

export function canEditProject(doc: Y.Doc, projectId: string, personId: string): boolean {
  return isWritable(doc) && isActive(doc, personId) && isAuthor(doc, projectId, personId)
}

function editRefusal(doc: Y.Doc, projectId: string, by: string): Failure | null {
  if (!isWritable(doc)) return refuse(NEWER_MESSAGE)
  if (!projectMap(doc, projectId)) return refuse(MSG.noCard)
  if (!canEditProject(doc, projectId, by)) return refuse(MSG.notEditor)
  return null
}

/** How often "last changed" is written while someone types: often enough to sort by, rarely enough to stay small. */
export const STAMP_EVERY_MS = 60_000

export type TextTarget = { field: ProjectField } | { domain: Domain }

export function targetText(project: YRecord, target: TextTarget): Y.Text | null {
  return 'field' in target ? fieldText(project, target.field) : reflectionText(project, target.domain)
}

export function targetKey(target: TextTarget): string {
  return 'field' in target ? target.field : `reflections.${target.domain}`
}

/**
 * Apply a text field's whole new value as one minimal edit (see shared/session/text.ts),
 * for an author of the card only.
 */
export function editProjectText(
  doc: Y.Doc,
  projectId: string,
  target: TextTarget,
  value: string,
  edit: { by: string; now: number; origin: Origin; cursor?: number },
): CohortResult {
  const refusal = editRefusal(doc, projectId, edit.by)
  if (refusal) return refusal
  const project = projectMap(doc, projectId) as YRecord
  const text = targetText(project, target)
  if (!text) return refuse(MSG.partMissing)
  const max = 'field' in target ? FIELD_MAX[target.field] : REFLECTION_MAX
  doc.transact(() => {
    applyTextValue(text, value.slice(0, max), edit.origin, edit.cursor)
    const updated = projectPart<Y.Map<unknown>>(project, 'updated')
    const key = targetKey(target)
    const last = updated?.get(key)
    if (updated && !(typeof last === 'number' && edit.now - last < STAMP_EVERY_MS)) updated.set(key, edit.now)
  }, edit.origin)
  return done(undefined)
}

export function setGoal(doc: Y.Doc, projectId: string, goal: number, on: boolean, by: string, origin: Origin): CohortResult {
  const refusal = editRefusal(doc, projectId, by)
  if (refusal) return refusal
  if (!Number.isInteger(goal) || goal < 1 || goal > 17) return refuse(MSG.goals)
  const sdgs = projectPart<Y.Map<unknown>>(projectMap(doc, projectId) as YRecord, 'sdgs')
  if (!sdgs) return refuse(MSG.noGoals)
  const key = String(goal)
  if (on === (sdgs.get(key) === true)) return done(undefined)
  doc.transact(() => (on ? sdgs.set(key, true) : sdgs.delete(key)), origin)
  return done(undefined)
}

/** The owner names (or removes) a co-author: a colleague from the same school, say. */
export function setCoAuthor(doc: Y.Doc, projectId: string, personId: string, on: boolean, by: string, origin: Origin): CohortResult {
  if (!isWritable(doc)) return refuse(NEWER_MESSAGE)
  const project = projectMap(doc, projectId)
  if (!project) return refuse(MSG.noCard)
  if (by !== projectId || !isActive(doc, by)) return refuse(MSG.ownerChooses)
  if (personId === projectId) return refuse(MSG.alreadyOwner)
  if (on && !isActive(doc, personId)) return refuse(MSG.coAuthorsMembers)
  const editors = projectPart<Y.Map<unknown>>(project, 'editors')
  if (!editors) return refuse(MSG.noCoAuthors)
  if (on === (editors.get(personId) === true)) return done(undefined)
  doc.transact(() => (on ? editors.set(personId, true) : editors.delete(personId)), origin)
  return done(undefined)
}

export function readGoals(project: YRecord): number[] {
  const sdgs = projectPart<Y.Map<unknown>>(project, 'sdgs')
  if (!sdgs) return []
  return [...sdgs.keys()]
    .filter((key) => sdgs.get(key) === true)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 1 && n <= 17)
    .sort((a, b) => a - b)
}

const clip = (text: Y.Text | null, max: number): string => (text ? text.toString().slice(0, max) : '')

/** The card as plain values: what the screen shows, what a milestone keeps. */
export function snapshotProject(project: YRecord): ProjectSnapshot {
  const fields = Object.fromEntries(PROJECT_FIELDS.map((f) => [f, clip(fieldText(project, f), FIELD_MAX[f])])) as Record<ProjectField, string>
  const reflections = Object.fromEntries(DOMAINS.map((d) => [d, clip(reflectionText(project, d), REFLECTION_MAX)])) as Record<Domain, string>
  return { ...fields, sdgs: readGoals(project), reflections }
}

export interface ProjectSummary {
  id: string
  owner: string
  title: string
  school: string
  country: string
  nextSteps: string
  sdgs: number[]
  authors: string[]
  /** When any part last changed (0 if never). */
  updatedAt: number
  /** Per field and reflection ("reflections.practice"), when it last changed. */
  updated: Record<string, number>
}

export function readProjectSummary(doc: Y.Doc, projectId: string): ProjectSummary | null {
  const project = projectMap(doc, projectId)
  if (!project) return null
  const updated: Record<string, number> = {}
  for (const [key, value] of projectPart<Y.Map<unknown>>(project, 'updated')?.entries() ?? []) {
    if (typeof value === 'number' && Number.isFinite(value)) updated[key] = value
  }
  const createdAt = project.get('createdAt')
  return {
    id: projectId,
    owner: projectId,
    title: clip(fieldText(project, 'title'), FIELD_MAX.title),
    school: clip(fieldText(project, 'school'), FIELD_MAX.school),
    country: clip(fieldText(project, 'country'), FIELD_MAX.country),
    nextSteps: clip(fieldText(project, 'nextSteps'), FIELD_MAX.nextSteps),
    sdgs: readGoals(project),
    authors: projectAuthors(doc, projectId),
    updatedAt: Math.max(typeof createdAt === 'number' ? createdAt : 0, ...Object.values(updated)),
    updated,
  }
}
