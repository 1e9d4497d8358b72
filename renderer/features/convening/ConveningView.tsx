import { useEffect, type CSSProperties } from 'react'
import { useStore, type ConveningSession } from '../../sync'
import { navigate } from '../../app/router'
import { PANELS } from './panels'
import { ConnectionStatus } from './ConnectionStatus'
import { InviteButton } from './InviteDialog'
import { TitleEditor } from './TitleEditor'
import { FocusButton, useFocusKey } from './FocusMode'
import { PeopleColumn, PeopleDrawerButton, usePeopleDrawer } from './PeopleColumn'
import { FacilitationStrip, useFacilitates, usePanel } from '../facilitation'
import { PEOPLE_WIDTH, atLeast, useBreakpoint, useLayout } from '../../ui'
import { useT } from '../../i18n'
import './layout.css'

/**
 * The convening screen: a one-line header, the run of show, and three columns (the
 * panels' navigation, the panel, the People column). How much room the panel gets is
 * each person's own: focus mode folds everything but the panel and the run of show
 * away; the People column folds and resizes; below 1280 px it is a drawer
 * (ui/layout.ts has the breakpoints).
 */
export function ConveningView(props: { session: ConveningSession }) {
  const { session } = props
  // The panel lives in the facilitation layer, so following, summons and breakouts can move it.
  const { panel, choose: setPanel, viewKey } = usePanel(session)
  const migration = useStore(session.migration)
  const readOnly = migration.status === 'newer'
  // The title names the convening for everyone (and their home lists): facilitators set it, as in a cohort.
  const facilitating = useFacilitates(session)
  const layout = useLayout()
  const point = useBreakpoint()
  const drawer = !atLeast(point, 'desktop')
  const people = usePeopleDrawer(drawer && !layout.focus)
  const focus = layout.focus
  const said = useFocusKey()
  const t = useT()

  useEffect(() => session.setPanel(panel), [session, panel])
  const current = PANELS.find((entry) => entry.id === panel) ?? PANELS[0]
  const style = { '--people-width': `${Math.max(PEOPLE_WIDTH.min, layout.peopleWidth)}px` } as CSSProperties

  return (
    <div className={`convening${focus ? ' is-focus' : ''}${drawer ? ' has-drawer' : ''}`} style={style}>
      <header className="topbar" hidden={focus}>
        {/* Below 1024 px only the arrow shows; the name stays whole (as it always read). */}
        <button
          type="button"
          className="link-button topbar-back"
          aria-label={t({ id: 'convening.back.label', defaultMessage: '← All convenings' })}
          title={t({ id: 'convening.back', defaultMessage: 'All convenings' })}
          onClick={() => navigate({ name: 'home' })}
        >
          <span aria-hidden="true">←</span>
          <span className="topbar-back-text" aria-hidden="true">
            {t({ id: 'convening.back', defaultMessage: 'All convenings' })}
          </span>
        </button>
        <TitleEditor session={session} readOnly={readOnly || !facilitating} />
        <div className="topbar-tools">
          <ConnectionStatus session={session} />
          <InviteButton session={session} />
          {drawer && <PeopleDrawerButton session={session} drawer={people} />}
          {!focus && <FocusButton focus={false} />}
        </div>
      </header>
      {readOnly && (
        <p className="banner" role="status">
          {t({ id: 'convening.newer', defaultMessage: 'This convening was saved by a newer version of Convene. You can read it here; update Convene to edit it.' })}
        </p>
      )}
      <FacilitationStrip session={session} end={focus ? <FocusButton focus /> : null} />
      <p className="sr-only" role="status" aria-live="polite" data-testid="focus-said">
        {said}
      </p>
      <div className="convening-body">
        <nav className="panel-nav" aria-label={t({ id: 'convening.panels', defaultMessage: 'Convening panels' })} hidden={focus}>
          {PANELS.map((entry) => (
            <button
              key={entry.id}
              type="button"
              className="nav-item"
              aria-current={panel === entry.id ? 'page' : undefined}
              onClick={() => setPanel(entry.id)}
            >
              {t(entry.label)}
            </button>
          ))}
        </nav>
        <main className="panel-main" aria-label={t(current.label)}>
          <current.component key={viewKey} session={session} readOnly={readOnly} />
        </main>
        <PeopleColumn session={session} readOnly={readOnly} drawer={drawer ? people : null} focus={focus} />
      </div>
    </div>
  )
}
