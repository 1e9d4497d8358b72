export { JournalPanel } from './JournalPanel'
