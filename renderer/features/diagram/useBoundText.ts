import { useEffect, useRef } from 'react'
import type * as Y from 'yjs'
import { applyTextValue, shiftPosition } from '../../../shared/session'
import { DIAGRAM_ORIGIN } from './undo'

/**
 * A textarea bound to a Y.Text (as the shared notes pad is): each input becomes a
 * minimal edit, and other people's edits update the field while keeping my caret.
 * `beforeEdit` runs before each local edit (to group keystrokes into one undo step).
 */
export function useBoundText(text: Y.Text | null, beforeEdit?: () => void) {
  const ref = useRef<HTMLTextAreaElement>(null)
  const before = useRef(beforeEdit)
  useEffect(() => {
    before.current = beforeEdit
  })
  useEffect(() => {
    const field = ref.current
    if (!field || !text) return
    field.value = text.toString()
    const onInput = (): void => {
      before.current?.()
      applyTextValue(text, field.value, DIAGRAM_ORIGIN, field.selectionEnd)
    }
    const onChange = (event: Y.YTextEvent, transaction: Y.Transaction): void => {
      if (transaction.local && transaction.origin === DIAGRAM_ORIGIN && document.activeElement === field && field.value === text.toString()) return
      const focused = document.activeElement === field
      const start = shiftPosition(field.selectionStart, event.delta)
      const end = shiftPosition(field.selectionEnd, event.delta)
      field.value = text.toString()
      if (focused) field.setSelectionRange(start, end)
    }
    field.addEventListener('input', onInput)
    text.observe(onChange)
    return () => {
      field.removeEventListener('input', onInput)
      text.unobserve(onChange)
    }
  }, [text])
  return ref
}
