import { useEffect, type RefObject } from 'react'
import type { Point } from '../geometry'
import type { CldSession } from './session'
import { afterCopy, pasteText, selectionText } from './transfer'
import { isEditable } from '../../../ui'

/** The system clipboard: copy, cut and paste while the canvas (not a text field inside it) has focus. */
export function useClipboard(cld: CldSession, canvas: RefObject<HTMLElement | null>, where: () => Point): void {
  useEffect(() => {
    const inside = (): boolean => !!canvas.current?.contains(document.activeElement) && !isEditable(document.activeElement)
    const onCopy = (cut: boolean) => (event: ClipboardEvent) => {
      if (!inside()) return
      const text = selectionText(cld)
      event.preventDefault()
      if (text === null) return
      event.clipboardData?.setData('text/plain', text)
      afterCopy(cld, cut)
    }
    const copy = onCopy(false)
    const cut = onCopy(true)
    const paste = (event: ClipboardEvent): void => {
      if (!inside()) return
      event.preventDefault()
      pasteText(cld, event.clipboardData?.getData('text/plain') ?? '', where())
    }
    document.addEventListener('copy', copy)
    document.addEventListener('cut', cut)
    document.addEventListener('paste', paste)
    return () => {
      document.removeEventListener('copy', copy)
      document.removeEventListener('cut', cut)
      document.removeEventListener('paste', paste)
    }
  }, [cld, canvas, where])
}
