import { createContext, useContext } from 'react'
import type { CldSession } from './session'

export const CldContext = createContext<CldSession | null>(null)

export function useCld(): CldSession {
  const cld = useContext(CldContext)
  if (!cld) throw new Error('Convene: a diagram part was rendered outside its diagram')
  return cld
}

/**
 * Put keyboard focus on a variable's node (after it is rendered). A new node stays hidden
 * (unfocusable) until React Flow has measured it, so this tries again on the next frames,
 * but only while nobody has put focus anywhere else: a person who double-clicks straight
 * away to name the next variable keeps the focus in that field (taking it would blur the
 * field, and an empty field is dropped).
 */
export function focusVariable(id: string, attempts = 30, from: Element | null = document.activeElement): void {
  const node = document.querySelector<HTMLElement>(`.cld-canvas .react-flow__node[data-id="${CSS.escape(id)}"]`)
  node?.focus({ preventScroll: true })
  if (document.activeElement === node || attempts <= 0) return
  requestAnimationFrame(() => {
    const now = document.activeElement
    const free = !now || now === document.body || now === from || !now.isConnected || now.matches('.cld-canvas')
    if (free) focusVariable(id, attempts - 1, from)
  })
}

export function cx(...names: (string | false | null | undefined | 0)[]): string {
  return names.filter(Boolean).join(' ')
}
