import { useLiveQuery, type ConveneDB } from '../sync'

// One "mute bells" setting for the whole app (Dexie `settings`, never synced). The key
// keeps the name it had when only the conversation rang bells, so a choice already
// made on this computer still holds.
const MUTED_KEY = 'conversation.muted'

/** Whether this person muted the bells of countdowns. */
export function useMuted(db: ConveneDB): boolean {
  return useLiveQuery(async () => (await db.settings.get(MUTED_KEY))?.value === true, [db]) ?? false
}

export async function setMuted(db: ConveneDB, muted: boolean): Promise<void> {
  await db.settings.put({ key: MUTED_KEY, value: muted })
}
