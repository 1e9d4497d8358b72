import type * as Y from 'yjs'
import { itemLabel, readSegments, SEGMENT_KIND_LABELS, type VoteItem, type VoteSpec } from '../../../shared/facilitation'
import { readDiagram, readIceberg } from '../../../shared/diagram'
import { readDeck, responseIds, viewResponse } from '../../../shared/conversation'
import { projectIds, readMember, readProjectSummary } from '../../../shared/cohort'

/**
 * What each entry point offers to vote on, read when the facilitator opens the dialog
 * (never subscribed: the dialog keeps its own copy while it is open).
 */
export interface VoteCandidates {
  source: VoteSpec['source']
  items: VoteItem[]
}

export function diagramVariables(doc: Y.Doc, diagramId: string): VoteCandidates {
  const diagram = readDiagram(doc, diagramId)
  // In the order of their names: the diagram keeps its variables in id order, which means nothing to anyone.
  const items = (diagram?.variables ?? []).map((v) => ({ key: v.id, label: itemLabel(v.label, 'Unnamed variable') }))
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

export function agendaSegments(doc: Y.Doc): VoteCandidates {
  return {
    source: { kind: 'segments', id: null, title: 'The agenda' },
    items: readSegments(doc).map((s) => ({ key: s.id, label: itemLabel(s.title, SEGMENT_KIND_LABELS[s.kind]) })),
  }
}

export function cohortProjects(doc: Y.Doc): VoteCandidates {
  const items: VoteItem[] = []
  for (const id of projectIds(doc)) {
    const summary = readProjectSummary(doc, id)
    if (!summary) continue
    const owner = readMember(doc, id)?.name ?? 'Someone'
    items.push({ key: id, label: itemLabel(`${summary.title.trim() || 'Untitled project'} (${owner})`) })
  }
  return { source: { kind: 'projects', id: null, title: 'Cohort projects' }, items }
}

/** The question the dialog starts with, for each kind of thing (the facilitator changes it at will). */
export const DEFAULT_QUESTIONS: Record<VoteSpec['source']['kind'], string> = {
  variables: 'Which of these variables matter most to act on?',
  notes: 'Which of these notes matter most?',
  responses: 'Which responses speak to you most?',
  segments: 'Which segment shall we give more time?',
  projects: 'Which projects shall we look at together?',
}
