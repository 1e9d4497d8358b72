import { useState } from 'react'
import { TITLE_MAX, metaMap, readTitle, setTitle } from '../../../shared/session'
import { useY, type ConveningSession } from '../../sync'
import { useT, useRefusal } from '../../i18n'

/**
 * The convening's title: shared, last writer wins. Edits are committed on Enter or
 * when focus leaves; Escape puts back the shared title.
 */
export function TitleEditor(props: {
  session: ConveningSession
  readOnly: boolean
  /** For a room that is not a convening (a cohort): what the field is called, and what shows until it arrives. */
  label?: string
  waiting?: string
}) {
  const { doc } = props.session
  const t = useT()
  const refusal = useRefusal()
  const shared = useY(metaMap(doc), () => readTitle(doc), Object.is)
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  function commit() {
    if (draft === null) return
    const result = setTitle(doc, draft)
    if (!result.ok) return setError(refusal(result))
    setError(null)
    setDraft(null)
  }

  if (!shared && draft === null) {
    return (
      <h1 className="convening-title-heading muted" aria-live="polite">
        {props.waiting ?? t({ id: 'convening.title.waiting', defaultMessage: 'Waiting for the convening to arrive from the others…' })}
      </h1>
    )
  }
  return (
    <div className="title-editor">
      <h1 className="sr-only">{shared}</h1>
      <label className="sr-only" htmlFor="convening-title">
        {props.label ?? t({ id: 'convening.title.label', defaultMessage: 'Convening title' })}
      </label>
      <input
        id="convening-title"
        className="title-input"
        value={draft ?? shared}
        title={shared}
        maxLength={TITLE_MAX}
        readOnly={props.readOnly}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'convening-title-error' : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit()
          if (event.key === 'Escape') {
            setDraft(null)
            setError(null)
          }
        }}
      />
      {error && (
        <span id="convening-title-error" className="error small" role="alert">
          {error}
        </span>
      )}
    </div>
  )
}
