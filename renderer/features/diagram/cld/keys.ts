import type { KeyboardEvent } from 'react'
import { freePlace, type Polarity, type Rect } from '../../../../shared/diagram'
import type { Point } from '../geometry'
import type { CldSession } from './session'
import { isEditable } from '../../../ui'

export interface KeyEnvironment {
  cld: CldSession
  /** The middle of what this person sees, in flow coordinates. */
  viewCentre: () => Point
  pan: (dx: number, dy: number) => void
  openHelp: () => void
  focusCanvas: () => void
}

const ARROWS: Record<string, Point> = { ArrowLeft: { x: -1, y: 0 }, ArrowRight: { x: 1, y: 0 }, ArrowUp: { x: 0, y: -1 }, ArrowDown: { x: 0, y: 1 } }
const POLARITY_KEYS: Record<string, Polarity> = { '+': '+', '=': '+', '-': '-', _: '-', '?': '?' }

/** A variable's room on the map before it is measured (a short name). */
const NEW_VARIABLE = { width: 150, height: 48 }

/**
 * Where a new thing of `size` goes: free space inside what this person sees, nearest to
 * `at` (shared/diagram/layout.ts `freePlace`), so it neither covers a variable nor lands
 * out of sight; when the view is full it goes beside the map and the view moves to it
 * (unless `pan` is false: a caller that shows the new things itself).
 */
/** The boxes variables take on the map, from the store's positions and sizes (a variable not yet measured takes NEW_VARIABLE). */
export function variableRects(cld: CldSession, ids: Iterable<string>): Rect[] {
  const rects: Rect[] = []
  for (const id of ids) {
    const p = cld.store.position(id)
    if (!p) continue
    const s = cld.store.size(id) ?? NEW_VARIABLE
    rects.push({ left: p.x - s.width / 2, top: p.y - s.height / 2, right: p.x + s.width / 2, bottom: p.y + s.height / 2 })
  }
  return rects
}

export function placeInView(cld: CldSession, size: { width: number; height: number }, at: Point, pan = true): Point {
  const occupied = variableRects(cld, cld.store.variables.keys())
  const view = cld.viewRect() ?? { left: at.x - 400, top: at.y - 250, right: at.x + 400, bottom: at.y + 250 }
  const place = freePlace(size, occupied, view, at)
  if (!place.inView && pan) cld.showPoint(place.at)
  return place.at
}

/** A free spot for a new variable: see `placeInView`. */
export function freeSpot(cld: CldSession, at: Point): Point {
  return placeInView(cld, NEW_VARIABLE, at)
}

export function startRename(cld: CldSession, id: string): void {
  if (cld.readOnly) return
  cld.store.setSelection([id])
  cld.editing.set(id)
}

/**
 * The canvas keys (the same as the toolbar's buttons). Returns true when the key was
 * used. Keys typed into a field are never taken.
 */
export function handleCanvasKey(event: KeyboardEvent, env: KeyEnvironment): boolean {
  const { cld } = env
  if (isEditable(event.target) || event.altKey) return false
  const mod = event.ctrlKey || event.metaKey
  const nodeId = (event.target as HTMLElement).closest?.('.react-flow__node')?.getAttribute('data-id') ?? null
  const onLink = !!(event.target as HTMLElement).closest?.('.react-flow__edge')
  const { variables, links } = cld.store.selection.get()
  if (mod) {
    if (event.key.toLowerCase() !== 'a') return false
    cld.store.selectAll()
    return true
  }
  const arrow = ARROWS[event.key]
  if (arrow) {
    // A focused, selected variable is moved by React Flow itself (and committed as a nudge).
    if (nodeId && variables.includes(nodeId)) return false
    const step = event.shiftKey ? 40 : 10
    if (variables.length > 0 && !cld.readOnly && !cld.store.viewing) {
      const positions: Record<string, Point> = {}
      for (const id of variables) {
        const p = cld.store.position(id)
        if (p) positions[id] = { x: p.x + arrow.x * step, y: p.y + arrow.y * step }
      }
      cld.actions.move(positions, true)
    } else env.pan(arrow.x * step * 6, arrow.y * step * 6)
    return true
  }
  const polarity = POLARITY_KEYS[event.key]
  if (polarity) {
    if (links.length > 0) cld.actions.setPolarity(links, polarity)
    else if (event.key === '?') env.openHelp()
    else cld.notices.tell(cld.t({ id: 'diagram.keys.selectLinkPolarity', defaultMessage: 'Select a link first (Tab to it, then Space), then press +, − or ?.' }))
    return true
  }
  switch (event.key) {
    case 'Delete':
    case 'Backspace':
      cld.actions.remove(variables, links)
      return true
    case 'Escape':
      cld.editing.set(null)
      cld.store.setSelection([])
      requestAnimationFrame(() => {
        if (document.activeElement === document.body) env.focusCanvas()
      })
      return false
    case 'n':
    case 'N':
      if (!cld.readOnly && !cld.locked.get()) cld.draft.set({ at: freeSpot(cld, env.viewCentre()) })
      return true
    case 'Enter':
    case 'F2': {
      if (onLink) return false
      const target = nodeId ?? (variables.length === 1 ? variables[0] : null)
      if (target) startRename(cld, target)
      else if (event.key === 'Enter' && !cld.readOnly && !cld.locked.get()) cld.draft.set({ at: freeSpot(cld, env.viewCentre()) })
      else return false
      return true
    }
    case 'l':
    case 'L': {
      const from = nodeId ?? (variables.length === 1 ? variables[0] : null)
      if (from && !cld.readOnly) cld.linkFrom.set(from)
      else cld.notices.tell(cld.t({ id: 'diagram.keys.selectVariableLink', defaultMessage: 'Select one variable (Tab to it), then press L to link it to another.' }))
      return true
    }
    case 'd':
    case 'D':
      if (links.length > 0) cld.actions.toggleDelay(links)
      else cld.notices.tell(cld.t({ id: 'diagram.keys.selectLinkDelay', defaultMessage: 'Select a link first, then press D to mark a delay.' }))
      return true
    case '[':
    case ']':
      if (links.length > 0) cld.actions.bend(links, event.key === '[' ? 0.1 : -0.1)
      return links.length > 0
    case '0':
      if (links.length > 0) cld.actions.bend(links, 0, true)
      return links.length > 0
    default:
      return false
  }
}
