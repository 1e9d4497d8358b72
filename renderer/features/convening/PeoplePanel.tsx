import { useRef } from 'react'
import { peopleMap, readPeople, type Person, type PresentPerson } from '../../../shared/session'
import { usePresentPeople, useYDerived, type ConveningSession } from '../../sync'
import { PersonExtras, RoleText } from '../facilitation'

const PANEL_LABELS: Record<string, string> = {
  notes: 'Notes',
  diagram: 'Diagrams',
  conversation: 'Conversation',
  climate: 'Climate',
  harvest: 'Harvest',
  agenda: 'Agenda',
}

/**
 * Who is here (awareness: live, never stored) and who has been here (the document's
 * people list). Someone seen during this visit who is no longer present "has left".
 */
export function PeoplePanel(props: { session: ConveningSession }) {
  const { session } = props
  const present = usePresentPeople(session)
  const everyone = useYDerived(peopleMap(session.doc), () => readPeople(session.doc))
  const seen = useRef(new Set<string>())
  for (const person of present) seen.current.add(person.id)
  const presentIds = new Set(present.map((p) => p.id))
  const absent = everyone.filter((person) => !presentIds.has(person.id))

  return (
    <aside className="people" aria-labelledby="people-heading">
      <h2 id="people-heading">People</h2>
      <h3 className="people-subheading">Here now ({present.length})</h3>
      <ul className="people-list" aria-label="People here now" data-testid="people-present">
        {present.map((person) => (
          <PresentRow key={person.id} session={session} person={person} />
        ))}
      </ul>
      {absent.length > 0 && (
        <>
          <h3 className="people-subheading">Not here ({absent.length})</h3>
          <ul className="people-list absent" aria-label="People not here" data-testid="people-absent">
            {absent.map((person) => (
              <AbsentRow key={person.id} session={session} person={person} left={seen.current.has(person.id)} />
            ))}
          </ul>
        </>
      )}
    </aside>
  )
}

function PresentRow({ session, person }: { session: ConveningSession; person: PresentPerson }) {
  const where = person.panel ? PANEL_LABELS[person.panel] : undefined
  return (
    <li className="person">
      <span className="swatch" style={{ background: person.colour }} aria-hidden="true" />
      <span className="person-text">
        <span className="person-name">
          {person.name}
          {person.isMe && <span className="muted"> (you)</span>}
        </span>
        <span className="muted small">
          {/* The role held (granted), not only the one declared: shared/session/roles.ts */}
          <RoleText session={session} personId={person.id} />
          {where ? ` · on ${where}` : ''}
        </span>
        <PersonExtras session={session} personId={person.id} name={person.name} timeZone={person.timeZone} isMe={person.isMe} present />
      </span>
    </li>
  )
}

function AbsentRow({ session, person, left }: { session: ConveningSession; person: Person; left: boolean }) {
  return (
    <li className="person">
      <span className="swatch hollow" style={{ borderColor: person.colour }} aria-hidden="true" />
      <span className="person-text">
        <span className="person-name">{person.name}</span>
        <span className="muted small">
          <RoleText session={session} personId={person.id} /> · {left ? 'has left' : 'away'}
        </span>
        <PersonExtras session={session} personId={person.id} name={person.name} timeZone={person.timeZone} isMe={false} present={false} />
      </span>
    </li>
  )
}
