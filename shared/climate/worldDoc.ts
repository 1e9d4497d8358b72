// World Climate in the convening document (the keys are drawn in doc.ts): the bloc
// set, who sits in which delegation, each delegation's pledge, the rounds the
// facilitator ran (with the pledges as they stood) and what everyone is shown.
import type * as Y from 'yjs'
import { z } from 'zod'
import type { Message } from '../i18n/messages'
import { fail, said } from '../result'
import { newItemId } from '../session/ids'
import { canFacilitate } from '../session/roles'
import { BLOCS } from './blocs'
import type { Bloc, BlocSet } from './blocs'
import type { InputIssue } from './errors'
import { checkPledges, NO_PLEDGE, pledgeSchema } from './pledges'
import type { Pledge, PledgeInput } from './pledges'
import { climateMap, entriesWithPrefix, ok, parseEntry, PersonIdSchema, refuse } from './doc'
import type { ClimateRefusal, ClimateResult, LeverMove } from './doc'
import type { Result } from '../result'
import type { Origin } from '../session/origins'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const WORLD_CLIMATE_MESSAGES = {
  facilitatorSeals: { id: 'shared.climate.world.facilitatorSeals', defaultMessage: 'Only a facilitator can decide whether pledges stay private.' },
  facilitatorChooses: { id: 'shared.climate.world.facilitatorChooses', defaultMessage: 'Only a facilitator can choose the delegations.' },
  facilitatorAssigns: { id: 'shared.climate.world.facilitatorAssigns', defaultMessage: 'Only a facilitator can assign delegations.' },
  facilitatorRuns: { id: 'shared.climate.world.facilitatorRuns', defaultMessage: 'Only a facilitator can run a round.' },
  facilitatorStages: { id: 'shared.climate.world.facilitatorStages', defaultMessage: 'Only a facilitator can change what everyone sees.' },
  noDelegation: { id: 'shared.climate.world.noDelegation', defaultMessage: 'There is no delegation "{bloc}".' },
  notYourDelegation: { id: 'shared.climate.world.notYourDelegation', defaultMessage: 'Only this delegation and the facilitators can change its pledge.' },
  pledgeProblems: { id: 'shared.climate.world.pledgeProblems', defaultMessage: 'The pledge has problems; see the fields.' },
  tooManyRounds: { id: 'shared.climate.world.tooManyRounds', defaultMessage: '{max} rounds is the most one convening keeps.' },
} as const
const MSG = WORLD_CLIMATE_MESSAGES

export const ROUNDS_MAX = 20
export const STAGE_VIEWS = ['pledging', 'results', 'debrief'] as const
export type StageView = (typeof STAGE_VIEWS)[number]

const Stamp = { by: PersonIdSchema, at: z.number().finite() }
export const BlocSetSchema = z.enum(['three', 'six'])
const WorldSchema = z.object({ blocSet: BlocSetSchema, ...Stamp })
const DelegateSchema = z.object({ bloc: z.string().max(40).nullable(), ...Stamp })
const PledgeEntrySchema = z.object({ pledge: z.unknown(), ...Stamp })
const RoundSchema = z.object({
  number: z.number().int().min(1).max(1000),
  blocSet: BlocSetSchema,
  pledges: z.record(z.string(), z.unknown()),
  ...Stamp,
})
const SealedSchema = z.object({ sealed: z.boolean(), ...Stamp })
const StageSchema = z.object({ view: z.enum(STAGE_VIEWS), roundId: z.string().max(40).nullable(), ...Stamp })

export interface SavedPledge {
  pledge: PledgeInput
  by: string
  at: number
}

export interface Round {
  id: string
  number: number
  blocSet: BlocSet
  /** Every bloc's pledge as it stood when the round ran (blocs without one pledged nothing). */
  pledges: Record<string, Pledge>
  by: string
  at: number
}

export interface WorldState {
  blocSet: BlocSet
  blocs: readonly Bloc[]
  /** personId -> bloc id, for the current bloc set. */
  delegations: Record<string, string>
  /** bloc id -> the delegation's saved pledge. */
  pledges: Record<string, SavedPledge>
  rounds: Round[]
  stage: { view: StageView; roundId: string | null }
  /** Pledges stay private to their delegation (and the facilitators) until a round runs. */
  sealed: boolean
}

const facilitated = <T extends { by: string }>(doc: Y.Doc, value: T | null): T | null =>
  value && canFacilitate(doc, value.by) ? value : null

export function readBlocSet(doc: Y.Doc): BlocSet {
  return facilitated(doc, parseEntry(climateMap(doc), 'world', WorldSchema))?.blocSet ?? 'three'
}

export function readDelegations(doc: Y.Doc, blocSet: BlocSet = readBlocSet(doc)): Record<string, string> {
  const ids = BLOCS[blocSet].map((b) => b.id)
  const out: Record<string, string> = {}
  for (const { id, value } of entriesWithPrefix(climateMap(doc), 'delegate:', DelegateSchema)) {
    if (value.bloc !== null && ids.includes(value.bloc) && canFacilitate(doc, value.by)) out[id] = value.bloc
  }
  return out
}

/** Whether this person may fill the pledge of this bloc: its delegates, and facilitators. */
export function canPledgeFor(doc: Y.Doc, personId: string, bloc: string, delegations = readDelegations(doc)): boolean {
  return delegations[personId] === bloc || canFacilitate(doc, personId)
}

export function readRounds(doc: Y.Doc): Round[] {
  const out: Round[] = []
  for (const { id, value } of entriesWithPrefix(climateMap(doc), 'round:', RoundSchema)) {
    if (!canFacilitate(doc, value.by)) continue
    const { pledges, issues } = checkPledges(value.pledges, value.blocSet)
    if (issues.length > 0) continue
    out.push({ id, number: value.number, blocSet: value.blocSet, pledges, by: value.by, at: value.at })
  }
  return out.sort((a, b) => a.number - b.number || a.at - b.at || (a.id < b.id ? -1 : 1))
}

export function readWorld(doc: Y.Doc): WorldState {
  const blocSet = readBlocSet(doc)
  const blocs = BLOCS[blocSet]
  const delegations = readDelegations(doc, blocSet)
  const map = climateMap(doc)
  const pledges: Record<string, SavedPledge> = {}
  for (const bloc of blocs) {
    const entry = parseEntry(map, `pledge:${blocSet}:${bloc.id}`, PledgeEntrySchema)
    if (!entry || !canPledgeFor(doc, entry.by, bloc.id, delegations)) continue
    const parsed = pledgeSchema.safeParse(entry.pledge)
    if (parsed.success && checkPledges({ [bloc.id]: parsed.data }, blocSet).issues.length === 0) {
      pledges[bloc.id] = { pledge: parsed.data, by: entry.by, at: entry.at }
    }
  }
  const rounds = readRounds(doc)
  const stage = facilitated(doc, parseEntry(map, 'stage', StageSchema))
  const roundId = stage?.roundId && rounds.some((r) => r.id === stage.roundId) ? stage.roundId : null
  const sealed = facilitated(doc, parseEntry(map, 'sealed', SealedSchema))?.sealed ?? false
  return { blocSet, blocs, delegations, pledges, rounds, stage: { view: stage?.view ?? 'pledging', roundId }, sealed }
}

/**
 * Whether a person is shown a delegation's saved pledge now. With sealed pledges, as in
 * a real negotiation, each delegation writes its own in private and the plenary (the
 * round's results) shows them all at once. Every computer in the room still holds every
 * pledge: this is a courtesy of the screen, not a lock, and the panel says so.
 */
export function pledgeShownTo(world: WorldState, personId: string, blocId: string, isFacilitator: boolean): boolean {
  return !world.sealed || world.stage.view !== 'pledging' || isFacilitator || world.delegations[personId] === blocId
}

/** The facilitator decides whether pledges stay private until each round runs. */
export function setSealed(doc: Y.Doc, sealed: boolean, move: LeverMove, origin: Origin): ClimateResult {
  const refused = facilitatorOnly(doc, move.by, MSG.facilitatorSeals)
  if (refused) return refused
  doc.transact(() => climateMap(doc).set('sealed', { sealed, by: move.by, at: move.at ?? Date.now() }), origin)
  return ok(undefined)
}

function facilitatorOnly(doc: Y.Doc, by: string, refusal: Message): ClimateRefusal | null {
  return canFacilitate(doc, by) ? null : refuse('not-allowed', refusal)
}

export function setBlocSet(doc: Y.Doc, blocSet: BlocSet, move: LeverMove, origin: Origin): ClimateResult {
  const refused = facilitatorOnly(doc, move.by, MSG.facilitatorChooses)
  if (refused) return refused
  doc.transact(() => climateMap(doc).set('world', { blocSet, by: move.by, at: move.at ?? Date.now() }), origin)
  return ok(undefined)
}

/** Puts a person in a delegation of the current bloc set (null: in none). */
export function assignDelegation(doc: Y.Doc, personId: string, bloc: string | null, move: LeverMove, origin: Origin): ClimateResult {
  const refused = facilitatorOnly(doc, move.by, MSG.facilitatorAssigns)
  if (refused) return refused
  if (bloc !== null && !BLOCS[readBlocSet(doc)].some((b) => b.id === bloc)) return refuse('invalid', said(MSG.noDelegation, { bloc }))
  doc.transact(() => climateMap(doc).set(`delegate:${personId}`, { bloc, by: move.by, at: move.at ?? Date.now() }), origin)
  return ok(undefined)
}

/** People spread over the blocs in turn, in the order given: sizes differ by at most one. */
export function evenAssignment(personIds: readonly string[], blocIds: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {}
  if (blocIds.length === 0) return out
  personIds.forEach((id, i) => (out[id] = blocIds[i % blocIds.length]))
  return out
}

/** Assigns the given people evenly, in one write. */
export function assignEvenly(doc: Y.Doc, personIds: readonly string[], move: LeverMove, origin: Origin): ClimateResult {
  const refused = facilitatorOnly(doc, move.by, MSG.facilitatorAssigns)
  if (refused) return refused
  const plan = evenAssignment(personIds, BLOCS[readBlocSet(doc)].map((b) => b.id))
  const at = move.at ?? Date.now()
  doc.transact(() => {
    for (const [personId, bloc] of Object.entries(plan)) climateMap(doc).set(`delegate:${personId}`, { bloc, by: move.by, at })
  }, origin)
  return ok(undefined)
}

export type PledgeResult = Result<void, { issues: InputIssue[] }>

/** Saves a delegation's pledge after checking it; the issues name the field. */
export function savePledge(doc: Y.Doc, bloc: string, input: PledgeInput, move: LeverMove, origin: Origin): PledgeResult {
  const blocSet = readBlocSet(doc)
  if (!BLOCS[blocSet].some((b) => b.id === bloc)) return fail(said(MSG.noDelegation, { bloc }), { issues: [] })
  if (!canPledgeFor(doc, move.by, bloc)) {
    return fail(MSG.notYourDelegation, { issues: [] })
  }
  const { issues } = checkPledges({ [bloc]: input }, blocSet)
  if (issues.length > 0) return fail(MSG.pledgeProblems, { issues })
  doc.transact(() => climateMap(doc).set(`pledge:${blocSet}:${bloc}`, { pledge: { ...input }, by: move.by, at: move.at ?? Date.now() }), origin)
  return ok()
}

/** Runs a round with the pledges as they stand and shows its results to everyone; returns the round id. */
export function runRound(doc: Y.Doc, move: LeverMove, origin: Origin): ClimateResult<string> {
  const refused = facilitatorOnly(doc, move.by, MSG.facilitatorRuns)
  if (refused) return refused
  const world = readWorld(doc)
  if (world.rounds.length >= ROUNDS_MAX) return refuse('invalid', said(MSG.tooManyRounds, { max: ROUNDS_MAX }))
  const pledges: Record<string, Pledge> = {}
  for (const bloc of world.blocs) pledges[bloc.id] = { ...NO_PLEDGE, ...world.pledges[bloc.id]?.pledge }
  const id = newItemId()
  const at = move.at ?? Date.now()
  const number = world.rounds.reduce((max, r) => Math.max(max, r.number), 0) + 1
  doc.transact(() => {
    climateMap(doc).set(`round:${id}`, { number, blocSet: world.blocSet, pledges, by: move.by, at })
    climateMap(doc).set('stage', { view: 'results', roundId: id, by: move.by, at })
  }, origin)
  return ok(id)
}

/** What everyone is shown: the pledge forms, a round's results, or the debrief. */
export function setStage(doc: Y.Doc, view: StageView, roundId: string | null, move: LeverMove, origin: Origin): ClimateResult {
  const refused = facilitatorOnly(doc, move.by, MSG.facilitatorStages)
  if (refused) return refused
  doc.transact(() => climateMap(doc).set('stage', { view, roundId, by: move.by, at: move.at ?? Date.now() }), origin)
  return ok(undefined)
}
