import { ROLES, ROLE_LABELS, NAME_MAX, type Role } from '../../../shared/session'

/** "Your name" and "Your role": the same two fields wherever a person enters a convening. */
export function PersonFields(props: {
  idPrefix: string
  name: string
  role: Role
  onName: (name: string) => void
  onRole: (role: Role) => void
}) {
  const { idPrefix } = props
  return (
    <>
      <label className="field" htmlFor={`${idPrefix}-name`}>
        <span>Your name</span>
        <input
          id={`${idPrefix}-name`}
          value={props.name}
          maxLength={NAME_MAX}
          autoComplete="name"
          required
          onChange={(event) => props.onName(event.target.value)}
        />
      </label>
      <label className="field" htmlFor={`${idPrefix}-role`}>
        <span>Your role</span>
        <select id={`${idPrefix}-role`} value={props.role} onChange={(event) => props.onRole(event.target.value as Role)}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </label>
    </>
  )
}
