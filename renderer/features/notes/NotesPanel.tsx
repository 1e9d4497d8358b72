import type { ConveningSession } from '../../sync'
import { NotesPad } from './NotesPad'
import { ActionItems } from './ActionItems'
import { useT } from '../../i18n'
import './notes.css'

/** The group's shared notes and the action items they agree on. */
export function NotesPanel(props: { session: ConveningSession; readOnly: boolean }) {
  const t = useT()
  return (
    <div className="notes-layout">
      <section className="notes stack" aria-labelledby="notes-heading">
        <div>
          <h2 id="notes-heading">{t({ id: 'notes.title', defaultMessage: 'Shared notes' })}</h2>
          <p className="muted small" id="notes-help">
            {t({
              id: 'notes.help',
              defaultMessage:
                'Everyone in the convening can write here at the same time. It is saved on each person’s computer as you type. Use the toolbar (or Markdown: **bold**, # heading, - list, - [ ] checkbox) for simple formatting.',
              description: 'The Markdown marks (**, #, -, - [ ]) are typed as they are in every language.',
            })}
          </p>
        </div>
        <NotesPad session={props.session} readOnly={props.readOnly} />
      </section>
      <ActionItems session={props.session} readOnly={props.readOnly} />
    </div>
  )
}
