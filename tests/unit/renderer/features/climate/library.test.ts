import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_LEVERS } from '../../../../../shared/climate'
import { ConveneDB } from '../../../../../renderer/sync/db'
import { forgetScenario, keepScenario, readLibraryScenarios } from '../../../../../renderer/features/climate/library'

let db: ConveneDB
afterEach(async () => {
  await db.delete()
})

describe('scenarios kept on this computer', () => {
  it('keeps a scenario, replaces one of the same name, and forgets it', async () => {
    db = new ConveneDB(`climate-library-${Date.now()}`)
    await keepScenario(db, { name: 'Price and efficiency', levers: { ...DEFAULT_LEVERS, carbonPrice: 100 } })
    await keepScenario(db, { name: ' Price and efficiency ', levers: { ...DEFAULT_LEVERS, carbonPrice: 250 } })
    const kept = await readLibraryScenarios(db)
    expect(kept).toHaveLength(1)
    expect(kept[0]).toMatchObject({ name: 'Price and efficiency', levers: { carbonPrice: 250 } })
    await forgetScenario(db, kept[0].id)
    expect(await readLibraryScenarios(db)).toEqual([])
  })

  it('leaves out damaged rows and puts impossible lever values back at the status quo', async () => {
    db = new ConveneDB(`climate-library-bad-${Date.now()}`)
    await db.library.put({ id: 'scenario:broken', kind: 'scenario', name: 'Broken', data: { levers: 'not levers' }, updatedAt: 1 })
    await db.library.put({ id: 'scenario:odd', kind: 'scenario', name: 'Odd', data: { name: 'Odd', levers: { carbonPrice: 1e9, nonsense: 3 } }, updatedAt: 2 })
    const kept = await readLibraryScenarios(db)
    expect(kept.map((s) => s.name)).toEqual(['Odd'])
    expect(kept[0].levers.carbonPrice).toBe(DEFAULT_LEVERS.carbonPrice)
    expect(Object.keys(kept[0].levers).sort()).toEqual(Object.keys(DEFAULT_LEVERS).sort())
  })
})
