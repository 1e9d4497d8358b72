// A World Climate pledge and how it becomes emissions.
//
// Fossil CO2 follows the bloc's baseline until the peak year, is then held at the
// peak-year level (or follows the baseline if that is lower), and from the year
// reductions start falls by the pledged rate each year (compounding):
//   E(t) = min(B(t), B(peak))                         peak <= t < start
//   E(t) = min(B(t), E(start) x (1 - rate)^(t - start))   t >= start
import { z } from 'zod'
import { BLOCS } from './blocs'
import type { BlocSet } from './blocs'
import type { InputIssue } from './errors'
import type { Message, MessageValue } from '../i18n/messages'
import { said, spoken, type Said } from '../result'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const PLEDGE_MESSAGES = {
  number: { id: 'shared.climate.pledge.number', defaultMessage: 'must be a number' },
  wholeYear: { id: 'shared.climate.pledge.wholeYear', defaultMessage: 'must be a whole year' },
  yearFrom: { id: 'shared.climate.pledge.yearFrom', defaultMessage: 'must be {year} or later' },
  yearTo: { id: 'shared.climate.pledge.yearTo', defaultMessage: 'must be {year} or earlier' },
  percentMin: { id: 'shared.climate.pledge.percentMin', defaultMessage: 'must be 0 % or more' },
  percentMax: { id: 'shared.climate.pledge.percentMax', defaultMessage: 'must be 100 % or less' },
  rateMin: { id: 'shared.climate.pledge.rateMin', defaultMessage: 'must be 0 %/yr or more' },
  rateMax: { id: 'shared.climate.pledge.rateMax', defaultMessage: 'must be 100 %/yr or less: a bloc cannot cut more than all of its emissions in a year' },
  fundMin: { id: 'shared.climate.pledge.fundMin', defaultMessage: 'must be -10000 or more ($ billion/yr)' },
  fundMax: { id: 'shared.climate.pledge.fundMax', defaultMessage: 'must be 10000 or less ($ billion/yr)' },
  startBeforePeak: { id: 'shared.climate.pledge.startBeforePeak', defaultMessage: 'reductions cannot start ({start}) before emissions stop growing ({peak})' },
  rateNeedsStart: { id: 'shared.climate.pledge.rateNeedsStart', defaultMessage: 'a reduction rate of {rate} %/yr needs the year reductions start' },
} as const
const MSG = PLEDGE_MESSAGES

export const FIRST_PLEDGE_YEAR = 2025
export const LAST_PLEDGE_YEAR = 2100

export interface Pledge {
  /** Year the bloc's fossil CO2 stops growing; null = no commitment. */
  peakYear: number | null
  /** Year reductions start; null = none. Not before the peak year. */
  reductionStartYear: number | null
  /** Yearly reduction after the start, % per year (0-100). */
  reductionRate: number
  /** Cut in the bloc's deforestation emissions, %, phased in 2025-2035. */
  deforestationCut: number
  /** Share of the bloc's afforestation potential planted, %. */
  afforestation: number
  /** Climate fund, $ billion per year: positive = contribution, negative = request. */
  climateFund: number
}

export const NO_PLEDGE: Readonly<Pledge> = {
  peakYear: null, reductionStartYear: null, reductionRate: 0, deforestationCut: 0, afforestation: 0, climateFund: 0,
}

/** The schema's messages by their English, so an issue can carry the message it came from. */
const ISSUES = new Map<string, Said>()
function says(message: Message, values?: Record<string, MessageValue>): string {
  const s = said(message, values)
  const english = spoken(s).message
  ISSUES.set(english, s)
  return english
}

const number = (): z.ZodNumber => z.number({ error: says(MSG.number) })
const year = number()
  .int(says(MSG.wholeYear))
  .min(FIRST_PLEDGE_YEAR, says(MSG.yearFrom, { year: FIRST_PLEDGE_YEAR }))
  .max(LAST_PLEDGE_YEAR, says(MSG.yearTo, { year: LAST_PLEDGE_YEAR }))
  .nullable()
const percent = number().min(0, says(MSG.percentMin)).max(100, says(MSG.percentMax))

export const pledgeSchema = z.strictObject({
  peakYear: year.optional(),
  reductionStartYear: year.optional(),
  reductionRate: number().min(0, says(MSG.rateMin)).max(100, says(MSG.rateMax)).optional(),
  deforestationCut: percent.optional(),
  afforestation: percent.optional(),
  climateFund: number().min(-10_000, says(MSG.fundMin)).max(10_000, says(MSG.fundMax)).optional(),
})
export type PledgeInput = z.infer<typeof pledgeSchema>

/** Turns zod's findings into issues whose field reads like "developed.reductionRate". */
export function zodIssues(error: z.ZodError, prefix: string): InputIssue[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.')
    if (issue.code === 'unrecognized_keys') {
      return { field: [path, ...issue.keys].filter(Boolean).join('.'), message: `unknown field "${issue.keys.join('", "')}"` }
    }
    const known = ISSUES.get(issue.message)
    return known ? { field: path, message: issue.message, said: known } : { field: path, message: issue.message }
  })
}

function issueOf(field: string, s: Said): InputIssue {
  return { field, message: spoken(s).message, said: s }
}

/**
 * Validates pledges keyed by bloc id for one bloc set. Blocs left out pledge nothing.
 * Returns complete pledges, or the issues (each naming bloc and field).
 */
export function checkPledges(input: unknown, blocSet: BlocSet): { pledges: Record<string, Pledge>; issues: InputIssue[] } {
  const issues: InputIssue[] = []
  const pledges: Record<string, Pledge> = {}
  const ids = BLOCS[blocSet].map((b) => b.id)
  for (const id of ids) pledges[id] = { ...NO_PLEDGE }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { pledges, issues: [{ field: 'pledges', message: 'expected an object with one pledge per bloc id' }] }
  }
  for (const [id, raw] of Object.entries(input)) {
    if (!ids.includes(id)) {
      issues.push({ field: id, message: `unknown bloc "${id}" for the ${blocSet}-bloc game; blocs are ${ids.join(', ')}` })
      continue
    }
    const parsed = pledgeSchema.safeParse(raw)
    if (!parsed.success) issues.push(...zodIssues(parsed.error, id))
    // Checked on the raw values too, so every problem of a pledge shows at once.
    const fields = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
    const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)
    const peak = num(fields.peakYear)
    const start = num(fields.reductionStartYear)
    const rate = num(fields.reductionRate) ?? 0
    if (start !== null && peak !== null && start < peak) {
      issues.push(issueOf(`${id}.reductionStartYear`, said(MSG.startBeforePeak, { start, peak })))
    }
    if (rate > 0 && (fields.reductionStartYear === undefined || fields.reductionStartYear === null)) {
      issues.push(issueOf(`${id}.reductionStartYear`, said(MSG.rateNeedsStart, { rate })))
    }
    if (parsed.success) pledges[id] = { ...NO_PLEDGE, ...parsed.data }
  }
  return { pledges, issues }
}

/**
 * The bloc's pledged fossil CO2, from its baseline `baseline` (index 0 = `startYear`).
 * Assumes a checked pledge.
 */
export function pledgedEmissions(baseline: ArrayLike<number>, pledge: Pledge, startYear: number): Float64Array {
  const n = baseline.length
  const out = Float64Array.from(baseline)
  const peak = pledge.peakYear ?? pledge.reductionStartYear
  if (peak === null) return out
  const start = pledge.reductionStartYear
  const keep = 1 - pledge.reductionRate / 100
  let level = Number.POSITIVE_INFINITY
  for (let i = 0; i < n; i++) {
    const y = startYear + i
    if (y === peak || (i === 0 && y > peak)) level = baseline[i]
    if (y === start) level = Math.min(level, baseline[i])
    if (start !== null && y > start) level *= keep
    out[i] = Math.min(baseline[i], level)
  }
  return out
}
