import { useState, type KeyboardEvent } from 'react'

/**
 * A field that edits a shared value: the person's draft stays theirs while they type
 * (another facilitator's change shows once they leave the field), and it is written
 * once, on Enter or on leaving the field. Escape puts the shared value back.
 */
export function CommitField(props: {
  label: string
  value: string
  onCommit: (value: string) => void
  className?: string
  type?: 'text' | 'number'
  multiline?: boolean
  placeholder?: string
  suffix?: string
}) {
  const [draft, setDraft] = useState<string | null>(null)
  const shown = draft ?? props.value
  const commit = (): void => {
    if (draft !== null && draft !== props.value) props.onCommit(draft)
    setDraft(null)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>): void => {
    if (event.key === 'Escape') {
      event.preventDefault()
      setDraft(null)
    } else if (event.key === 'Enter' && (!props.multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      commit()
    }
  }
  const common = {
    'aria-label': props.label,
    value: shown,
    placeholder: props.placeholder,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: commit,
    onKeyDown,
  }
  return (
    <span className={`ag-field ${props.className ?? ''}`}>
      {props.multiline ? <textarea rows={2} {...common} /> : <input type={props.type ?? 'text'} min={props.type === 'number' ? 1 : undefined} {...common} />}
      {props.suffix && <span className="muted small">{props.suffix}</span>}
    </span>
  )
}
