import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { ConveningSession } from '../../sync'
import { ClimateContext } from './context'
import { Explore } from './Explore'
import { LiveScenario } from './liveScenario'
import { ModelGuide } from './ModelGuide'
import { Scenarios } from './Scenarios'
import { WorldClimate } from './world/WorldClimate'
import './climate.css'

const TABS = [
  { id: 'explore', label: 'Explore', view: Explore },
  { id: 'scenarios', label: 'Scenarios', view: Scenarios },
  { id: 'world', label: 'World Climate', view: WorldClimate },
  { id: 'guide', label: 'Model guide', view: ModelGuide },
] as const
type TabId = (typeof TABS)[number]['id']

/** The climate simulation: explore policy together, compare scenarios, run World Climate. */
export function ClimatePanel(props: { session: ConveningSession; readOnly: boolean }) {
  const { session, readOnly } = props
  const [live, setLive] = useState<LiveScenario | null>(null)
  const [tab, setTab] = useState<TabId>('explore')
  const tabs = useRef<Record<string, HTMLButtonElement | null>>({})

  // The live scenario owns observers and a presence field: one per mounted panel.
  useEffect(() => {
    const owner = new LiveScenario(session)
    setLive(owner)
    return () => owner.destroy()
  }, [session])

  const onKey = (event: KeyboardEvent): void => {
    const index = TABS.findIndex((t) => t.id === tab)
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: TABS.length - 1 - index }[event.key]
    if (step === undefined) return
    event.preventDefault()
    const next = TABS[(index + step + TABS.length) % TABS.length].id
    setTab(next)
    tabs.current[next]?.focus()
  }

  if (!live) return <p className="muted">Starting the climate model…</p>
  const current = TABS.find((t) => t.id === tab) ?? TABS[0]
  return (
    <ClimateContext.Provider value={{ session, live, readOnly }}>
      <div className="climate">
        <div className="climate-header">
          <h2 id="climate-heading">Climate simulation</h2>
          <div role="tablist" aria-label="Climate simulation views" className="climate-tabs" onKeyDown={onKey}>
            {TABS.map((t) => (
              <button
                key={t.id}
                ref={(el) => { tabs.current[t.id] = el }}
                type="button"
                role="tab"
                id={`climate-tab-${t.id}`}
                aria-selected={t.id === tab}
                aria-controls="climate-tabpanel"
                tabIndex={t.id === tab ? 0 : -1}
                className="climate-tab"
                onClick={() => setTab(t.id)}
              >
                {t.label}
              </button>
            ))}
          </div>
        </div>
        <div role="tabpanel" id="climate-tabpanel" aria-labelledby={`climate-tab-${current.id}`}>
          <current.view />
        </div>
      </div>
    </ClimateContext.Provider>
  )
}
