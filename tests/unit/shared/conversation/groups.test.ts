import { describe, expect, it } from 'vitest'
import {
  assignGroups,
  beginStages,
  changeStageTimer,
  fitLatecomers,
  goToStage,
  joinGroups,
  moveMember,
  pickDeck,
  placeLatecomers,
  planGroups,
  readCurrent,
  readStages,
  setGroups,
  stagePreset,
} from '../../../../shared/conversation'
import { convening, deck, fixedClock } from './helpers'

const seven = ['a', 'b', 'c', 'd', 'e', 'f', 'g']

describe('groups', () => {
  it('assigns everyone once, with sizes that differ by at most one', () => {
    const pairs = assignGroups(seven, 2, 3)
    expect(pairs.flat().sort()).toEqual(seven)
    expect(pairs.map((g) => g.length).sort()).toEqual([2, 2, 3])
    expect(assignGroups(seven, 2, 3)).toEqual(pairs)
    expect(assignGroups(['a'], 2, 1)).toEqual([['a']])
    expect(assignGroups([], 2, 1)).toEqual([])
  })

  it('1-2-4-All keeps partners together in the foursomes', () => {
    const groups = planGroups(stagePreset('1-2-4-all'), ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], 5)
    expect(Object.keys(groups).sort()).toEqual(['2', '4'])
    for (const pair of groups['2']) expect(groups['4'].some((four) => pair.every((id) => four.includes(id)))).toBe(true)
    expect(groups['4'].map((g) => g.length)).toEqual([4, 4])
    expect(joinGroups([['a', 'b'], ['c', 'd'], ['e', 'f']], 2)).toEqual([['a', 'b', 'c', 'd', 'e', 'f']])
  })

  it('moves people by hand and fits latecomers into the smallest groups', () => {
    const groups = [['a', 'b'], ['c', 'd', 'e']]
    expect(moveMember(groups, 'e', 0)).toEqual([['a', 'b', 'e'], ['c', 'd']])
    expect(moveMember(groups, 'a', 'new')).toEqual([['b'], ['c', 'd', 'e'], ['a']])
    expect(moveMember([['a'], ['b']], 'a', 1)).toEqual([['b', 'a']])
    expect(fitLatecomers(groups, ['a', 'x', 'y'], 2)).toEqual([['a', 'b', 'x'], ['c', 'd', 'e'], ['y']])
  })
})

describe('stages in the document', () => {
  it('a facilitator begins 1-2-4-All, moves through stages with timers, and edits groups', () => {
    const doc = convening()
    pickDeck(doc, 'fran', deck, 1)
    const seen = readCurrent(doc)!
    const clock = fixedClock(10_000)
    expect(beginStages(doc, 'pia', seen, stagePreset('1-2-4-all'), ['pia', 'pat', 'cole', 'fran'], 4, clock).ok).toBe(false)
    expect(beginStages(doc, 'fran', seen, stagePreset('1-2-4-all'), ['pia', 'pat', 'cole', 'fran'], 4, clock).ok).toBe(true)
    let stages = readStages(doc, seen.step)!
    expect(stages.index).toBe(0)
    expect(stages.timer).toMatchObject({ durationMs: 60_000, startedAt: 10_000, clockOf: 'fran' })
    expect(stages.groups['2']).toHaveLength(2)
    goToStage(doc, 'cole', stages, 1, fixedClock(80_000))
    stages = readStages(doc, seen.step)!
    expect(stages.timer).toMatchObject({ durationMs: 120_000, startedAt: 80_000, clockOf: 'cole' })
    changeStageTimer(doc, 'fran', stages, { kind: 'pause' }, fixedClock(90_000, { cole: 0 }))
    expect(readStages(doc, seen.step)!.timer.remainingAtStartMs).toBe(110_000)
    stages = readStages(doc, seen.step)!
    setGroups(doc, 'fran', stages, '2', [['pia', 'pat', 'cole'], ['fran'], []])
    stages = readStages(doc, seen.step)!
    expect(stages.groups['2']).toEqual([['pia', 'pat', 'cole'], ['fran']])
    placeLatecomers(doc, 'fran', stages, ['pia', 'newcomer'])
    expect(readStages(doc, seen.step)!.groups['2']).toEqual([['pia', 'pat', 'cole'], ['fran', 'newcomer']])
  })
})
