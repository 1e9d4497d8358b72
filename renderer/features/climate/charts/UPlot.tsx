import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'

// Marks for the lever benchmark (tests/bench/climatePanel.ts), cleared at once.
const DRAWN_MARK = 'convene:climate:drawn'

function markDrawn(): void {
  performance.mark(DRAWN_MARK)
  performance.clearMarks(DRAWN_MARK)
}

/**
 * The cursor every chart shares: a vertical line at the year under the pointer, no
 * points, no drag-to-zoom (a room reads the whole century; zooming one screen would
 * leave the others looking at something else).
 */
const CURSOR: uPlot.Cursor = { show: true, x: true, y: false, points: { show: false }, drag: { x: false, y: false, setScale: false } }

/**
 * A uPlot chart: created when its options change (rare: a toggle), fed new data with
 * setData on every change (cheap: uPlot redraws one canvas), sized to its box.
 * The canvas is hidden from screen readers: the figure around it carries the text.
 * `onHover` hears the x value (the year) under the pointer, or null when it leaves.
 */
export function UPlot(props: {
  options: Omit<uPlot.Options, 'width' | 'height'>
  data: uPlot.AlignedData
  height: number
  onHover?: (x: number | null) => void
}) {
  const box = useRef<HTMLDivElement>(null)
  const chart = useRef<uPlot | null>(null)
  const data = useRef(props.data)
  data.current = props.data
  const hover = useRef(props.onHover)
  hover.current = props.onHover
  const { options, height } = props

  useEffect(() => {
    const element = box.current
    if (!element) return
    const setCursor = (u: uPlot): void => {
      const index = u.cursor.idx
      hover.current?.(index === null || index === undefined ? null : (u.data[0][index] ?? null))
    }
    const hooks = { ...options.hooks, draw: [...(options.hooks?.draw ?? []), markDrawn], setCursor: [...(options.hooks?.setCursor ?? []), setCursor] }
    const plot = new uPlot({ ...options, cursor: CURSOR, hooks, width: Math.max(element.clientWidth, 200), height }, data.current, element)
    chart.current = plot
    const observer = new ResizeObserver(() => {
      const width = Math.max(element.clientWidth, 200)
      if (width !== plot.width) plot.setSize({ width, height })
    })
    observer.observe(element)
    return () => {
      observer.disconnect()
      plot.destroy()
      chart.current = null
    }
  }, [options, height])

  useEffect(() => {
    const plot = chart.current
    if (plot && plot.data !== props.data) plot.setData(props.data)
  }, [props.data])

  return <div ref={box} className="uplot-box" aria-hidden="true" />
}
