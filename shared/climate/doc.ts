import type * as Y from 'yjs'
import { z } from 'zod'
import { DOC_KEYS } from '../session/schema'
import { newItemId } from '../session/ids'
import { canFacilitate } from '../session/roles'
import { canonicalJson, readClaim, signedRoom } from '../session/signed'
import { DEFAULT_LEVERS, LEVERS_BY_ID, LEVER_IDS, isLeverId } from './levers'
import type { LeverId, LeverValues } from './levers'
import { LEVER_COMBINATION_MESSAGES, combinationIssues } from './scenarioFile'
import type { InputIssue } from './errors'
import type { Origin } from '../session/origins'
import type { Message } from '../i18n/messages'
import { fail, ok, said, spoken, type Failure, type Result, type Said } from '../result'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const CLIMATE_MESSAGES = {
  noLever: { id: 'shared.climate.noLever', defaultMessage: 'There is no lever "{lever}".' },
  outside: { id: 'shared.climate.outside', defaultMessage: '{label}: {value} is outside {min} to {max} {unit}.' },
  locked: { id: 'shared.climate.locked', defaultMessage: 'The facilitator is driving: the levers are locked.' },
  lockFacilitator: { id: 'shared.climate.lockFacilitator', defaultMessage: 'Only a facilitator can lock or open the levers.' },
  cannotSign: { id: 'shared.climate.cannotSign', defaultMessage: 'This window cannot sign as you, so the lock would count for nobody. Reopen the convening and try again.' },
  nameScenario: { id: 'shared.climate.nameScenario', defaultMessage: 'Give the scenario a name.' },
  nameTooLong: { id: 'shared.climate.nameTooLong', defaultMessage: 'Keep the name under {max} characters.' },
  tooManyScenarios: { id: 'shared.climate.tooManyScenarios', defaultMessage: 'There are already {max} saved scenarios: delete one first.' },
  scenarioGone: { id: 'shared.climate.scenarioGone', defaultMessage: 'This scenario is no longer here.' },
  notYours: { id: 'shared.climate.notYours', defaultMessage: 'Only the person who saved it or a facilitator can delete this scenario.' },
  positionFromPeer: { id: 'shared.climate.positionFromPeer', defaultMessage: 'A position of {value} {unit} came in from someone\'s copy; it is outside {min} to {max}, so the status quo is shown.' },
  impossibleShown: { id: 'shared.climate.impossibleShown', defaultMessage: '{problem} It is shown at its status quo until it is moved.' },
} as const
const MSG = CLIMATE_MESSAGES

/**
 * The climate simulation in the convening document. Every value is plain JSON under
 * its own key of one flat map, so two peers writing their first lever, history line
 * or pledge at the same moment never replace each other's container:
 *
 *   doc.getMap('climate'): Y.Map<string, JSON>
 *     ├─ 'lever:<leverId>'          { value, by, at }               last write wins, per lever
 *     ├─ 'control'                  { locked, by, at, levers }      the facilitator's lock; `levers` = positions when locked
 *     ├─ 'history:<id>'             { lever | 'all', from, to, name?, by, at }   the newest HISTORY_MAX are kept
 *     ├─ 'scenario:<id>'            { name, levers, by, at }        named snapshots
 *     ├─ 'world'                    { blocSet, by, at }             World Climate (worldDoc.ts)
 *     ├─ 'delegate:<personId>'      { bloc, by, at }
 *     ├─ 'pledge:<blocSet>:<blocId>' { pledge, by, at }
 *     ├─ 'round:<id>'               { number, blocSet, pledges, by, at }
 *     ├─ 'stage'                    { view, roundId, by, at }
 *     └─ 'earlier:<id>'             { name, from, blocSet, rounds, by, at }   another group's rounds, for comparison (earlierRounds.ts)
 *
 * `by` is the personId of whoever wrote the value. Roles are a convention every honest
 * peer keeps (shared/session/roles.ts): writers refuse what the role does not allow, and
 * readers ignore values the writer's role did not allow (while levers are locked, a
 * lever written by someone who does not facilitate reads as its position at locking).
 * Everything is parsed with zod; a bad value reads as its fallback, never as NaN.
 */
export type ClimateWriteError = { code: 'locked' | 'not-allowed' | 'invalid' | 'impossible' | 'missing'; message: string }
/** A refusal carries its code for callers that react to it, and its message at the top like every Result. */
export type ClimateResult<T = void> = Result<T, { error: ClimateWriteError }>
export type ClimateRefusal = Failure<{ error: ClimateWriteError }>

export { ok }
export const refuse = (code: ClimateWriteError['code'], what: string | Message | Said): ClimateRefusal =>
  fail(what, { error: { code, message: spoken(what).message } })

export const HISTORY_MAX = 40
export const SCENARIOS_MAX = 40
export const SCENARIO_NAME_MAX = 60

export const PersonIdSchema = z.string().min(1).max(64)
const Stamp = { by: PersonIdSchema, at: z.number().finite() }
/** A facilitator's signed claim, where roles are signed (signedLevers.ts). */
const Statement = z.string().max(8_000).optional()
export const LeverEntrySchema = z.object({ value: z.number().finite(), ...Stamp, statement: Statement })
const LeverRecordSchema = z.record(z.string(), z.number().finite())
export const ControlSchema = z.object({ locked: z.boolean(), levers: LeverRecordSchema.optional(), ...Stamp, statement: Statement })
export type ControlRecord = z.infer<typeof ControlSchema>

// ---- signed levers: what the facilitator's claims say -----------------------------------

export const CONTROL_SUBJECT = 'climate:control'
export const leverSubject = (id: LeverId): string => `climate:lever:${id}`
export const controlBody = (c: Pick<ControlRecord, 'locked' | 'levers'>): string => canonicalJson({ locked: c.locked, levers: c.levers ?? null })
export const leverBody = (e: { value: number; at: number }): string => canonicalJson({ value: e.value, at: e.at })

/** Whether a facilitator's record carries their signed claim for exactly this content (always true where roles are not signed). */
function signedByFacilitator(doc: Y.Doc, record: { by: string; at: number; statement?: string }, subject: string, body: string): boolean {
  if (!signedRoom(doc)) return canFacilitate(doc, record.by)
  const read = readClaim(doc, record.statement, subject)
  return read !== null && read.as === 'facilitator' && read.claim.by === record.by && read.claim.at === record.at && read.claim.body === body
}

export function controlIsSigned(doc: Y.Doc, control: ControlRecord): boolean {
  return signedByFacilitator(doc, control, CONTROL_SUBJECT, controlBody(control))
}

// The last signed position of each lever this app has read while levers were locked: a
// facilitator's move shows at its previous signed position for the moment its
// signature takes to arrive, never at something unsigned.
const lastSigned = new WeakMap<Y.Doc, Partial<Record<LeverId, number>>>()
const HistorySchema = z.object({
  lever: z.string().max(40),
  from: z.number().finite().optional(),
  to: z.number().finite().optional(),
  name: z.string().max(SCENARIO_NAME_MAX).optional(),
  /** One more than the highest this peer had seen: orders lines written in the same millisecond. */
  seq: z.number().int().min(0).optional(),
  ...Stamp,
})
const ScenarioSchema = z.object({ name: z.string().min(1).max(SCENARIO_NAME_MAX), levers: LeverRecordSchema, ...Stamp })

export function climateMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(DOC_KEYS.climate)
}

/** The map's entries whose key starts with `prefix`, parsed; unparseable ones are skipped. */
export function entriesWithPrefix<T>(map: Y.Map<unknown>, prefix: string, schema: z.ZodType<T>): { id: string; value: T }[] {
  const out: { id: string; value: T }[] = []
  for (const [key, raw] of map.entries()) {
    if (!key.startsWith(prefix)) continue
    const parsed = schema.safeParse(raw)
    if (parsed.success) out.push({ id: key.slice(prefix.length), value: parsed.data })
  }
  return out
}

export function parseEntry<T>(map: Y.Map<unknown>, key: string, schema: z.ZodType<T>): T | null {
  const parsed = schema.safeParse(map.get(key))
  return parsed.success ? parsed.data : null
}

/** A lever value that is a finite number within the lever's range (and a whole year where one is asked). */
export function isValidLeverValue(id: LeverId, value: number): boolean {
  const lever = LEVERS_BY_ID[id]
  return Number.isFinite(value) && value >= lever.min && value <= lever.max &&
    (id !== 'newTechYear' || Number.isInteger(value))
}

/** The valid lever values of a record, status quo for the rest (combinations unchecked). */
function validLevers(record: Record<string, number> | undefined): LeverValues {
  const out: LeverValues = { ...DEFAULT_LEVERS }
  for (const [id, value] of Object.entries(record ?? {})) if (isLeverId(id) && isValidLeverValue(id, value)) out[id] = value
  return out
}

/** Lever values from a record (scenario, lock snapshot) that the model can run: status quo for the rest. */
export function leversFromRecord(record: Record<string, number> | undefined): LeverValues {
  const out = validLevers(record)
  makePossible(out)
  return out
}

/**
 * Puts back at the status quo any lever the model names in an impossible combination
 * (in place), so the values can always run; returns the model's message per lever.
 */
export function makePossible(values: LeverValues): Partial<Record<LeverId, string>> {
  return Object.fromEntries(Object.entries(possible(values)).map(([id, issue]) => [id, issue.message]))
}

/** `makePossible`, with each lever's whole issue (its message too, where it has one). */
function possible(values: LeverValues): Partial<Record<LeverId, InputIssue>> {
  const found: Partial<Record<LeverId, InputIssue>> = {}
  for (const issue of combinationIssues(values)) {
    const id = issue.field?.replace(/^levers\./, '')
    if (id && isLeverId(id)) {
      found[id] = issue
      values[id] = DEFAULT_LEVERS[id]
    }
  }
  return found
}

export interface LeverLock {
  by: string
  at: number
}

export interface LeverState {
  values: LeverValues
  /** Who set each lever last (levers never moved are missing). */
  setBy: Partial<Record<LeverId, { by: string; at: number }>>
  /** Set while the facilitator drives. */
  lock: LeverLock | null
  /** Positions in the document that could not be used, by lever, shown beside it. */
  problems: Partial<Record<LeverId, string>>
  /** The same problems as messages, for a window that says them in the reader's language. */
  problemsSaid: Partial<Record<LeverId, Said>>
}

/** The lock as a facilitator set it (signed, where roles are signed); null when there is none that counts. */
export function readControl(doc: Y.Doc): ControlRecord | null {
  const control = parseEntry(climateMap(doc), 'control', ControlSchema)
  return control && controlIsSigned(doc, control) ? control : null
}

/** The shared lever positions, as every honest peer reads them. */
export function readLeverState(doc: Y.Doc): LeverState {
  const map = climateMap(doc)
  const control = readControl(doc)
  const locked = control?.locked ? control : null
  const atLock = locked ? leversFromRecord(locked.levers) : DEFAULT_LEVERS
  const values: LeverValues = { ...DEFAULT_LEVERS }
  const setBy: LeverState['setBy'] = {}
  const problems: LeverState['problems'] = {}
  const problemsSaid: LeverState['problemsSaid'] = {}
  const signed = locked !== null && signedRoom(doc) !== null
  const kept = lastSigned.get(doc) ?? {}
  for (const id of LEVER_IDS) {
    const entry = parseEntry(map, `lever:${id}`, LeverEntrySchema)
    if (!entry) continue
    // While locked, only the facilitators drive: where roles are signed, only a move
    // they signed counts (a modified app can claim any writer, not forge a signature).
    const counts = !locked || (signed ? entry.at >= locked.at && signedByFacilitator(doc, entry, leverSubject(id), leverBody(entry)) : canFacilitate(doc, entry.by))
    if (!counts) {
      values[id] = signed && entry.at >= locked.at ? (kept[id] ?? atLock[id]) : atLock[id]
      continue
    }
    if (signed) kept[id] = entry.value
    if (!isValidLeverValue(id, entry.value)) {
      const { unit, min, max } = LEVERS_BY_ID[id]
      problemsSaid[id] = said(MSG.positionFromPeer, { value: entry.value, unit, min, max })
      problems[id] = spoken(problemsSaid[id]).message
      continue
    }
    values[id] = entry.value
    setBy[id] = { by: entry.by, at: entry.at }
  }
  if (signed) lastSigned.set(doc, kept)
  else lastSigned.delete(doc)
  // Two people can each set a possible value at the same moment and make an impossible
  // pair: the lever the model names is shown at its status quo until someone moves it.
  for (const [id, issue] of Object.entries(possible(values)) as [LeverId, InputIssue][]) {
    const land = issue.said?.message.id === LEVER_COMBINATION_MESSAGES.landOver.id
    problemsSaid[id] = land ? said(LEVER_COMBINATION_MESSAGES.landOverShown, issue.said?.values) : said(MSG.impossibleShown, { problem: issue.message })
    problems[id] = spoken(problemsSaid[id]).message
  }
  return { values, setBy, lock: locked ? { by: locked.by, at: locked.at } : null, problems, problemsSaid }
}

/** Whether this person may move the shared levers now. */
export function canMoveLevers(doc: Y.Doc, personId: string): boolean {
  return readControl(doc)?.locked !== true || canFacilitate(doc, personId)
}

export interface LeverMove {
  by: string
  at?: number
}

const newestFirst = (a: { value: { seq?: number; at: number }; id: string }, b: { value: { seq?: number; at: number }; id: string }): number =>
  (b.value.seq ?? 0) - (a.value.seq ?? 0) || b.value.at - a.value.at || (a.id < b.id ? 1 : -1)

function addHistory(doc: Y.Doc, entry: Omit<z.infer<typeof HistorySchema>, 'by' | 'at' | 'seq'>, by: string, at: number): void {
  const map = climateMap(doc)
  const all = entriesWithPrefix(map, 'history:', HistorySchema)
  const seq = all.reduce((max, e) => Math.max(max, e.value.seq ?? 0), 0) + 1
  const id = newItemId()
  map.set(`history:${id}`, { ...entry, seq, by, at })
  all.push({ id, value: { ...entry, seq, by, at } })
  all.sort(newestFirst)
  for (const old of all.slice(HISTORY_MAX)) map.delete(`history:${old.id}`)
}

/** Moves one shared lever (one write per move, attributed in the history). */
export function setLever(doc: Y.Doc, lever: LeverId, value: number, move: LeverMove, origin: Origin): ClimateResult {
  if (!isLeverId(lever)) return refuse('invalid', said(MSG.noLever, { lever: String(lever) }))
  const info = LEVERS_BY_ID[lever]
  if (!isValidLeverValue(lever, value)) {
    return refuse('invalid', said(MSG.outside, { label: info.label, value, min: info.min, max: info.max, unit: info.unit }))
  }
  if (!canMoveLevers(doc, move.by)) return refuse('locked', MSG.locked)
  const current = readLeverState(doc).values
  const issue = combinationIssues({ ...current, [lever]: value })[0]
  if (issue) return refuse('impossible', issue.said ?? issue.message)
  if (current[lever] === value) return ok(undefined)
  const at = move.at ?? Date.now()
  doc.transact(() => {
    climateMap(doc).set(`lever:${lever}`, { value, by: move.by, at })
    addHistory(doc, { lever, from: current[lever], to: value }, move.by, at)
  }, origin)
  return ok(undefined)
}

/**
 * Sets every lever at once: the status quo (reset all) or a saved scenario's positions.
 * Levers not named go back to the status quo. One history line.
 */
export function setAllLevers(doc: Y.Doc, levers: Partial<LeverValues>, name: string, move: LeverMove, origin: Origin): ClimateResult {
  if (!canMoveLevers(doc, move.by)) return refuse('locked', MSG.locked)
  const next = validLevers(levers)
  const issue = combinationIssues(next)[0]
  if (issue) return refuse('impossible', issue.said ?? issue.message)
  const current = readLeverState(doc).values
  const changed = LEVER_IDS.filter((id) => current[id] !== next[id])
  if (changed.length === 0) return ok(undefined)
  const at = move.at ?? Date.now()
  doc.transact(() => {
    for (const id of changed) climateMap(doc).set(`lever:${id}`, { value: next[id], by: move.by, at })
    addHistory(doc, { lever: 'all', name: name.slice(0, SCENARIO_NAME_MAX) }, move.by, at)
  }, origin)
  return ok(undefined)
}

/**
 * The facilitator locks the levers (drives) or opens them to everyone. Where roles are
 * signed, `sign` signs the record (signedLevers.ts `lockLevers` passes it).
 */
export async function setLeversLocked(doc: Y.Doc, locked: boolean, move: LeverMove, origin: Origin, sign?: (subject: string, body: string, at: number) => Promise<string>): Promise<ClimateResult> {
  if (!canFacilitate(doc, move.by)) return refuse('not-allowed', MSG.lockFacilitator)
  const levers = readLeverState(doc).values
  const at = move.at ?? Date.now()
  const record: ControlRecord = { locked, levers, by: move.by, at }
  if (signedRoom(doc)) {
    if (!sign) return refuse('not-allowed', MSG.cannotSign)
    record.statement = await sign(CONTROL_SUBJECT, controlBody(record), at)
  }
  doc.transact(() => climateMap(doc).set('control', record), origin)
  return ok(undefined)
}

export interface HistoryEntry {
  id: string
  /** A lever id, or 'all' when every lever was set at once (`name` says to what). */
  lever: LeverId | 'all'
  from?: number
  to?: number
  name?: string
  by: string
  at: number
}

/** The recent changes, newest first. */
export function readHistory(doc: Y.Doc): HistoryEntry[] {
  const out: HistoryEntry[] = []
  for (const { id, value } of entriesWithPrefix(climateMap(doc), 'history:', HistorySchema).sort(newestFirst)) {
    if (value.lever !== 'all' && !isLeverId(value.lever)) continue
    const { seq: _seq, ...rest } = value
    out.push({ id, ...rest, lever: value.lever })
  }
  return out
}

export interface SavedScenario {
  id: string
  name: string
  levers: LeverValues
  by: string
  at: number
}

export function readScenarios(doc: Y.Doc): SavedScenario[] {
  return entriesWithPrefix(climateMap(doc), 'scenario:', ScenarioSchema)
    .map(({ id, value }) => ({ id, name: value.name, levers: leversFromRecord(value.levers), by: value.by, at: value.at }))
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))
}

/** Saves the given lever positions under a name; returns the scenario's id. */
export function saveScenario(doc: Y.Doc, name: string, levers: LeverValues, move: LeverMove, origin: Origin): ClimateResult<string> {
  const trimmed = name.trim()
  if (trimmed.length === 0) return refuse('invalid', MSG.nameScenario)
  if (trimmed.length > SCENARIO_NAME_MAX) return refuse('invalid', said(MSG.nameTooLong, { max: SCENARIO_NAME_MAX }))
  if (readScenarios(doc).length >= SCENARIOS_MAX) return refuse('invalid', said(MSG.tooManyScenarios, { max: SCENARIOS_MAX }))
  const id = newItemId()
  doc.transact(() => climateMap(doc).set(`scenario:${id}`, { name: trimmed, levers: { ...levers }, by: move.by, at: move.at ?? Date.now() }), origin)
  return ok(id)
}

/** Whoever saved a scenario, or a facilitator, can delete it. */
export function deleteScenario(doc: Y.Doc, id: string, move: LeverMove, origin: Origin): ClimateResult {
  const scenario = readScenarios(doc).find((s) => s.id === id)
  if (!scenario) return refuse('missing', MSG.scenarioGone)
  if (scenario.by !== move.by && !canFacilitate(doc, move.by)) {
    return refuse('not-allowed', MSG.notYours)
  }
  doc.transact(() => climateMap(doc).delete(`scenario:${id}`), origin)
  return ok(undefined)
}
