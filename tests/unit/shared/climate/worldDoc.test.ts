import { describe, expect, it } from 'vitest'
import { climateMap } from '../../../../shared/climate/doc'
import { NO_PLEDGE } from '../../../../shared/climate/pledges'
import {
  assignDelegation, assignEvenly, evenAssignment, pledgeShownTo, readWorld, runRound, savePledge, setBlocSet, setSealed, setStage,
} from '../../../../shared/climate/worldDoc'
import { FAC, ORIGIN, PRAC, PRAC2, convening } from './together'

describe('World Climate in the document', () => {
  it('spreads people evenly over the delegations', () => {
    expect(evenAssignment(['a', 'b', 'c', 'd', 'e'], ['x', 'y', 'z'])).toEqual({ a: 'x', b: 'y', c: 'z', d: 'x', e: 'y' })
    const doc = convening()
    expect(assignEvenly(doc, [PRAC.id, PRAC2.id], { by: PRAC.id }, ORIGIN).ok).toBe(false)
    expect(assignEvenly(doc, [PRAC.id, PRAC2.id], { by: FAC.id }, ORIGIN).ok).toBe(true)
    expect(readWorld(doc).delegations).toEqual({ [PRAC.id]: 'developed', [PRAC2.id]: 'developingA' })
  })

  it('keeps delegations per bloc set and ignores assignments by practitioners', () => {
    const doc = convening()
    assignDelegation(doc, PRAC.id, 'developingB', { by: FAC.id }, ORIGIN)
    expect(setBlocSet(doc, 'six', { by: PRAC.id }, ORIGIN).ok).toBe(false)
    setBlocSet(doc, 'six', { by: FAC.id }, ORIGIN)
    expect(readWorld(doc).blocs).toHaveLength(6)
    expect(readWorld(doc).delegations).toEqual({})
    expect(assignDelegation(doc, PRAC.id, 'developed', { by: FAC.id }, ORIGIN)).toMatchObject({ ok: false, error: { code: 'invalid' } })
    assignDelegation(doc, PRAC.id, 'china', { by: FAC.id }, ORIGIN)
    climateMap(doc).set(`delegate:${PRAC2.id}`, { bloc: 'usa', by: PRAC2.id, at: 1 })
    expect(readWorld(doc).delegations).toEqual({ [PRAC.id]: 'china' })
  })

  it('lets a delegation fill its own pledge and refuses others, with issues naming the field', () => {
    const doc = convening()
    assignDelegation(doc, PRAC.id, 'developed', { by: FAC.id }, ORIGIN)
    assignDelegation(doc, PRAC2.id, 'developingA', { by: FAC.id }, ORIGIN)
    expect(savePledge(doc, 'developed', { peakYear: 2025, reductionStartYear: 2030, reductionRate: 4 }, { by: PRAC2.id }, ORIGIN))
      .toMatchObject({ ok: false, issues: [] })
    const bad = savePledge(doc, 'developed', { peakYear: 2040, reductionStartYear: 2030, reductionRate: 140 }, { by: PRAC.id }, ORIGIN)
    expect(bad.ok).toBe(false)
    expect(!bad.ok && bad.issues.map((i) => i.field).sort()).toEqual(['developed.reductionRate', 'developed.reductionStartYear'])
    expect(readWorld(doc).pledges).toEqual({})
    expect(savePledge(doc, 'developed', { peakYear: 2025, reductionStartYear: 2030, reductionRate: 4 }, { by: PRAC.id, at: 9 }, ORIGIN)).toEqual({ ok: true })
    expect(savePledge(doc, 'developingB', { afforestation: 50 }, { by: FAC.id }, ORIGIN)).toEqual({ ok: true })
    expect(readWorld(doc).pledges.developed).toEqual({ pledge: { peakYear: 2025, reductionStartYear: 2030, reductionRate: 4 }, by: PRAC.id, at: 9 })
    // A pledge written by someone outside the delegation is ignored by readers.
    climateMap(doc).set('pledge:three:developingA', { pledge: { reductionRate: 1, reductionStartYear: 2030 }, by: PRAC.id, at: 1 })
    expect(readWorld(doc).pledges.developingA).toBeUndefined()
  })

  it('runs numbered rounds with the pledges as they stood, shown to everyone', () => {
    const doc = convening()
    assignDelegation(doc, PRAC.id, 'developed', { by: FAC.id }, ORIGIN)
    savePledge(doc, 'developed', { peakYear: 2025, reductionStartYear: 2030, reductionRate: 4 }, { by: PRAC.id }, ORIGIN)
    expect(runRound(doc, { by: PRAC.id }, ORIGIN).ok).toBe(false)
    const first = runRound(doc, { by: FAC.id, at: 10 }, ORIGIN)
    savePledge(doc, 'developed', { peakYear: 2025, reductionStartYear: 2026, reductionRate: 8 }, { by: PRAC.id }, ORIGIN)
    const second = runRound(doc, { by: FAC.id, at: 20 }, ORIGIN)
    const world = readWorld(doc)
    expect(world.rounds.map((r) => r.number)).toEqual([1, 2])
    expect(world.rounds[0].pledges.developed).toEqual({ ...NO_PLEDGE, peakYear: 2025, reductionStartYear: 2030, reductionRate: 4 })
    expect(world.rounds[1].pledges.developed.reductionRate).toBe(8)
    expect(world.rounds[0].pledges.developingA).toEqual(NO_PLEDGE)
    expect(world.stage).toEqual({ view: 'results', roundId: second.ok ? second.value : null })
    setStage(doc, 'debrief', first.ok ? first.value : null, { by: FAC.id }, ORIGIN)
    expect(readWorld(doc).stage.view).toBe('debrief')
    expect(setStage(doc, 'pledging', null, { by: PRAC.id }, ORIGIN).ok).toBe(false)
  })

  it('sealed pledges are shown to their delegation and the facilitators while writing, and to everyone once a round runs', () => {
    const doc = convening()
    assignDelegation(doc, PRAC.id, 'developed', { by: FAC.id }, ORIGIN)
    assignDelegation(doc, PRAC2.id, 'developingA', { by: FAC.id }, ORIGIN)
    savePledge(doc, 'developed', { peakYear: 2025, reductionStartYear: 2030, reductionRate: 4 }, { by: PRAC.id }, ORIGIN)
    const open = readWorld(doc)
    expect(open.sealed).toBe(false)
    expect(pledgeShownTo(open, PRAC2.id, 'developed', false)).toBe(true)

    expect(setSealed(doc, true, { by: PRAC.id }, ORIGIN).ok).toBe(false)
    climateMap(doc).set('sealed', { sealed: true, by: PRAC.id, at: 1 }) // a practitioner's own write counts for nothing
    expect(readWorld(doc).sealed).toBe(false)
    expect(setSealed(doc, true, { by: FAC.id }, ORIGIN).ok).toBe(true)
    const sealed = readWorld(doc)
    expect(sealed.sealed).toBe(true)
    expect(pledgeShownTo(sealed, PRAC2.id, 'developed', false)).toBe(false)
    expect(pledgeShownTo(sealed, PRAC.id, 'developed', false)).toBe(true)
    expect(pledgeShownTo(sealed, FAC.id, 'developed', true)).toBe(true)

    runRound(doc, { by: FAC.id }, ORIGIN)
    expect(pledgeShownTo(readWorld(doc), PRAC2.id, 'developed', false)).toBe(true)
    setStage(doc, 'pledging', null, { by: FAC.id }, ORIGIN)
    expect(pledgeShownTo(readWorld(doc), PRAC2.id, 'developed', false)).toBe(false)
  })
})
