import { useState } from 'react'
import { ExploreCharts } from './charts/ExploreCharts'
import { Headline } from './Headline'
import { History } from './History'
import { DriveControls, LeverPanel } from './LeverPanel'
import { SaveScenario } from './SaveScenario'

/** Free exploration, En-ROADS style: levers on the left, the answer on the right. */
export function Explore() {
  const [showSsp, setShowSsp] = useState(false)
  return (
    <div className="climate-explore">
      <div className="explore-top">
        <Headline />
        <div className="explore-tools stack">
          <DriveControls />
          <label className="toggle">
            <input type="checkbox" checked={showSsp} onChange={(event) => setShowSsp(event.target.checked)} />
            Show the IPCC reference pathways (SSPs)
          </label>
          <SaveScenario />
        </div>
      </div>
      <div className="explore-grid">
        <LeverPanel />
        <div className="explore-results">
          <ExploreCharts showSsp={showSsp} />
          <History />
        </div>
      </div>
    </div>
  )
}
