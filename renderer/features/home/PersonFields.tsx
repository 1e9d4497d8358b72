import { ROLES, ROLE_MESSAGES, NAME_MAX, type Role } from '../../../shared/session'
import { useT } from '../../i18n'

/** "Your name" and "Your role": the same two fields wherever a person enters a convening. */
export function PersonFields(props: {
  idPrefix: string
  name: string
  role: Role
  onName: (name: string) => void
  onRole: (role: Role) => void
}) {
  const { idPrefix } = props
  const t = useT()
  return (
    <>
      <label className="field" htmlFor={`${idPrefix}-name`}>
        <span>{t({ id: 'home.person.name', defaultMessage: 'Your name' })}</span>
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
        <span>{t({ id: 'home.person.role', defaultMessage: 'Your role' })}</span>
        <select id={`${idPrefix}-role`} value={props.role} onChange={(event) => props.onRole(event.target.value as Role)}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(ROLE_MESSAGES[role])}
            </option>
          ))}
        </select>
      </label>
    </>
  )
}
