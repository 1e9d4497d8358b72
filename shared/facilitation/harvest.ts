import type * as Y from 'yjs'
import type { Translator } from '../i18n/messages'
import type { HarvestSection, Span, Text } from '../notes/blocks'
import { momentSpan } from '../notes/dates'
import { num, spansAround, translatorOf, word } from '../notes/language'
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

/** The run of show's fixed words in the exporter's language (the segments' titles are people's own). */
const M = {
  segment: { id: 'notes.export.agenda.head.segment', defaultMessage: 'Segment', description: 'Column of the run of show: the segment’s title' },
  kind: { id: 'notes.export.agenda.head.kind', defaultMessage: 'Kind', description: 'Column of the run of show: the kind of segment' },
  planned: { id: 'notes.export.agenda.head.planned', defaultMessage: 'Planned', description: 'Column of the run of show: minutes planned' },
  ran: { id: 'notes.export.agenda.head.ran', defaultMessage: 'Ran', description: 'Column of the run of show: when it ran (14:05–14:20)' },
  took: { id: 'notes.export.agenda.head.took', defaultMessage: 'Took', description: 'Column of the run of show: minutes it really took' },
  minutes: { id: 'notes.export.agenda.minutes', defaultMessage: '{minutes} min', description: 'A length in minutes (minutes: 15)' },
  notRun: { id: 'notes.export.agenda.notRun', defaultMessage: 'not run', description: 'A segment that never started' },
  from: { id: 'notes.export.agenda.from', defaultMessage: 'from {time}', description: 'A segment that started and never ended (time: 14:05)' },
  range: { id: 'notes.export.agenda.range', defaultMessage: '{start}–{end}', description: 'When a segment ran (start, end: 14:05)' },
} as const

const KIND = {
  'check-in': { id: 'notes.export.agenda.kind.checkIn', defaultMessage: 'Check-in' },
  diagram: { id: 'notes.export.agenda.kind.diagram', defaultMessage: 'Diagram' },
  conversation: { id: 'notes.export.agenda.kind.conversation', defaultMessage: 'Conversation' },
  climate: { id: 'notes.export.agenda.kind.climate', defaultMessage: 'Climate' },
  breakout: { id: 'notes.export.agenda.kind.breakout', defaultMessage: 'Breakout' },
  break: { id: 'notes.export.agenda.kind.break', defaultMessage: 'Break' },
  'check-out': { id: 'notes.export.agenda.kind.checkOut', defaultMessage: 'Check-out' },
} as const satisfies Record<SegmentKind, { id: string; defaultMessage: string }>

// Stand for the two moments while the range is formatted; no catalog writes them.
const START = '\u0001'
const END = '\u0002'

/** "14:05–14:20": both moments kept as spans (the page adds each reader's own time), in the order the language puts them. */
function between(t: Translator, start: Span, end: Span): Span[] {
  const text = (piece: string): Span[] => (piece ? [{ text: piece }] : [])
  const withEnd = (piece: string): Span[] => piece.split(END).flatMap((part, i) => [...(i > 0 ? [end] : []), ...text(part)])
  return t
    .formatMessage(M.range, { start: START, end: END })
    .split(START)
    .flatMap((piece, i) => [...(i > 0 ? [start] : []), ...withEnd(piece)])
}

/** The harvest's "Run of show" section (order 20 in shared/notes/sections). */
export const agendaSection: HarvestSection = {
  id: 'agenda',
  title: 'Run of show',
  order: 20,
  collect(doc, context) {
    const agenda = readAgendaForHarvest(doc)
    if (agenda.segments.length === 0) return null
    const t = translatorOf(context)
    const time = (at: number): Span => momentSpan(at, context.timeZone, false, t)
    const minutes = (n: number): string => t.formatMessage(M.minutes, { minutes: num(t, n) })
    const ran = (s: HarvestSegment): Text => {
      if (s.startedAt === null) return word(t, M.notRun)
      if (s.endedAt === null) return spansAround(t, M.from, {}, 'time', time(s.startedAt))
      return between(t, time(s.startedAt), time(s.endedAt))
    }
    return {
      blocks: [
        {
          kind: 'table',
          header: [word(t, M.segment), word(t, M.kind), word(t, M.planned), word(t, M.ran), word(t, M.took)],
          rows: agenda.segments.map((s) => [
            s.title,
            word(t, KIND[s.kind]),
            minutes(s.plannedMinutes),
            ran(s),
            s.actualMinutes === null ? '' : minutes(s.actualMinutes),
          ]),
        },
      ],
      tags: ['run-of-show'],
    }
  },
}
