/** Why something was refused, read out as soon as it appears. */
export function Problem({ message }: { message: string | null }) {
  if (!message) return null
  return (
    <p className="error small" role="alert">
      {message}
    </p>
  )
}

/** A form's main button, at the end of its row. */
export function SubmitRow({ label, disabled }: { label: string; disabled?: boolean }) {
  return (
    <div className="row end">
      <button type="submit" className="button primary" disabled={disabled}>
        {label}
      </button>
    </div>
  )
}
