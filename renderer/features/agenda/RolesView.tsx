import { ROLE_MESSAGES, aboutRoleMessages, readPeople, roleStanding, type Role } from '../../../shared/session'
import { roleTypes, sameRecords, useY, type ConveningSession } from '../../sync'
import { Notice, useNotice } from '../../ui'
import { useT } from '../../i18n'

/**
 * Who holds which role, the roles people asked for (facilitators confirm them here or
 * in the People list), and what a peer-to-peer room can and cannot enforce.
 */
export function RolesView(props: { session: ConveningSession; facilitates: boolean }) {
  const { session, facilitates } = props
  const doc = session.doc
  const people = useY(
    roleTypes(doc),
    () => readPeople(doc).flatMap((p) => {
      const standing = roleStanding(doc, p.id)
      return standing ? [{ id: p.id, name: p.name, ...standing }] : []
    }),
    sameRecords,
  )
  const { notice, run } = useNotice()
  const t = useT()
  const give = (id: string, role: Role): void => {
    void session.giveRole(id, role).then(run)
  }
  const asking = people.filter((p) => p.requested)
  return (
    <div className="stack">
      {facilitates && asking.length > 0 && (
        <section className="stack" aria-labelledby="ag-requests">
          <h3 id="ag-requests">{t({ id: 'agenda.roles.asked', defaultMessage: 'Asked for a role' })}</h3>
          <ul className="ag-roles">
            {asking.map((p) => (
              <li key={p.id} className="row wrap">
                <span className="grow">
                  {t(
                    { id: 'agenda.roles.request', defaultMessage: '{name} asked to be {requested}; they take part as {role} until you confirm.' },
                    { name: p.name, requested: t(ROLE_MESSAGES[p.requested!]), role: t(ROLE_MESSAGES[p.role]) },
                  )}
                </span>
                <button type="button" className="button primary" onClick={() => give(p.id, p.requested!)}>
                  {t({ id: 'agenda.roles.confirm', defaultMessage: 'Confirm as {role}' }, { role: t(ROLE_MESSAGES[p.requested!]) })}
                </button>
                <button type="button" className="button" onClick={() => give(p.id, 'practitioner')}>
                  {t({ id: 'agenda.roles.keep', defaultMessage: 'Keep as {role}' }, { role: t(ROLE_MESSAGES.practitioner) })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="stack" aria-labelledby="ag-roles-heading">
        <h3 id="ag-roles-heading">{t({ id: 'agenda.roles.heading', defaultMessage: 'Roles' })}</h3>
        <ul className="ag-roles" aria-label={t({ id: 'agenda.roles.list', defaultMessage: 'Everyone\'s role' })}>
          {people.map((p) => (
            <li key={p.id} className="row wrap">
              <span className="grow">
                {p.name}
                {p.id === session.me.id && <span className="muted"> {t({ id: 'agenda.you', defaultMessage: '(you)' })}</span>}: <strong>{t(ROLE_MESSAGES[p.role])}</strong>
                {p.isCreator && <span className="muted small"> · {t({ id: 'agenda.roles.creator', defaultMessage: 'started this convening' })}</span>}
                {p.grantedBy && (
                  <span className="muted small">
                    {' · '}
                    {t(
                      { id: 'agenda.roles.givenBy', defaultMessage: 'given by {name}' },
                      { name: people.find((q) => q.id === p.grantedBy)?.name ?? t({ id: 'agenda.roles.aFacilitator', defaultMessage: 'a facilitator' }) },
                    )}
                  </span>
                )}
              </span>
            </li>
          ))}
        </ul>
        {facilitates && <p className="muted small">{t({ id: 'agenda.roles.change', defaultMessage: 'Change someone’s role from their entry in the People list.' })}</p>}
        <Notice text={notice} />
      </section>
      <section className="ag-about subtle-box stack" aria-labelledby="ag-about-roles">
        <h3 id="ag-about-roles">{t({ id: 'agenda.roles.about', defaultMessage: 'About roles' })}</h3>
        {aboutRoleMessages(doc).map((message) => (
          <p key={message.id}>{t(message)}</p>
        ))}
      </section>
    </div>
  )
}
