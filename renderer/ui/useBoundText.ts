import { useEffect, useRef, type RefObject } from 'react'
import type * as Y from 'yjs'
import { applyTextValue, shiftPosition, type Origin } from '../../shared/session'

type Field = HTMLTextAreaElement | HTMLInputElement

export interface BoundTextOptions {
  /** The origin this field's own edits are written with. */
  origin: Origin
  /** Runs before each local edit (the diagram groups keystrokes into one undo step). */
  beforeEdit?: () => void
  /**
   * Writes the field's new value instead of the plain minimal edit (a feature that
   * checks permissions first); returns a refusal message or null. A refused edit is
   * taken off the screen at once: it never looks saved.
   */
  write?: (value: string, cursor: number) => string | null
  onProblem?: (message: string | null) => void
}

/**
 * A text field bound to a Y.Text, for every shared text in Convene (notes, sticky
 * notes, project cards). Each input becomes a minimal Y.Text edit. Someone else's edit
 * is applied to the field as the same small edits with setRangeText('preserve'): the
 * browser keeps this person's caret and selection where they were in the text,
 * focused or not, and nothing fires 'input'. If the field is out of step anyway (an
 * edit not seen as input yet), it takes the document's text and keeps the caret.
 *
 * The options are read through a ref, so passing new callbacks on each render never
 * rebinds the field (which would reset it under the typist's caret).
 */
export function useBoundText<F extends Field = HTMLTextAreaElement>(text: Y.Text | null, options: BoundTextOptions): RefObject<F | null> {
  const ref = useRef<F>(null)
  const latest = useRef(options)
  const everBound = useRef(false)
  useEffect(() => {
    latest.current = options
  })
  useEffect(() => {
    const field = ref.current
    if (!field || !text) return
    const onInput = (): void => {
      const { beforeEdit, write, onProblem, origin } = latest.current
      beforeEdit?.()
      const cursor = field.selectionEnd ?? field.value.length
      if (!write) return void applyTextValue(text, field.value, origin, cursor)
      const refusal = write(field.value, cursor)
      onProblem?.(refusal)
      if (refusal) field.value = text.toString()
    }
    const onChange = (event: Y.YTextEvent, transaction: Y.Transaction): void => {
      const expected = text.toString()
      // My own typing: the field already shows it.
      if (transaction.local && transaction.origin === latest.current.origin && field.value === expected) return
      let index = 0
      for (const op of event.delta) {
        if (op.retain !== undefined) index += op.retain
        else if (typeof op.insert === 'string') {
          field.setRangeText(op.insert, index, index, 'preserve')
          index += op.insert.length
        } else if (op.delete !== undefined) field.setRangeText('', index, index + op.delete, 'preserve')
      }
      if (field.value !== expected) {
        const start = shiftPosition(field.selectionStart ?? 0, event.delta)
        const end = shiftPosition(field.selectionEnd ?? 0, event.delta)
        field.value = expected
        if (document.activeElement === field) field.setSelectionRange(start, end)
      }
    }
    // A new note is focused as soon as it appears, and quick typing can reach the
    // field before this binding runs: those keys are this person's edit, not noise.
    if (!everBound.current && text.length === 0 && field.value !== '') onInput()
    else field.value = text.toString()
    everBound.current = true
    field.addEventListener('input', onInput)
    text.observe(onChange)
    return () => {
      field.removeEventListener('input', onInput)
      text.unobserve(onChange)
    }
  }, [text])
  return ref
}
