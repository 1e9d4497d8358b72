// The climate model: emissions -> carbon cycle -> forcing -> temperature (core.ts),
// policy levers -> energy-economy -> emissions (policy.ts, landAndGases.ts), and
// World Climate pledges -> emissions (worldClimate.ts). Pure and fast: a full
// 1750-2100 run takes well under a millisecond.
export { runClimate, percentile, temperatureBand } from './run'
export type { BandOptions, ClimateOptions, ClimateRun } from './run'
export { runScenario, GWP100, co2Equivalent } from './scenario'
export type { ScenarioOptions, ScenarioResult } from './scenario'
export { runWorldClimate } from './worldClimate'
export type { BlocEmissions, WorldClimateOptions, WorldClimateResult } from './worldClimate'
export { BLOCS, BLOC_SETS } from './blocs'
export type { Bloc, BlocSet } from './blocs'
export { checkPledges, pledgedEmissions, NO_PLEDGE, pledgeSchema, FIRST_PLEDGE_YEAR, LAST_PLEDGE_YEAR, PLEDGE_MESSAGES } from './pledges'
export type { Pledge, PledgeInput } from './pledges'
export { LEVERS, LEVER_GROUPS, LEVER_IDS, LEVERS_BY_ID, DEFAULT_LEVERS, isLeverId } from './levers'
export type { Lever, LeverGroup, LeverId, LeverValues } from './levers'
export { SOURCES } from './energyData'
export type { Source } from './energyData'
export { checkLevers, combinationIssues, parseScenarioFile, scenarioFileSchema, LEVER_COMBINATION_MESSAGES } from './scenarioFile'
export { parseEmissionsCsv, CSV_COLUMNS } from './csv'
export { ClimateInputError, describeIssue } from './errors'
export type { InputIssue } from './errors'
export { referencePathways } from './comparison'
export type { ReferencePathway } from './comparison'
export { SSP_IDS, SSP_LABELS, sspEmissions, FIRST_YEAR, LAST_YEAR } from './reference'
export type { EmissionsArrays, SspId } from './reference'
export { runCore, runCoreInto, createCoreResult } from './core'
export type { CoreResult, EmissionsSeries } from './core'
export { DEFAULT_PARAMS, ENSEMBLE } from './params'
export type { ClimateParams } from './params'
export {
  historicalChecks, sspOutcomes, sspWarming, TARGETS, AR6_WARMING_2041_2060, AR6_WARMING_2081_2100, AR6_SEA_LEVEL_2100,
} from './calibrate'
export {
  CLIMATE_MESSAGES, HISTORY_MAX, SCENARIOS_MAX, SCENARIO_NAME_MAX, canMoveLevers, climateMap, deleteScenario, leversFromRecord, makePossible,
  readHistory, readLeverState, readScenarios, saveScenario, setAllLevers, setLever, setLeversLocked,
} from './doc'
export type { ClimateResult, ClimateWriteError, HistoryEntry, LeverLock, LeverMove, LeverState, SavedScenario } from './doc'
export {
  ROUNDS_MAX, STAGE_VIEWS, WORLD_CLIMATE_MESSAGES, assignDelegation, assignEvenly, canPledgeFor, evenAssignment, readBlocSet, readDelegations,
  pledgeShownTo, readRounds, readWorld, runRound, savePledge, setBlocSet, setSealed, setStage,
} from './worldDoc'
export type { PledgeResult, Round, SavedPledge, StageView, WorldState } from './worldDoc'
export { EARLIER_MAX, EARLIER_ROUNDS_MESSAGES, bringEarlierRounds, readEarlierRounds, removeEarlierRounds } from './earlierRounds'
export type { EarlierRounds } from './earlierRounds'
export { ANALYSIS_OPTIONS, SHOWN_FROM, analyseRound, analyseScenario, leverDifferences, scenarioHeadline } from './compare'
export type { Headline, RoundOutcome } from './compare'
export { readClimateForHarvest } from './harvest'
export type { ClimateHarvest, HarvestLever, HarvestRound, HarvestScenario, HarvestSeries } from './harvest'
export { DEBRIEF, DebriefSchema } from './debrief'
export type { Debrief } from './debrief'
export { parseGuide, parseGuideInline } from './guide'
export type { GuideBlock, GuideInline } from './guide'
export { keepSignedLevers, signerFor, SIGNED_LEVERS_ORIGIN } from './signedLevers'
