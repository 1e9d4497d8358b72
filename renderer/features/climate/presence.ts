import { z } from 'zod'
import type { Awareness } from 'y-protocols/awareness'
import { LEVER_IDS, LEVERS_BY_ID } from '../../../shared/climate'
import type { LeverId } from '../../../shared/climate'
import { PresenceSchema } from '../../../shared/session'

/**
 * While a person drags a lever, its position streams through awareness in one field
 * (never stored) so everyone sees it move; the document gets one write on release.
 * Other people's states are parsed here: anything malformed or out of range is dropped.
 */
export const CLIMATE_FIELD = 'climateLever'

export const LeverDragSchema = z
  .object({ lever: z.enum(LEVER_IDS), value: z.number().finite() })
  .refine((d) => d.value >= LEVERS_BY_ID[d.lever].min && d.value <= LEVERS_BY_ID[d.lever].max, 'out of range')
export type LeverDrag = z.infer<typeof LeverDragSchema>

export interface RemoteDrag extends LeverDrag {
  clientId: number
  personId: string
  name: string
  colour: string
}

const StateSchema = PresenceSchema.extend({ [CLIMATE_FIELD]: LeverDragSchema.nullable().optional() })

/** Other people's drags in progress, one per lever (the lowest client id wins a tie, the same for everyone). */
export function remoteDrags(awareness: Awareness, allowed: (personId: string) => boolean): Partial<Record<LeverId, RemoteDrag>> {
  const out: Partial<Record<LeverId, RemoteDrag>> = {}
  const clients = [...awareness.getStates().keys()].sort((a, b) => a - b)
  for (const clientId of clients) {
    if (clientId === awareness.clientID) continue
    const parsed = StateSchema.safeParse(awareness.getStates().get(clientId))
    if (!parsed.success) continue
    const drag = parsed.data[CLIMATE_FIELD]
    const { user } = parsed.data
    if (!drag || out[drag.lever] || !allowed(user.id)) continue
    out[drag.lever] = { ...drag, clientId, personId: user.id, name: user.name, colour: user.colour }
  }
  return out
}
