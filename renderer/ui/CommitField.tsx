import { useState, type InputHTMLAttributes, type KeyboardEvent, type TextareaHTMLAttributes } from 'react'

type FieldAttributes = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onBlur' | 'onKeyDown'>

/**
 * A field for a shared value that is written when the person is done, not on every
 * keystroke: on Enter (Ctrl+Enter in a multi-line field) or on leaving the field.
 * Escape puts back what is stored. While the person types, the draft stays theirs;
 * while nobody edits it, it shows the stored value, so other people's changes appear.
 *
 * A one-line value is stored trimmed, so spaces alone are no change; multi-line text
 * (notes, prompts) is stored as typed, so every character counts.
 */
export function CommitField(props: FieldAttributes & { value: string; onCommit: (value: string) => void; multiline?: boolean }) {
  const { value, onCommit, multiline = false, ...field } = props
  const [draft, setDraft] = useState<string | null>(null)
  const commit = (): void => {
    if (draft !== null && (multiline ? draft : draft.trim()) !== value) onCommit(draft)
    setDraft(null)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>): void => {
    if (event.key === 'Escape') {
      event.preventDefault()
      setDraft(null)
    } else if (event.key === 'Enter' && (!multiline || event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      commit()
    }
  }
  const common = {
    value: draft ?? value,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onBlur: commit,
    onKeyDown,
  }
  // What callers give suits both elements (a label, a placeholder, a length, read-only);
  // the input-only attributes (type, min) never come with `multiline`.
  if (multiline) return <textarea rows={2} {...(field as TextareaHTMLAttributes<HTMLTextAreaElement>)} {...common} />
  return <input {...field} {...common} />
}
