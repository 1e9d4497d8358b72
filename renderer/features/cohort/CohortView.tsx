import { useEffect, useMemo, useState } from 'react'
import { isCohortDocument, isConveningDocument, rejoinCohort } from '../../../shared/cohort'
import { metaMap } from '../../../shared/session'
import { useStore, useY, type ConveningSession } from '../../sync'
import { navigate } from '../../app/router'
import { ConnectionStatus, InviteButton, TitleEditor } from '../convening'
import { COHORT_ORIGIN, CohortContext, useCohort, useIsFacilitator, type CohortContextValue } from './hooks'
import { ProjectsTab } from './ProjectsTab'
import { ProjectCard } from './ProjectCard'
import { MentoringTab } from './MentoringTab'
import { ClinicTab } from './ClinicTab'
import { TimelineTab } from './TimelineTab'
import { MembersTab } from './MembersTab'
import { VoteDock } from '../votes'
import { useT } from '../../i18n'
import './cohort.css'

export const TABS = [
  { id: 'projects', label: { id: 'cohort.tab.projects', defaultMessage: 'Projects' } },
  { id: 'mentoring', label: { id: 'cohort.tab.mentoring', defaultMessage: 'Mentoring' } },
  { id: 'clinic', label: { id: 'cohort.tab.clinic', defaultMessage: 'Clinic' } },
  { id: 'timeline', label: { id: 'cohort.tab.timeline', defaultMessage: 'Timeline' } },
  { id: 'members', label: { id: 'cohort.tab.members', defaultMessage: 'Members' } },
] as const
export type Tab = (typeof TABS)[number]['id']

/** The cohort's name: facilitators rename it (the convening's title field), everyone else reads it. */
function CohortTitle() {
  const { session, doc, me, readOnly } = useCohort()
  const mayRename = useIsFacilitator(doc, me) && !readOnly
  const t = useT()
  return (
    <TitleEditor
      session={session}
      readOnly={!mayRename}
      label={t({ id: 'cohort.header.name', defaultMessage: 'Cohort name' })}
      waiting={t({ id: 'cohort.header.waiting', defaultMessage: 'Waiting for the cohort to arrive from the others…' })}
    />
  )
}

function TabBody({ tab, card, openCard, onLeft }: { tab: Tab; card: string | null; openCard: (id: string | null) => void; onLeft: () => void }) {
  if (tab === 'projects') return card ? <ProjectCard key={card} projectId={card} onBack={() => openCard(null)} /> : <ProjectsTab onOpen={openCard} />
  if (tab === 'mentoring') return <MentoringTab onOpenCard={openCard} />
  if (tab === 'clinic') return <ClinicTab onOpenCard={openCard} />
  if (tab === 'timeline') return <TimelineTab onOpenCard={openCard} />
  return <MembersTab onLeft={onLeft} />
}

export function CohortView({ session, onLeft }: { session: ConveningSession; onLeft: () => void }) {
  const t = useT()
  const migration = useStore(session.migration)
  const readOnly = migration.status === 'newer'
  const [tab, setTab] = useState<Tab>('projects')
  const [card, setCard] = useState<string | null>(null)
  const context = useMemo<CohortContextValue>(() => ({ session, doc: session.doc, me: session.me.id, readOnly }), [session, readOnly])
  const wrongKind = useY(metaMap(session.doc), () => isConveningDocument(session.doc), Object.is)
  const isCohort = useY(metaMap(session.doc), () => isCohortDocument(session.doc), Object.is)

  // Someone who left and came back with the invite is a member again.
  useEffect(() => {
    if (isCohort && !readOnly) rejoinCohort(session.doc, session.me.id, COHORT_ORIGIN)
  }, [session, isCohort, readOnly])
  // Presence says which part of the cohort each person is looking at.
  useEffect(() => session.awareness.setLocalStateField('panel', `cohort-${tab}`), [session, tab])

  function openCard(id: string | null) {
    setCard(id)
    if (id) setTab('projects')
  }

  return (
    <CohortContext.Provider value={context}>
      <div className="convening cohort">
        <header className="topbar">
          <button type="button" className="link-button" onClick={() => navigate({ name: 'home' })}>
            {t({ id: 'cohort.header.home', defaultMessage: '← Home' })}
          </button>
          <span className="cohort-kind" aria-hidden="true">
            {t({ id: 'cohort.header.kind', defaultMessage: 'Cohort' })}
          </span>
          <CohortTitle />
          <div className="row">
            <ConnectionStatus session={session} />
            <InviteButton session={session} kind="cohort" />
          </div>
        </header>
        {readOnly && (
          <p className="banner" role="status">
            {t({
              id: 'cohort.banner.newer',
              defaultMessage: 'This cohort was saved by a newer version of Convene. You can read it here; update Convene to change anything.',
            })}
          </p>
        )}
        {wrongKind && (
          <p className="banner" role="status">
            {t({
              id: 'cohort.banner.wrongKind',
              defaultMessage: 'This invite opened a convening, not a cohort. Open it from the home screen’s convenings instead.',
            })}
          </p>
        )}
        <div className="cohort-body">
          <nav className="panel-nav" aria-label={t({ id: 'cohort.nav.label', defaultMessage: 'Cohort' })}>
            {TABS.map((entry) => (
              <button
                key={entry.id}
                type="button"
                className="nav-item"
                aria-current={tab === entry.id ? 'page' : undefined}
                onClick={() => {
                  setTab(entry.id)
                  setCard(null)
                }}
              >
                {t(entry.label)}
              </button>
            ))}
          </nav>
          <main className="panel-main" aria-label={t(TABS.find((entry) => entry.id === tab)?.label ?? TABS[0].label)}>
            <TabBody tab={tab} card={card} openCard={openCard} onLeft={onLeft} />
          </main>
          <VoteDock session={session} readOnly={readOnly} />
        </div>
      </div>
    </CohortContext.Provider>
  )
}
