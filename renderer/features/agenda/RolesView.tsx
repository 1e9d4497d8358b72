import { ROLE_LABELS, aboutRoles, readPeople, roleStanding, type Role } from '../../../shared/session'
import { roleTypes, sameRecords, useY, type ConveningSession } from '../../sync'
import { Notice, useNotice } from '../../ui'

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
  const give = (id: string, role: Role): void => {
    void session.giveRole(id, role).then(run)
  }
  const asking = people.filter((p) => p.requested)
  return (
    <div className="stack">
      {facilitates && asking.length > 0 && (
        <section className="stack" aria-labelledby="ag-requests">
          <h3 id="ag-requests">Asked for a role</h3>
          <ul className="ag-roles">
            {asking.map((p) => (
              <li key={p.id} className="row wrap">
                <span className="grow">
                  {p.name} asked to be {ROLE_LABELS[p.requested!]}; they take part as {ROLE_LABELS[p.role]} until you confirm.
                </span>
                <button type="button" className="button primary" onClick={() => give(p.id, p.requested!)}>
                  Confirm as {ROLE_LABELS[p.requested!]}
                </button>
                <button type="button" className="button" onClick={() => give(p.id, 'practitioner')}>
                  Keep as Practitioner
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="stack" aria-labelledby="ag-roles-heading">
        <h3 id="ag-roles-heading">Roles</h3>
        <ul className="ag-roles" aria-label="Everyone's role">
          {people.map((p) => (
            <li key={p.id} className="row wrap">
              <span className="grow">
                {p.name}
                {p.id === session.me.id && <span className="muted"> (you)</span>}: <strong>{ROLE_LABELS[p.role]}</strong>
                {p.isCreator && <span className="muted small"> · started this convening</span>}
                {p.grantedBy && <span className="muted small"> · given by {people.find((q) => q.id === p.grantedBy)?.name ?? 'a facilitator'}</span>}
              </span>
            </li>
          ))}
        </ul>
        {facilitates && <p className="muted small">Change someone’s role from their entry in the People list.</p>}
        <Notice text={notice} />
      </section>
      <section className="ag-about subtle-box stack" aria-labelledby="ag-about-roles">
        <h3 id="ag-about-roles">About roles</h3>
        {aboutRoles(doc).map((text) => (
          <p key={text}>{text}</p>
        ))}
      </section>
    </div>
  )
}
