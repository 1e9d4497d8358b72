import { useCallback, useEffect, useState } from 'react'
import type * as Y from 'yjs'
import {
  cohortTitle, facilitates, forgetKeptClimate, isActive, readConvenings, readKeptRounds, readKeptScenarios, readMember,
  type CohortResult, type KeptRounds, type KeptScenario,
} from '../../../shared/cohort'
import { withStoredDoc, type ConveneDB } from '../../sync'
import { CLIMATE_ORIGIN } from './liveScenario'

/**
 * The climate shelf of each cohort on this computer that I still belong to: what it
 * keeps (shared/cohort/climate.ts), read from the cohort's stored document without
 * opening its room. Keeping writes to that stored document too; the cohort's members
 * receive it the next time anyone here opens the cohort, as with any edit made offline.
 */
export interface CohortShelf {
  cohortId: string
  title: string
  /** This convening was started from (or recorded in) this cohort. */
  holdsThisConvening: boolean
  /** `byName` is null for someone no longer among the cohort's members (shown as "a member"). */
  scenarios: (KeptScenario & { byName: string | null })[]
  rounds: (KeptRounds & { byName: string | null })[]
  /** I may remove an item: I kept it, or I facilitate the cohort. */
  mayRemove: (by: string) => boolean
}

async function readShelves(db: ConveneDB, me: string, conveningId: string): Promise<CohortShelf[]> {
  const records = (await db.cohorts.orderBy('lastOpenedAt').reverse().toArray()).filter((r) => r.leftAt === undefined)
  const shelves: CohortShelf[] = []
  for (const record of records) {
    const shelf = await withStoredDoc(db, record.id, (doc): CohortShelf | null => {
      if (!isActive(doc, me)) return null
      const name = (id: string): string | null => readMember(doc, id)?.name ?? null
      const facilitator = facilitates(doc, me)
      return {
        cohortId: record.id,
        title: cohortTitle(doc) || record.title,
        holdsThisConvening: readConvenings(doc).some((entry) => entry.conveningId === conveningId),
        scenarios: readKeptScenarios(doc).map((s) => ({ ...s, byName: name(s.by) })),
        rounds: readKeptRounds(doc).map((r) => ({ ...r, byName: name(r.by) })),
        mayRemove: (by) => by === me || facilitator,
      }
    })
    if (shelf) shelves.push(shelf)
  }
  // The cohort this convening belongs to first.
  return shelves.sort((a, b) => Number(b.holdsThisConvening) - Number(a.holdsThisConvening))
}

export interface Shelves {
  shelves: CohortShelf[] | null
  /** Writes to one cohort's document, then reads the shelves again. */
  write: <T>(cohortId: string, edit: (doc: Y.Doc) => CohortResult<T>) => Promise<CohortResult<T>>
  forget: (cohortId: string, key: string) => Promise<CohortResult>
}

export function useCohortShelves(db: ConveneDB, me: string, conveningId: string): Shelves {
  const [shelves, setShelves] = useState<CohortShelf[] | null>(null)
  const [version, setVersion] = useState(0)
  useEffect(() => {
    let live = true
    readShelves(db, me, conveningId).then(
      (read) => live && setShelves(read),
      () => live && setShelves([]),
    )
    return () => {
      live = false
    }
  }, [db, me, conveningId, version])
  const write = useCallback(async <T,>(cohortId: string, edit: (doc: Y.Doc) => CohortResult<T>): Promise<CohortResult<T>> => {
    const result = await withStoredDoc(db, cohortId, edit)
    setVersion((v) => v + 1)
    return result
  }, [db])
  const forget = useCallback((cohortId: string, key: string) => write(cohortId, (doc) => forgetKeptClimate(doc, key, me, CLIMATE_ORIGIN)), [write, me])
  return { shelves, write, forget }
}
