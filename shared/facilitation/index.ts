// The run of show: the shared clock and timers, the agenda and its arithmetic,
// attention (summon, follow, hands), breakouts, time zones, templates, dot votes,
// and the reader the harvest uses.
export * from './clock'
export * from './schema'
export * from './agenda'
export * from './plan'
export * from './run'
export * from './attention'
export * from './timers'
export * from './breakouts'
export * from './presence'
export * from './timezones'
export * from './templates'
export * from './harvest'
export * from './votes'
export * from './locks'
