import type * as Y from 'yjs'
import { itemLabel, readSegments, type VoteItem, type VoteSpec } from '../../../shared/facilitation'
import { readDiagram, readIceberg } from '../../../shared/diagram'
import { readDeck, responseIds, viewResponse } from '../../../shared/conversation'
import { projectIds, readMember, readProjectSummary } from '../../../shared/cohort'
import { english, type Message } from '../../../shared/i18n'
import { SEGMENT_KIND_NAMES } from '../facilitation'

/**
 * Formats the few words these lists add themselves (a name for an unnamed variable, the
 * source's title). They are written into the vote, so they are in the language of the
 * facilitator who starts it: entry points pass their `t`; without one, English.
 */
export type Words = (message: Message, values?: Record<string, string | number>) => string
const inEnglish: Words = (message, values) => english.formatMessage(message, values)

/**
 * What each entry point offers to vote on, read when the facilitator opens the dialog
 * (never subscribed: the dialog keeps its own copy while it is open).
 */
export interface VoteCandidates {
  source: VoteSpec['source']
  items: VoteItem[]
}

export function diagramVariables(doc: Y.Doc, diagramId: string, t: Words = inEnglish): VoteCandidates {
  const diagram = readDiagram(doc, diagramId)
  const unnamed = t({ id: 'votes.items.unnamedVariable', defaultMessage: 'Unnamed variable' })
  // In the order of their names: the diagram keeps its variables in id order, which means nothing to anyone.
  const items = (diagram?.variables ?? []).map((v) => ({ key: v.id, label: itemLabel(v.label, unnamed) }))
  return { source: { kind: 'variables', id: diagramId, title: diagram?.title ?? '' }, items: items.sort((a, b) => a.label.localeCompare(b.label)) }
}

export function icebergNotes(doc: Y.Doc, diagramId: string, title: string): VoteCandidates {
  const stickies = readIceberg(doc, diagramId)?.stickies ?? []
  return {
    source: { kind: 'notes', id: diagramId, title },
    items: stickies.filter((s) => s.text.trim() !== '').map((s) => ({ key: s.id, label: itemLabel(s.text) })),
  }
}

/** The responses this facilitator can read (a response still sealed cannot be put to the vote). */
export function promptResponses(doc: Y.Doc, promptId: string, viewerId: string, mineAnonymous: ReadonlySet<string>): VoteCandidates {
  const prompt = readDeck(doc)?.prompts.find((p) => p.id === promptId)
  const items: VoteItem[] = []
  for (const id of responseIds(doc, promptId)) {
    const view = viewResponse(doc, id, viewerId, mineAnonymous)
    if (view?.text) items.push({ key: id, label: itemLabel(view.text) })
  }
  return { source: { kind: 'responses', id: promptId, title: prompt?.text ?? '' }, items }
}

export function agendaSegments(doc: Y.Doc, t: Words = inEnglish): VoteCandidates {
  return {
    source: { kind: 'segments', id: null, title: t({ id: 'votes.items.agenda', defaultMessage: 'The agenda' }) },
    items: readSegments(doc).map((s) => ({ key: s.id, label: itemLabel(s.title, t(SEGMENT_KIND_NAMES[s.kind])) })),
  }
}

export function cohortProjects(doc: Y.Doc, t: Words = inEnglish): VoteCandidates {
  const items: VoteItem[] = []
  for (const id of projectIds(doc)) {
    const summary = readProjectSummary(doc, id)
    if (!summary) continue
    const owner = readMember(doc, id)?.name ?? t({ id: 'votes.items.someone', defaultMessage: 'Someone' })
    const title = summary.title.trim() || t({ id: 'votes.items.untitledProject', defaultMessage: 'Untitled project' })
    items.push({ key: id, label: itemLabel(t({ id: 'votes.items.project', defaultMessage: '{title} ({owner})' }, { title, owner })) })
  }
  return { source: { kind: 'projects', id: null, title: t({ id: 'votes.items.projects', defaultMessage: 'Cohort projects' }) }, items }
}

/** The question the dialog starts with, for each kind of thing (the facilitator changes it at will). */
export const DEFAULT_QUESTIONS: Record<VoteSpec['source']['kind'], Message> = {
  variables: { id: 'votes.question.variables', defaultMessage: 'Which of these variables matter most to act on?' },
  notes: { id: 'votes.question.notes', defaultMessage: 'Which of these notes matter most?' },
  responses: { id: 'votes.question.responses', defaultMessage: 'Which responses speak to you most?' },
  segments: { id: 'votes.question.segments', defaultMessage: 'Which segment shall we give more time?' },
  projects: { id: 'votes.question.projects', defaultMessage: 'Which projects shall we look at together?' },
}
