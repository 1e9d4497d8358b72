import type { ConveningSession } from '../../sync'
import { NotesPad } from './NotesPad'
import { ActionItems } from './ActionItems'
import './notes.css'

/** The group's shared notes and the action items they agree on. */
export function NotesPanel(props: { session: ConveningSession; readOnly: boolean }) {
  return (
    <div className="notes-layout">
      <section className="notes stack" aria-labelledby="notes-heading">
        <div>
          <h2 id="notes-heading">Shared notes</h2>
          <p className="muted small" id="notes-help">
            Everyone in the convening can write here at the same time. It is saved on each person&rsquo;s computer as
            you type. Use the toolbar (or Markdown: **bold**, # heading, - list, - [ ] checkbox) for simple formatting.
          </p>
        </div>
        <NotesPad session={props.session} readOnly={props.readOnly} />
      </section>
      <ActionItems session={props.session} readOnly={props.readOnly} />
    </div>
  )
}
