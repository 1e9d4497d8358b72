import type { FormEvent } from 'react'
import type { NoticeValue } from './hooks'

/** The message after an action (a refusal, or news that it worked), announced politely. */
export function Notice(props: { text: NoticeValue | string }) {
  const { text, tone } = typeof props.text === 'string' ? { text: props.text, tone: 'problem' } : props.text
  return (
    <p className={`cv-notice cv-notice-${tone}`} role="status" aria-live="polite">
      {text}
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
