import { useEffect, useRef, type ReactNode } from 'react'
import { useT } from '../i18n'

/**
 * A modal built on <dialog>: the browser traps focus, closes on Escape, restores focus
 * afterwards and tells screen readers it is modal.
 */
export function Dialog(props: { title: string; open: boolean; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null)
  const t = useT()
  const { open, onClose } = props
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      dialog.showModal()
      // The field a dialog is for (marked data-autofocus) takes the focus at once, in the
      // same turn as the key that opened it, so nothing typed next is lost.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    }
    if (!open && dialog.open) dialog.close()
  }, [open])
  return (
    <dialog
      ref={ref}
      className={props.wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby="dialog-title"
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      {open && (
        <>
          <header className="dialog-header">
            <h2 id="dialog-title">{props.title}</h2>
            <button type="button" className="icon-button" aria-label={t({ id: 'common.close', defaultMessage: 'Close' })} onClick={onClose}>
              ×
            </button>
          </header>
          <div className="dialog-body">{props.children}</div>
        </>
      )}
    </dialog>
  )
}

export function ConfirmDialog(props: {
  title: string
  message: ReactNode
  confirmLabel: string
  open: boolean
  danger?: boolean
  onConfirm: () => void
  onCancel: () => void
}) {
  const t = useT()
  return (
    <Dialog title={props.title} open={props.open} onClose={props.onCancel}>
      <p>{props.message}</p>
      <div className="row end">
        <button type="button" className="button" onClick={props.onCancel} autoFocus>
          {t({ id: 'common.cancel', defaultMessage: 'Cancel' })}
        </button>
        <button type="button" className={props.danger ? 'button danger' : 'button primary'} onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  )
}
