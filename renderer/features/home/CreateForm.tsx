import { useState, type FormEvent } from 'react'
import { NameSchema, TITLE_MAX, TitleSchema, type Role } from '../../../shared/session'
import { createConvening } from '../../sync'
import { useApp } from '../../app/context'
import { navigate } from '../../app/router'
import { PersonFields } from './PersonFields'

export function CreateForm() {
  const app = useApp()
  const [title, setTitle] = useState('')
  const [name, setName] = useState(app.identity.name)
  const [role, setRole] = useState<Role>('facilitator')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const checkedTitle = TitleSchema.safeParse(title)
    const checkedName = NameSchema.safeParse(name)
    if (!checkedTitle.success) return setError(checkedTitle.error.issues[0].message)
    if (!checkedName.success) return setError(checkedName.error.issues[0].message)
    setBusy(true)
    try {
      await app.saveIdentity({ ...app.identity, name: checkedName.data })
      const record = await createConvening(app.db, { title: checkedTitle.data, role, signaling: app.network.signaling })
      navigate({ name: 'convening', id: record.id })
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
      setBusy(false)
    }
  }

  return (
    <form className="card stack" aria-labelledby="create-heading" onSubmit={(event) => void submit(event)}>
      <h2 id="create-heading">Start a convening</h2>
      <label className="field" htmlFor="create-title">
        <span>Title</span>
        <input
          id="create-title"
          value={title}
          maxLength={TITLE_MAX}
          placeholder="e.g. Cohort 4 — March gathering"
          required
          onChange={(event) => setTitle(event.target.value)}
        />
      </label>
      <PersonFields idPrefix="create" name={name} role={role} onName={setName} onRole={setRole} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button primary" disabled={busy}>
        Create convening
      </button>
    </form>
  )
}
