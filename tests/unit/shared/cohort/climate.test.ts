// Scenarios and World Climate rounds kept in a cohort, and brought from it into a
// later convening (as a saved scenario, or as another group's rounds to compare with).
import { describe, expect, it } from 'vitest'
import {
  cohortClimateMap, forgetKeptClimate, keepRoundsInCohort, keepScenarioInCohort, leaveCohort, readKeptRounds, readKeptScenarios,
} from '../../../../shared/cohort'
import {
  DEFAULT_LEVERS, NO_PLEDGE, analyseRound, bringEarlierRounds, readEarlierRounds, readRounds, readScenarios, removeEarlierRounds,
  runRound, saveScenario, savePledge, assignDelegation,
} from '../../../../shared/climate'
import { FAC, PRAC, convening, ORIGIN as CLIMATE } from '../climate/together'
import { ORIGIN, cohort, replica, sync } from './helpers'

const pricey = { ...DEFAULT_LEVERS, carbonPrice: 200 }

describe('climate work kept in a cohort', () => {
  it('keeps a scenario from one convening and brings it into another, levers unchanged', () => {
    const { doc, pia } = cohort()
    const kept = keepScenarioInCohort(doc, { name: 'High price', levers: pricey, from: 'Spring workshop' }, pia.id, 5, ORIGIN)
    expect(kept.ok).toBe(true)
    const [scenario] = readKeptScenarios(doc)
    expect(scenario).toMatchObject({ name: 'High price', from: 'Spring workshop', by: pia.id, at: 5 })
    expect(scenario.levers).toEqual(pricey)

    // Pia's own workshop, later: the scenario becomes one of its saved scenarios.
    const workshop = convening()
    expect(saveScenario(workshop, scenario.name, scenario.levers, { by: PRAC.id }, CLIMATE).ok).toBe(true)
    expect(readScenarios(workshop).map((s) => [s.name, s.levers.carbonPrice])).toEqual([['High price', 200]])
  })

  it('replaces a scenario kept again under the same name, and reaches every member', () => {
    const { doc, pia, priya } = cohort()
    const other = replica(doc)
    keepScenarioInCohort(doc, { name: 'High price', levers: pricey, from: 'A' }, pia.id, 5, ORIGIN)
    keepScenarioInCohort(doc, { name: 'High price', levers: { ...pricey, carbonPrice: 250 }, from: 'B' }, pia.id, 6, ORIGIN)
    keepScenarioInCohort(other, { name: 'Forests', levers: { ...DEFAULT_LEVERS, afforestation: 50 }, from: 'C' }, priya.id, 7, ORIGIN)
    sync(doc, other)
    for (const d of [doc, other]) {
      expect(readKeptScenarios(d).map((s) => [s.name, s.from])).toEqual([['Forests', 'C'], ['High price', 'B']])
      expect(readKeptScenarios(d).find((s) => s.name === 'High price')?.levers.carbonPrice).toBe(250)
    }
  })

  it('refuses people who are not members, and removal by anyone but the keeper or a facilitator', () => {
    const { doc, fay, pia, priya } = cohort()
    expect(keepScenarioInCohort(doc, { name: 'X', levers: pricey, from: '' }, 'stranger', 5, ORIGIN)).toMatchObject({ ok: false, message: expect.stringMatching(/members/) })
    const kept = keepScenarioInCohort(doc, { name: 'X', levers: pricey, from: '' }, pia.id, 5, ORIGIN)
    if (!kept.ok) throw new Error(kept.message)
    expect(forgetKeptClimate(doc, kept.value, priya.id, ORIGIN).ok).toBe(false)
    expect(forgetKeptClimate(doc, kept.value, fay.id, ORIGIN).ok).toBe(true)
    expect(readKeptScenarios(doc)).toEqual([])
  })

  it('reads lever values through the model\'s check and leaves out records from people who left', () => {
    const { doc, pia, priya } = cohort()
    cohortClimateMap(doc).set('scenario:odd', { name: 'Odd', levers: { carbonPrice: 9999, coal: 20 }, from: '', by: pia.id, at: 1 })
    cohortClimateMap(doc).set('scenario:junk', { name: '', levers: 'no' })
    keepScenarioInCohort(doc, { name: 'Gone', levers: pricey, from: '' }, priya.id, 2, ORIGIN)
    leaveCohort(doc, priya.id, 3, ORIGIN)
    const read = readKeptScenarios(doc)
    expect(read.map((s) => s.name)).toEqual(['Odd'])
    expect(read[0].levers).toMatchObject({ carbonPrice: DEFAULT_LEVERS.carbonPrice, coal: 20 })
  })

  it('keeps World Climate rounds, and a later convening sets them beside its own without counting them', () => {
    // The rounds of one convening.
    const played = convening()
    assignDelegation(played, PRAC.id, 'developed', { by: FAC.id }, CLIMATE)
    savePledge(played, 'developed', { peakYear: 2025, reductionStartYear: 2027, reductionRate: 5 }, { by: PRAC.id }, CLIMATE)
    runRound(played, { by: FAC.id }, CLIMATE)
    const rounds = readRounds(played)

    const { doc, pia } = cohort()
    expect(keepRoundsInCohort(doc, { name: 'Spring workshop', blocSet: 'three', rounds, from: 'Spring workshop' }, pia.id, 9, ORIGIN).ok).toBe(true)
    expect(keepRoundsInCohort(doc, { name: 'Empty', blocSet: 'three', rounds: [], from: '' }, pia.id, 9, ORIGIN).ok).toBe(false)
    const [kept] = readKeptRounds(doc)
    expect(kept.rounds).toHaveLength(1)
    expect(kept.rounds[0].pledges.developed).toMatchObject({ peakYear: 2025, reductionRate: 5 })
    expect(kept.rounds[0].pledges.developingA).toEqual(NO_PLEDGE)

    // A later convening: only a facilitator brings them in; they are not its rounds.
    const later = convening()
    const earlier = { name: kept.name, from: kept.from, blocSet: kept.blocSet, rounds: kept.rounds }
    expect(bringEarlierRounds(later, earlier, { by: PRAC.id }, CLIMATE).ok).toBe(false)
    const brought = bringEarlierRounds(later, earlier, { by: FAC.id }, CLIMATE)
    expect(brought.ok).toBe(true)
    expect(readRounds(later)).toEqual([])
    const [set] = readEarlierRounds(later)
    expect(set.name).toBe('Spring workshop')
    // The same pledges give the same outcome as in the room that played them.
    expect(analyseRound(set.rounds[0]).warming2100).toBeCloseTo(analyseRound(rounds[0]).warming2100, 10)
    if (brought.ok) expect(removeEarlierRounds(later, brought.value, { by: FAC.id }, CLIMATE).ok).toBe(true)
    expect(readEarlierRounds(later)).toEqual([])
  })
})
