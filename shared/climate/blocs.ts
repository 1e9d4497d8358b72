// World Climate delegations: 3 blocs (Developed, Developing A, Developing B) or 6
// (USA, EU, Other developed, China, India, Other developing), with their shares of
// emissions today, historically and in the baseline of 2100 (resources/climate/blocs.json).
import data from '../../resources/climate/blocs.json'

export type BlocSet = 'three' | 'six'

export interface Bloc {
  id: string
  name: string
  developed: boolean
  /** Population 2024, billion. */
  population: number
  /** Share of world GDP at purchasing-power parity, 2023. */
  gdpShare: number
  /** Who is in it (3-bloc set only). */
  members?: string
  /** Shares of world emissions today (fossil CO2 2023, land CO2, CH4, N2O) and of cumulative fossil CO2 1850-2022. */
  share: { co2Fossil: number; co2FossilCumulative: number; co2Land: number; ch4: number; n2o: number }
  /** Share of world fossil CO2 in the 2100 baseline (shares move linearly in between). */
  share2100: { co2Fossil: number }
  /** Share of the world's land suitable for new or restored forest. */
  afforestationPotential: number
}

export const BLOCS: Readonly<Record<BlocSet, readonly Bloc[]>> = { three: data.three, six: data.six }

export const BLOC_SETS: readonly BlocSet[] = ['three', 'six']

/** The bloc's share of world fossil CO2 in the baseline, in `year` (2024-2100). */
export function baselineShare(bloc: Bloc, year: number): number {
  const along = Math.min(Math.max((year - 2024) / (2100 - 2024), 0), 1)
  return bloc.share.co2Fossil + (bloc.share2100.co2Fossil - bloc.share.co2Fossil) * along
}
