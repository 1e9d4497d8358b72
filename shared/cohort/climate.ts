import type * as Y from 'yjs'
import { said, type Failure } from '../result'
import { z } from 'zod'
import { SCENARIO_NAME_MAX, leversFromRecord } from '../climate/doc'
import type { LeverValues } from '../climate/levers'
import { BlocSetSchema } from '../climate/worldDoc'
import type { BlocSet } from '../climate/blocs'
import { checkPledges } from '../climate/pledges'
import type { Pledge } from '../climate/pledges'
import { newItemId } from '../session/ids'
import { TITLE_MAX } from '../session/schema'
import { done, isWritable, NEWER_MESSAGE, refuse, type CohortResult } from './doc'
import { facilitates, isActive } from './permissions'
import { cohortClimateMap } from './roots'
import type { Origin } from '../session/origins'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const COHORT_CLIMATE_MESSAGES = {
  membersOnly: { id: 'shared.cohort.climate.membersOnly', defaultMessage: 'Only members of the cohort keep scenarios and rounds in it.' },
  full: { id: 'shared.cohort.climate.full', defaultMessage: 'The cohort already keeps {max} scenarios and rounds: remove some first.' },
  nameScenario: { id: 'shared.cohort.climate.nameScenario', defaultMessage: 'Give the scenario a name.' },
  scenariosFull: { id: 'shared.cohort.climate.scenariosFull', defaultMessage: 'The cohort already keeps {max} scenarios: remove one first.' },
  roundsInvalid: { id: 'shared.cohort.climate.roundsInvalid', defaultMessage: 'These rounds cannot be kept: there are none, or too many.' },
  roundsFull: { id: 'shared.cohort.climate.roundsFull', defaultMessage: 'The cohort already keeps {max} sets of rounds: remove one first.' },
  gone: { id: 'shared.cohort.climate.gone', defaultMessage: 'It is no longer kept in the cohort.' },
  notYours: { id: 'shared.cohort.climate.notYours', defaultMessage: 'Only whoever kept it, or a facilitator of the cohort, removes it.' },
} as const
const MSG = COHORT_CLIMATE_MESSAGES

/**
 * Climate work a cohort keeps, so a practitioner takes it to their own workshop: the
 * scenarios a group found and the World Climate rounds it played. Kept from a
 * convening's climate panel, brought into any later convening from it.
 *
 *   Y.Doc (cohort)
 *   └─ climate: Y.Map<string, JSON>
 *        ├─ 'scenario:<id>'  { name, levers, from, by, at }            one of a name: a newer keep replaces it
 *        └─ 'rounds:<id>'    { name, blocSet, rounds: [{ number, pledges }], from, by, at }
 *
 * `from` is the title of the convening it came from. Plain values under their own keys,
 * as in the convening's climate map: two members keeping at once never collide. Any
 * active member keeps; whoever kept an item, or a facilitator, removes it. Readers
 * leave out records whose author is not (or no longer) a member, and lever values go
 * through the climate model's own check (status quo for anything not valid).
 */
export const KEPT_MAX = 60

const Stamp = { by: z.string().min(1).max(64), at: z.number().finite() }
const From = z.string().max(TITLE_MAX).catch('')
const ScenarioSchema = z.object({ name: z.string().trim().min(1).max(SCENARIO_NAME_MAX), levers: z.record(z.string(), z.number().finite()), from: From, ...Stamp })
const RoundSchema = z.object({ number: z.number().int().min(1).max(1000), pledges: z.record(z.string(), z.unknown()) })
const RoundsSchema = z.object({ name: z.string().trim().min(1).max(TITLE_MAX), blocSet: BlocSetSchema, rounds: z.array(RoundSchema).min(1).max(50), from: From, ...Stamp })

export interface KeptScenario {
  key: string
  name: string
  levers: LeverValues
  from: string
  by: string
  at: number
}

export interface KeptRounds {
  key: string
  name: string
  blocSet: BlocSet
  /** Pledges as the rounds ran, through the climate model's pledge check (rounds that fail it are left out). */
  rounds: { number: number; pledges: Record<string, Pledge> }[]
  from: string
  by: string
  at: number
}

function entries<T>(doc: Y.Doc, prefix: string, schema: z.ZodType<T>): { key: string; value: T }[] {
  const out: { key: string; value: T }[] = []
  for (const [key, raw] of cohortClimateMap(doc).entries()) {
    if (!key.startsWith(prefix)) continue
    const parsed = schema.safeParse(raw)
    if (parsed.success) out.push({ key, value: parsed.data })
  }
  return out
}

const byNameThenTime = (a: { name: string; at: number }, b: { name: string; at: number }): number => a.name.localeCompare(b.name) || b.at - a.at

export function readKeptScenarios(doc: Y.Doc): KeptScenario[] {
  const member = (id: string): boolean => isActive(doc, id)
  return entries(doc, 'scenario:', ScenarioSchema)
    .filter(({ value }) => member(value.by))
    .map(({ key, value }) => ({ key, name: value.name, levers: leversFromRecord(value.levers), from: value.from, by: value.by, at: value.at }))
    .sort(byNameThenTime)
}

export function readKeptRounds(doc: Y.Doc): KeptRounds[] {
  const out: KeptRounds[] = []
  for (const { key, value } of entries(doc, 'rounds:', RoundsSchema)) {
    if (!isActive(doc, value.by)) continue
    const rounds: KeptRounds['rounds'] = []
    for (const round of value.rounds) {
      const { pledges, issues } = checkPledges(round.pledges, value.blocSet)
      if (issues.length === 0) rounds.push({ number: round.number, pledges })
    }
    if (rounds.length > 0) out.push({ key, ...value, rounds })
  }
  return out.sort(byNameThenTime)
}

function mayKeep(doc: Y.Doc, by: string): Failure | null {
  if (!isWritable(doc)) return refuse(NEWER_MESSAGE)
  if (!isActive(doc, by)) return refuse(MSG.membersOnly)
  if (cohortClimateMap(doc).size >= 2 * KEPT_MAX) return refuse(said(MSG.full, { max: 2 * KEPT_MAX }))
  return null
}

/** Keeps a scenario in the cohort; one of the same name is replaced (it is the newer version). */
export function keepScenarioInCohort(
  doc: Y.Doc, scenario: { name: string; levers: LeverValues; from: string }, by: string, now: number, origin: Origin,
): CohortResult<string> {
  const refused = mayKeep(doc, by)
  if (refused) return refused
  const name = scenario.name.trim().slice(0, SCENARIO_NAME_MAX)
  if (!name) return refuse(MSG.nameScenario)
  const existing = readKeptScenarios(doc).find((s) => s.name === name)
  if (!existing && readKeptScenarios(doc).length >= KEPT_MAX) return refuse(said(MSG.scenariosFull, { max: KEPT_MAX }))
  const key = existing?.key ?? `scenario:${newItemId()}`
  doc.transact(() => cohortClimateMap(doc).set(key, { name, levers: { ...scenario.levers }, from: scenario.from.slice(0, TITLE_MAX), by, at: now }), origin)
  return done(key)
}

/** Keeps a convening's World Climate rounds (in the order played) in the cohort, under a name. */
export function keepRoundsInCohort(
  doc: Y.Doc,
  kept: { name: string; blocSet: BlocSet; rounds: readonly { number: number; pledges: Record<string, unknown> }[]; from: string },
  by: string, now: number, origin: Origin,
): CohortResult<string> {
  const refused = mayKeep(doc, by)
  if (refused) return refused
  const rounds = kept.rounds.map((r) => ({ number: r.number, pledges: { ...r.pledges } }))
  const record = { name: kept.name.trim().slice(0, TITLE_MAX), blocSet: kept.blocSet, rounds, from: kept.from.slice(0, TITLE_MAX), by, at: now }
  if (!RoundsSchema.safeParse(record).success) return refuse(MSG.roundsInvalid)
  if (readKeptRounds(doc).length >= KEPT_MAX) return refuse(said(MSG.roundsFull, { max: KEPT_MAX }))
  const key = `rounds:${newItemId()}`
  doc.transact(() => cohortClimateMap(doc).set(key, record), origin)
  return done(key)
}

/** Whoever kept an item, or a facilitator of the cohort, removes it. */
export function forgetKeptClimate(doc: Y.Doc, key: string, by: string, origin: Origin): CohortResult {
  if (!isWritable(doc)) return refuse(NEWER_MESSAGE)
  const item = [...readKeptScenarios(doc), ...readKeptRounds(doc)].find((k) => k.key === key)
  if (!item) return refuse(MSG.gone)
  if (item.by !== by && !facilitates(doc, by)) return refuse(MSG.notYours)
  doc.transact(() => cohortClimateMap(doc).delete(key), origin)
  return done(undefined)
}
