import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  HISTORY_MAX, climateMap, deleteScenario, readHistory, readLeverState, readScenarios, saveScenario, setAllLevers, setLever,
  setLeversLocked,
} from '../../../../shared/climate/doc'
import { DEFAULT_LEVERS } from '../../../../shared/climate/levers'
import { FAC, ORIGIN, PRAC, PRAC2, convening, sync } from './together'

describe('shared levers', () => {
  it('start at the status quo and follow a move, attributed in the history', () => {
    const doc = convening()
    expect(readLeverState(doc).values).toEqual(DEFAULT_LEVERS)
    expect(setLever(doc, 'carbonPrice', 100, { by: PRAC.id, at: 1000 }, ORIGIN)).toEqual({ ok: true, value: undefined })
    const state = readLeverState(doc)
    expect(state.values.carbonPrice).toBe(100)
    expect(state.setBy.carbonPrice).toEqual({ by: PRAC.id, at: 1000 })
    expect(readHistory(doc)).toMatchObject([{ lever: 'carbonPrice', from: 0, to: 100, by: PRAC.id, at: 1000 }])
  })

  it('write once per move and not at all when nothing changes', () => {
    const doc = convening()
    let updates = 0
    doc.on('update', () => updates++)
    setLever(doc, 'coal', 50, { by: PRAC.id }, ORIGIN)
    setLever(doc, 'coal', 50, { by: PRAC.id }, ORIGIN)
    expect(updates).toBe(1)
    expect(readHistory(doc)).toHaveLength(1)
  })

  it('refuse values out of range and impossible combinations, naming the lever', () => {
    const doc = convening()
    const far = setLever(doc, 'carbonPrice', 900, { by: PRAC.id }, ORIGIN)
    expect(far).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('Carbon price') } })
    setLever(doc, 'deforestation', 100, { by: PRAC.id }, ORIGIN)
    const forest = setLever(doc, 'afforestation', 6, { by: PRAC.id }, ORIGIN)
    expect(forest).toMatchObject({ ok: false, error: { code: 'impossible', message: expect.stringContaining('Mha') } })
    expect(readLeverState(doc).values.afforestation).toBe(0)
  })

  it('show an impossible pair made by two people at once as possible, with the reason beside the lever', () => {
    const a = convening()
    const b = new Y.Doc()
    sync(a, b)
    setLever(a, 'deforestation', 100, { by: PRAC.id }, ORIGIN)
    setLever(b, 'afforestation', 6, { by: PRAC2.id }, ORIGIN)
    sync(a, b)
    for (const doc of [a, b]) {
      const state = readLeverState(doc)
      expect(state.values.deforestation).toBe(100)
      expect(state.values.afforestation).toBe(0)
      expect(state.problems.afforestation).toMatch(/status quo until it is moved/)
    }
  })

  it('read a malformed value from a buggy peer as the status quo, never NaN', () => {
    const doc = convening()
    doc.transact(() => {
      climateMap(doc).set('lever:oil', { value: 'lots', by: PRAC.id, at: 1 })
      climateMap(doc).set('lever:gas', { value: 9999, by: PRAC.id, at: 1 })
    })
    const state = readLeverState(doc)
    expect(state.values.oil).toBe(0)
    expect(state.values.gas).toBe(0)
    expect(state.problems.gas).toMatch(/outside/)
  })

  it('keep only the newest history lines', () => {
    const doc = convening()
    for (let i = 1; i <= HISTORY_MAX + 5; i++) setLever(doc, 'carbonPrice', i, { by: PRAC.id, at: i }, ORIGIN)
    const history = readHistory(doc)
    expect(history).toHaveLength(HISTORY_MAX)
    expect(history[0]).toMatchObject({ to: HISTORY_MAX + 5 })
    expect(history.at(-1)).toMatchObject({ to: 6 })
  })

  it('reset all in one write and one history line', () => {
    const doc = convening()
    setLever(doc, 'coal', 50, { by: PRAC.id }, ORIGIN)
    setLever(doc, 'methane', 80, { by: PRAC.id }, ORIGIN)
    expect(setAllLevers(doc, {}, 'status quo', { by: PRAC2.id }, ORIGIN).ok).toBe(true)
    expect(readLeverState(doc).values).toEqual(DEFAULT_LEVERS)
    expect(readHistory(doc)[0]).toMatchObject({ lever: 'all', name: 'status quo', by: PRAC2.id })
  })
})

describe('the facilitator drives', () => {
  it('only facilitators lock, and a lock stops practitioners moving levers', async () => {
    const doc = convening()
    expect(await setLeversLocked(doc, true, { by: PRAC.id }, ORIGIN)).toMatchObject({ ok: false, error: { code: 'not-allowed' } })
    expect((await setLeversLocked(doc, true, { by: FAC.id }, ORIGIN)).ok).toBe(true)
    expect(readLeverState(doc).lock).toMatchObject({ by: FAC.id })
    expect(setLever(doc, 'coal', 50, { by: PRAC.id }, ORIGIN)).toMatchObject({ ok: false, error: { code: 'locked' } })
    expect(setAllLevers(doc, {}, 'status quo', { by: PRAC.id }, ORIGIN)).toMatchObject({ ok: false, error: { code: 'locked' } })
    expect(setLever(doc, 'coal', 50, { by: FAC.id }, ORIGIN).ok).toBe(true)
    expect(readLeverState(doc).values.coal).toBe(50)
    await setLeversLocked(doc, false, { by: FAC.id }, ORIGIN)
    expect(setLever(doc, 'coal', 75, { by: PRAC.id }, ORIGIN).ok).toBe(true)
  })

  it('readers ignore lever writes by non-facilitators while locked, and keep the position at locking', async () => {
    const doc = convening()
    setLever(doc, 'carbonPrice', 40, { by: PRAC.id }, ORIGIN)
    await setLeversLocked(doc, true, { by: FAC.id }, ORIGIN)
    // A buggy build writes anyway.
    climateMap(doc).set('lever:carbonPrice', { value: 250, by: PRAC.id, at: 5 })
    climateMap(doc).set('lever:methane', { value: 100, by: PRAC.id, at: 5 })
    expect(readLeverState(doc).values.carbonPrice).toBe(40)
    expect(readLeverState(doc).values.methane).toBe(0)
  })

  it('readers ignore a lock written by someone who does not facilitate', () => {
    const doc = convening()
    climateMap(doc).set('control', { locked: true, levers: {}, by: PRAC.id, at: 1 })
    expect(readLeverState(doc).lock).toBeNull()
    expect(setLever(doc, 'coal', 20, { by: PRAC2.id }, ORIGIN).ok).toBe(true)
  })
})

describe('saved scenarios', () => {
  it('save the positions under a name, and only their author or a facilitator deletes them', () => {
    const doc = convening()
    const saved = saveScenario(doc, '  High carbon price ', { ...DEFAULT_LEVERS, carbonPrice: 200 }, { by: PRAC.id, at: 7 }, ORIGIN)
    expect(saved.ok).toBe(true)
    expect(readScenarios(doc)).toMatchObject([{ name: 'High carbon price', levers: { carbonPrice: 200 }, by: PRAC.id }])
    expect(saveScenario(doc, '   ', DEFAULT_LEVERS, { by: PRAC.id }, ORIGIN)).toMatchObject({ ok: false, error: { code: 'invalid' } })
    const id = readScenarios(doc)[0].id
    expect(deleteScenario(doc, id, { by: PRAC2.id }, ORIGIN)).toMatchObject({ ok: false, error: { code: 'not-allowed' } })
    expect(deleteScenario(doc, id, { by: FAC.id }, ORIGIN).ok).toBe(true)
    expect(readScenarios(doc)).toEqual([])
  })

  it('converge when people save and move levers at once', () => {
    const docs = [convening(), new Y.Doc(), new Y.Doc()]
    sync(...docs)
    setLever(docs[0], 'coal', 30, { by: FAC.id, at: 1 }, ORIGIN)
    setLever(docs[1], 'coal', 60, { by: PRAC.id, at: 2 }, ORIGIN)
    saveScenario(docs[2], 'Mine', DEFAULT_LEVERS, { by: PRAC2.id }, ORIGIN)
    setLever(docs[2], 'oil', 20, { by: PRAC2.id }, ORIGIN)
    sync(...docs)
    const states = docs.map((d) => JSON.stringify([readLeverState(d), readHistory(d), readScenarios(d)]))
    expect(new Set(states).size).toBe(1)
    expect(readHistory(docs[0])).toHaveLength(3)
  })
})
