// What the harvest keeps of the climate simulation: the saved scenarios and the World
// Climate rounds with their numbers (the harvest draws its own charts from the series).
import type * as Y from 'yjs'
import { readPerson } from '../session/doc'
import { BLOCS } from './blocs'
import type { BlocSet } from './blocs'
import { analyseRound, analyseScenario, scenarioHeadline } from './compare'
import type { Headline } from './compare'
import { readLeverState, readScenarios } from './doc'
import { DEFAULT_LEVERS, LEVERS_BY_ID } from './levers'
import type { LeverId, LeverValues } from './levers'
import type { Pledge } from './pledges'
import { readWorld } from './worldDoc'

export interface HarvestLever {
  id: LeverId
  label: string
  group: string
  unit: string
  value: number
  statusQuo: number
}

export interface HarvestSeries {
  years: number[]
  values: number[]
}

export interface HarvestScenario {
  name: string
  savedBy: string
  savedAt: number
  headline: Headline
  /** Only the levers moved away from the status quo. */
  levers: HarvestLever[]
  /** Warming above 1850-1900, C, with the likely range, 2000-2100. */
  temperature: HarvestSeries & { low: number[]; high: number[] }
}

export interface HarvestRound {
  number: number
  blocSet: BlocSet
  ranBy: string
  ranAt: number
  headline: Headline
  baselineWarming2100: number
  baselineSeaLevel2100: number
  fund: { contributions: number; requests: number; balance: number }
  blocs: { id: string; name: string; pledge: Pledge; fossilCo2: HarvestSeries }[]
  temperature: HarvestSeries & { low: number[]; high: number[] }
}

export interface ClimateHarvest {
  /** The levers as they stand now; null when nobody moved one. */
  current: { headline: Headline; levers: HarvestLever[] } | null
  scenarios: HarvestScenario[]
  rounds: HarvestRound[]
}

const round3 = (v: number): number => Math.round(v * 1000) / 1000
const list = (a: ArrayLike<number>): number[] => Array.from(a, round3)

function movedLevers(values: LeverValues): HarvestLever[] {
  return (Object.keys(values) as LeverId[])
    .filter((id) => values[id] !== DEFAULT_LEVERS[id])
    .map((id) => {
      const lever = LEVERS_BY_ID[id]
      return { id, label: lever.label, group: lever.group, unit: lever.unit, value: values[id], statusQuo: lever.default }
    })
}

function temperatureOf(run: { years: Float64Array; temperature: Float64Array; temperatureLow?: Float64Array; temperatureHigh?: Float64Array }) {
  return {
    years: Array.from(run.years),
    values: list(run.temperature),
    low: list(run.temperatureLow ?? run.temperature),
    high: list(run.temperatureHigh ?? run.temperature),
  }
}

/** Everything of the climate simulation a harvest shows, as numbers. Pure; runs the model. */
export function readClimateForHarvest(doc: Y.Doc): ClimateHarvest {
  const nameOf = (id: string): string => readPerson(doc, id)?.name ?? 'someone'
  const { values, setBy } = readLeverState(doc)
  const current = Object.keys(setBy).length > 0 ? { headline: scenarioHeadline(analyseScenario(values)), levers: movedLevers(values) } : null
  const scenarios = readScenarios(doc).map((s): HarvestScenario => {
    const result = analyseScenario(s.levers)
    return {
      name: s.name, savedBy: nameOf(s.by), savedAt: s.at,
      headline: scenarioHeadline(result), levers: movedLevers(s.levers), temperature: temperatureOf(result),
    }
  })
  const rounds = readWorld(doc).rounds.map((r): HarvestRound => {
    const outcome = analyseRound(r)
    const { result } = outcome
    const { result: _result, baselineWarming2100, baselineSeaLevel2100, fund, ...headline } = outcome
    return {
      number: r.number, blocSet: r.blocSet, ranBy: nameOf(r.by), ranAt: r.at,
      headline, baselineWarming2100, baselineSeaLevel2100, fund,
      blocs: BLOCS[r.blocSet].map((bloc) => {
        const emissions = result.blocs.find((b) => b.id === bloc.id)
        return {
          id: bloc.id, name: bloc.name, pledge: r.pledges[bloc.id],
          fossilCo2: { years: Array.from(result.pledgeYears), values: list(emissions?.fossilCo2 ?? []) },
        }
      }),
      temperature: temperatureOf(result),
    }
  })
  return { current, scenarios, rounds }
}
