import type { FormEvent } from 'react'

/** The message after an action (a refusal, or something to notice), announced politely. */
export function Notice(props: { text: string }) {
  return (
    <p className="cv-notice" role="status" aria-live="polite">
      {props.text}
    </p>
  )
}

/** A form's submit handler that stays on the page and runs `action`. */
export function submitted(action: () => void): (event: FormEvent) => void {
  return (event) => {
    event.preventDefault()
    action()
  }
}
