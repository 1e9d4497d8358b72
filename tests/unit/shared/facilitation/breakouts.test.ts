import { describe, expect, it } from 'vitest'
import { readDiagram } from '../../../../shared/diagram'
import {
  assignRandom,
  broadcast,
  chooseGroup,
  closeBreakout,
  groupSizes,
  groupsOf,
  isBreakoutOpen,
  moveToGroup,
  openBreakout,
  placeLateJoiner,
  placeLateJoiners,
  readBreakout,
  readMembers,
  runMap,
  startClosing,
  type BreakoutPlan,
} from '../../../../shared/facilitation'
import { upsertPerson } from '../../../../shared/session'
import { TestClock, convening, person, replica, sync } from './helpers'

const T0 = 1_800_000_000_000
const people = (n: number): string[] => Array.from({ length: n }, (_, i) => `p${i + 1}`)

function plan(partial: Partial<BreakoutPlan> = {}): BreakoutPlan {
  return {
    mode: 'hand',
    size: 2,
    groups: [
      { name: 'Group 1', prompt: 'Which loop keeps it going?', members: ['pia'] },
      { name: 'Group 2', prompt: 'Which loop keeps it going?', members: ['pat'] },
    ],
    returnTo: 'notes',
    withDiagrams: true,
    autoPlace: true,
    title: 'Circle',
    ...partial,
  }
}

describe('forming groups', () => {
  it('keeps sizes within one of each other and never above the size asked for', () => {
    expect(groupSizes(10, { size: 4 })).toEqual([4, 3, 3])
    expect(groupSizes(9, { size: 3 })).toEqual([3, 3, 3])
    expect(groupSizes(7, { groups: 3 })).toEqual([3, 2, 2])
    expect(groupSizes(2, { groups: 5 })).toEqual([1, 1])
    expect(groupSizes(0, { size: 3 })).toEqual([])
    for (let n = 1; n <= 40; n++) {
      for (const size of [2, 3, 4, 5]) {
        const sizes = groupSizes(n, { size })
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(n)
        expect(Math.max(...sizes)).toBeLessThanOrEqual(size)
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
      }
    }
  })

  it('places everyone exactly once at random, the same way for the same seed', () => {
    const everyone = people(11)
    const groups = assignRandom(everyone, { size: 3 }, 42)
    expect(groups.map((g) => g.length)).toEqual([3, 3, 3, 2])
    expect(groups.flat().sort()).toEqual([...everyone].sort())
    expect(assignRandom(everyone, { size: 3 }, 42)).toEqual(groups)
    expect(assignRandom(everyone, { size: 3 }, 43)).not.toEqual(groups)
  })

  it('puts a late joiner in the smallest group with room, else the smallest', () => {
    const groups = [
      { id: 'a', members: ['1', '2', '3'] },
      { id: 'b', members: ['4', '5'] },
      { id: 'c', members: ['6', '7'] },
    ]
    expect(placeLateJoiner(groups, 3)).toBe('b')
    expect(placeLateJoiner([{ id: 'a', members: ['1', '2'] }, { id: 'b', members: ['3', '4', '5'] }], 2)).toBe('a')
    expect(placeLateJoiner([], 3)).toBeNull()
  })
})

describe('breakouts in the convening', () => {
  it('open with a diagram and prompt per group; each person sees their group', () => {
    const doc = convening()
    const clock = new TestClock(T0)
    const opened = openBreakout(doc, 'fran', plan(), clock)
    expect(opened.ok).toBe(true)
    const breakout = readBreakout(doc)!
    expect(isBreakoutOpen(breakout, clock)).toBe(true)
    const groups = groupsOf(doc, breakout)
    expect(groups.map((g) => g.members)).toEqual([['pia'], ['pat']])
    const diagram = readDiagram(doc, groups[0].group.diagramId!)
    expect(diagram).toMatchObject({ title: 'Group 1 · Circle', kind: 'cld' })
    expect(groups[0].group.prompt).toBe('Which loop keeps it going?')
    expect(openBreakout(doc, 'cole', plan(), clock).ok).toBe(false) // one at a time
  })

  it('are refused to practitioners, and forged memberships are ignored', () => {
    const doc = convening()
    const clock = new TestClock(T0)
    expect(openBreakout(doc, 'pia', plan(), clock).ok).toBe(false)
    openBreakout(doc, 'fran', plan(), clock)
    const breakout = readBreakout(doc)!
    expect(moveToGroup(doc, 'pia', 'pia', breakout.groups[1].id, clock).ok).toBe(false)
    runMap(doc).set('member:pia', { breakoutId: breakout.id, groupId: breakout.groups[1].id, via: 'facilitator', by: 'pia' })
    expect(readMembers(doc, breakout).get('pia')).toBeUndefined()
    // Choosing is only for breakouts "by choice".
    expect(chooseGroup(doc, 'pia', breakout.groups[1].id, clock).ok).toBe(false)
  })

  it('by choice: people pick a group with room; a full group is refused', () => {
    const doc = convening()
    const clock = new TestClock(T0)
    openBreakout(doc, 'fran', plan({ mode: 'choice', size: 1, groups: [{ name: 'Loops', prompt: '', members: [] }, { name: 'Stories', prompt: '', members: [] }] }), clock)
    const [loops, stories] = readBreakout(doc)!.groups
    expect(chooseGroup(doc, 'pia', loops.id, clock).ok).toBe(true)
    expect(chooseGroup(doc, 'pat', loops.id, clock)).toEqual({ ok: false, message: 'Loops is full. Pick another group.' })
    expect(chooseGroup(doc, 'pat', stories.id, clock).ok).toBe(true)
    expect(groupsOf(doc, readBreakout(doc)!).map((g) => g.members)).toEqual([['pia'], ['pat']])
  })

  it('place people who arrive late, and two facilitators doing it at once agree', () => {
    const doc = convening()
    const clock = new TestClock(T0)
    openBreakout(doc, 'fran', plan(), clock)
    upsertPerson(doc, person('lee', 'practitioner', 9))
    const other = replica(doc)
    placeLateJoiners(doc, 'fran', ['pia', 'pat', 'lee'], clock)
    placeLateJoiners(other, 'cole', ['pia', 'pat', 'lee'], clock)
    sync(doc, other)
    const groups = groupsOf(doc, readBreakout(doc)!)
    expect(groups.map((g) => g.members)).toEqual([['lee', 'pia'], ['pat']])
    expect(groupsOf(other, readBreakout(other)!)).toEqual(groups)
  })

  it('take a broadcast, close by countdown on every screen at once, or close now', () => {
    const doc = convening()
    const clock = new TestClock(T0)
    openBreakout(doc, 'fran', plan(), clock)
    expect(broadcast(doc, 'cole', 'Five minutes left', clock).ok).toBe(true)
    expect(readBreakout(doc)?.message?.text).toBe('Five minutes left')
    expect(broadcast(doc, 'pia', 'hello', clock).ok).toBe(false)
    expect(startClosing(doc, 'fran', 60_000, clock).ok).toBe(true)
    const b = readBreakout(doc)
    expect(isBreakoutOpen(b, clock.advance(59_000))).toBe(true)
    // Pia's clock is 3 minutes behind: the breakout closes for her at the same moment.
    const pias = new TestClock(clock.now() - 3 * 60_000, { fran: 3 * 60_000 })
    expect(isBreakoutOpen(b, pias)).toBe(true)
    expect(isBreakoutOpen(b, clock.advance(1000))).toBe(false)
    expect(isBreakoutOpen(b, pias.advance(1000))).toBe(false)

    const again = convening()
    openBreakout(again, 'fran', plan(), clock)
    expect(closeBreakout(again, 'cole', clock).ok).toBe(true)
    expect(isBreakoutOpen(readBreakout(again), clock)).toBe(false)
    expect(openBreakout(again, 'fran', plan(), clock).ok).toBe(true) // a new round may open
  })
})
