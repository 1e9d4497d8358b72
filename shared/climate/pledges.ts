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

const number = (): z.ZodNumber => z.number({ error: 'must be a number' })
const year = number()
  .int('must be a whole year')
  .min(FIRST_PLEDGE_YEAR, `must be ${FIRST_PLEDGE_YEAR} or later`)
  .max(LAST_PLEDGE_YEAR, `must be ${LAST_PLEDGE_YEAR} or earlier`)
  .nullable()
const percent = number().min(0, 'must be 0 % or more').max(100, 'must be 100 % or less')

export const pledgeSchema = z.strictObject({
  peakYear: year.optional(),
  reductionStartYear: year.optional(),
  reductionRate: number().min(0, 'must be 0 %/yr or more').max(100, 'must be 100 %/yr or less: a bloc cannot cut more than all of its emissions in a year').optional(),
  deforestationCut: percent.optional(),
  afforestation: percent.optional(),
  climateFund: number().min(-10_000, 'must be -10000 or more ($ billion/yr)').max(10_000, 'must be 10000 or less ($ billion/yr)').optional(),
})
export type PledgeInput = z.infer<typeof pledgeSchema>

/** Turns zod's findings into issues whose field reads like "developed.reductionRate". */
export function zodIssues(error: z.ZodError, prefix: string): InputIssue[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.')
    if (issue.code === 'unrecognized_keys') {
      return { field: [path, ...issue.keys].filter(Boolean).join('.'), message: `unknown field "${issue.keys.join('", "')}"` }
    }
    return { field: path, message: issue.message }
  })
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
      issues.push({ field: `${id}.reductionStartYear`, message: `reductions cannot start (${start}) before emissions stop growing (${peak})` })
    }
    if (rate > 0 && (fields.reductionStartYear === undefined || fields.reductionStartYear === null)) {
      issues.push({ field: `${id}.reductionStartYear`, message: `a reduction rate of ${rate} %/yr needs the year reductions start` })
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
