import { useId, useState } from 'react'
import type { ConveningSession } from '../../sync'
import { ConfirmRole, PersonExtras, RoleText, clock, zoneCity } from '../facilitation'
import { useMinute } from '../../ui'
import { useIntl, useT } from '../../i18n'

export interface RowPerson {
  id: string
  name: string
  colour: string
  timeZone: string | undefined
  isMe: boolean
  present: boolean
  /** "on Notes", "here", "away", "has left": where they are, in words. */
  where: string
  /** Their place in the queue of raised hands (1 = next), or 0. */
  hand: number
}

/**
 * One person on one line: colour, name, role, a raised hand. The line is a button that
 * opens their details (where they are, local time, follow, role); hovering it shows the
 * same facts as a tooltip. Screen readers hear where they are on the line itself.
 */
export function PersonRow(props: { session: ConveningSession; person: RowPerson }) {
  const { session, person } = props
  const t = useT()
  const intl = useIntl()
  const [open, setOpen] = useState(false)
  const detailId = useId()
  const zone = person.timeZone || 'UTC'
  const time = t({ id: 'convening.person.localTime', defaultMessage: '{time} in {city}' }, { time: clock(intl, useMinute() * 60_000, zone), city: zoneCity(zone) })
  return (
    <li className={open ? 'pp-person is-open' : 'pp-person'} data-testid="pp-person">
      <div className="pp-line">
        <button
          type="button"
          className="pp-toggle"
          aria-expanded={open}
          aria-controls={open ? detailId : undefined}
          title={t({ id: 'convening.person.tooltip', defaultMessage: '{name}: {where} · {time}' }, { name: person.name, where: person.where, time })}
          onClick={() => setOpen(!open)}
        >
          <span className={person.present ? 'swatch' : 'swatch hollow'} style={person.present ? { background: person.colour } : { borderColor: person.colour }} aria-hidden="true" />
          <span className="person-name">
            {person.name}
            {person.isMe && <span className="muted"> {t({ id: 'convening.person.you', defaultMessage: '(you)' })}</span>}
          </span>
          <span className="pp-role">
            {/* The role held (granted), not only the one declared: shared/session/roles.ts */}
            <RoleText session={session} personId={person.id} />
            <span className="sr-only"> · {person.where}</span>
          </span>
          {person.hand > 0 && (
            <span className="pp-hand">
              <span aria-hidden="true">{t({ id: 'convening.person.hand', defaultMessage: 'hand {place}' }, { place: person.hand })}</span>
              <span className="sr-only">
                ,{' '}
                {t(
                  { id: 'convening.person.handUp', defaultMessage: 'hand up ({place, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} in the queue)' },
                  { place: person.hand },
                )}
              </span>
            </span>
          )}
          <span className="pp-chevron" aria-hidden="true">
            {open ? '▴' : '▾'}
          </span>
        </button>
        <ConfirmRole session={session} personId={person.id} name={person.name} />
      </div>
      {open && (
        <div id={detailId} className="pp-detail" role="group" aria-label={t({ id: 'convening.person.about', defaultMessage: 'About {name}' }, { name: person.name })}>
          <PersonExtras session={session} personId={person.id} name={person.name} timeZone={person.timeZone} isMe={person.isMe} present={person.present} where={capitalise(person.where, intl.locale)} />
        </div>
      )}
    </li>
  )
}

/** "On Notes" for the details, from "on Notes" on the line (in every language we speak, a capital starts a sentence or has no case). */
function capitalise(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1)
}
