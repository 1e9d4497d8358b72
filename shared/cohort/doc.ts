import * as Y from 'yjs'
import { metaMap, peopleMap, upsertPerson } from '../session/doc'
import { documentVersion } from '../session/migrations'
import { ORIGINS, type Origin } from '../session/origins'
import { canFacilitate } from '../session/roles'
import { TITLE_MAX, type Person } from '../session/schema'
import type { Message } from '../i18n/messages'
import { fail, said, type Failure, type Said } from '../result'
import {
  ABOUT_MAX,
  COHORT_FIELD_MESSAGES,
  COUNTRY_MAX,
  ORGANISATION_MAX,
  COHORT_SCHEMA_VERSION,
  CohortMetaSchema,
  CohortTitleSchema,
  DetailsSchema,
  MemberSchema,
  type CohortMeta,
  type Member,
  type MemberDetails,
} from './schema'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const COHORT_MESSAGES = {
  newer: { id: 'shared.cohort.newer', defaultMessage: 'This cohort was saved by a newer version of Convene. Update Convene to change it.' },
  aboutFacilitators: { id: 'shared.cohort.aboutFacilitators', defaultMessage: 'Only the cohort\'s facilitators change its description.' },
  detailsInvalid: { id: 'shared.cohort.detailsInvalid', defaultMessage: 'Those details are not valid.' },
  notYetMember: { id: 'shared.cohort.notYetMember', defaultMessage: 'You are not in this cohort yet.' },
  notMember: { id: 'shared.cohort.notMember', defaultMessage: 'You are not in this cohort.' },
} as const
const MSG = COHORT_MESSAGES

export type CohortResult<T = void> = { ok: true; value: T } | Failure
export const done = <T>(value: T): CohortResult<T> => ({ ok: true, value })
/** shared/result's `fail`, by the name the cohort has always used. */
export const refuse = (what: string | Message | Said): Failure => fail(what)

export const NEWER_MESSAGE = MSG.newer

/** A document from a newer build is read-only here: every write helper asks this first. */
export function isWritable(doc: Y.Doc): boolean {
  const version = documentVersion(doc)
  return version === null || version <= COHORT_SCHEMA_VERSION
}

export interface SeedCohortInput {
  id: string
  title: string
  createdBy: Person
  now: number
}

/** Seed a new cohort: only its creator calls this, once (joiners receive it through sync). */
export function seedCohort(doc: Y.Doc, input: SeedCohortInput): void {
  const title = CohortTitleSchema.parse(input.title)
  doc.transact(() => {
    const meta = metaMap(doc)
    meta.set('schemaVersion', COHORT_SCHEMA_VERSION)
    meta.set('kind', 'cohort')
    meta.set('id', input.id)
    meta.set('title', title)
    meta.set('about', '')
    meta.set('createdAt', input.now)
    meta.set('createdBy', input.createdBy.id)
  }, ORIGINS.seed)
  upsertPerson(doc, { ...input.createdBy, joinedAt: input.now }, ORIGINS.seed)
}

export function readCohortMeta(doc: Y.Doc): CohortMeta | null {
  const parsed = CohortMetaSchema.safeParse(metaMap(doc).toJSON())
  return parsed.success ? parsed.data : null
}

/** The document holds a cohort (its seed has arrived). */
export function isCohortDocument(doc: Y.Doc): boolean {
  return metaMap(doc).get('kind') === 'cohort'
}

/** The document holds a convening, not a cohort: seeded (it has a version) but without a kind. */
export function isConveningDocument(doc: Y.Doc): boolean {
  const meta = metaMap(doc)
  return !meta.has('kind') && meta.has('schemaVersion')
}

export function setAbout(doc: Y.Doc, about: string, by: string, origin: Origin): CohortResult {
  if (!isWritable(doc)) return refuse(NEWER_MESSAGE)
  if (!canFacilitate(doc, by)) return refuse(MSG.aboutFacilitators)
  const clean = about.trim().slice(0, ABOUT_MAX)
  if (metaMap(doc).get('about') !== clean) doc.transact(() => metaMap(doc).set('about', clean), origin)
  return done(undefined)
}

export function readMember(doc: Y.Doc, id: string): Member | null {
  const entry = peopleMap(doc).get(id)
  if (!(entry instanceof Y.Map)) return null
  const parsed = MemberSchema.safeParse({ ...entry.toJSON(), id })
  return parsed.success ? parsed.data : null
}

/** Everyone who ever joined, oldest first, with whether they have left. */
export function readMembers(doc: Y.Doc): Member[] {
  const out: Member[] = []
  for (const id of peopleMap(doc).keys()) {
    const member = readMember(doc, id)
    if (member) out.push(member)
  }
  return out.sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id))
}

/** Members who have not left. */
export function activeMember(doc: Y.Doc, id: string): Member | null {
  const member = readMember(doc, id)
  return member && member.leftAt === undefined ? member : null
}

function writeFields(doc: Y.Doc, id: string, fields: Record<string, unknown>, origin: Origin): void {
  const entry = peopleMap(doc).get(id)
  if (!(entry instanceof Y.Map)) return
  const changed = Object.entries(fields).filter(([key, value]) => entry.get(key) !== value)
  if (changed.length === 0) return
  doc.transact(() => {
    for (const [key, value] of changed) {
      if (value === undefined) entry.delete(key)
      else entry.set(key, value)
    }
  }, origin)
}

/** A person's own country and organisation, as the others see them in the members list. */
export function setMyDetails(doc: Y.Doc, me: string, details: MemberDetails, origin: Origin): CohortResult {
  if (!isWritable(doc)) return refuse(NEWER_MESSAGE)
  const parsed = DetailsSchema.safeParse(details)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    if (issue?.code === 'too_big' && issue.path[0] === 'country') return refuse(said(COHORT_FIELD_MESSAGES.countryTooLong, { max: COUNTRY_MAX }))
    if (issue?.code === 'too_big' && issue.path[0] === 'organisation') return refuse(said(COHORT_FIELD_MESSAGES.organisationTooLong, { max: ORGANISATION_MAX }))
    return refuse(issue?.message ?? MSG.detailsInvalid)
  }
  if (!readMember(doc, me)) return refuse(MSG.notYetMember)
  writeFields(doc, me, parsed.data, origin)
  return done(undefined)
}

/**
 * Leaving: the person is marked as gone for everyone. Nothing they shared is taken
 * away: their project card, comments and milestones stay in the cohort as they were
 * (read-only, since only they could edit them), and their own computer keeps its copy.
 */
export function leaveCohort(doc: Y.Doc, me: string, now: number, origin: Origin): CohortResult {
  if (!isWritable(doc)) return refuse(NEWER_MESSAGE)
  if (!readMember(doc, me)) return refuse(MSG.notMember)
  writeFields(doc, me, { leftAt: now }, origin)
  return done(undefined)
}

/** Coming back with the invite: the person is a member again. */
export function rejoinCohort(doc: Y.Doc, me: string, origin: Origin): void {
  if (isWritable(doc) && readMember(doc, me)?.leftAt !== undefined) writeFields(doc, me, { leftAt: undefined }, origin)
}

export function cohortTitle(doc: Y.Doc): string {
  const title = metaMap(doc).get('title')
  return typeof title === 'string' ? title.slice(0, TITLE_MAX) : ''
}
