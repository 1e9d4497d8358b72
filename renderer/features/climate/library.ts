import { z } from 'zod'
import { SCENARIO_NAME_MAX, leversFromRecord, type LeverValues } from '../../../shared/climate'
import { newItemId } from '../../../shared/session'
import { useLiveQuery, type ConveneDB } from '../../sync'

/**
 * Scenarios a facilitator keeps on this computer (Dexie `library`, kind 'scenario'),
 * to bring into later convenings: "the pathway last cohort found", ready to compare.
 * Rows are read leniently: one that does not parse is left out, and lever values go
 * through the same check as any scenario (status quo for what is not valid).
 */
export interface LibraryScenario {
  id: string
  name: string
  levers: LeverValues
  savedAt: number
}

const RowSchema = z.object({ name: z.string().trim().min(1).max(SCENARIO_NAME_MAX), levers: z.record(z.string(), z.number()) })

export async function readLibraryScenarios(db: ConveneDB): Promise<LibraryScenario[]> {
  const rows = await db.library.where('kind').equals('scenario').toArray()
  const out: LibraryScenario[] = []
  for (const row of rows) {
    const parsed = RowSchema.safeParse(row.data)
    if (parsed.success) out.push({ id: row.id, name: parsed.data.name, levers: leversFromRecord(parsed.data.levers), savedAt: row.updatedAt })
  }
  return out.sort((a, b) => a.name.localeCompare(b.name))
}

export function useLibraryScenarios(db: ConveneDB): LibraryScenario[] {
  return useLiveQuery(() => readLibraryScenarios(db), [db]) ?? []
}

/** Keeps a scenario in this computer's library; one of the same name is replaced (it is the newer version). */
export async function keepScenario(db: ConveneDB, scenario: { name: string; levers: LeverValues }): Promise<void> {
  const name = scenario.name.trim()
  const existing = await db.library.where('kind').equals('scenario').filter((row) => row.name === name).first()
  await db.library.put({ id: existing?.id ?? `scenario:${newItemId()}`, kind: 'scenario', name, data: { name, levers: { ...scenario.levers } }, updatedAt: Date.now() })
}

export async function forgetScenario(db: ConveneDB, id: string): Promise<void> {
  await db.library.delete(id)
}
