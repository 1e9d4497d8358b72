import { useEffect, useRef, useState, type RefObject } from 'react'
import type * as Y from 'yjs'
import { shiftPosition } from '../../../shared/session'
import { COHORT_ORIGIN, useYValue } from './hooks'

type Field = HTMLInputElement | HTMLTextAreaElement

/**
 * One text of a card, bound to its Y.Text. For an author it is a field: each change
 * goes through `write` (which applies it as a minimal edit, or refuses), and others'
 * edits arrive in place with the caret kept where it was in the text. For everyone
 * else it is the text itself, easier to read on a shared screen than a locked field.
 */
export function BoundText(props: {
  id: string
  label: string
  hint?: string
  text: Y.Text
  multiline: boolean
  maxLength: number
  editable: boolean
  write: (value: string, cursor: number) => string | null
}) {
  const { id, text, editable } = props
  const [problem, setProblem] = useState<string | null>(null)
  const value = useYValue([text], () => text.toString())
  const hintId = props.hint ? `${id}-hint` : undefined

  if (!editable) {
    return (
      <div className="cohort-read-field">
        <h4 className="cohort-read-label">{props.label}</h4>
        {value.trim() ? <p className="cohort-read-text">{value}</p> : <p className="muted small">Nothing yet.</p>}
      </div>
    )
  }
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <span id={hintId} className="muted small">
          {props.hint}
        </span>
      )}
      <EditableText {...props} hintId={hintId} onProblem={setProblem} />
      {problem && (
        <span className="error small" role="alert">
          {problem}
        </span>
      )}
    </div>
  )
}

function EditableText(props: {
  id: string
  text: Y.Text
  multiline: boolean
  maxLength: number
  hintId?: string
  write: (value: string, cursor: number) => string | null
  onProblem: (message: string | null) => void
}) {
  const ref = useRef<Field>(null)
  const { text, write, onProblem } = props

  useEffect(() => {
    const field = ref.current
    if (!field) return
    field.value = text.toString()
    const onInput = (): void => {
      const refusal = write(field.value, field.selectionEnd ?? field.value.length)
      onProblem(refusal)
      // A refused edit never stays on screen as if it were saved.
      if (refusal) field.value = text.toString()
    }
    const onRemote = (event: Y.YTextEvent, transaction: Y.Transaction): void => {
      if (transaction.origin === COHORT_ORIGIN && transaction.local) return
      const focused = document.activeElement === field
      const start = shiftPosition(field.selectionStart ?? 0, event.delta)
      const end = shiftPosition(field.selectionEnd ?? 0, event.delta)
      field.value = text.toString()
      if (focused) field.setSelectionRange(start, end)
    }
    field.addEventListener('input', onInput)
    text.observe(onRemote)
    return () => {
      field.removeEventListener('input', onInput)
      text.unobserve(onRemote)
    }
  }, [text, write, onProblem])

  const common = { id: props.id, maxLength: props.maxLength, 'aria-describedby': props.hintId, spellCheck: true }
  return props.multiline ? (
    <textarea ref={ref as RefObject<HTMLTextAreaElement>} rows={4} className="cohort-textarea" {...common} />
  ) : (
    <input ref={ref as RefObject<HTMLInputElement>} {...common} />
  )
}
