// The agenda panel: run of show, breakouts, timers, time zones and roles.
export { AgendaPanel } from './AgendaPanel'
