import { useEffect, useRef, useState } from 'react'
import { useT } from '../../i18n'
import { FeaturedCharts, GraphPicker, MoreCharts, useGraphChoice } from './charts/ExploreCharts'
import { Headline } from './Headline'
import { History } from './History'
import { DriveControls, LeverPanel } from './LeverPanel'
import { SaveScenario } from './SaveScenario'

/** The nearest ancestor that scrolls vertically: the pane the explore view lives in. */
function scrollPane(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node)
    if (overflowY === 'auto' || overflowY === 'scroll') return node
  }
  return null
}

/**
 * Keeps `--explore-pane` at the visible height of the scrolling pane, so the levers'
 * column, which stays in place while the graphs scroll, is never taller than what can
 * be seen: its last lever is always reachable, and nothing sticks on top of it.
 */
function usePaneHeight(): React.RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const element = ref.current
    const pane = element && scrollPane(element)
    if (!element || !pane) return
    const update = (): void => element.style.setProperty('--explore-pane', `${pane.clientHeight}px`)
    update()
    const observer = new ResizeObserver(update)
    observer.observe(pane)
    return () => observer.disconnect()
  }, [])
  return ref
}

/**
 * Free exploration, as in En-ROADS: the levers on the left, one or two chosen graphs
 * beside them, every other graph below. The headline sits above and scrolls away with
 * the page; only the levers' column stays in view.
 */
export function Explore() {
  const t = useT()
  const [showSsp, setShowSsp] = useState(false)
  const [choice, setChoice] = useGraphChoice()
  const ref = usePaneHeight()
  return (
    <div className="climate-explore" ref={ref}>
      <div className="explore-top">
        <Headline />
        <div className="explore-tools stack">
          <DriveControls />
          <label className="toggle">
            <input type="checkbox" checked={showSsp} onChange={(event) => setShowSsp(event.target.checked)} />
            {t({ id: 'climate.explore.showSsp', defaultMessage: 'Show the IPCC reference pathways (SSPs)' })}
          </label>
          <SaveScenario />
        </div>
      </div>
      <div className="explore-main">
        <LeverPanel />
        <div className="explore-featured">
          <GraphPicker choice={choice} onChange={setChoice} />
          <FeaturedCharts choice={choice} showSsp={showSsp} />
          <History />
        </div>
      </div>
      <MoreCharts choice={choice} showSsp={showSsp} />
    </div>
  )
}
