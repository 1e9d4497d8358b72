import * as Y from 'yjs'
import { z } from 'zod'
import { DOC_KEYS } from '../session/schema'
import { newItemId } from '../session/ids'
import { readPeople, readPerson } from '../session/doc'
import type { Origin } from '../session/origins'
import { fail, ok, said, type Result } from '../result'
import { english } from '../i18n/messages'

/** What this module says to people, as messages a window translates. */
export const ACTION_MESSAGES = {
  textEmpty: { id: 'shared.actions.textEmpty', defaultMessage: 'Say what needs doing' },
  textTooLong: { id: 'shared.actions.textTooLong', defaultMessage: 'Keep it under {max} characters' },
  ownerTooLong: { id: 'shared.actions.ownerTooLong', defaultMessage: 'Keep the owner under {max} characters' },
  dueNotReal: { id: 'shared.actions.dueNotReal', defaultMessage: 'The date must be a real day (YYYY-MM-DD)' },
  notValid: { id: 'shared.actions.notValid', defaultMessage: 'Not valid' },
  tooMany: { id: 'shared.actions.tooMany', defaultMessage: 'A convening holds at most {max} action items.' },
  gone: { id: 'shared.actions.gone', defaultMessage: 'That action item is no longer here.' },
} as const

/**
 * Action items the group agrees on: what, who, by when. Any peer may add, edit,
 * complete or delete one.
 *
 *   doc.getArray('actions'): Y.Array<Y.Map>
 *     └─ Y.Map { id, text, owner, due, done, createdAt }
 *
 * `owner` is a person id when the owner is someone in the convening (their name then
 * follows renames), or free text ("the Lisbon hub"). `due` is an ISO date or ''.
 * Each field is its own map entry, so one person ticking an item while another fixes
 * its wording keeps both changes.
 */
export const ACTION_LIMITS = { textMax: 500, ownerMax: 80, maxItems: 500 } as const

export interface ActionItem {
  id: string
  text: string
  owner: string
  due: string
  done: boolean
  createdAt: number
}

export type ActionResult<T = void> = Result<T>

function isRealDate(value: string): boolean {
  if (value === '') return true
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

export const ActionInputSchema = z.object({
  text: z.string().trim().min(1, ACTION_MESSAGES.textEmpty.defaultMessage).max(ACTION_LIMITS.textMax, english.formatMessage(ACTION_MESSAGES.textTooLong, { max: ACTION_LIMITS.textMax })),
  owner: z.string().trim().max(ACTION_LIMITS.ownerMax, english.formatMessage(ACTION_MESSAGES.ownerTooLong, { max: ACTION_LIMITS.ownerMax })),
  due: z.string().trim().refine(isRealDate, ACTION_MESSAGES.dueNotReal.defaultMessage),
})
export type ActionInput = z.infer<typeof ActionInputSchema>

export function actionsArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray(DOC_KEYS.actions)
}

function readEntry(value: unknown): ActionItem | null {
  if (!(value instanceof Y.Map)) return null
  const entry = value as Y.Map<unknown>
  const id = entry.get('id')
  const text = entry.get('text')
  if (typeof id !== 'string' || id.length === 0 || id.length > 64 || typeof text !== 'string') return null
  const owner = entry.get('owner')
  const due = entry.get('due')
  const createdAt = entry.get('createdAt')
  return {
    id,
    text: text.slice(0, ACTION_LIMITS.textMax),
    owner: typeof owner === 'string' ? owner.slice(0, ACTION_LIMITS.ownerMax) : '',
    due: typeof due === 'string' && isRealDate(due) ? due : '',
    done: entry.get('done') === true,
    createdAt: typeof createdAt === 'number' && Number.isFinite(createdAt) ? createdAt : 0,
  }
}

/** Every readable action item, in the order they were added; a repeated id shows once. */
export function readActions(doc: Y.Doc): ActionItem[] {
  const seen = new Set<string>()
  const out: ActionItem[] = []
  for (const entry of actionsArray(doc)) {
    const item = readEntry(entry)
    if (!item || seen.has(item.id)) continue
    seen.add(item.id)
    out.push(item)
  }
  return out
}

export function actionIds(doc: Y.Doc): string[] {
  return readActions(doc).map((item) => item.id)
}

function entriesWithId(doc: Y.Doc, id: string): { index: number; entry: Y.Map<unknown> }[] {
  const out: { index: number; entry: Y.Map<unknown> }[] = []
  actionsArray(doc).forEach((entry, index) => {
    if (entry instanceof Y.Map && entry.get('id') === id) out.push({ index, entry })
  })
  return out
}

/** The Y.Map of an item, for a view that follows only that item. */
export function actionEntry(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  return entriesWithId(doc, id)[0]?.entry ?? null
}

export function readAction(doc: Y.Doc, id: string): ActionItem | null {
  const first = entriesWithId(doc, id)[0]
  return first ? readEntry(first.entry) : null
}

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? ACTION_MESSAGES.notValid.defaultMessage
}

export function addAction(doc: Y.Doc, input: ActionInput, origin: Origin, now: number = Date.now()): ActionResult<string> {
  const parsed = ActionInputSchema.safeParse(input)
  if (!parsed.success) return fail(firstIssue(parsed.error))
  if (actionsArray(doc).length >= ACTION_LIMITS.maxItems) {
    return fail(said(ACTION_MESSAGES.tooMany, { max: ACTION_LIMITS.maxItems }))
  }
  const id = newItemId()
  doc.transact(() => {
    const entry = new Y.Map<unknown>()
    entry.set('id', id)
    entry.set('text', parsed.data.text)
    entry.set('owner', parsed.data.owner)
    entry.set('due', parsed.data.due)
    entry.set('done', false)
    entry.set('createdAt', now)
    actionsArray(doc).push([entry])
  }, origin)
  return ok(id)
}

/** Change some fields; only the ones that differ are written. */
export function updateAction(doc: Y.Doc, id: string, patch: Partial<ActionInput & { done: boolean }>, origin: Origin): ActionResult {
  const entries = entriesWithId(doc, id)
  const current = entries[0] ? readEntry(entries[0].entry) : null
  if (!current) return fail(ACTION_MESSAGES.gone)
  const parsed = ActionInputSchema.safeParse({ text: patch.text ?? current.text, owner: patch.owner ?? current.owner, due: patch.due ?? current.due })
  if (!parsed.success) return fail(firstIssue(parsed.error))
  const next: Record<string, unknown> = { ...parsed.data, done: patch.done ?? current.done }
  doc.transact(() => {
    for (const { entry } of entries) {
      for (const [key, value] of Object.entries(next)) if (entry.get(key) !== value) entry.set(key, value)
    }
  }, origin)
  return ok()
}

export function removeAction(doc: Y.Doc, id: string, origin: Origin): ActionResult {
  const entries = entriesWithId(doc, id)
  if (entries.length === 0) return fail(ACTION_MESSAGES.gone)
  doc.transact(() => {
    // From the end, so earlier indexes stay right.
    for (const { index } of entries.reverse()) actionsArray(doc).delete(index, 1)
  }, origin)
  return ok()
}

/**
 * What to store for the owner someone typed: the person's id when the text is the
 * name of exactly one person in the convening (so the item follows a rename), else
 * the text itself.
 */
export function ownerFromInput(doc: Y.Doc, typed: string): string {
  const text = typed.trim()
  if (!text) return ''
  const matches = readPeople(doc).filter((p) => p.name.trim().toLocaleLowerCase() === text.toLocaleLowerCase())
  return matches.length === 1 ? matches[0].id : text
}

/** The owner as people read it: a person's current name, or the free text as written. */
export function ownerLabel(doc: Y.Doc, owner: string): string {
  if (!owner) return ''
  return readPerson(doc, owner)?.name ?? owner
}
