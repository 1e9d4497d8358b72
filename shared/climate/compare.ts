// Headline numbers of a scenario or a World Climate round, and what differs between
// two scenarios: what the group compares side by side and what the harvest keeps.
import { BLOCS } from './blocs'
import { LEVER_IDS } from './levers'
import type { LeverId, LeverValues } from './levers'
import { runScenario } from './scenario'
import type { ScenarioResult } from './scenario'
import type { ClimateRun } from './run'
import { runWorldClimate } from './worldClimate'
import type { WorldClimateResult } from './worldClimate'
import type { Round } from './worldDoc'

/** Charts and headlines start here: the model runs from 1750, people look at 2000-2100. */
export const SHOWN_FROM = 2000
export const ANALYSIS_OPTIONS = { ensemble: true, outputFrom: SHOWN_FROM } as const

export interface Headline {
  /** Warming in 2100 above 1850-1900, C, with the likely (17-83 %) range. */
  warming2100: number
  warming2100Low: number
  warming2100High: number
  co2Ppm2100: number
  /** Sea-level rise in 2100 relative to 1995-2014, m. */
  seaLevel2100: number
  /** Greenhouse gases, GtCO2-equivalent per year (GWP100). */
  ghg2050: number
  ghg2100: number
}

const at = (run: ClimateRun, series: Float64Array, year: number): number => series[Math.round(year - run.years[0])]

function headlineOf(run: ClimateRun, ghg: (year: number) => number): Headline {
  return {
    warming2100: run.warming2100,
    warming2100Low: run.warming2100Low ?? run.warming2100,
    warming2100High: run.warming2100High ?? run.warming2100,
    co2Ppm2100: at(run, run.co2Ppm, 2100),
    seaLevel2100: at(run, run.seaLevel, 2100),
    ghg2050: ghg(2050),
    ghg2100: ghg(2100),
  }
}

export function scenarioHeadline(result: ScenarioResult): Headline {
  return headlineOf(result, (year) => at(result, result.emissions.ghgCo2e, year))
}

const scenarioCache = new Map<string, ScenarioResult>()
const CACHE_MAX = 64

/** Runs (or recalls) the scenario with the uncertainty band from SHOWN_FROM; levers must be valid. */
export function analyseScenario(levers: LeverValues): ScenarioResult {
  const key = LEVER_IDS.map((id) => levers[id]).join(',')
  let result = scenarioCache.get(key)
  if (!result) {
    result = runScenario(levers, ANALYSIS_OPTIONS)
    if (scenarioCache.size >= CACHE_MAX) scenarioCache.delete(scenarioCache.keys().next().value as string)
    scenarioCache.set(key, result)
  }
  return result
}

/** The levers set differently in `a` and `b`, in the order of the lever list. */
export function leverDifferences(a: LeverValues, b: LeverValues): LeverId[] {
  return LEVER_IDS.filter((id) => Math.abs(a[id] - b[id]) > 1e-9)
}

export interface RoundOutcome extends Headline {
  baselineWarming2100: number
  /** Sea-level rise in 2100 with no pledges, m. */
  baselineSeaLevel2100: number
  fund: { contributions: number; requests: number; balance: number }
  result: WorldClimateResult
}

const roundCache = new Map<string, RoundOutcome>()

/** Runs (or recalls) a World Climate round. */
export function analyseRound(round: Pick<Round, 'blocSet' | 'pledges'>): RoundOutcome {
  const key = `${round.blocSet}:${JSON.stringify(BLOCS[round.blocSet].map((b) => round.pledges[b.id] ?? null))}`
  let outcome = roundCache.get(key)
  if (!outcome) {
    const result = runWorldClimate(round.pledges, { blocs: round.blocSet, ...ANALYSIS_OPTIONS })
    const ghg = (year: number): number => {
      const k = Math.round(year - result.pledgeYears[0])
      return result.blocs.reduce((sum, b) => sum + b.ghgCo2e[k], 0)
    }
    outcome = { ...headlineOf(result, ghg), baselineWarming2100: result.baselineWarming2100, baselineSeaLevel2100: result.baselineSeaLevel2100, fund: result.climateFund, result }
    if (roundCache.size >= CACHE_MAX) roundCache.delete(roundCache.keys().next().value as string)
    roundCache.set(key, outcome)
  }
  return outcome
}
