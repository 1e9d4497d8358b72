import { useEffect } from 'react'
import { useStore, type ConveningSession } from '../../sync'
import { navigate } from '../../app/router'
import { PANELS } from './panels'
import { ConnectionStatus } from './ConnectionStatus'
import { InviteButton } from './InviteDialog'
import { PeoplePanel } from './PeoplePanel'
import { TitleEditor } from './TitleEditor'
import { FacilitationStrip, useFacilitates, usePanel } from '../facilitation'
import { VoteDock } from '../votes'

export function ConveningView(props: { session: ConveningSession }) {
  const { session } = props
  // The panel lives in the facilitation layer, so following, summons and breakouts can move it.
  const { panel, choose: setPanel, viewKey } = usePanel(session)
  const migration = useStore(session.migration)
  const readOnly = migration.status === 'newer'
  // The title names the convening for everyone (and their home lists): facilitators set it, as in a cohort.
  const facilitating = useFacilitates(session)

  useEffect(() => session.setPanel(panel), [session, panel])
  const current = PANELS.find((entry) => entry.id === panel) ?? PANELS[0]

  return (
    <div className="convening">
      <header className="topbar">
        <button type="button" className="link-button" onClick={() => navigate({ name: 'home' })}>
          ← All convenings
        </button>
        <TitleEditor session={session} readOnly={readOnly || !facilitating} />
        <div className="row">
          <ConnectionStatus session={session} />
          <InviteButton session={session} />
        </div>
      </header>
      {readOnly && (
        <p className="banner" role="status">
          This convening was saved by a newer version of Convene. You can read it here; update Convene to edit it.
        </p>
      )}
      <FacilitationStrip session={session} />
      <div className="convening-body">
        <nav className="panel-nav" aria-label="Convening panels">
          {PANELS.map((entry) => (
            <button
              key={entry.id}
              type="button"
              className="nav-item"
              aria-current={panel === entry.id ? 'page' : undefined}
              onClick={() => setPanel(entry.id)}
            >
              {entry.label}
            </button>
          ))}
        </nav>
        <main className="panel-main" aria-label={current.label}>
          <current.component key={viewKey} session={session} readOnly={readOnly} />
        </main>
        {/* A running vote shows at the top of the side column, above the people. */}
        <div className="side-column">
          <VoteDock session={session} readOnly={readOnly} />
          <PeoplePanel session={session} />
        </div>
      </div>
    </div>
  )
}
