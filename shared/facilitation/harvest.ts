import type * as Y from 'yjs'
import type { HarvestSection, Span } from '../notes/blocks'
import { momentSpan } from '../notes/dates'
import { readSegments } from './agenda'
import { readActuals, readCurrent } from './run'
import { SEGMENT_KIND_LABELS, type SegmentKind } from './schema'

/**
 * The run of show for the harvest: every segment in agenda order, with its planned
 * length and when it really ran. Times are as their writers' clocks had them (no live
 * clock at export); machines keep their clocks within seconds of each other, which is
 * all a record of the day needs. Notes for facilitators are left out.
 */
export interface HarvestSegment {
  id: string
  title: string
  kind: SegmentKind
  kindLabel: string
  plannedMinutes: number
  startedAt: number | null
  endedAt: number | null
  actualMinutes: number | null
}

export interface AgendaHarvest {
  segments: HarvestSegment[]
  startedAt: number | null
  endedAt: number | null
  plannedMinutes: number
}

export function readAgendaForHarvest(doc: Y.Doc): AgendaHarvest {
  const actuals = readActuals(doc)
  const current = readCurrent(doc)
  const segments = readSegments(doc).map((s): HarvestSegment => {
    const a = actuals.get(s.id)
    const endedAt = a?.endedAt ?? null
    return {
      id: s.id,
      title: s.title,
      kind: s.kind,
      kindLabel: SEGMENT_KIND_LABELS[s.kind],
      plannedMinutes: s.minutes,
      startedAt: a?.startedAt ?? null,
      endedAt,
      actualMinutes: a && endedAt !== null ? Math.round((endedAt - a.startedAt) / 60_000) : null,
    }
  })
  const starts = segments.map((s) => s.startedAt).filter((t): t is number => t !== null)
  return {
    segments,
    startedAt: starts.length > 0 ? Math.min(...starts) : null,
    endedAt: current && current.segmentId === null ? current.endedAt : null,
    plannedMinutes: segments.reduce((sum, s) => sum + s.plannedMinutes, 0),
  }
}

/** The harvest's "Run of show" section (order 20 in shared/notes/sections). */
export const agendaSection: HarvestSection = {
  id: 'agenda',
  title: 'Run of show',
  order: 20,
  collect(doc, context) {
    const agenda = readAgendaForHarvest(doc)
    if (agenda.segments.length === 0) return null
    const time = (t: number): Span => momentSpan(t, context.timeZone)
    return {
      blocks: [
        {
          kind: 'table',
          header: ['Segment', 'Kind', 'Planned', 'Ran', 'Took'],
          rows: agenda.segments.map((s) => [
            s.title,
            s.kindLabel,
            `${s.plannedMinutes} min`,
            s.startedAt === null ? 'not run' : s.endedAt === null ? [{ text: 'from ' }, time(s.startedAt)] : [time(s.startedAt), { text: '–' }, time(s.endedAt)],
            s.actualMinutes === null ? '' : `${s.actualMinutes} min`,
          ]),
        },
      ],
      tags: ['run-of-show'],
    }
  },
}
