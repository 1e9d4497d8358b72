import { useRef, type KeyboardEvent, type PointerEvent } from 'react'
import { clamp } from './layout'
import { useT } from '../i18n'

/**
 * The handle on the left edge of a column that sits at the right of the screen (the
 * People column, a diagram's side panel): drag it, or focus it and use the arrow keys
 * (Shift: bigger steps; Home and End: narrowest and widest). The value is the column's
 * width in pixels, so moving the handle left widens the column, as it looks.
 */
export function Splitter(props: { label: string; width: number; min: number; max: number; controls?: string; onWidth: (width: number) => void }) {
  const { width, min, max, onWidth } = props
  const t = useT()
  const drag = useRef<{ x: number; width: number } | null>(null)
  const set = (value: number): void => onWidth(clamp(value, { min, max }))
  const onKeyDown = (event: KeyboardEvent): void => {
    const step = event.shiftKey ? 64 : 16
    const moves: Record<string, number> = { ArrowLeft: width + step, ArrowRight: width - step, Home: min, End: max }
    const next = moves[event.key]
    if (next === undefined) return
    event.preventDefault()
    set(next)
  }
  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    if (event.button !== 0) return
    event.currentTarget.setPointerCapture(event.pointerId)
    drag.current = { x: event.clientX, width }
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    if (drag.current) set(drag.current.width - (event.clientX - drag.current.x))
  }
  const end = (): void => {
    drag.current = null
  }
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={props.label}
      aria-controls={props.controls}
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuetext={t({ id: 'ui.splitter.width', defaultMessage: '{width} pixels wide' }, { width })}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
    />
  )
}
