import { createContext, useContext } from 'react'
import type { CldSession } from './session'

export const CldContext = createContext<CldSession | null>(null)

export function useCld(): CldSession {
  const cld = useContext(CldContext)
  if (!cld) throw new Error('Convene: a diagram part was rendered outside its diagram')
  return cld
}

/** Put keyboard focus on a variable's node (after it is rendered). */
export function focusVariable(id: string, attempts = 30): void {
  const node = document.querySelector<HTMLElement>(`.cld-canvas .react-flow__node[data-id="${CSS.escape(id)}"]`)
  node?.focus({ preventScroll: true })
  // A new node stays hidden (unfocusable) until React Flow has measured it: try again next frame.
  if (document.activeElement !== node && attempts > 0) requestAnimationFrame(() => focusVariable(id, attempts - 1))
}

export function cx(...names: (string | false | null | undefined | 0)[]): string {
  return names.filter(Boolean).join(' ')
}
