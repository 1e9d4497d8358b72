import { useCallback, useEffect, useMemo, useState } from 'react'
import {
  buildTimeline,
  clinicLog,
  cohortConveningsArray,
  forgetInvite,
  projectsMap,
  readConvenings,
  readProjectSummary,
  searchTimeline,
  type ConveningDetails,
  type TimelineItem,
} from '../../../shared/cohort'
import { useApp } from '../../app/context'
import { navigate } from '../../app/router'
import { sameItems, sameJson, useLiveQuery, useY } from '../../sync'
import { plural } from '../../ui'
import { formatDay } from './CardHistory'
import { COHORT_ORIGIN, roleRoots, useCohort, useIsFacilitator, useNames } from './hooks'
import { openCohortConvening, readConveningDetails, saveHarvestPage } from './fromCohort'
import { StartConvening } from './StartConvening'
import { KeptClimate } from './KeptClimate'

function ConveningItem({ item, here, onMessage, onOpenCard }: {
  item: Extract<TimelineItem, { kind: 'convening' }>
  here: boolean
  onMessage: (text: string) => void
  onOpenCard: (id: string) => void
}) {
  const { db } = useApp()
  const { doc, me, session, readOnly } = useCohort()
  const names = useNames(doc)
  const iFacilitate = useIsFacilitator(doc, me)
  const { entry, details } = item
  const day = new Date(`${entry.date}T12:00:00Z`).toLocaleDateString(undefined, { weekday: 'short', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })

  async function open() {
    const outcome = await openCohortConvening(db, entry, session.me.role)
    if (outcome.ok) navigate({ name: 'convening', id: outcome.id })
    else onMessage(outcome.message)
  }

  return (
    <li className="timeline-item timeline-convening">
      <div className="row wrap">
        <div className="grow">
          <span className="timeline-kind">Convening · {day}</span>
          <h3 className="timeline-title">{entry.title}</h3>
        </div>
        <button type="button" className="button primary" aria-label={`${here || !entry.invite ? 'Open' : 'Join'} ${entry.title}`} onClick={() => void open()}>
          {here || !entry.invite ? 'Open' : 'Join'}
        </button>
        {here && (
          <button type="button" className="button" aria-label={`Save the harvest of ${entry.title}`} onClick={() => void saveHarvestPage(db, entry.conveningId).then(onMessage)}>
            Save its harvest
          </button>
        )}
      </div>
      {details ? (
        <p className="small">
          {details.diagrams.length > 0 ? `Diagrams: ${details.diagrams.join(', ')}.` : 'No diagrams.'}{' '}
          {details.scenarios.length > 0 ? `Scenarios: ${details.scenarios.join(', ')}.` : ''}
        </p>
      ) : (
        <p className="muted small">
          {here ? 'Reading what it holds…' : 'Not on this computer yet: its harvest, diagrams and scenarios show here once you have opened it.'}
        </p>
      )}
      {item.kept.length > 0 && (
        <details>
          <summary className="small">Where {plural(item.kept.length, 'card', 'cards')} stood before it</summary>
          <ul className="plain-list small">
            {item.kept.map(({ projectId, milestone }) => (
              <li key={milestone.id}>
                <button type="button" className="link-button" onClick={() => onOpenCard(projectId)}>
                  {names(projectId)}’s card
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      {iFacilitate && entry.invite && !readOnly && (
        <p className="muted small">
          Its invite is kept in the cohort, so every member (and anyone who joins the cohort later) can open it.{' '}
          <button type="button" className="link-button small" onClick={() => void forgetInvite(doc, entry.conveningId, me, COHORT_ORIGIN)}>
            Stop sharing its invite
          </button>
        </p>
      )}
    </li>
  )
}

function OtherItem({ item, onOpenCard }: { item: Exclude<TimelineItem, { kind: 'convening' }>; onOpenCard: (id: string) => void }) {
  const { doc } = useCohort()
  const names = useNames(doc)
  const owner = names(item.projectId)
  return (
    <li className={`timeline-item timeline-${item.kind}`}>
      <div className="row wrap">
        <div className="grow">
          <span className="timeline-kind">
            {item.kind === 'milestone' ? 'Milestone' : 'Project clinic'} · {formatDay(item.at)}
          </span>
          <p className="timeline-title">{item.kind === 'milestone' ? `${owner}: ${item.milestone.label}` : `${owner} presented their project`}</p>
        </div>
        <button type="button" className="button quiet" onClick={() => onOpenCard(item.projectId)}>
          Open {owner}&rsquo;s card
        </button>
      </div>
    </li>
  )
}

export function TimelineTab({ onOpenCard }: { onOpenCard: (id: string) => void }) {
  const { db } = useApp()
  const { doc, me, readOnly } = useCohort()
  const names = useNames(doc)
  const [query, setQuery] = useState('')
  const [message, setMessage] = useState('')
  const [details, setDetails] = useState<ReadonlyMap<string, ConveningDetails>>(new Map())
  const ids = useY([cohortConveningsArray(doc), ...roleRoots(doc)], () => readConvenings(doc).map((c) => c.conveningId), sameItems)
  const here = useLiveQuery(async () => new Set((await db.convenings.bulkGet(ids)).filter(Boolean).map((r) => r?.id)), [db, ids])
  const iFacilitate = useIsFacilitator(doc, me)

  useEffect(() => {
    let cancelled = false
    readConveningDetails(db, ids).then(
      (found) => !cancelled && setDetails(found),
      (error: unknown) => console.warn('Convene: could not read the cohort’s convenings', error),
    )
    return () => {
      cancelled = true
    }
  }, [db, ids, here])

  const read = useCallback(
    () => buildTimeline(doc, details, { person: names, project: (id) => readProjectSummary(doc, id)?.title.trim() ?? '' }),
    [doc, details, names],
  )
  // The search runs over card titles and milestones, so every card is watched; a
  // keystroke in a card re-reads the timeline but redraws it only if an entry changed.
  const items = useY([cohortConveningsArray(doc), projectsMap(doc), clinicLog(doc), ...roleRoots(doc)], read, sameJson)
  const shown = useMemo(() => searchTimeline(items, query), [items, query])

  return (
    <section className="stack" aria-labelledby="timeline-heading">
      <div>
        <h2 id="timeline-heading">Timeline</h2>
        <p className="muted small">The thread between convenings: each convening, what it made, and how the projects moved on.</p>
      </div>
      {iFacilitate && !readOnly && <StartConvening />}
      <div className="row wrap">
        <label className="sr-only" htmlFor="timeline-search">
          Search the timeline
        </label>
        <input
          id="timeline-search"
          type="search"
          className="grow"
          value={query}
          placeholder="Search convenings, diagrams, scenarios, milestones, people…"
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <p className="muted small" role="status" aria-live="polite">
        {query.trim() ? `${shown.length} of ${plural(items.length, 'entry', 'entries')} match.` : plural(items.length, 'entry', 'entries')}
        {message ? ` ${message}` : ''}
      </p>
      {items.length === 0 ? (
        <p className="muted">Nothing yet. Convenings started from this cohort, milestones and clinics appear here.</p>
      ) : (
        <ol className="timeline" aria-label="Cohort timeline, newest first">
          {shown.map((item) =>
            item.kind === 'convening' ? (
              <ConveningItem key={item.key} item={item} here={here?.has(item.entry.conveningId) ?? false} onMessage={setMessage} onOpenCard={onOpenCard} />
            ) : (
              <OtherItem key={item.key} item={item} onOpenCard={onOpenCard} />
            ),
          )}
        </ol>
      )}
      <KeptClimate />
    </section>
  )
}
