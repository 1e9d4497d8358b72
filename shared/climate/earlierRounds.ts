// World Climate rounds another group played, brought into this convening from a
// cohort (shared/cohort/climate.ts) so a room can set its rounds beside theirs:
// "last cohort got to 2.4 C in three rounds". They are for comparison only: they never
// count as this convening's rounds, and nobody's pledges change.
//
//   doc.getMap('climate')
//     └─ 'earlier:<id>'  { name, from, blocSet, rounds: [{ number, pledges }], by, at }
//
// A facilitator brings them in and removes them; readers skip records whose writer
// does not facilitate, and rounds whose pledges do not pass the pledge check.
import type * as Y from 'yjs'
import { z } from 'zod'
import { said } from '../result'
import { newItemId } from '../session/ids'
import { TITLE_MAX } from '../session/schema'
import { canFacilitate } from '../session/roles'
import type { BlocSet } from './blocs'
import { climateMap, entriesWithPrefix, ok, PersonIdSchema, refuse } from './doc'
import type { ClimateResult, LeverMove } from './doc'
import { checkPledges } from './pledges'
import type { Pledge } from './pledges'
import { BlocSetSchema } from './worldDoc'
import type { Origin } from '../session/origins'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const EARLIER_ROUNDS_MESSAGES = {
  facilitatorBrings: { id: 'shared.climate.earlier.facilitatorBrings', defaultMessage: 'Only a facilitator brings in rounds from elsewhere.' },
  tooMany: { id: 'shared.climate.earlier.tooMany', defaultMessage: '{max} sets of earlier rounds is the most one convening keeps: remove one first.' },
  invalid: { id: 'shared.climate.earlier.invalid', defaultMessage: 'These rounds cannot be brought in: there are none, or too many.' },
  facilitatorRemoves: { id: 'shared.climate.earlier.facilitatorRemoves', defaultMessage: 'Only a facilitator removes rounds brought in from elsewhere.' },
  gone: { id: 'shared.climate.earlier.gone', defaultMessage: 'These rounds are no longer here.' },
} as const
const MSG = EARLIER_ROUNDS_MESSAGES

export const EARLIER_MAX = 10

const EarlierSchema = z.object({
  name: z.string().trim().min(1).max(TITLE_MAX),
  from: z.string().max(TITLE_MAX).catch(''),
  blocSet: BlocSetSchema,
  rounds: z.array(z.object({ number: z.number().int().min(1).max(1000), pledges: z.record(z.string(), z.unknown()) })).min(1).max(50),
  by: PersonIdSchema,
  at: z.number().finite(),
})

export interface EarlierRounds {
  id: string
  name: string
  from: string
  blocSet: BlocSet
  rounds: { number: number; blocSet: BlocSet; pledges: Record<string, Pledge> }[]
  by: string
  at: number
}

export function readEarlierRounds(doc: Y.Doc): EarlierRounds[] {
  const out: EarlierRounds[] = []
  for (const { id, value } of entriesWithPrefix(climateMap(doc), 'earlier:', EarlierSchema)) {
    if (!canFacilitate(doc, value.by)) continue
    const rounds: EarlierRounds['rounds'] = []
    for (const round of value.rounds) {
      const { pledges, issues } = checkPledges(round.pledges, value.blocSet)
      if (issues.length === 0) rounds.push({ number: round.number, blocSet: value.blocSet, pledges })
    }
    if (rounds.length > 0) out.push({ id, name: value.name, from: value.from, blocSet: value.blocSet, rounds, by: value.by, at: value.at })
  }
  return out.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))
}

/** A facilitator brings another group's rounds in, for comparison. */
export function bringEarlierRounds(
  doc: Y.Doc,
  earlier: { name: string; from: string; blocSet: BlocSet; rounds: readonly { number: number; pledges: Record<string, unknown> }[] },
  move: LeverMove, origin: Origin,
): ClimateResult<string> {
  if (!canFacilitate(doc, move.by)) return refuse('not-allowed', MSG.facilitatorBrings)
  if (readEarlierRounds(doc).length >= EARLIER_MAX) return refuse('invalid', said(MSG.tooMany, { max: EARLIER_MAX }))
  const record = { name: earlier.name.trim().slice(0, TITLE_MAX), from: earlier.from.slice(0, TITLE_MAX), blocSet: earlier.blocSet, rounds: earlier.rounds.map((r) => ({ number: r.number, pledges: { ...r.pledges } })), by: move.by, at: move.at ?? Date.now() }
  if (!EarlierSchema.safeParse(record).success) return refuse('invalid', MSG.invalid)
  const id = newItemId()
  doc.transact(() => climateMap(doc).set(`earlier:${id}`, record), origin)
  return ok(id)
}

export function removeEarlierRounds(doc: Y.Doc, id: string, move: LeverMove, origin: Origin): ClimateResult {
  if (!canFacilitate(doc, move.by)) return refuse('not-allowed', MSG.facilitatorRemoves)
  if (!climateMap(doc).has(`earlier:${id}`)) return refuse('missing', MSG.gone)
  doc.transact(() => climateMap(doc).delete(`earlier:${id}`), origin)
  return ok(undefined)
}
