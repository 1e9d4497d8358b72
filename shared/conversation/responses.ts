import * as Y from 'yjs'
import { newItemId } from '../session/ids'
import { canFacilitate } from '../session/roles'
import { said, type ResultWith } from '../result'
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
  type ChoosableVisibility,
  type Visibility,
  type WrittenSettings,
} from './schema'
import { CONVERSATION_ORIGIN, NEWER_BUILD, OK, facilitatorGuard, fail, type ConversationResult } from './state'
import { hasSealed, keyIdOf, ownPrivateKey, privateKeyFor, readSealed, revealIsTrusted, sealText, type SealedRecord } from './private'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const RESPONSE_MESSAGES = {
  cannotHide: { id: 'shared.conversation.response.cannotHide', defaultMessage: 'Private responses cannot be hidden again once revealed: their authors’ apps have published the keys that open them.' },
  writeFirst: { id: 'shared.conversation.response.writeFirst', defaultMessage: 'Write something first.' },
  tooLong: { id: 'shared.conversation.response.tooLong', defaultMessage: 'Keep a response under {max, number} characters (this one has {count, number}).' },
  settingsChanged: { id: 'shared.conversation.response.settingsChanged', defaultMessage: 'A facilitator has just changed how responses are stored. Read the new note, then send again.' },
  noPrivateKey: { id: 'shared.conversation.response.noPrivateKey', defaultMessage: 'This window cannot keep a private key, so nothing was sent. Reopen the convening and try again.' },
  gone: { id: 'shared.conversation.response.gone', defaultMessage: 'This response is no longer here.' },
  notYours: { id: 'shared.conversation.response.notYours', defaultMessage: 'Only the person who wrote a response can change it.' },
  sealedElsewhere: { id: 'shared.conversation.response.sealedElsewhere', defaultMessage: 'This response was sealed on another computer: edit it there.' },
} as const
const MSG = RESPONSE_MESSAGES

/**
 * Written responses and what each anonymity choice stores.
 *
 * - named: the text, the prompt, the time and the author's person id. Everyone sees it with the name.
 * - private: the text sealed under a key only the author's computer holds, with the
 *   prompt, the time and the author (private.ts). Nobody else's copy can read it until
 *   a facilitator reveals the prompt and the author's app publishes its key.
 * - anonymous: the text, the prompt and the time (to the minute). No person id, not even
 *   hashed. The change is also made under a throwaway Yjs client id, so the stored
 *   document does not tie it to the author's other edits. Only the author's own computer
 *   remembers (locally, never synced) which responses are theirs, so only they can edit
 *   or withdraw them there.
 * - hidden (earlier builds only, still read): plain text that honest apps showed others
 *   after a reveal. A prompt set to it now takes private responses.
 */
export const VISIBILITY_LABELS: Record<Visibility, string> = {
  named: 'Named',
  private: 'Private until revealed',
  anonymous: 'Anonymous',
  hidden: 'Hidden until revealed (earlier build)',
}

/** What each choice stores and who can see it, in the words the interface shows. */
export const VISIBILITY_STATEMENTS: Record<Visibility, string> = {
  named:
    'Stored in the shared convening document with your name, the prompt and the time. Everyone in the convening can read it with your name, now and in the notes.',
  private:
    'Sealed on your computer with a key only it holds; the shared document gets the sealed text with your name, the prompt and the time. Nobody else can read it, not even with a modified app, until a facilitator reveals the responses: then your app publishes its key and everyone reads it with your name. If you are offline at the reveal, yours show when you next open the convening. You can withdraw it until the reveal. Others can see that you wrote something, and roughly how long it is.',
  anonymous:
    'Stored in the shared document with no name and no id: only the text, the prompt and the time to the minute. Everyone can read it. Only this computer remembers that it is yours, so you can edit or withdraw it here. While you are connected, a modified app watching the network could still see which computer sent it, and wording can give people away.',
  hidden:
    'Written by an earlier build: stored as plain text with your name, shown to others after a facilitator revealed them. New responses to this prompt are private.',
}

export const DEFAULT_WRITTEN: WrittenSettings = { visibility: 'named', revealed: false, by: '' }

/** A prompt's settings as a facilitator wrote them ('hidden', from earlier builds, now takes private responses). */
export function readWrittenSettings(doc: Y.Doc, promptId: string): WrittenSettings & { visibility: ChoosableVisibility } {
  const settings = readFacilitated(doc, nestedMap(doc, KEYS.written)?.get(promptId), WrittenSchema) ?? DEFAULT_WRITTEN
  return { ...settings, visibility: settings.visibility === 'hidden' ? 'private' : settings.visibility }
}

/** Whether private responses to this prompt may be opened by everyone (a reveal that can be trusted). */
export function isPromptRevealed(doc: Y.Doc, promptId: string): boolean {
  return revealIsTrusted(doc, promptId, readWrittenSettings(doc, promptId))
}

/**
 * A facilitator changes how a prompt's responses are stored, or reveals them (with
 * their signed reveal where roles are signed: `statement`). A reveal of private
 * responses cannot be taken back: their authors' keys are already in every copy.
 */
export function setWrittenSettings(
  doc: Y.Doc,
  personId: string,
  promptId: string,
  change: Partial<Pick<WrittenSettings, 'visibility' | 'revealed' | 'statement'>>,
): ConversationResult {
  const refused = facilitatorGuard(doc, personId)
  if (refused) return refused
  const current = readWrittenSettings(doc, promptId)
  if (change.revealed === false && revealIsTrusted(doc, promptId, current) && hasSealed(doc, promptId)) {
    return fail(MSG.cannotHide)
  }
  const next: WrittenSettings = { ...current, ...change, by: personId }
  if (change.revealed === false) delete next.statement
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
  const record = parsed.data
  // An anonymous response never shows an author, even if a faulty peer stored one; a
  // private one is nothing without its author and sealed text; the others need text.
  if (record.visibility === 'anonymous') return record.text === undefined ? null : { ...record, author: undefined }
  if (record.visibility === 'private') return record.author && record.sealed && record.keyId ? { ...record, text: undefined } : null
  return record.text === undefined ? null : record
}

function sealedRecord(id: string, record: ResponseRecord): SealedRecord | null {
  return record.visibility === 'private' && record.author && record.sealed && record.keyId
    ? { id, promptId: record.promptId, author: record.author, sealed: record.sealed, keyId: record.keyId }
    : null
}

/** Every private response a person wrote (what their app publishes keys for at a reveal). */
export function sealedResponsesOf(doc: Y.Doc, personId: string): SealedRecord[] {
  const out: SealedRecord[] = []
  for (const id of responsesMap(doc)?.keys() ?? []) {
    const record = readResponseRecord(doc, id)
    const sealed = record && record.author === personId ? sealedRecord(id, record) : null
    if (sealed) out.push(sealed)
  }
  return out
}

export interface ResponseView {
  id: string
  promptId: string
  visibility: Visibility
  /** Null when this viewer may not read it (not revealed yet, or its author's key has not arrived). */
  text: string | null
  /** Revealed, but its author's app has not published the key yet (they are offline): shows when they are back. */
  waiting: boolean
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
  let text: string | null = record.text ?? null
  let waiting = false
  const sealed = sealedRecord(id, record)
  if (sealed) {
    const read = readSealed(doc, sealed, viewerId, isPromptRevealed(doc, record.promptId))
    text = read.text
    waiting = read.text === null && read.waiting
  } else if (record.visibility === 'hidden' && !mine && !readWrittenSettings(doc, record.promptId).revealed) {
    text = null
  }
  const revealed = text !== null
  const curated = (by: string | undefined): boolean => by !== undefined && canFacilitate(doc, by)
  return {
    id,
    promptId: record.promptId,
    visibility: record.visibility,
    text,
    waiting,
    author: record.visibility !== 'anonymous' && (revealed || waiting) ? (record.author ?? null) : null,
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
  if (trimmed === '') return fail(MSG.writeFirst)
  if (trimmed.length > RESPONSE_MAX) return fail(said(MSG.tooLong, { max: RESPONSE_MAX, count: trimmed.length }))
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

export type WriteResult = ResultWith<{ id: string }>

/**
 * Send a response. `visibility` is the choice the writer was shown: if a facilitator
 * changed it in the meantime, nothing is stored and the writer is told. A private
 * response is sealed with this person's key for the prompt, made and kept on this
 * computer first (private.ts).
 */
export async function sendResponse(doc: Y.Doc, personId: string, promptId: string, text: string, visibility: Visibility, now: number): Promise<WriteResult> {
  if (visibility !== 'private') return writeResponse(doc, personId, promptId, text, visibility, now)
  const key = await privateKeyFor(doc, personId, promptId)
  return writeResponse(doc, personId, promptId, text, visibility, now, key)
}

/** `sendResponse`, once a private response's key is at hand. */
export function writeResponse(doc: Y.Doc, personId: string, promptId: string, text: string, visibility: Visibility, now: number, key: Uint8Array | null = null): WriteResult {
  if (isNewerConversation(doc)) return fail(NEWER_BUILD)
  const checked = checkResponseText(text)
  if (!checked.ok) return checked
  const settings = readWrittenSettings(doc, promptId)
  if (settings.visibility !== visibility) return fail(MSG.settingsChanged)
  if (visibility === 'private' && !key) return fail(MSG.noPrivateKey)
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
      if (visibility === 'private' && key) {
        entry.set('sealed', sealText(key, body, { id, promptId, author: personId }))
        entry.set('keyId', keyIdOf(key))
      } else {
        entry.set('text', body)
      }
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
  if (!record) return fail(MSG.gone)
  const mine = record.visibility === 'anonymous' ? mineAnonymous.has(id) : record.author === personId
  return mine ? record : fail(MSG.notYours)
}

export function editResponse(doc: Y.Doc, personId: string, id: string, text: string, mineAnonymous: ReadonlySet<string>, now: number): ConversationResult {
  const record = ownResponse(doc, personId, id, mineAnonymous)
  if ('ok' in record) return record
  const checked = checkResponseText(text)
  if (!checked.ok) return checked
  const body = text.trim()
  if (record.visibility === 'private') {
    const view = viewResponse(doc, id, personId, mineAnonymous)
    if (view?.text === null || view === null) return fail(MSG.sealedElsewhere)
    if (body === view.text) return OK
    const sealed = sealedRecord(id, record)
    const key = sealed ? ownPrivateKey(doc, personId, sealed.promptId) : null
    if (!key || !sealed || keyIdOf(key) !== sealed.keyId) return fail(MSG.sealedElsewhere)
    doc.transact(() => {
      const entry = responsesMap(doc)?.get(id)
      entry?.set('sealed', sealText(key, body, sealed))
      entry?.set('updatedAt', now)
    }, CONVERSATION_ORIGIN)
    return OK
  }
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
  if (!(entry instanceof Y.Map)) return fail(MSG.gone)
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
