import { z } from 'zod'
import { ColourSchema, NAME_MAX, RoleSchema, type Role } from './schema'

/**
 * Presence lives in Yjs awareness: synced, never stored. Each peer publishes one
 * state; remote states are parsed with this schema before the interface shows them,
 * so a malformed or hostile state is dropped instead of rendered.
 */
export const PANELS = ['notes', 'diagram', 'conversation', 'climate', 'harvest', 'agenda'] as const
export type Panel = (typeof PANELS)[number]

export const PresenceSchema = z.object({
  user: z.object({
    id: z.string().min(1).max(64),
    name: z.string().min(1).max(NAME_MAX),
    colour: ColourSchema,
    role: RoleSchema,
    timeZone: z.string().max(64).optional(),
  }),
  panel: z.string().max(32).optional(),
  /** y-webrtc's peer id of this window, so its presence can be dropped the moment its connection closes. */
  peer: z.string().max(64).optional(),
  // Other features add fields (cursor, selection, drag); unknown fields are kept out.
})
export type Presence = z.infer<typeof PresenceSchema>

export interface PresentPerson {
  clientId: number
  id: string
  name: string
  colour: string
  role: Role
  panel?: string
  timeZone?: string
  isMe: boolean
}

/** Parse awareness states into the people present, one entry per person (a person with two windows shows once). */
export function presentPeople(states: Map<number, unknown>, myClientId: number): PresentPerson[] {
  const byPerson = new Map<string, PresentPerson>()
  for (const [clientId, state] of states) {
    const parsed = PresenceSchema.safeParse(state)
    if (!parsed.success) continue
    const { user, panel } = parsed.data
    const entry: PresentPerson = { clientId, ...user, panel, isMe: clientId === myClientId }
    const existing = byPerson.get(user.id)
    if (!existing || entry.isMe) byPerson.set(user.id, entry)
  }
  return [...byPerson.values()].sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name))
}
