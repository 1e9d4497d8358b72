import { useRef, useState, type KeyboardEvent } from 'react'
import type { ConveningSession } from '../../sync'
import { panelControl, useFacilitates } from '../facilitation'
import { BreakoutsView } from './BreakoutsView'
import { PlanView } from './PlanView'
import { RolesView } from './RolesView'
import { TimersView } from './TimersView'
import { TimeZonesView } from './TimeZonesView'
import { VotesList } from '../votes'
import { useT } from '../../i18n'
import './agenda.css'

const TABS = [
  { id: 'plan', label: { id: 'agenda.tab.plan', defaultMessage: 'Run of show' } },
  { id: 'breakouts', label: { id: 'agenda.tab.breakouts', defaultMessage: 'Breakouts' } },
  { id: 'timers', label: { id: 'agenda.tab.timers', defaultMessage: 'Timers' } },
  { id: 'votes', label: { id: 'agenda.tab.votes', defaultMessage: 'Votes' } },
  { id: 'time', label: { id: 'agenda.tab.time', defaultMessage: 'Time zones' } },
  { id: 'roles', label: { id: 'agenda.tab.roles', defaultMessage: 'Roles' } },
] as const
type Tab = (typeof TABS)[number]['id']

/**
 * The agenda panel: the plan and its running (everyone sees it; facilitators edit and
 * drive it), breakouts, timers, every dot vote and its results, time zones and roles.
 * Tabs follow the ARIA tabs pattern: arrow keys move between them.
 */
export function AgendaPanel(props: { session: ConveningSession; readOnly: boolean }) {
  const { session } = props
  const facilitates = useFacilitates(session)
  const t = useT()
  const readOnly = props.readOnly || !facilitates
  // "Manage breakouts" in the strip opens this panel on its Breakouts tab.
  const [tab, setTab] = useState<Tab>(() => TABS.find((item) => item.id === panelControl(session).sectionNow())?.id ?? 'plan')
  const refs = useRef(new Map<Tab, HTMLButtonElement>())
  const onKey = (event: KeyboardEvent): void => {
    const i = TABS.findIndex((item) => item.id === tab)
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    const target = event.key === 'Home' ? TABS[0] : event.key === 'End' ? TABS[TABS.length - 1] : step ? TABS[(i + step + TABS.length) % TABS.length] : null
    if (!target) return
    event.preventDefault()
    setTab(target.id)
    refs.current.get(target.id)?.focus()
  }
  return (
    <section className="ag-panel" aria-labelledby="ag-heading">
      <header className="ag-header">
        <h2 id="ag-heading">{t({ id: 'agenda.heading', defaultMessage: 'Agenda' })}</h2>
        <div className="ag-tabs" role="tablist" aria-label={t({ id: 'agenda.tabs.label', defaultMessage: 'Agenda sections' })} onKeyDown={onKey}>
          {TABS.map((item) => (
            <button
              key={item.id}
              ref={(el) => {
                if (el) refs.current.set(item.id, el)
              }}
              type="button"
              role="tab"
              id={`ag-tab-${item.id}`}
              aria-selected={tab === item.id}
              aria-controls="ag-tabpanel"
              tabIndex={tab === item.id ? 0 : -1}
              className="ag-tab"
              onClick={() => setTab(item.id)}
            >
              {t(item.label)}
            </button>
          ))}
        </div>
      </header>
      <div id="ag-tabpanel" role="tabpanel" aria-labelledby={`ag-tab-${tab}`} className="ag-tabpanel">
        {tab === 'plan' && <PlanView session={session} readOnly={readOnly} facilitates={facilitates} />}
        {tab === 'breakouts' && <BreakoutsView session={session} readOnly={readOnly} facilitates={facilitates} />}
        {tab === 'timers' && <TimersView session={session} readOnly={readOnly} facilitates={facilitates} />}
        {tab === 'votes' && <VotesList session={session} facilitates={facilitates} readOnly={props.readOnly} />}
        {tab === 'time' && <TimeZonesView session={session} readOnly={readOnly} />}
        {tab === 'roles' && <RolesView session={session} facilitates={facilitates} />}
      </div>
    </section>
  )
}
