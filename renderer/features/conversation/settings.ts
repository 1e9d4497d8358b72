import { useMemo } from 'react'
import { z } from 'zod'
import { useLiveQuery, type ConveneDB } from '../../sync'

// Local settings of this feature (Dexie `settings`, never synced). The bells' mute is
// the app's, in renderer/ui/mute.ts.
const anonymousKey = (conveningId: string): string => `conversation.anonymous.${conveningId}`

const IdsSchema = z.array(z.string().max(64)).max(10_000)

/**
 * Which anonymous responses this person wrote: kept only on this computer, so the
 * shared document never links them to anyone, yet their author can edit or withdraw them.
 */
export function useMyAnonymousIds(db: ConveneDB, conveningId: string): ReadonlySet<string> {
  const ids = useLiveQuery(async () => {
    const parsed = IdsSchema.safeParse((await db.settings.get(anonymousKey(conveningId)))?.value)
    return parsed.success ? parsed.data : []
  }, [db, conveningId])
  const key = (ids ?? []).join(' ')
  return useMemo(() => new Set(key ? key.split(' ') : []), [key])
}

export async function rememberAnonymous(db: ConveneDB, conveningId: string, id: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const parsed = IdsSchema.safeParse((await db.settings.get(anonymousKey(conveningId)))?.value)
    const ids = parsed.success ? parsed.data : []
    if (!ids.includes(id)) await db.settings.put({ key: anonymousKey(conveningId), value: [...ids, id] })
  })
}
