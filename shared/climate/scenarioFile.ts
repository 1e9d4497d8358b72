// Lever settings from outside (a scenario file, a saved scenario in the convening
// document): `{ "levers": { "<leverId>": number, ... }, "name"?: string }`.
// Unknown lever ids, values out of range and impossible combinations are reported
// with the lever's name; nothing invalid reaches the model.
import { z } from 'zod'
import { ClimateInputError, jsonSyntaxIssue } from './errors'
import type { InputIssue } from './errors'
import { DEFAULT_LEVERS, LEVER_IDS, LEVERS_BY_ID, isLeverId } from './levers'
import type { LeverValues } from './levers'
import { zodIssues } from './pledges'
import { said, spoken } from '../result'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const LEVER_COMBINATION_MESSAGES = {
  landOver: { id: 'shared.climate.combination.landOver', defaultMessage: '{afforestation} GtCO2/yr of new forest needs about {forest} Mha, and deforestation at +{deforestation} % clears about {cleared} Mha more: together over the roughly {available} Mha available. Lower afforestation or levers.deforestation.' },
  landOverShown: { id: 'shared.climate.combination.landOverShown', defaultMessage: '{afforestation} GtCO2/yr of new forest needs about {forest} Mha, and deforestation at +{deforestation} % clears about {cleared} Mha more: together over the roughly {available} Mha available. Lower afforestation or levers.deforestation. It is shown at its status quo until it is moved.' },
} as const
const MSG = LEVER_COMBINATION_MESSAGES

export const scenarioFileSchema = z.strictObject(
  {
    name: z.string({ error: 'must be text' }).max(200, 'must be at most 200 characters').optional(),
    levers: z.record(z.string(), z.unknown(), { error: 'must be an object of lever ids and numbers' }),
  },
  { error: 'expected an object like { "levers": { "carbonPrice": 100 } }' },
)

/**
 * Land for new forests: about 150 Mha per GtCO2/yr of uptake. Extra clearing above the
 * baseline (about 10 Mha/yr today) over 2025-2100 takes land that could have been
 * reforested. The world has roughly 1,000 Mha that could carry new or restored forest.
 */
const MHA_PER_GT_FOREST = 150
const MHA_PER_PERCENT_DEFORESTATION = 7.5
const RESTORABLE_MHA = 1000

/** Issues with combinations of otherwise valid levers. */
export function combinationIssues(levers: LeverValues): InputIssue[] {
  const issues: InputIssue[] = []
  const forest = levers.afforestation * MHA_PER_GT_FOREST
  const cleared = Math.max(levers.deforestation, 0) * MHA_PER_PERCENT_DEFORESTATION
  if (levers.afforestation > 0 && forest + cleared > RESTORABLE_MHA) {
    const s = said(MSG.landOver, { afforestation: levers.afforestation, forest, deforestation: levers.deforestation, cleared, available: RESTORABLE_MHA })
    issues.push({ field: 'levers.afforestation', message: spoken(s).message, said: s })
  }
  return issues
}

/** Checks lever values from outside; levers left out keep their status-quo value. */
export function checkLevers(input: Record<string, unknown>, prefix = 'levers'): { levers: LeverValues; issues: InputIssue[] } {
  const issues: InputIssue[] = []
  const levers: LeverValues = { ...DEFAULT_LEVERS }
  for (const [id, value] of Object.entries(input)) {
    const field = `${prefix}.${id}`
    if (!isLeverId(id)) {
      issues.push({ field, message: `unknown lever "${id}"; levers are ${LEVER_IDS.join(', ')}` })
      continue
    }
    const lever = LEVERS_BY_ID[id]
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      issues.push({ field, message: `${JSON.stringify(value)} is not a number (${lever.label}, ${lever.unit})` })
    } else if (value < lever.min || value > lever.max) {
      issues.push({ field, message: `${value} is outside ${lever.min} to ${lever.max} ${lever.unit} (${lever.label})` })
    } else if (id === 'newTechYear' && !Number.isInteger(value)) {
      issues.push({ field, message: `${value} is not a whole year` })
    } else {
      levers[id] = value
    }
  }
  if (issues.length === 0) issues.push(...combinationIssues(levers))
  return { levers, issues }
}

/** Parses a scenario file's text; throws ClimateInputError naming line or lever. */
export function parseScenarioFile(text: string): { name?: string; levers: LeverValues } {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new ClimateInputError([jsonSyntaxIssue(text, error)])
  }
  const parsed = scenarioFileSchema.safeParse(json)
  if (!parsed.success) throw new ClimateInputError(zodIssues(parsed.error, ''))
  const { levers, issues } = checkLevers(parsed.data.levers)
  if (issues.length > 0) throw new ClimateInputError(issues)
  return { name: parsed.data.name, levers }
}
