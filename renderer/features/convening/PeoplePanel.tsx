import { useId, useRef, useState, type ReactNode } from 'react'
import { groupsOf, isBreakoutOpen, readBreakout, readHands, runMap } from '../../../shared/facilitation'
import { PANELS, peopleMap, readPeople } from '../../../shared/session'
import { sameItems, sameJson, sameRecords, usePresentPeople, useY, type ConveningSession } from '../../sync'
import { HandsQueue, runTypes } from '../facilitation'
import { PersonRow, type RowPerson } from './PersonRow'
import { matchesName } from './peopleSearch'
import { Icon } from '../../ui'
import { useT } from '../../i18n'
import './people.css'

/** Where someone is, in words: a panel of the convening (as the navigation names it), here, away, or gone since this visit began. */
const WHERE = {
  id: 'convening.people.where',
  defaultMessage:
    '{where, select, agenda {on Agenda} notes {on Notes} diagram {on Diagrams} conversation {on Conversation} climate {on Climate} harvest {on Harvest} away {away} left {has left} other {here}}',
} as const

/** Past this many people away, their list starts folded (everyone here stays open). */
const FOLD_AWAY_FROM = 8

/**
 * Who is here (awareness: live, never stored) and who has been here (the document's
 * people list), one line each, so forty people fit on a shared screen: the raised
 * hands on top in their order, a search by name, and the people grouped as here now
 * (or by breakout group while breakouts run) and away. Someone seen during this visit
 * who is no longer present "has left".
 */
export function PeoplePanel(props: { session: ConveningSession; fold: { label: string; controls: string; onFold: () => void } }) {
  const { session } = props
  const t = useT()
  const doc = session.doc
  const present = usePresentPeople(session)
  const everyone = useY(peopleMap(doc), () => readPeople(doc), sameRecords)
  const hands = useY(runMap(doc), () => readHands(doc).map((h) => h.personId), sameItems)
  const breakout = useY(runTypes(doc), () => readBreakout(doc), sameJson)
  const groups = useY(runTypes(doc), () => {
    const b = readBreakout(doc)
    return b ? groupsOf(doc, b).map((g) => ({ id: g.group.id, name: g.group.name, members: g.members })) : []
  }, sameJson)
  const [query, setQuery] = useState('')
  const searchId = useId()
  const seen = useRef(new Set<string>())
  for (const person of present) seen.current.add(person.id)

  const handOf = (id: string): number => hands.indexOf(id) + 1
  const presentIds = new Set(present.map((p) => p.id))
  const here: RowPerson[] = present.map((p) => ({
    id: p.id,
    name: p.name,
    colour: p.colour,
    timeZone: p.timeZone,
    isMe: p.isMe,
    present: true,
    where: t(WHERE, { where: p.panel && (PANELS as readonly string[]).includes(p.panel) ? p.panel : 'here' }),
    hand: handOf(p.id),
  }))
  const away: RowPerson[] = everyone
    .filter((p) => !presentIds.has(p.id))
    .map((p) => ({
      id: p.id,
      name: p.name,
      colour: p.colour,
      timeZone: p.timeZone,
      isMe: false,
      present: false,
      where: t(WHERE, { where: seen.current.has(p.id) ? 'left' : 'away' }),
      hand: handOf(p.id),
    }))
  const shownHere = here.filter((p) => matchesName(p.name, query))
  const shownAway = away.filter((p) => matchesName(p.name, query))
  const searching = query.trim() !== ''
  const byGroup = breakout && isBreakoutOpen(breakout, session.clock) ? groups : null
  const rows = (people: RowPerson[]): ReactNode => people.map((p) => <PersonRow key={p.id} session={session} person={p} />)

  return (
    <aside className="people" aria-labelledby="people-heading">
      <div className="pp-head">
        <h2 id="people-heading">{t({ id: 'convening.people.title', defaultMessage: 'People' })}</h2>
        <button type="button" className="icon-button pp-fold-column" aria-label={props.fold.label} title={props.fold.label} aria-expanded="true" aria-controls={props.fold.controls} onClick={props.fold.onFold}>
          <Icon name={props.fold.controls === 'people-drawer' ? 'close' : 'foldRight'} />
        </button>
      </div>
      <HandsQueue session={session} />
      <div className="pp-search">
        <label className="sr-only" htmlFor={searchId}>
          {t({ id: 'convening.people.searchLabel', defaultMessage: 'Find a person by name' })}
        </label>
        <input
          id={searchId}
          type="search"
          placeholder={t({ id: 'convening.people.searchPlaceholder', defaultMessage: 'Find a person' })}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {searching && shownHere.length + shownAway.length === 0 && (
        <p className="muted small" role="status">
          {t({ id: 'convening.people.noMatch', defaultMessage: 'Nobody here is called “{query}”.' }, { query: query.trim() })}
        </p>
      )}
      {byGroup ? (
        <>
          {byGroup.map((g) => (
            <Section
              key={g.id}
              title={g.name}
              count={shownHere.filter((p) => g.members.includes(p.id)).length}
              label={t({ id: 'convening.people.inGroup', defaultMessage: 'People in {group}' }, { group: g.name })}
              searching={searching}
            >
              {rows(shownHere.filter((p) => g.members.includes(p.id)))}
            </Section>
          ))}
          <Section
            title={t({ id: 'convening.people.noGroup', defaultMessage: 'Not in a group' })}
            count={shownHere.filter((p) => !byGroup.some((g) => g.members.includes(p.id))).length}
            label={t({ id: 'convening.people.noGroupLabel', defaultMessage: 'People here now, not in a group' })}
            searching={searching}
          >
            {rows(shownHere.filter((p) => !byGroup.some((g) => g.members.includes(p.id))))}
          </Section>
        </>
      ) : (
        <Section
          title={t({ id: 'convening.people.here', defaultMessage: 'Here now' })}
          count={shownHere.length}
          label={t({ id: 'convening.people.hereLabel', defaultMessage: 'People here now' })}
          testId="people-present"
          searching={searching}
        >
          {rows(shownHere)}
        </Section>
      )}
      {away.length > 0 && (
        <Section
          title={t({ id: 'convening.people.away', defaultMessage: 'Away' })}
          count={shownAway.length}
          label={t({ id: 'convening.people.awayLabel', defaultMessage: 'People not here' })}
          testId="people-absent"
          className="absent"
          folded={away.length > FOLD_AWAY_FROM}
          searching={searching}
        >
          {rows(shownAway)}
        </Section>
      )}
    </aside>
  )
}

/** A heading that folds its list (while searching, every match shows). */
function Section(props: { title: string; count: number; label: string; testId?: string; className?: string; folded?: boolean; searching: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(!props.folded)
  const t = useT()
  const listId = useId()
  const shown = open || props.searching
  if (props.count === 0 && props.searching) return null
  return (
    <section className="pp-section">
      <h3 className="people-subheading">
        <button type="button" className="pp-fold" aria-expanded={shown} aria-controls={listId} disabled={props.searching} onClick={() => setOpen(!open)}>
          <span aria-hidden="true">{shown ? '▾' : '▸'}</span> {t({ id: 'convening.people.sectionCount', defaultMessage: '{title} ({count})' }, { title: props.title, count: props.count })}
        </button>
      </h3>
      <ul id={listId} className={`people-list ${props.className ?? ''}`} aria-label={props.label} data-testid={props.testId} hidden={!shown}>
        {shown && props.children}
      </ul>
    </section>
  )
}
