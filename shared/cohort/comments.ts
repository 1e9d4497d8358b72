import type * as Y from 'yjs'
import { said } from '../result'
import { newItemId } from '../session/ids'
import { done, isWritable, NEWER_MESSAGE, refuse, type CohortResult } from './doc'
import { guides, isActive, memo } from './permissions'
import { isAuthor, projectAuthors, projectMap, projectPart } from './projects'
import { readClinicLog } from './clinicLog'
import { stageOf } from './content'
import { COMMENT_MAX, CommentSchema, type ClinicRecord, type ClinicStageId, type ProjectComment } from './schema'
import type { Origin } from '../session/origins'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const COMMENT_MESSAGES = {
  noCard: { id: 'shared.cohort.comment.noCard', defaultMessage: 'That project card is not in this cohort.' },
  writeFirst: { id: 'shared.cohort.comment.writeFirst', defaultMessage: 'Write something first.' },
  tooLong: { id: 'shared.cohort.comment.tooLong', defaultMessage: 'Keep it under {max} characters.' },
  whoComments: { id: 'shared.cohort.comment.whoComments', defaultMessage: 'Mentors and facilitators comment on cards; the card’s authors reply.' },
  notYours: { id: 'shared.cohort.comment.notYours', defaultMessage: 'Only the person who wrote it can take a comment back.' },
} as const
const MSG = COMMENT_MESSAGES

/**
 * Comments on a card: mentors and facilitators comment, the card's authors answer.
 * Clinic offerings are comments too, tagged with their clinic and stage, and may come
 * from anyone in the group that held the clinic.
 */
export function canComment(doc: Y.Doc, projectId: string, personId: string): boolean {
  return isWritable(doc) && isActive(doc, personId) && (guides(doc, personId) || isAuthor(doc, projectId, personId))
}

function commentsOf(doc: Y.Doc, projectId: string): Y.Array<unknown> | null {
  const project = projectMap(doc, projectId)
  return project ? projectPart<Y.Array<unknown>>(project, 'comments') : null
}

/** Write a checked comment (shared by plain comments and clinic offerings). */
export function pushComment(doc: Y.Doc, projectId: string, comment: Omit<ProjectComment, 'id' | 'text'> & { text: string }, origin: Origin): CohortResult<string> {
  const list = commentsOf(doc, projectId)
  if (!list) return refuse(MSG.noCard)
  const text = comment.text.trim()
  if (text.length === 0) return refuse(MSG.writeFirst)
  if (text.length > COMMENT_MAX) return refuse(said(MSG.tooLong, { max: COMMENT_MAX }))
  const record = CommentSchema.parse({ ...comment, id: newItemId(), text })
  doc.transact(() => list.push([record]), origin)
  return done(record.id)
}

export function addComment(doc: Y.Doc, projectId: string, input: { by: string; text: string; now: number }, origin: Origin): CohortResult<string> {
  if (!isWritable(doc)) return refuse(NEWER_MESSAGE)
  if (!canComment(doc, projectId, input.by)) return refuse(MSG.whoComments)
  return pushComment(doc, projectId, { by: input.by, at: input.now, text: input.text, kind: 'comment' }, origin)
}

/** Take back one's own comment. */
export function removeComment(doc: Y.Doc, projectId: string, commentId: string, by: string, origin: Origin): CohortResult {
  if (!isWritable(doc)) return refuse(NEWER_MESSAGE)
  const list = commentsOf(doc, projectId)
  if (!list) return refuse(MSG.noCard)
  const index = list.toArray().findIndex((raw) => {
    const parsed = CommentSchema.safeParse(raw)
    return parsed.success && parsed.data.id === commentId
  })
  if (index < 0) return done(undefined)
  const parsed = CommentSchema.parse(list.get(index))
  if (parsed.by !== by) return refuse(MSG.notYours)
  doc.transact(() => list.delete(index, 1), origin)
  return done(undefined)
}

function allowed(comment: ProjectComment, may: { guide: (id: string) => boolean; authors: Set<string> }, projectId: string, clinics: Map<string, ClinicRecord>): boolean {
  if (comment.kind === 'comment') return may.guide(comment.by) || may.authors.has(comment.by)
  const clinic = comment.clinicId ? clinics.get(comment.clinicId) : undefined
  if (!clinic || clinic.projectId !== projectId || !comment.stage) return false
  const stage = stageOf(comment.stage)
  if (stage.offeringLabel === null) return false
  // The presenter's own stage is theirs; the group's stages are everyone else's.
  return stage.speaks === 'presenter' ? comment.by === clinic.presenter : comment.by !== clinic.presenter
}

/** The card's comments, oldest first, without any its author was not allowed to write. */
export function readComments(doc: Y.Doc, projectId: string): ProjectComment[] {
  const list = commentsOf(doc, projectId)
  if (!list) return []
  const clinics = new Map(readClinicLog(doc).map((c) => [c.id, c]))
  const may = { guide: memo(guides, doc), authors: new Set(projectAuthors(doc, projectId)) }
  const out: ProjectComment[] = []
  for (const raw of list.toArray()) {
    const parsed = CommentSchema.safeParse(raw)
    if (parsed.success && allowed(parsed.data, may, projectId, clinics)) out.push(parsed.data)
  }
  return out.sort((a, b) => a.at - b.at)
}

export function offeringsOf(comments: ProjectComment[], clinicId: string, stage?: ClinicStageId): ProjectComment[] {
  return comments.filter((c) => c.kind === 'clinic' && c.clinicId === clinicId && (stage === undefined || c.stage === stage))
}
