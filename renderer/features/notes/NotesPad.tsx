import { useState, type KeyboardEvent } from 'react'
import type * as Y from 'yjs'
import { ORIGINS, applyTextValue, notesText } from '../../../shared/session'
import { applyNoteFormat, continueList, type NoteFormat, type TextSelection } from '../../../shared/notes'
import { useY, type ConveningSession } from '../../sync'
import { NotesToolbar } from './NotesToolbar'
import { NotesPreview } from './NotesPreview'
import { useBoundText } from '../../ui'
import { useT } from '../../i18n'

/**
 * The shared notes pad: a plain textarea bound to the document's Y.Text
 * (ui/useBoundText: minimal edits out, others' edits in around my caret). Formatting is Markdown
 * in the text itself (the toolbar types the marks), so it merges like any typing and
 * exports exactly as written.
 */
export function NotesPad(props: { session: ConveningSession; readOnly: boolean }) {
  const text = notesText(props.session.doc)
  const ref = useBoundText(text, { origin: ORIGINS.notes })
  const [previewing, setPreviewing] = useState(false)
  const t = useT()


  /** Put a formatted value in the field and the document as one edit, keeping the caret. */
  function commit(next: TextSelection): void {
    const field = ref.current
    if (!field) return
    field.value = next.value
    field.setSelectionRange(next.start, next.end)
    applyTextValue(text, next.value, ORIGINS.notes, next.end)
  }

  function selection(): TextSelection | null {
    const field = ref.current
    return field ? { value: field.value, start: field.selectionStart, end: field.selectionEnd } : null
  }

  function format(kind: NoteFormat): void {
    const current = selection()
    if (!current || props.readOnly) return
    commit(applyNoteFormat(current, kind))
    ref.current?.focus()
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void {
    if (props.readOnly) return
    const mod = event.ctrlKey || event.metaKey
    if (mod && !event.altKey && (event.key === 'b' || event.key === 'i')) {
      event.preventDefault()
      format(event.key === 'b' ? 'bold' : 'italic')
    } else if (event.key === 'Enter' && !mod && !event.shiftKey && !event.altKey) {
      const current = selection()
      const next = current && continueList(current)
      if (next) {
        event.preventDefault()
        commit(next)
      }
    }
  }

  return (
    <div className="notes-pad-area stack">
      <div className="row wrap notes-bar">
        <NotesToolbar onFormat={format} disabled={props.readOnly || previewing} controls="notes-pad" />
        <div className="notes-mode" role="group" aria-label={t({ id: 'notes.mode', defaultMessage: 'Show the notes' })}>
          <button type="button" className="notes-mode-button" aria-pressed={!previewing} onClick={() => setPreviewing(false)}>
            {t({ id: 'notes.mode.write', defaultMessage: 'Write' })}
          </button>
          <button type="button" className="notes-mode-button" aria-pressed={previewing} onClick={() => setPreviewing(true)}>
            {t({ id: 'notes.mode.preview', defaultMessage: 'Preview' })}
          </button>
        </div>
      </div>
      <label className="sr-only" htmlFor="notes-pad">
        {t({ id: 'notes.title', defaultMessage: 'Shared notes' })}
      </label>
      {/* Stays mounted while previewing: its binding to the document lives with it. */}
      <textarea
        id="notes-pad"
        ref={ref}
        className="notes-pad"
        aria-describedby="notes-help"
        readOnly={props.readOnly}
        hidden={previewing}
        spellCheck
        onKeyDown={onKeyDown}
        placeholder={t({ id: 'notes.placeholder', defaultMessage: 'What is this convening for? What do we want to remember?' })}
      />
      {previewing && <Preview text={text} />}
    </div>
  )
}

function Preview(props: { text: Y.Text }) {
  const value = useY(props.text, () => props.text.toString(), Object.is)
  const t = useT()
  return (
    <div className="notes-preview" role="region" aria-label={t({ id: 'notes.formatted', defaultMessage: 'Shared notes, formatted' })} tabIndex={0}>
      <NotesPreview text={value} />
    </div>
  )
}
