export { CohortScreen } from './CohortScreen'
export { CohortsSection } from './CohortsSection'
export { joinCohort } from './records'
