import { useEffect, useRef } from 'react'
import type * as Y from 'yjs'
import { ORIGINS, applyTextValue, notesText, shiftPosition } from '../../../shared/session'
import type { ConveningSession } from '../../sync'

/**
 * The shared notes pad: a plain textarea bound to the document's Y.Text. Local input
 * becomes minimal Y.Text edits; remote edits update the field while keeping this
 * person's caret and selection where they were in the text.
 */
export function NotesPanel(props: { session: ConveningSession; readOnly: boolean }) {
  const ref = useRef<HTMLTextAreaElement>(null)
  const text = notesText(props.session.doc)

  useEffect(() => {
    const field = ref.current
    if (!field) return
    field.value = text.toString()
    const onInput = (): void => applyTextValue(text, field.value, ORIGINS.notes, field.selectionEnd)
    const onRemote = (event: Y.YTextEvent, transaction: Y.Transaction): void => {
      if (transaction.origin === ORIGINS.notes && transaction.local) return
      const focused = document.activeElement === field
      const start = shiftPosition(field.selectionStart, event.delta)
      const end = shiftPosition(field.selectionEnd, event.delta)
      field.value = text.toString()
      if (focused) field.setSelectionRange(start, end)
    }
    field.addEventListener('input', onInput)
    text.observe(onRemote)
    return () => {
      field.removeEventListener('input', onInput)
      text.unobserve(onRemote)
    }
  }, [text])

  return (
    <section className="notes stack" aria-labelledby="notes-heading">
      <div>
        <h2 id="notes-heading">Shared notes</h2>
        <p className="muted small" id="notes-help">
          Everyone in the convening can write here at the same time. It is saved on each person&rsquo;s computer as
          you type.
        </p>
      </div>
      <label className="sr-only" htmlFor="notes-pad">
        Shared notes
      </label>
      <textarea
        id="notes-pad"
        ref={ref}
        className="notes-pad"
        aria-describedby="notes-help"
        readOnly={props.readOnly}
        spellCheck
        placeholder="What is this convening for? What do we want to remember?"
      />
    </section>
  )
}
