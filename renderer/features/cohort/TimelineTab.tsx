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
import { useIntl, useT } from '../../i18n'
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
  const intl = useIntl()
  const t = intl.formatMessage
  const names = useNames(doc)
  const iFacilitate = useIsFacilitator(doc, me)
  const { entry, details } = item
  // The day it is held, as written: noon UTC keeps it on that day everywhere.
  const day = intl.formatDate(new Date(`${entry.date}T12:00:00Z`), { weekday: 'short', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })
  const join = !here && Boolean(entry.invite)
  const list = (words: string[]) => intl.formatList(words, { type: 'unit', style: 'short' })

  async function open() {
    const outcome = await openCohortConvening(db, entry, session.me.role, t)
    if (outcome.ok) navigate({ name: 'convening', id: outcome.id })
    else onMessage(outcome.message)
  }

  return (
    <li className="timeline-item timeline-convening">
      <div className="row wrap">
        <div className="grow">
          <span className="timeline-kind">{t({ id: 'cohort.timeline.convening', defaultMessage: 'Convening · {day}' }, { day })}</span>
          <h3 className="timeline-title">{entry.title}</h3>
        </div>
        <button
          type="button"
          className="button primary"
          aria-label={
            join
              ? t({ id: 'cohort.timeline.joinLabel', defaultMessage: 'Join {title}' }, { title: entry.title })
              : t({ id: 'cohort.timeline.openLabel', defaultMessage: 'Open {title}' }, { title: entry.title })
          }
          onClick={() => void open()}
        >
          {join ? t({ id: 'cohort.timeline.join', defaultMessage: 'Join' }) : t({ id: 'cohort.timeline.open', defaultMessage: 'Open' })}
        </button>
        {here && (
          <button
            type="button"
            className="button"
            aria-label={t({ id: 'cohort.timeline.harvestLabel', defaultMessage: 'Save the harvest of {title}' }, { title: entry.title })}
            onClick={() => void saveHarvestPage(db, entry.conveningId, t).then(onMessage)}
          >
            {t({ id: 'cohort.timeline.harvest', defaultMessage: 'Save its harvest' })}
          </button>
        )}
      </div>
      {details ? (
        <p className="small">
          {details.diagrams.length > 0
            ? t({ id: 'cohort.timeline.diagrams', defaultMessage: 'Diagrams: {names}.' }, { names: list(details.diagrams) })
            : t({ id: 'cohort.timeline.noDiagrams', defaultMessage: 'No diagrams.' })}{' '}
          {details.scenarios.length > 0 ? t({ id: 'cohort.timeline.scenarios', defaultMessage: 'Scenarios: {names}.' }, { names: list(details.scenarios) }) : ''}
        </p>
      ) : (
        <p className="muted small">
          {here
            ? t({ id: 'cohort.timeline.reading', defaultMessage: 'Reading what it holds…' })
            : t({ id: 'cohort.timeline.notHere', defaultMessage: 'Not on this computer yet: its harvest, diagrams and scenarios show here once you have opened it.' })}
        </p>
      )}
      {item.kept.length > 0 && (
        <details>
          <summary className="small">
            {t({ id: 'cohort.timeline.kept', defaultMessage: 'Where {count, plural, one {# card} other {# cards}} stood before it' }, { count: item.kept.length })}
          </summary>
          <ul className="plain-list small">
            {item.kept.map(({ projectId, milestone }) => (
              <li key={milestone.id}>
                <button type="button" className="link-button" onClick={() => onOpenCard(projectId)}>
                  {t({ id: 'cohort.timeline.cardOf', defaultMessage: '{name}’s card' }, { name: names(projectId) })}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
      {iFacilitate && entry.invite && !readOnly && (
        <p className="muted small">
          {t({ id: 'cohort.timeline.shared', defaultMessage: 'Its invite is kept in the cohort, so every member (and anyone who joins the cohort later) can open it.' })}{' '}
          <button type="button" className="link-button small" onClick={() => void forgetInvite(doc, entry.conveningId, me, COHORT_ORIGIN)}>
            {t({ id: 'cohort.timeline.stopSharing', defaultMessage: 'Stop sharing its invite' })}
          </button>
        </p>
      )}
    </li>
  )
}

function OtherItem({ item, onOpenCard }: { item: Exclude<TimelineItem, { kind: 'convening' }>; onOpenCard: (id: string) => void }) {
  const { doc } = useCohort()
  const intl = useIntl()
  const t = intl.formatMessage
  const names = useNames(doc)
  const owner = names(item.projectId)
  const day = formatDay(intl, item.at)
  return (
    <li className={`timeline-item timeline-${item.kind}`}>
      <div className="row wrap">
        <div className="grow">
          <span className="timeline-kind">
            {item.kind === 'milestone'
              ? t({ id: 'cohort.timeline.milestone', defaultMessage: 'Milestone · {day}' }, { day })
              : t({ id: 'cohort.timeline.clinic', defaultMessage: 'Project clinic · {day}' }, { day })}
          </span>
          <p className="timeline-title">
            {item.kind === 'milestone'
              ? t({ id: 'cohort.timeline.milestoneTitle', defaultMessage: '{name}: {label}' }, { name: owner, label: item.milestone.label })
              : t({ id: 'cohort.timeline.presented', defaultMessage: '{name} presented their project' }, { name: owner })}
          </p>
        </div>
        <button type="button" className="button quiet" onClick={() => onOpenCard(item.projectId)}>
          {t({ id: 'cohort.card.openOf', defaultMessage: 'Open {name}’s card' }, { name: owner })}
        </button>
      </div>
    </li>
  )
}

export function TimelineTab({ onOpenCard }: { onOpenCard: (id: string) => void }) {
  const { db } = useApp()
  const { doc, me, readOnly } = useCohort()
  const t = useT()
  const names = useNames(doc)
  const [query, setQuery] = useState('')
  const [message, setMessage] = useState('')
  const [details, setDetails] = useState<ReadonlyMap<string, ConveningDetails>>(new Map())
  const ids = useY([cohortConveningsArray(doc), ...roleRoots(doc)], () => readConvenings(doc).map((c) => c.conveningId), sameItems)
  const here = useLiveQuery(async () => new Set((await db.convenings.bulkGet(ids)).filter(Boolean).map((r) => r?.id)), [db, ids])
  const iFacilitate = useIsFacilitator(doc, me)

  useEffect(() => {
    let cancelled = false
    readConveningDetails(db, ids, t).then(
      (found) => !cancelled && setDetails(found),
      (error: unknown) => console.warn('Convene: could not read the cohort’s convenings', error),
    )
    return () => {
      cancelled = true
    }
  }, [db, ids, here, t])

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
        <h2 id="timeline-heading">{t({ id: 'cohort.timeline.heading', defaultMessage: 'Timeline' })}</h2>
        <p className="muted small">
          {t({ id: 'cohort.timeline.about', defaultMessage: 'The thread between convenings: each convening, what it made, and how the projects moved on.' })}
        </p>
      </div>
      {iFacilitate && !readOnly && <StartConvening />}
      <div className="row wrap">
        <label className="sr-only" htmlFor="timeline-search">
          {t({ id: 'cohort.timeline.search', defaultMessage: 'Search the timeline' })}
        </label>
        <input
          id="timeline-search"
          type="search"
          className="grow"
          value={query}
          placeholder={t({ id: 'cohort.timeline.searchPlaceholder', defaultMessage: 'Search convenings, diagrams, scenarios, milestones, people…' })}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      <p className="muted small" role="status" aria-live="polite">
        {query.trim()
          ? t({ id: 'cohort.timeline.matches', defaultMessage: '{shown, number} of {count, plural, one {# entry} other {# entries}} match.' }, { shown: shown.length, count: items.length })
          : t({ id: 'cohort.timeline.count', defaultMessage: '{count, plural, one {# entry} other {# entries}}' }, { count: items.length })}
        {message ? ` ${message}` : ''}
      </p>
      {items.length === 0 ? (
        <p className="muted">
          {t({ id: 'cohort.timeline.empty', defaultMessage: 'Nothing yet. Convenings started from this cohort, milestones and clinics appear here.' })}
        </p>
      ) : (
        <ol className="timeline" aria-label={t({ id: 'cohort.timeline.list', defaultMessage: 'Cohort timeline, newest first' })}>
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
