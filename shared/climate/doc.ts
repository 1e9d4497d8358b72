import type * as Y from 'yjs'
import { z } from 'zod'
import { DOC_KEYS } from '../session/schema'
import { newItemId } from '../session/ids'
import { canFacilitate } from '../session/roles'
import { DEFAULT_LEVERS, LEVERS_BY_ID, LEVER_IDS, isLeverId } from './levers'
import type { LeverId, LeverValues } from './levers'
import { combinationIssues } from './scenarioFile'

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
 *     └─ 'stage'                    { view, roundId, by, at }
 *
 * `by` is the personId of whoever wrote the value. Roles are a convention every honest
 * peer keeps (shared/session/roles.ts): writers refuse what the role does not allow, and
 * readers ignore values the writer's role did not allow (while levers are locked, a
 * lever written by someone who does not facilitate reads as its position at locking).
 * Everything is parsed with zod; a bad value reads as its fallback, never as NaN.
 */
export type ClimateWriteError = { code: 'locked' | 'not-allowed' | 'invalid' | 'impossible' | 'missing'; message: string }
export type ClimateResult<T = void> = { ok: true; value: T } | { ok: false; error: ClimateWriteError }

export const ok = <T>(value: T): ClimateResult<T> => ({ ok: true, value })
export const refuse = (code: ClimateWriteError['code'], message: string): { ok: false; error: ClimateWriteError } => ({
  ok: false, error: { code, message },
})

export const HISTORY_MAX = 40
export const SCENARIOS_MAX = 40
export const SCENARIO_NAME_MAX = 60

export const PersonIdSchema = z.string().min(1).max(64)
const Stamp = { by: PersonIdSchema, at: z.number().finite() }
const LeverEntrySchema = z.object({ value: z.number().finite(), ...Stamp })
const LeverRecordSchema = z.record(z.string(), z.number().finite())
const ControlSchema = z.object({ locked: z.boolean(), levers: LeverRecordSchema.optional(), ...Stamp })
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
  const found: Partial<Record<LeverId, string>> = {}
  for (const issue of combinationIssues(values)) {
    const id = issue.field?.replace(/^levers\./, '')
    if (id && isLeverId(id)) {
      found[id] = issue.message
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
}

function readControl(doc: Y.Doc): (z.infer<typeof ControlSchema>) | null {
  const control = parseEntry(climateMap(doc), 'control', ControlSchema)
  return control && canFacilitate(doc, control.by) ? control : null
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
  for (const id of LEVER_IDS) {
    const entry = parseEntry(map, `lever:${id}`, LeverEntrySchema)
    if (!entry) continue
    if (locked && !canFacilitate(doc, entry.by)) {
      values[id] = atLock[id]
      continue
    }
    if (!isValidLeverValue(id, entry.value)) {
      problems[id] = `A position of ${entry.value} ${LEVERS_BY_ID[id].unit} came in from someone's copy; it is outside ${LEVERS_BY_ID[id].min} to ${LEVERS_BY_ID[id].max}, so the status quo is shown.`
      continue
    }
    values[id] = entry.value
    setBy[id] = { by: entry.by, at: entry.at }
  }
  // Two people can each set a possible value at the same moment and make an impossible
  // pair: the lever the model names is shown at its status quo until someone moves it.
  for (const [id, message] of Object.entries(makePossible(values)) as [LeverId, string][]) {
    problems[id] = `${message} It is shown at its status quo until it is moved.`
  }
  return { values, setBy, lock: locked ? { by: locked.by, at: locked.at } : null, problems }
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
export function setLever(doc: Y.Doc, lever: LeverId, value: number, move: LeverMove, origin: unknown): ClimateResult {
  if (!isLeverId(lever)) return refuse('invalid', `There is no lever "${String(lever)}".`)
  const info = LEVERS_BY_ID[lever]
  if (!isValidLeverValue(lever, value)) {
    return refuse('invalid', `${info.label}: ${value} is outside ${info.min} to ${info.max} ${info.unit}.`)
  }
  if (!canMoveLevers(doc, move.by)) return refuse('locked', 'The facilitator is driving: the levers are locked.')
  const current = readLeverState(doc).values
  const issue = combinationIssues({ ...current, [lever]: value })[0]
  if (issue) return refuse('impossible', issue.message)
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
export function setAllLevers(doc: Y.Doc, levers: Partial<LeverValues>, name: string, move: LeverMove, origin: unknown): ClimateResult {
  if (!canMoveLevers(doc, move.by)) return refuse('locked', 'The facilitator is driving: the levers are locked.')
  const next = validLevers(levers)
  const issue = combinationIssues(next)[0]
  if (issue) return refuse('impossible', issue.message)
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

/** The facilitator locks the levers (drives) or opens them to everyone. */
export function setLeversLocked(doc: Y.Doc, locked: boolean, move: LeverMove, origin: unknown): ClimateResult {
  if (!canFacilitate(doc, move.by)) return refuse('not-allowed', 'Only a facilitator can lock or open the levers.')
  const levers = readLeverState(doc).values
  doc.transact(() => climateMap(doc).set('control', { locked, levers, by: move.by, at: move.at ?? Date.now() }), origin)
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
export function saveScenario(doc: Y.Doc, name: string, levers: LeverValues, move: LeverMove, origin: unknown): ClimateResult<string> {
  const trimmed = name.trim()
  if (trimmed.length === 0) return refuse('invalid', 'Give the scenario a name.')
  if (trimmed.length > SCENARIO_NAME_MAX) return refuse('invalid', `Keep the name under ${SCENARIO_NAME_MAX} characters.`)
  if (readScenarios(doc).length >= SCENARIOS_MAX) return refuse('invalid', `There are already ${SCENARIOS_MAX} saved scenarios: delete one first.`)
  const id = newItemId()
  doc.transact(() => climateMap(doc).set(`scenario:${id}`, { name: trimmed, levers: { ...levers }, by: move.by, at: move.at ?? Date.now() }), origin)
  return ok(id)
}

/** Whoever saved a scenario, or a facilitator, can delete it. */
export function deleteScenario(doc: Y.Doc, id: string, move: LeverMove, origin: unknown): ClimateResult {
  const scenario = readScenarios(doc).find((s) => s.id === id)
  if (!scenario) return refuse('missing', 'This scenario is no longer here.')
  if (scenario.by !== move.by && !canFacilitate(doc, move.by)) {
    return refuse('not-allowed', 'Only the person who saved it or a facilitator can delete this scenario.')
  }
  doc.transact(() => climateMap(doc).delete(`scenario:${id}`), origin)
  return ok(undefined)
}
