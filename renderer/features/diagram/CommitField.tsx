import { useState, type InputHTMLAttributes } from 'react'

/**
 * A text field for a shared value that is written when the person is done (Enter or
 * leaving the field), not on every keystroke; Escape puts back what is stored. While
 * it is not being edited it shows the stored value, so other people's changes appear.
 */
export function CommitField(props: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & { value: string; onCommit: (text: string) => void }) {
  const { value, onCommit, ...rest } = props
  const [draft, setDraft] = useState<string | null>(null)
  const commit = (): void => {
    if (draft !== null && draft.trim() !== value) onCommit(draft)
    setDraft(null)
  }
  return (
    <input
      {...rest}
      value={draft ?? value}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit()
        else if (event.key === 'Escape') setDraft(null)
      }}
    />
  )
}
