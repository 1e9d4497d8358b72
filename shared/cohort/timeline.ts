import type * as Y from 'yjs'
import { said } from '../result'
import { done, isWritable, NEWER_MESSAGE, refuse, type CohortResult } from './doc'
import { facilitates, isActive, memo } from './permissions'
import { readClinicLog } from './clinicLog'
import { readMilestoneHeaders } from './history'
import { projectIds } from './projects'
import { cohortConveningsArray } from './roots'
import { ConveningEntrySchema, type ConveningEntry, type MilestoneHeader } from './schema'
import type { Origin } from '../session/origins'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const TIMELINE_MESSAGES = {
  facilitatorsAdd: { id: 'shared.cohort.timeline.facilitatorsAdd', defaultMessage: 'Facilitators add convenings to the cohort.' },
  cannotAdd: { id: 'shared.cohort.timeline.cannotAdd', defaultMessage: 'That convening cannot be added: {problem}.' },
  cannotAddInvalid: { id: 'shared.cohort.timeline.cannotAddInvalid', defaultMessage: 'That convening cannot be added: not valid.' },
  facilitatorsKeepInvites: { id: 'shared.cohort.timeline.facilitatorsKeepInvites', defaultMessage: 'Facilitators decide which invites the cohort keeps.' },
} as const
const MSG = TIMELINE_MESSAGES

/**
 * The thread between convenings: the cohort's convenings in order, and around them
 * what happened to the cards (milestones) and the clinics held. What each convening
 * made (harvest, diagrams, scenarios) is read from the convening itself when it is on
 * this computer; the cohort only keeps the entry.
 */
export function recordConvening(doc: Y.Doc, entry: Omit<ConveningEntry, 'at'>, now: number, origin: Origin): CohortResult {
  if (!isWritable(doc)) return refuse(NEWER_MESSAGE)
  if (!facilitates(doc, entry.by) || !isActive(doc, entry.by)) return refuse(MSG.facilitatorsAdd)
  const parsed = ConveningEntrySchema.safeParse({ ...entry, at: now })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return refuse(issue ? said(MSG.cannotAdd, { problem: issue.message }) : MSG.cannotAddInvalid)
  }
  if (readConvenings(doc).some((c) => c.conveningId === entry.conveningId)) return done(undefined)
  doc.transact(() => cohortConveningsArray(doc).push([parsed.data]), origin)
  return done(undefined)
}

/** The convenings a facilitator added, by date (then by when they were added). */
export function readConvenings(doc: Y.Doc): ConveningEntry[] {
  const out: ConveningEntry[] = []
  const seen = new Set<string>()
  const facilitator = memo(facilitates, doc)
  for (const raw of cohortConveningsArray(doc).toArray()) {
    const parsed = ConveningEntrySchema.safeParse(raw)
    if (!parsed.success || !facilitator(parsed.data.by) || seen.has(parsed.data.conveningId)) continue
    seen.add(parsed.data.conveningId)
    out.push(parsed.data)
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.at - b.at)
}

/** Stop sharing a convening's invite through the cohort (members who have it keep it). */
export function forgetInvite(doc: Y.Doc, conveningId: string, by: string, origin: Origin): CohortResult {
  if (!isWritable(doc)) return refuse(NEWER_MESSAGE)
  if (!facilitates(doc, by)) return refuse(MSG.facilitatorsKeepInvites)
  const list = cohortConveningsArray(doc)
  doc.transact(() => {
    list.toArray().forEach((raw, index) => {
      const parsed = ConveningEntrySchema.safeParse(raw)
      if (!parsed.success || parsed.data.conveningId !== conveningId || !parsed.data.invite) return
      const { invite: _dropped, ...rest } = parsed.data
      list.delete(index, 1)
      list.insert(index, [rest])
    })
  }, origin)
  return done(undefined)
}

/** What this computer knows about a convening (it has to be on this computer). */
export interface ConveningDetails {
  diagrams: string[]
  scenarios: string[]
  people: number
}

export type TimelineItem =
  | {
      kind: 'convening'
      key: string
      at: number
      entry: ConveningEntry
      details: ConveningDetails | null
      /** Cards whose state was kept when this convening started. */
      kept: { projectId: string; milestone: MilestoneHeader }[]
      search: string
    }
  | { kind: 'milestone'; key: string; at: number; projectId: string; milestone: MilestoneHeader; search: string }
  | { kind: 'clinic'; key: string; at: number; projectId: string; clinicId: string; search: string }

/** A calendar day as a moment for ordering (noon UTC keeps it on the same day everywhere). */
export function dayTime(date: string): number {
  return Date.parse(`${date}T12:00:00Z`)
}

export function normalise(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
}

export interface TimelineNames {
  person: (id: string) => string
  project: (id: string) => string
}

/** Everything in the thread, newest first. */
export function buildTimeline(doc: Y.Doc, details: ReadonlyMap<string, ConveningDetails>, names: TimelineNames): TimelineItem[] {
  const convenings = readConvenings(doc)
  const known = new Set(convenings.map((c) => c.conveningId))
  const kept = new Map<string, { projectId: string; milestone: MilestoneHeader }[]>()
  const items: TimelineItem[] = []
  for (const projectId of projectIds(doc)) {
    const owner = names.person(projectId)
    const title = names.project(projectId)
    for (const milestone of readMilestoneHeaders(doc, projectId)) {
      if (milestone.conveningId && known.has(milestone.conveningId)) {
        const list = kept.get(milestone.conveningId) ?? []
        list.push({ projectId, milestone })
        kept.set(milestone.conveningId, list)
      } else {
        const search = normalise(`milestone ${milestone.label} ${owner} ${title}`)
        items.push({ kind: 'milestone', key: `m:${milestone.id}`, at: milestone.at, projectId, milestone, search })
      }
    }
  }
  for (const entry of convenings) {
    const found = details.get(entry.conveningId) ?? null
    const cards = kept.get(entry.conveningId) ?? []
    const search = normalise(
      [
        'convening',
        entry.title,
        entry.date,
        ...(found ? [...found.diagrams, ...found.scenarios] : []),
        ...cards.map((c) => `${names.person(c.projectId)} ${names.project(c.projectId)}`),
      ].join(' '),
    )
    // A convening started on its own day sorts by when it started, after what happened earlier that day.
    const day = dayTime(entry.date)
    const sameDay = new Date(entry.at).toISOString().slice(0, 10) === entry.date
    items.push({ kind: 'convening', key: `c:${entry.conveningId}`, at: sameDay ? Math.max(day, entry.at) : day, entry, details: found, kept: cards, search })
  }
  for (const clinic of readClinicLog(doc)) {
    const search = normalise(`clinic ${names.person(clinic.presenter)} ${names.project(clinic.projectId)}`)
    items.push({ kind: 'clinic', key: `k:${clinic.id}`, at: clinic.at, projectId: clinic.projectId, clinicId: clinic.id, search })
  }
  return items.sort((a, b) => b.at - a.at || a.key.localeCompare(b.key))
}

/** Items holding every word of the query (accents and case ignored). */
export function searchTimeline(items: TimelineItem[], query: string): TimelineItem[] {
  const words = normalise(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return items
  return items.filter((item) => words.every((word) => item.search.includes(word)))
}
