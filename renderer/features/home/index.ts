export { HomeScreen } from './HomeScreen'
// The page an invite link opens.
export { JoinScreen } from './JoinScreen'
// The create form, which the cohorts section on home reuses for starting a cohort.
export { CreateForm, type CreateTarget } from './CreateForm'
