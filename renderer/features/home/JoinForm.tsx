import { useState, type FormEvent } from 'react'
import { NameSchema, parseInvite, type Role } from '../../../shared/session'
import { joinConvening } from '../../sync'
import { joinCohort } from '../cohort'
import { useApp } from '../../app/context'
import { navigate } from '../../app/router'
import { PersonFields } from './PersonFields'

function isCohortInvite(text: string): boolean {
  const parsed = parseInvite(text)
  return parsed.ok && parsed.invite.kind === 'cohort'
}

/** Join from a pasted invite link or code (or one opened from a link, prefilled). */
export function JoinForm(props: { initialInvite?: string; autoFocusName?: boolean }) {
  const app = useApp()
  const [invite, setInvite] = useState(props.initialInvite ?? '')
  const [name, setName] = useState(app.identity.name)
  const [role, setRole] = useState<Role>('practitioner')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const parsed = parseInvite(invite)
    if (!parsed.ok) return setError(parsed.message)
    const checkedName = NameSchema.safeParse(name)
    if (!checkedName.success) return setError(checkedName.error.issues[0].message)
    setBusy(true)
    try {
      await app.saveIdentity({ ...app.identity, name: checkedName.data })
      if (parsed.invite.kind === 'cohort') {
        const cohort = await joinCohort(app.db, parsed.invite, role)
        return navigate({ name: 'cohort', id: cohort.id })
      }
      const record = await joinConvening(app.db, parsed.invite, role)
      navigate({ name: 'convening', id: record.id })
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
      setBusy(false)
    }
  }

  return (
    <form className="card stack" aria-labelledby="join-heading" onSubmit={(event) => void submit(event)}>
      <h2 id="join-heading">Join with an invite</h2>
      <label className="field" htmlFor="join-invite">
        <span>Invite link or code</span>
        <textarea
          id="join-invite"
          rows={3}
          value={invite}
          spellCheck={false}
          placeholder="convene://join?… or the code your facilitator shared"
          onChange={(event) => {
            setInvite(event.target.value)
            setError(null)
          }}
        />
      </label>
      <PersonFields idPrefix="join" name={name} role={role} onName={setName} onRole={setRole} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button primary" disabled={busy}>
        {isCohortInvite(invite) ? 'Join cohort' : 'Join convening'}
      </button>
    </form>
  )
}
