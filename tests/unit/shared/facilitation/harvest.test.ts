import { describe, expect, it } from 'vitest'
import { agendaSection, appendSegments, nextSegment, readAgendaForHarvest, readSegments, startSegment, MINUTE } from '../../../../shared/facilitation'
import { TestClock, convening } from './helpers'
import type { Text } from '../../../../shared/notes'

const T0 = Date.UTC(2026, 2, 3, 14, 0)

describe('the run of show in the harvest', () => {
  it('lists segments in order with planned and actual times, and leaves out notes for facilitators', () => {
    const doc = convening()
    appendSegments(doc, 'fran', [
      { title: 'Check in', kind: 'check-in', minutes: 10, notes: 'Secret-ish' },
      { title: 'Map', kind: 'diagram', minutes: 20 },
      { title: 'Out', kind: 'check-out', minutes: 5 },
    ])
    const clock = new TestClock(T0)
    const ids = readSegments(doc).map((s) => s.id)
    startSegment(doc, 'fran', ids[0], clock)
    nextSegment(doc, 'fran', clock.advance(12 * MINUTE), ids[0])
    nextSegment(doc, 'fran', clock.advance(18 * MINUTE), ids[1])
    const agenda = readAgendaForHarvest(doc)
    expect(agenda.segments.map((s) => [s.title, s.plannedMinutes, s.actualMinutes])).toEqual([
      ['Check in', 10, 12],
      ['Map', 20, 18],
      ['Out', 5, null],
    ])
    expect(agenda.startedAt).toBe(T0)
    expect(agenda.plannedMinutes).toBe(35)
    expect(JSON.stringify(agenda)).not.toContain('Secret-ish')

    const section = agendaSection.collect(doc, { viewerId: null, timeZone: 'Asia/Kolkata', now: T0 })
    const table = section?.blocks[0]
    expect(table).toMatchObject({ kind: 'table', header: ['Segment', 'Kind', 'Planned', 'Ran', 'Took'] })
    if (table?.kind !== 'table') throw new Error('no table')
    const plain = (cell: Text): string => (typeof cell === 'string' ? cell : cell.map((s) => s.text).join(''))
    expect(table.rows.map((row) => row.map(plain))).toEqual([
      ['Check in', 'Check-in', '10 min', '19:30–19:42', '12 min'],
      ['Map', 'Diagram', '20 min', '19:42–20:00', '18 min'],
      ['Out', 'Check-out', '5 min', 'from 20:00', ''],
    ])
    // Each time is a moment the HTML page can also show in its reader's own zone.
    const ran = table.rows[0][3]
    expect(typeof ran === 'string' ? [] : ran.filter((s) => s.moment).map((s) => s.moment)).toEqual([
      { at: T0, day: false },
      { at: T0 + 12 * 60_000, day: false },
    ])
  })

  it('has nothing to say without an agenda', () => {
    expect(agendaSection.collect(convening(), { viewerId: null, timeZone: 'UTC', now: 0 })).toBeNull()
  })
})
