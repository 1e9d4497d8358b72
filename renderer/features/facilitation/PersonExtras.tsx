import { formatUtcOffset, utcOffsetMinutes } from '../../../shared/facilitation'
import { ROLES, ROLE_MESSAGES, type Role } from '../../../shared/session'
import { useStore, type ConveningSession } from '../../sync'
import { Notice, useMinute, useNotice } from '../../ui'
import { useFacilitates, useStanding } from './hooks'
import { useController } from './useController'
import { hidden } from './words'
import { useIntl, useT } from '../../i18n'
import { clock, zoneCity } from './times'

/** "14:05 in Lisbon": a person's own time, beside their name. */
export function LocalTime(props: { timeZone: string | undefined }) {
  const at = useMinute() * 60_000
  const zone = props.timeZone || 'UTC'
  const t = useT()
  const intl = useIntl()
  return (
    <span
      className="fx-local-time"
      title={t({ id: 'facilitation.localTime.zone', defaultMessage: '{zone} ({offset})' }, { zone, offset: formatUtcOffset(utcOffsetMinutes(at, zone)) })}
      data-testid="fx-local-time"
    >
      {t({ id: 'facilitation.localTime.in', defaultMessage: '{time} in {city}' }, { time: clock(intl, at, zone), city: zoneCity(zone) })}
    </span>
  )
}

/** The role a person holds (not just the one they asked for), and what they asked for. */
export function RoleText(props: { session: ConveningSession; personId: string }) {
  const { session, personId } = props
  const standing = useStanding(session, personId)
  const t = useT()
  if (!standing) return null
  return (
    <span data-testid="role-text">
      {t(ROLE_MESSAGES[standing.role])}
      {standing.requested && (
        <span className="fx-request"> {t({ id: 'facilitation.role.asksDot', defaultMessage: '· asks to be {role}' }, { role: t(ROLE_MESSAGES[standing.requested]) })}</span>
      )}
    </span>
  )
}

/**
 * A person's details in the People panel, shown when their row is opened: where they
 * are, their local time, "Follow" (for someone here), and for facilitators the role
 * they hold (the one-click confirmation of a requested role stays on the row itself).
 */
export function PersonExtras(props: { session: ConveningSession; personId: string; name: string; timeZone: string | undefined; isMe: boolean; present: boolean; where: string }) {
  const { session, personId, name, isMe, present } = props
  const controller = useController(session)
  return (
    <span className="fx-person-extras">
      <span>{props.where}</span>
      <LocalTime timeZone={props.timeZone} />
      {present && !isMe && controller && <FollowToggle controller={controller} personId={personId} name={name} />}
      {!isMe && <RoleControls session={session} personId={personId} name={name} confirm={false} />}
    </span>
  )
}

/** For facilitators: the one click that gives someone the role they asked for (nothing when there is no request). */
export function ConfirmRole(props: { session: ConveningSession; personId: string; name: string }) {
  const { session, personId } = props
  const { standing, give, notice } = useRoleGrant(session, personId)
  const t = useT()
  if (!standing?.requested) return null
  return (
    <>
      <button type="button" className="link-button small" onClick={() => give(standing.requested!)}>
        {t({ id: 'facilitation.role.confirmNamed', defaultMessage: 'Confirm as {role}<hidden> ({name})</hidden>' }, { role: t(ROLE_MESSAGES[standing.requested]), name: props.name, hidden })}
      </button>
      <Notice text={notice} />
    </>
  )
}

/** The standing of someone whose role this facilitator may change (null for anyone else), and the way to change it. */
function useRoleGrant(session: ConveningSession, personId: string) {
  const facilitates = useFacilitates(session)
  const read = useStanding(session, personId)
  const { notice, run } = useNotice()
  const standing = !facilitates || !read || read.isCreator || personId === session.me.id ? null : read
  const give = (role: Role): void => {
    void session.giveRole(personId, role).then(run)
  }
  return { standing, give, notice }
}

/**
 * For facilitators only: the role someone holds, as a select, and the one click that
 * confirms a role they asked for. Used by the People panel and the cohort's members
 * (a cohort has the same people list and the same grant rules).
 */
export function RoleControls(props: { session: ConveningSession; personId: string; name: string; withRequest?: boolean; confirm?: boolean }) {
  const { session, personId, name } = props
  const { standing, give, notice } = useRoleGrant(session, personId)
  const t = useT()
  if (!standing) return null
  return (
    <span className="fx-role-controls">
      <label className="sr-only" htmlFor={`fx-role-${personId}`}>
        {t({ id: 'facilitation.role.of', defaultMessage: 'Role of {name}' }, { name })}
      </label>
      <select id={`fx-role-${personId}`} className="fx-role-select" value={standing.role} onChange={(e) => give(e.target.value as Role)}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(ROLE_MESSAGES[role])}
          </option>
        ))}
      </select>
      {props.withRequest && standing.requested && (
        <span className="fx-request small"> {t({ id: 'facilitation.role.asks', defaultMessage: 'asks to be {role}' }, { role: t(ROLE_MESSAGES[standing.requested]) })}</span>
      )}
      {standing.requested && props.confirm !== false && (
        <button type="button" className="link-button small" onClick={() => give(standing.requested!)}>
          {t({ id: 'facilitation.role.confirm', defaultMessage: 'Confirm as {role}' }, { role: t(ROLE_MESSAGES[standing.requested]) })}
        </button>
      )}
      <Notice text={notice} />
    </span>
  )
}

/** A role in a list of members: the select for those who may change it, the words for everyone else. */
export function RoleCell(props: { session: ConveningSession; personId: string; name: string; editable: boolean }) {
  const { session, personId } = props
  const facilitates = useFacilitates(session)
  const standing = useStanding(session, personId)
  const canChange = props.editable && facilitates && standing !== null && !standing.isCreator && personId !== session.me.id
  return canChange ? <RoleControls session={session} personId={personId} name={props.name} withRequest /> : <RoleText session={session} personId={personId} />
}

function FollowToggle(props: { controller: NonNullable<ReturnType<typeof useController>>; personId: string; name: string }) {
  const { controller, personId, name } = props
  const follow = useStore(controller.follow)
  const t = useT()
  const on = follow.target === personId
  return (
    <button type="button" className="link-button small" aria-pressed={on} onClick={() => (on ? controller.stopFollowing() : controller.followPerson(personId))}>
      {on
        ? t({ id: 'facilitation.follow.stopPerson', defaultMessage: 'Stop following<hidden> {name}</hidden>' }, { name, hidden })
        : t({ id: 'facilitation.follow.person', defaultMessage: 'Follow<hidden> {name}</hidden>' }, { name, hidden })}
    </button>
  )
}
