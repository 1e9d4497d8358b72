import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { Icon } from './icons'
import { useT } from '../i18n'

/**
 * "More": the controls a one-line bar has no room for, behind one button. A disclosure
 * (not an ARIA menu: it holds ordinary buttons and checkboxes, reached with Tab). Escape
 * or a click elsewhere closes it, and focus goes back to the button.
 */
export function MoreMenu(props: { label: string; children: ReactNode; testId?: string }) {
  const [open, setOpen] = useState(false)
  const t = useT()
  const id = useId()
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!open) return
    const away = (event: PointerEvent): void => {
      if (!root.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', away)
    return () => document.removeEventListener('pointerdown', away)
  }, [open])
  return (
    <div
      className="more"
      ref={root}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return
        event.preventDefault()
        event.stopPropagation()
        setOpen(false)
        button.current?.focus()
      }}
    >
      <button ref={button} type="button" className="button small-button more-button" aria-expanded={open} aria-controls={id} aria-label={props.label} title={props.label} data-testid={props.testId} onClick={() => setOpen(!open)}>
        <Icon name="more" />
        <span className="more-text" aria-hidden="true">
          {t({ id: 'ui.more', defaultMessage: 'More' })}
        </span>
      </button>
      <div id={id} className="more-body" role="group" aria-label={props.label} hidden={!open}>
        {props.children}
      </div>
    </div>
  )
}
