import * as Y from 'yjs'
import { newItemId } from '../session/ids'
import { canFacilitate } from '../session/roles'
import {
  GROUP_LABEL_MAX,
  KEYS,
  RESPONSE_MAX,
  ResponseRecordSchema,
  WrittenSchema,
  ensureContainers,
  isNewerConversation,
  nestedMap,
  readFacilitated,
  type ResponseRecord,
  type Visibility,
  type WrittenSettings,
} from './schema'
import { CONVERSATION_ORIGIN, NEWER_BUILD, OK, facilitatorGuard, fail, type ConversationResult } from './state'

/**
 * Written responses and what each anonymity choice stores.
 *
 * - named: the text, the prompt, the time and the author's person id. Everyone sees it with the name.
 * - hidden: the same as named; an honest app shows others' text only after a facilitator
 *   reveals the prompt's responses. The text is in every peer's document from the start.
 * - anonymous: the text, the prompt and the time (to the minute). No person id, not even
 *   hashed. The change is also made under a throwaway Yjs client id, so the stored
 *   document does not tie it to the author's other edits. Only the author's own computer
 *   remembers (locally, never synced) which responses are theirs, so only they can edit
 *   or withdraw them there.
 */
export const VISIBILITY_LABELS: Record<Visibility, string> = {
  named: 'Named',
  hidden: 'Hidden until revealed',
  anonymous: 'Anonymous',
}

/** What each choice stores and who can see it, in the words the interface shows. */
export const VISIBILITY_STATEMENTS: Record<Visibility, string> = {
  named:
    'Stored in the shared convening document with your name, the prompt and the time. Everyone in the convening can read it with your name, now and in the notes.',
  hidden:
    'Stored in the shared document with your name, the prompt and the time. Other people’s screens show it only after a facilitator reveals the responses; then everyone sees it with your name. The text is in every participant’s copy of the document as soon as you send it, so a modified app could read it earlier.',
  anonymous:
    'Stored in the shared document with no name and no id: only the text, the prompt and the time to the minute. Everyone can read it. Only this computer remembers that it is yours, so you can edit or withdraw it here. While you are connected, a modified app watching the network could still see which computer sent it, and wording can give people away.',
}

export const DEFAULT_WRITTEN: WrittenSettings = { visibility: 'named', revealed: false, by: '' }

export function readWrittenSettings(doc: Y.Doc, promptId: string): WrittenSettings {
  return readFacilitated(doc, nestedMap(doc, KEYS.written)?.get(promptId), WrittenSchema) ?? DEFAULT_WRITTEN
}

export function setWrittenSettings(doc: Y.Doc, personId: string, promptId: string, change: Partial<Pick<WrittenSettings, 'visibility' | 'revealed'>>): ConversationResult {
  const refused = facilitatorGuard(doc, personId)
  if (refused) return refused
  const next: WrittenSettings = { ...readWrittenSettings(doc, promptId), ...change, by: personId }
  doc.transact(() => {
    ensureContainers(doc)
    nestedMap(doc, KEYS.written)?.set(promptId, next)
  }, CONVERSATION_ORIGIN)
  return OK
}

function responsesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> | null {
  return nestedMap<Y.Map<unknown>>(doc, KEYS.responses)
}

export function readResponseRecord(doc: Y.Doc, id: string): ResponseRecord | null {
  const entry = responsesMap(doc)?.get(id)
  if (!(entry instanceof Y.Map)) return null
  const parsed = ResponseRecordSchema.safeParse(entry.toJSON())
  if (!parsed.success) return null
  // An anonymous response never shows an author, even if a faulty peer stored one.
  return parsed.data.visibility === 'anonymous' ? { ...parsed.data, author: undefined } : parsed.data
}

export interface ResponseView {
  id: string
  promptId: string
  visibility: Visibility
  /** Null when this viewer may not read it yet (hidden, not revealed). */
  text: string | null
  /** The author's person id when this viewer may know it; never for anonymous responses. */
  author: string | null
  mine: boolean
  group: string | null
  starred: boolean
  createdAt: number
  updatedAt: number
}

/** One response as this viewer may see it. `mineAnonymous`: ids this computer knows it wrote anonymously. */
export function viewResponse(doc: Y.Doc, id: string, viewerId: string, mineAnonymous: ReadonlySet<string>): ResponseView | null {
  const record = readResponseRecord(doc, id)
  if (!record) return null
  const mine = record.visibility === 'anonymous' ? mineAnonymous.has(id) : record.author === viewerId
  const revealed = record.visibility !== 'hidden' || mine || readWrittenSettings(doc, record.promptId).revealed
  const curated = (by: string | undefined): boolean => by !== undefined && canFacilitate(doc, by)
  return {
    id,
    promptId: record.promptId,
    visibility: record.visibility,
    text: revealed ? record.text : null,
    author: record.visibility !== 'anonymous' && revealed ? (record.author ?? null) : null,
    mine,
    group: revealed && curated(record.group?.by) ? record.group?.value.trim() || null : null,
    starred: revealed && curated(record.star?.by) ? (record.star?.value ?? false) : false,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  }
}

/** Ids of the responses to a prompt, oldest first (ties broken by id, so anonymous ones show no finer order). */
export function responseIds(doc: Y.Doc, promptId: string): string[] {
  const map = responsesMap(doc)
  if (!map) return []
  const rows: { id: string; at: number }[] = []
  for (const [id, entry] of map.entries()) {
    if (!(entry instanceof Y.Map) || entry.get('promptId') !== promptId) continue
    const at = entry.get('createdAt')
    rows.push({ id, at: typeof at === 'number' ? at : 0 })
  }
  return rows.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id)).map((r) => r.id)
}

export function checkResponseText(text: string): ConversationResult {
  const trimmed = text.trim()
  if (trimmed === '') return fail('Write something first.')
  if (trimmed.length > RESPONSE_MAX) return fail(`Keep a response under ${RESPONSE_MAX.toLocaleString('en')} characters (this one has ${trimmed.length.toLocaleString('en')}).`)
  return OK
}

const toMinute = (t: number): number => Math.floor(t / 60_000) * 60_000

/**
 * Make a change under a fresh, throwaway Yjs client id: the change is built in a copy of
 * the document and merged back, so nothing in the stored document ties it to this
 * person's other edits (which carry their window's client id).
 */
export function writeUnlinked(doc: Y.Doc, change: (copy: Y.Doc) => void): void {
  const copy = new Y.Doc({ gc: doc.gc })
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  copy.transact(() => change(copy))
  // Yjs marks an applied update as not local; its local origin is what tells storage and
  // the relay that this is this person's own edit (written at once: nobody else holds it).
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(copy, Y.encodeStateVector(doc)), CONVERSATION_ORIGIN)
  copy.destroy()
}

export type WriteResult = { ok: true; id: string } | { ok: false; message: string }

/**
 * Send a response. `visibility` is the choice the writer was shown: if a facilitator
 * changed it in the meantime, nothing is stored and the writer is told.
 */
export function writeResponse(doc: Y.Doc, personId: string, promptId: string, text: string, visibility: Visibility, now: number): WriteResult {
  if (isNewerConversation(doc)) return { ok: false, message: NEWER_BUILD }
  const checked = checkResponseText(text)
  if (!checked.ok) return checked
  const settings = readWrittenSettings(doc, promptId)
  if (settings.visibility !== visibility) return { ok: false, message: 'A facilitator has just changed how responses are stored. Read the new note, then send again.' }
  const id = newItemId()
  const body = text.trim()
  if (!responsesMap(doc)) doc.transact(() => ensureContainers(doc), CONVERSATION_ORIGIN)
  if (visibility === 'anonymous') {
    const at = toMinute(now)
    writeUnlinked(doc, (copy) => {
      const entry = new Y.Map<unknown>()
      responsesMap(copy)?.set(id, entry)
      entry.set('promptId', promptId)
      entry.set('text', body)
      entry.set('visibility', 'anonymous')
      entry.set('createdAt', at)
      entry.set('updatedAt', at)
    })
  } else {
    doc.transact(() => {
      const entry = new Y.Map<unknown>()
      responsesMap(doc)?.set(id, entry)
      entry.set('promptId', promptId)
      entry.set('text', body)
      entry.set('visibility', visibility)
      entry.set('author', personId)
      entry.set('createdAt', now)
      entry.set('updatedAt', now)
    }, CONVERSATION_ORIGIN)
  }
  return { ok: true, id }
}

function ownResponse(doc: Y.Doc, personId: string, id: string, mineAnonymous: ReadonlySet<string>): ResponseRecord | ConversationResult {
  if (isNewerConversation(doc)) return fail(NEWER_BUILD)
  const record = readResponseRecord(doc, id)
  if (!record) return fail('This response is no longer here.')
  const mine = record.visibility === 'anonymous' ? mineAnonymous.has(id) : record.author === personId
  return mine ? record : fail('Only the person who wrote a response can change it.')
}

export function editResponse(doc: Y.Doc, personId: string, id: string, text: string, mineAnonymous: ReadonlySet<string>, now: number): ConversationResult {
  const record = ownResponse(doc, personId, id, mineAnonymous)
  if ('ok' in record) return record
  const checked = checkResponseText(text)
  if (!checked.ok) return checked
  const body = text.trim()
  if (body === record.text) return OK
  if (record.visibility === 'anonymous') {
    writeUnlinked(doc, (copy) => {
      const entry = responsesMap(copy)?.get(id)
      entry?.set('text', body)
      entry?.set('updatedAt', toMinute(now))
    })
  } else {
    doc.transact(() => {
      const entry = responsesMap(doc)?.get(id)
      entry?.set('text', body)
      entry?.set('updatedAt', now)
    }, CONVERSATION_ORIGIN)
  }
  return OK
}

/** Withdraw one's own response (a deletion names no writer in the document). */
export function withdrawResponse(doc: Y.Doc, personId: string, id: string, mineAnonymous: ReadonlySet<string>): ConversationResult {
  const record = ownResponse(doc, personId, id, mineAnonymous)
  if ('ok' in record) return record
  doc.transact(() => responsesMap(doc)?.delete(id), CONVERSATION_ORIGIN)
  return OK
}

/** A facilitator groups a response (label, or null to ungroup) or stars it for the harvest. */
export function curateResponse(doc: Y.Doc, personId: string, id: string, change: { group?: string | null; star?: boolean }): ConversationResult {
  const refused = facilitatorGuard(doc, personId)
  if (refused) return refused
  const entry = responsesMap(doc)?.get(id)
  if (!(entry instanceof Y.Map)) return fail('This response is no longer here.')
  const label = change.group === undefined || change.group === null ? change.group : change.group.trim().slice(0, GROUP_LABEL_MAX)
  doc.transact(() => {
    if (label !== undefined) {
      if (label === null || label === '') entry.delete('group')
      else entry.set('group', { value: label, by: personId })
    }
    if (change.star !== undefined) entry.set('star', { value: change.star, by: personId })
  }, CONVERSATION_ORIGIN)
  return OK
}

/** Group labels in use for a prompt's responses, alphabetically. */
export function groupLabels(doc: Y.Doc, promptId: string, viewerId: string): string[] {
  const labels = new Set<string>()
  for (const id of responseIds(doc, promptId)) {
    const view = viewResponse(doc, id, viewerId, new Set())
    if (view?.group) labels.add(view.group)
  }
  return [...labels].sort((a, b) => a.localeCompare(b))
}
