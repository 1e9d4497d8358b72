import { memo, useMemo, useSyncExternalStore } from 'react'
import { loopMarkerPosition, type Loop } from '../../../../shared/diagram'
import { useStore } from '../../../sync'
import type { Point } from '../geometry'
import { useStoreState } from '../state'
import type { CanvasStore } from './canvasStore'
import { cx, useCld } from './context'
import { useLoopNumbers } from './useLoopNumbers'

const NO_LOOPS: readonly Loop[] = []

/** Markers beyond this many (and not named) would bury the drawing; the loops panel lists them all. */
export const MAX_MARKERS = 24

export function markedLoops(loops: readonly Loop[], names: Readonly<Record<string, string>>): Loop[] {
  return loops.filter((loop, i) => i < MAX_MARKERS || names[loop.id])
}

interface Placed {
  loop: Loop
  label: string
  x: number
  y: number
  clockwise: boolean
}

function place(store: CanvasStore, loops: readonly Loop[], numbers: ReadonlyMap<string, string>): Placed[] {
  const out: Placed[] = []
  for (const loop of loops) {
    const positions: Record<string, Point> = {}
    for (const id of loop.variableIds) {
      const p = store.position(id)
      if (p) positions[id] = p
    }
    const at = loopMarkerPosition(loop, positions)
    if (!at) continue
    // Markers with the same centre (loops through the same variables) stack instead of hiding each other.
    let y = at.y
    while (out.some((m) => Math.abs(m.x - at.x) < 36 && Math.abs(m.y - y) < 36)) y += 40
    out.push({ loop, label: numbers.get(loop.id) ?? loop.polarity, x: Math.round(at.x), y: Math.round(y), clockwise: signedArea(loop, positions) >= 0 })
  }
  return out
}

/** Positive when the loop runs clockwise on screen (y down). A two-variable loop bows clockwise. */
function signedArea(loop: Loop, positions: Record<string, Point>): number {
  let area = 0
  const ids = loop.variableIds
  for (let i = 0; i < ids.length; i++) {
    const a = positions[ids[i]]
    const b = positions[ids[(i + 1) % ids.length]]
    if (a && b) area += a.x * b.y - b.x * a.y
  }
  return area
}

const samePlaced = (a: Placed[], b: Placed[]) =>
  a.length === b.length && a.every((m, i) => m.loop === b[i].loop && m.x === b[i].x && m.y === b[i].y && m.label === b[i].label && m.clockwise === b[i].clockwise)

/** R / B / ? markers inside their loops, following the variables as they move. */
export function LoopMarkers() {
  const cld = useCld()
  const state = useStore(cld.loops.state)
  const names = useStore(cld.store.loopNames)
  const all = state.analysis?.loops
  const numbers = useLoopNumbers(all ?? NO_LOOPS)
  const shown = useMemo(() => markedLoops(all ?? [], names), [all, names])
  const placed = useStoreState(cld.store.subscribe, () => place(cld.store, shown, numbers), samePlaced, [shown, numbers])
  return (
    <div className="dg-loop-markers" aria-hidden="true">
      {placed.map((m) => (
        <Marker key={m.loop.id} placed={m} name={names[m.loop.id]} />
      ))}
    </div>
  )
}

const Marker = memo(function Marker({ placed, name }: { placed: Placed; name?: string }) {
  const cld = useCld()
  const lit = useSyncExternalStore(cld.hoveredLoop.subscribe, () => cld.hoveredLoop.get()?.id === placed.loop.id)
  const polarity = placed.loop.polarity === '?' ? 'unknown' : placed.loop.polarity
  return (
    <div
      className={cx('dg-loop-marker', `dg-loop-${polarity}`, lit && 'is-lit')}
      style={{ transform: `translate(${placed.x}px, ${placed.y}px) translate(-50%, -50%)` }}
      onPointerEnter={(event) => event.buttons === 0 && cld.hoveredLoop.set(placed.loop)}
      onPointerLeave={() => cld.hoveredLoop.set(null)}
      title={name}
    >
      <svg viewBox="0 0 40 40" width="40" height="40" className={placed.clockwise ? undefined : 'anticlockwise'}>
        <path d="M20 5 A15 15 0 1 1 7.6 11.6" fill="none" strokeWidth="2.2" />
        <path d="M1.5 13.5 L7.6 11.6 L8.1 17.9" fill="none" strokeWidth="2.2" />
      </svg>
      <span>{placed.label}</span>
      {name && <span className="dg-loop-marker-name">{name}</span>}
    </div>
  )
})
