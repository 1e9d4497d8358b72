import { useState, type FormEvent } from 'react'
import { NameSchema, parseInvite, type Invite, type Role } from '../../../shared/session'
import { inviteChanges, joinConvening, type InviteChange } from '../../sync'
import { joinCohort } from '../cohort'
import { useApp } from '../../app/context'
import { navigate } from '../../app/router'
import { PersonFields } from './PersonFields'
import { errorMessage } from '../../../shared/errors'
import { useT, useRefusal } from '../../i18n'

function describeChange(change: InviteChange, t: ReturnType<typeof useT>): string {
  const list = (urls: string[]): string => (urls.length > 0 ? urls.join(', ') : t({ id: 'home.join.change.none', defaultMessage: 'none' }))
  if (change.what === 'secret') return t({ id: 'home.join.change.secret', defaultMessage: 'A different secret: it would join a different group of people under the same room.' })
  if (change.what === 'signaling') {
    return t({ id: 'home.join.change.signaling', defaultMessage: 'Signaling servers: {before} → {after}' }, { before: list(change.before), after: list(change.after) })
  }
  if (change.what === 'founder') {
    return change.before.length > 0
      ? t({ id: 'home.join.change.founder', defaultMessage: 'A different founder: the roles here would answer to someone else’s key.' })
      : t({ id: 'home.join.change.founderNew', defaultMessage: 'A founder key, where the copy here has none: roles would answer to that key from now on.' })
  }
  return t({ id: 'home.join.change.relays', defaultMessage: 'Relays: {before} → {after}' }, { before: list(change.before), after: list(change.after) })
}

function isCohortInvite(text: string): boolean {
  const parsed = parseInvite(text)
  return parsed.ok && parsed.invite.kind === 'cohort'
}

/** Join from a pasted invite link or code (or one opened from a link, prefilled). */
export function JoinForm(props: { initialInvite?: string; autoFocusName?: boolean; /** The invite came from a link and reads well: its text waits behind "Invite details". */ inviteFolded?: boolean }) {
  const app = useApp()
  const t = useT()
  const refusal = useRefusal()
  const [invite, setInvite] = useState(props.initialInvite ?? '')
  const [name, setName] = useState(app.identity.name)
  const [role, setRole] = useState<Role>('practitioner')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  /** An invite for a room already here that would change its secret or servers: asked first. */
  const [asking, setAsking] = useState<{ invite: Invite; title: string; changes: InviteChange[] } | null>(null)

  async function join(target: Invite, switchTo: boolean) {
    setBusy(true)
    try {
      if (target.kind === 'cohort') {
        const cohort = await joinCohort(app.db, target, role, switchTo)
        return navigate({ name: 'cohort', id: cohort.id })
      }
      const record = await joinConvening(app.db, target, role, switchTo)
      navigate({ name: 'convening', id: record.id })
    } catch (failure) {
      setError(errorMessage(failure))
      setBusy(false)
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    const parsed = parseInvite(invite)
    if (!parsed.ok) return setError(refusal(parsed))
    const checkedName = NameSchema.safeParse(name)
    if (!checkedName.success) return setError(refusal(checkedName.error.issues[0].message))
    await app.saveIdentity({ ...app.identity, name: checkedName.data })
    const existing = parsed.invite.kind === 'cohort' ? await app.db.cohorts.get(parsed.invite.room) : await app.db.convenings.get(parsed.invite.room)
    const changes = existing ? inviteChanges(existing, parsed.invite) : []
    if (existing && changes.length > 0) {
      return setAsking({ invite: parsed.invite, title: existing.title || t({ id: 'home.join.thisRoom', defaultMessage: 'this room' }), changes })
    }
    await join(parsed.invite, false)
  }

  if (asking) {
    const kind = asking.invite.kind === 'cohort' ? 'cohort' : 'convening'
    return (
      <section className="card stack" aria-labelledby="rekey-heading">
        <h2 id="rekey-heading">{t({ id: 'home.join.already', defaultMessage: 'You already have “{title}” here' }, { title: asking.title })}</h2>
        <p>
          {t(
            { id: 'home.join.sameRoom', defaultMessage: 'This invite is for the same {kind, select, cohort {cohort} other {convening}}, but it would change how this computer reaches it:' },
            { kind },
          )}
        </p>
        <ul className="stack" data-testid="invite-changes">
          {asking.changes.map((change) => (
            <li key={change.what}>{describeChange(change, t)}</li>
          ))}
        </ul>
        <p className="muted small">
          {t(
            {
              id: 'home.join.trust',
              defaultMessage:
                'Switch only if you trust who sent it. Someone who knows a room’s id can make an invite with a secret of their own; with it, your copy of this {kind, select, cohort {cohort} other {convening}} would be shared with them.',
            },
            { kind },
          )}
        </p>
        <div className="row wrap end">
          {/* Keeping is the safe choice, so it is the one that stands out. */}
          <button type="button" className="button primary" disabled={busy} onClick={() => void join(asking.invite, false)}>
            {t({ id: 'home.join.keep', defaultMessage: 'Keep what I have and open it' })}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void join(asking.invite, true)}>
            {t({ id: 'home.join.switch', defaultMessage: 'Use this invite instead' })}
          </button>
        </div>
      </section>
    )
  }

  const inviteField = (
    <label className="field" htmlFor="join-invite">
      <span>{t({ id: 'home.join.invite', defaultMessage: 'Invite link or code' })}</span>
      <textarea
        id="join-invite"
        rows={3}
        value={invite}
        spellCheck={false}
        placeholder={t({ id: 'home.join.invitePlaceholder', defaultMessage: 'convene://join?… or the code your facilitator shared' })}
        onChange={(event) => {
          setInvite(event.target.value)
          setError(null)
        }}
      />
    </label>
  )
  return (
    <form className="card stack" aria-labelledby="join-heading" onSubmit={(event) => void submit(event)}>
      <h2 id="join-heading">{t({ id: 'home.join.heading', defaultMessage: 'Join with an invite' })}</h2>
      {props.inviteFolded ? (
        <details className="join-invite-details">
          <summary>{t({ id: 'home.join.details', defaultMessage: 'Invite details' })}</summary>
          {inviteField}
        </details>
      ) : (
        inviteField
      )}
      <PersonFields idPrefix="join" name={name} role={role} onName={setName} onRole={setRole} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button primary" disabled={busy}>
        {isCohortInvite(invite) ? t({ id: 'home.join.cohort', defaultMessage: 'Join cohort' }) : t({ id: 'home.join.convening', defaultMessage: 'Join convening' })}
      </button>
    </form>
  )
}
