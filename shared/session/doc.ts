import * as Y from 'yjs'
import {
  DOC_KEYS,
  MetaSchema,
  PersonSchema,
  SCHEMA_VERSION,
  SESSION_MESSAGES,
  TITLE_MAX,
  TitleSchema,
  type ConveningMeta,
  type Person,
} from './schema'
import { ORIGINS, type Origin } from './origins'
import { fail, ok, said, type Result } from '../result'

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(DOC_KEYS.meta)
}

export function peopleMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(DOC_KEYS.people)
}

export function notesText(doc: Y.Doc): Y.Text {
  return doc.getText(DOC_KEYS.notes)
}

export interface SeedInput {
  id: string
  title: string
  createdBy: Person
  now: number
}

/**
 * Seed a new convening. Only the creator calls this, once: a joining peer starts from
 * an empty document and receives the seed through sync, so nothing is seeded twice.
 */
export function seedConvening(doc: Y.Doc, input: SeedInput): void {
  const title = TitleSchema.parse(input.title)
  doc.transact(() => {
    const meta = metaMap(doc)
    meta.set('schemaVersion', SCHEMA_VERSION)
    meta.set('id', input.id)
    meta.set('title', title)
    meta.set('createdAt', input.now)
    meta.set('createdBy', input.createdBy.id)
    writePerson(doc, { ...input.createdBy, joinedAt: input.now })
  }, ORIGINS.seed)
}

export function isSeeded(doc: Y.Doc): boolean {
  return metaMap(doc).has('schemaVersion')
}

/** The meta record, or null while the document has not arrived yet (or is damaged). */
export function readMeta(doc: Y.Doc): ConveningMeta | null {
  const parsed = MetaSchema.safeParse(metaMap(doc).toJSON())
  return parsed.success ? parsed.data : null
}

export function readTitle(doc: Y.Doc): string {
  const title = metaMap(doc).get('title')
  return typeof title === 'string' ? title.slice(0, TITLE_MAX) : ''
}

export function setTitle(doc: Y.Doc, title: string, origin: Origin = ORIGINS.meta): Result {
  const parsed = TitleSchema.safeParse(title)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    // The schema's own refusals, as messages; anything else (not a string) as zod said it.
    if (issue?.code === 'too_small') return fail(SESSION_MESSAGES.titleNeeded)
    if (issue?.code === 'too_big') return fail(said(SESSION_MESSAGES.titleTooLong, { max: TITLE_MAX }))
    return fail(issue?.message ?? SESSION_MESSAGES.titleInvalid)
  }
  if (readTitle(doc) === parsed.data) return ok()
  doc.transact(() => metaMap(doc).set('title', parsed.data), origin)
  return ok()
}

function writePerson(doc: Y.Doc, person: Person): void {
  const people = peopleMap(doc)
  let entry = people.get(person.id)
  if (!(entry instanceof Y.Map)) {
    entry = new Y.Map<unknown>()
    people.set(person.id, entry)
  }
  for (const [key, value] of Object.entries(person)) {
    if (entry.get(key) !== value) entry.set(key, value)
  }
}

/**
 * Record (or refresh) this person in the document's people list. Writes only the
 * fields that changed, so reopening a convening adds nothing to the document.
 */
export function upsertPerson(doc: Y.Doc, person: Person, origin: Origin = ORIGINS.people): void {
  const parsed = PersonSchema.parse(person)
  const existing = readPerson(doc, parsed.id)
  const joinedAt = existing?.joinedAt || parsed.joinedAt
  const next = { ...parsed, joinedAt }
  if (existing && (Object.keys(next) as (keyof Person)[]).every((k) => existing[k] === next[k])) return
  doc.transact(() => writePerson(doc, next), origin)
}

export function readPerson(doc: Y.Doc, id: string): Person | null {
  const entry = peopleMap(doc).get(id)
  if (!(entry instanceof Y.Map)) return null
  const parsed = PersonSchema.safeParse({ ...entry.toJSON(), id })
  return parsed.success ? parsed.data : null
}

/** Everyone who has ever joined, oldest first; malformed entries are skipped. */
export function readPeople(doc: Y.Doc): Person[] {
  const out: Person[] = []
  for (const id of peopleMap(doc).keys()) {
    const person = readPerson(doc, id)
    if (person) out.push(person)
  }
  return out.sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id))
}
