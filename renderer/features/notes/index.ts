export { NotesPanel } from './NotesPanel'
