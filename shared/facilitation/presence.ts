import { z } from 'zod'
import { PresenceSchema } from '../session/presence'

/**
 * What facilitation adds to each person's presence (awareness: live, never stored):
 *
 *   follow:   { target: personId } | null   whose view this person follows
 *   reaction: { kind, at } | null           a quick reaction (shown for a few seconds)
 *   pauseAsk: number | null                 "we need a pause", since when (their clock)
 *
 * Presence reaches every peer's app. The interface shows pause requests to
 * facilitators only; it is not a secret channel.
 */
export const FOLLOW_FIELD = 'follow'
export const REACTION_FIELD = 'reaction'
export const PAUSE_FIELD = 'pauseAsk'

export const REACTIONS = [
  { kind: 'agree', symbol: '👍', label: 'Agree' },
  { kind: 'warm', symbol: '💛', label: 'Warmth' },
  { kind: 'applause', symbol: '👏', label: 'Applause' },
  { kind: 'insight', symbol: '💡', label: 'Insight' },
  { kind: 'wonder', symbol: '🤔', label: 'Wondering' },
  { kind: 'thanks', symbol: '🙏', label: 'Thank you' },
] as const
export type ReactionKind = (typeof REACTIONS)[number]['kind']
const REACTION_KINDS = REACTIONS.map((r) => r.kind) as [ReactionKind, ...ReactionKind[]]

const Id = z.string().min(1).max(64)
export const FollowSchema = z.object({ target: Id }).nullable()
export const ReactionSchema = z.object({ kind: z.enum(REACTION_KINDS), at: z.number().finite() }).nullable()
export const PauseAskSchema = z.number().finite().nullable()

export interface FacilitationPresence {
  clientId: number
  personId: string
  name: string
  colour: string
  panel: string | null
  follow: string | null
  reaction: { kind: ReactionKind; at: number } | null
  pauseAsk: number | null
}

function field<T>(schema: z.ZodType<T>, value: unknown): T | null {
  if (value === undefined) return null
  const parsed = schema.safeParse(value)
  return parsed.success ? parsed.data : null
}

/** Everyone's facilitation presence, one entry per person (of someone's two windows, the same one every time). */
export function readFacilitationPresence(states: Map<number, unknown>): FacilitationPresence[] {
  const byPerson = new Map<string, FacilitationPresence>()
  for (const [clientId, state] of states) {
    const base = PresenceSchema.safeParse(state)
    if (!base.success) continue
    const raw = state as Record<string, unknown>
    const entry: FacilitationPresence = {
      clientId,
      personId: base.data.user.id,
      name: base.data.user.name,
      colour: base.data.user.colour,
      panel: base.data.panel ?? null,
      follow: field(FollowSchema, raw[FOLLOW_FIELD])?.target ?? null,
      reaction: field(ReactionSchema, raw[REACTION_FIELD]),
      pauseAsk: field(PauseAskSchema, raw[PAUSE_FIELD]),
    }
    const existing = byPerson.get(entry.personId)
    if (!existing || clientId > existing.clientId) byPerson.set(entry.personId, entry)
  }
  return [...byPerson.values()].sort((a, b) => a.name.localeCompare(b.name) || a.personId.localeCompare(b.personId))
}

export function reactionOf(kind: ReactionKind): (typeof REACTIONS)[number] {
  return REACTIONS.find((r) => r.kind === kind) ?? REACTIONS[0]
}
