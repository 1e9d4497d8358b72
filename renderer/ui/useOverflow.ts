import { useEffect, useLayoutEffect, useState, type RefObject } from 'react'

/**
 * A bar that must stay on one line (the run of show): how many of its optional groups
 * of controls go into its More menu. The bar is a wrapping flex row; while it takes
 * more than one line, one more group moves out (before the screen paints, so nobody
 * sees the second line), up to `levels`. When the bar's width or its content (`key`:
 * a timer started, breakouts opened) changes, it starts again from nothing moved.
 */
export function useOverflow(row: RefObject<HTMLElement | null>, levels: number, key: string): number {
  const [moved, setMoved] = useState(0)
  const [width, setWidth] = useState(0)
  const [height, setHeight] = useState(0)

  useEffect(() => {
    const element = row.current
    if (!element) return
    // A new width starts again; a new height (something grew and the row wrapped) only re-checks.
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect
      if (!box) return
      setWidth(Math.round(box.width))
      setHeight(Math.round(box.height))
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [row])

  // Start again from nothing moved when the room or the content changes.
  useLayoutEffect(() => setMoved(0), [width, key, levels])

  // Bounded: at most `levels` steps, each after a render that still wraps.
  useLayoutEffect(() => {
    const element = row.current
    if (!element || moved >= levels) return
    if (wraps(element)) setMoved(moved + 1)
  }, [row, moved, levels, width, height, key])

  return Math.min(moved, levels)
}

/** True when some item of the row sits below the first line. */
function wraps(row: HTMLElement): boolean {
  let firstBottom = Infinity
  for (const child of leaves(row)) {
    const box = child.getBoundingClientRect()
    if ((box.width === 0 && box.height === 0) || getComputedStyle(child).position === 'absolute') continue
    if (firstBottom === Infinity) firstBottom = box.bottom
    else if (box.top >= firstBottom - 1) return true
  }
  return false
}

/** The row's items, looking through `display: contents` wrappers (which have no box of their own). */
function* leaves(element: Element): Generator<Element> {
  for (const child of Array.from(element.children)) {
    if (getComputedStyle(child).display === 'contents') yield* leaves(child)
    else yield child
  }
}
