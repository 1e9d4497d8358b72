// The always-visible run of show (segment now, timers, hands, reactions, pause
// signal, follow and summon, breakout banners), the panel control that lets them move
// the view, and the pieces other panels show (local time, roles).
export { FacilitationStrip } from './FacilitationStrip'
export { usePanel, panelControl, PANEL_MESSAGES } from './panelControl'
export { HandsQueue } from './HandsQueue'
export { PLACE, SEGMENT_KIND_NAMES } from './words'
export { ConfirmRole, PersonExtras, RoleCell, RoleControls, RoleText, LocalTime } from './PersonExtras'
export { useTicking } from './ticking'
export { clock, dayTime, duration, zoneCity, zoneOrUtc } from './times'
export { useController } from './useController'
export { agendaTypes, runTypes, useFacilitates } from './hooks'
