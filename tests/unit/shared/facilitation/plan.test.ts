import { describe, expect, it } from 'vitest'
import { MINUTE, formatDifference, formatMinutes, projectAgenda, rebalance, type AgendaFacts, type Segment, type SegmentKind } from '../../../../shared/facilitation'

const seg = (id: string, minutes: number, kind: SegmentKind = 'conversation'): Segment => ({ id, title: id, kind, minutes, notes: '', order: 0, by: 'fran' })
const T0 = 1_700_000_000_000

function facts(partial: Partial<AgendaFacts> & { segments: Segment[] }): AgendaFacts {
  return { plannedStartAt: T0, current: null, endedAt: null, actuals: new Map(), fit: 'keep-end', ...partial }
}

describe('agenda arithmetic', () => {
  const plan = [seg('check-in', 10, 'check-in'), seg('map', 20, 'diagram'), seg('break', 10, 'break'), seg('talk', 20), seg('out', 5, 'check-out')]

  it('lays the plan out from the planned start, one segment after another', () => {
    const p = projectAgenda(facts({ segments: plan }), T0 - 60 * MINUTE)
    expect(p.started).toBe(false)
    expect(p.rows.map((r) => (r.plannedStart - T0) / MINUTE)).toEqual([0, 10, 30, 40, 60])
    expect((p.plannedEnd - T0) / MINUTE).toBe(65)
    expect(p.overrunMs).toBe(0)
    expect(p.next?.segment.id).toBe('check-in')
  })

  it('a late start shows as overrun when the plan runs over, and is absorbed when it keeps the end', () => {
    const late = T0 + 6 * MINUTE
    expect(projectAgenda(facts({ segments: plan, fit: 'run-over' }), late).overrunMs).toBe(6 * MINUTE)
    const kept = projectAgenda(facts({ segments: plan }), late)
    expect(kept.overrunMs).toBeLessThanOrEqual(0)
    expect(kept.overrunMs).toBeGreaterThan(-5000) // whole seconds
    expect(kept.rows.find((r) => r.segment.id === 'break')!.allottedMs).toBe(10 * MINUTE)
  })

  it('extending the running segment by 5 minutes shortens what comes (never the break) or shows the overrun', () => {
    const now = T0 + 4 * MINUTE
    const running: AgendaFacts['current'] = { segmentId: 'check-in', remainingMs: 11 * MINUTE, durationMs: 15 * MINUTE }
    const actuals = new Map([['check-in', { startedAt: T0, endedAt: null, extendedMs: 5 * MINUTE }]])
    const over = projectAgenda(facts({ segments: plan, current: running, actuals, fit: 'run-over' }), now)
    expect(over.overrunMs).toBe(5 * MINUTE)
    expect(over.current?.allottedMs).toBe(15 * MINUTE)
    expect(over.next?.allottedMs).toBe(20 * MINUTE)

    const kept = projectAgenda(facts({ segments: plan, current: running, actuals }), now)
    expect(Math.abs(kept.overrunMs)).toBeLessThan(5000)
    const lengths = Object.fromEntries(kept.rows.map((r) => [r.segment.id, r.allottedMs / MINUTE]))
    expect(lengths.break).toBe(10)
    // 5 minutes come out of map (20), talk (20) and out (5) in proportion to what each can give.
    expect(lengths.map).toBeCloseTo(20 - 5 * (10 / 22.5), 1)
    expect(lengths.talk).toBeCloseTo(lengths.map, 5)
    expect(lengths.out).toBeCloseTo(5 - 5 * (2.5 / 22.5), 1)
  })

  it('never squeezes a segment below half its plan (or a minute): what is left shows as overrun', () => {
    expect(rebalance([seg('a', 10), seg('b', 10)], 4 * MINUTE, 'keep-end')).toEqual([5 * MINUTE, 5 * MINUTE])
    expect(rebalance([seg('a', 1), seg('b', 10)], 5 * MINUTE, 'keep-end')).toEqual([MINUTE, 5 * MINUTE])
    expect(rebalance([seg('a', 10, 'break')], 2 * MINUTE, 'keep-end')).toEqual([10 * MINUTE])
    expect(rebalance([seg('a', 10)], 30 * MINUTE, 'keep-end')).toEqual([10 * MINUTE]) // ahead: nothing stretches
    const now = T0 + 30 * MINUTE
    const p = projectAgenda(facts({ segments: [seg('a', 10), seg('b', 10)] }), now)
    expect(p.overrunMs).toBe(20 * MINUTE) // both at their floor of 5 minutes, from 30 minutes in
  })

  it('counts a segment still running past its time as overrun, and marks what was done and skipped', () => {
    const now = T0 + 50 * MINUTE
    const actuals = new Map([
      ['check-in', { startedAt: T0, endedAt: T0 + 12 * MINUTE, extendedMs: 0 }],
      ['talk', { startedAt: T0 + 12 * MINUTE, endedAt: null, extendedMs: 0 }],
    ])
    const p = projectAgenda(facts({ segments: plan, actuals, current: { segmentId: 'talk', remainingMs: 0, durationMs: 20 * MINUTE }, fit: 'run-over' }), now)
    expect(p.rows.map((r) => r.status)).toEqual(['done', 'skipped', 'skipped', 'current', 'upcoming'])
    expect(p.rows[0].actualMs).toBe(12 * MINUTE)
    expect(p.current?.actualMs).toBe(38 * MINUTE)
    expect(p.next?.segment.id).toBe('out')
    expect((p.projectedEnd - T0) / MINUTE).toBe(55)
  })

  it('after the end, shows when it ended', () => {
    const actuals = new Map([['check-in', { startedAt: T0, endedAt: T0 + 9 * MINUTE, extendedMs: 0 }]])
    const p = projectAgenda(facts({ segments: plan.slice(0, 2), actuals, endedAt: T0 + 9 * MINUTE }), T0 + 90 * MINUTE)
    expect(p.ended).toBe(true)
    expect(p.rows.map((r) => r.status)).toEqual(['done', 'skipped'])
    expect(p.overrunMs).toBe(-21 * MINUTE)
  })

  it('reads differences and lengths the way people say them', () => {
    expect(formatDifference(6 * MINUTE)).toBe('+6 min')
    expect(formatDifference(-2 * MINUTE)).toBe('−2 min')
    expect(formatDifference(20_000)).toBe('on time')
    expect(formatMinutes(65 * MINUTE)).toBe('1 h 5 min')
    expect(formatMinutes(120 * MINUTE)).toBe('2 h')
  })
})
