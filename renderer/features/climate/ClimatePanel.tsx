import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import type { ConveningSession } from '../../sync'
import { useT } from '../../i18n'
import { ClimateContext } from './context'
import { Explore } from './Explore'
import { LiveScenario } from './liveScenario'
import { ModelGuide } from './ModelGuide'
import { Scenarios } from './Scenarios'
import { WorldClimate } from './world/WorldClimate'
import './climate.css'

const TABS = [
  { id: 'explore', label: { id: 'climate.tab.explore', defaultMessage: 'Explore' }, view: Explore },
  { id: 'scenarios', label: { id: 'climate.tab.scenarios', defaultMessage: 'Scenarios' }, view: Scenarios },
  { id: 'world', label: { id: 'climate.tab.world', defaultMessage: 'World Climate' }, view: WorldClimate },
  { id: 'guide', label: { id: 'climate.tab.guide', defaultMessage: 'Model guide' }, view: ModelGuide },
] as const
type TabId = (typeof TABS)[number]['id']

/** The climate simulation: explore policy together, compare scenarios, run World Climate. */
export function ClimatePanel(props: { session: ConveningSession; readOnly: boolean }) {
  const { session, readOnly } = props
  const t = useT()
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
    const index = TABS.findIndex((each) => each.id === tab)
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: TABS.length - 1 - index }[event.key]
    if (step === undefined) return
    event.preventDefault()
    const next = TABS[(index + step + TABS.length) % TABS.length].id
    setTab(next)
    tabs.current[next]?.focus()
  }

  if (!live) return <p className="muted">{t({ id: 'climate.panel.starting', defaultMessage: 'Starting the climate model…' })}</p>
  const current = TABS.find((each) => each.id === tab) ?? TABS[0]
  return (
    <ClimateContext.Provider value={{ session, live, readOnly }}>
      <div className="climate">
        <div className="climate-header">
          <h2 id="climate-heading">{t({ id: 'climate.panel.heading', defaultMessage: 'Climate simulation' })}</h2>
          <div role="tablist" aria-label={t({ id: 'climate.panel.views', defaultMessage: 'Climate simulation views' })} className="climate-tabs" onKeyDown={onKey}>
            {TABS.map((each) => (
              <button
                key={each.id}
                ref={(el) => { tabs.current[each.id] = el }}
                type="button"
                role="tab"
                id={`climate-tab-${each.id}`}
                aria-selected={each.id === tab}
                aria-controls="climate-tabpanel"
                tabIndex={each.id === tab ? 0 : -1}
                className="climate-tab"
                onClick={() => setTab(each.id)}
              >
                {t(each.label)}
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
