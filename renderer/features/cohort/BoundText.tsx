import { useState, type RefObject } from 'react'
import type * as Y from 'yjs'
import { useBoundText } from '../../ui'
import { useY } from '../../sync'
import { useT } from '../../i18n'
import { COHORT_ORIGIN } from './hooks'

type Field = HTMLInputElement | HTMLTextAreaElement

/**
 * One text of a card, bound to its Y.Text. For an author it is a field: each change
 * goes through `write` (which applies it as a minimal edit, or refuses), and others'
 * edits arrive in place with the caret kept where it was in the text (ui/useBoundText). For everyone
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
  const t = useT()
  const [problem, setProblem] = useState<string | null>(null)
  const value = useY(text, () => text.toString(), Object.is)
  const hintId = props.hint ? `${id}-hint` : undefined

  if (!editable) {
    return (
      <div className="cohort-read-field">
        <h4 className="cohort-read-label">{props.label}</h4>
        {value.trim() ? <p className="cohort-read-text">{value}</p> : <p className="muted small">{t({ id: 'cohort.card.nothingYet', defaultMessage: 'Nothing yet.' })}</p>}
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
  const { text, write, onProblem } = props
  const ref = useBoundText<Field>(text, { origin: COHORT_ORIGIN, write, onProblem })

  const common = { id: props.id, maxLength: props.maxLength, 'aria-describedby': props.hintId, spellCheck: true }
  return props.multiline ? (
    <textarea ref={ref as RefObject<HTMLTextAreaElement>} rows={4} className="cohort-textarea" {...common} />
  ) : (
    <input ref={ref as RefObject<HTMLInputElement>} {...common} />
  )
}
