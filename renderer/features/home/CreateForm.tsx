import { useState, type FormEvent } from 'react'
import type { z } from 'zod'
import { NameSchema, TITLE_MAX, TitleSchema, type Role } from '../../../shared/session'
import { createConvening } from '../../sync'
import { useApp, type AppServices } from '../../app/context'
import { navigate, type Route } from '../../app/router'
import { PersonFields } from './PersonFields'
import { errorMessage } from '../../../shared/errors'
import type { Message } from '../../../shared/i18n'
import { useT, useRefusal } from '../../i18n'

/** What the form starts: a convening here; a cohort passes its own (features/cohort). */
export interface CreateTarget {
  heading: Message
  titleLabel: Message
  placeholder: Message
  submitLabel: Message
  idPrefix: string
  titleSchema: z.ZodType<string>
  create(app: AppServices, title: string, role: Role): Promise<Route>
}

const CONVENING: CreateTarget = {
  heading: { id: 'home.create.heading', defaultMessage: 'Start a convening' },
  titleLabel: { id: 'home.create.title', defaultMessage: 'Title' },
  placeholder: { id: 'home.create.placeholder', defaultMessage: 'e.g. Cohort 4 — March gathering' },
  submitLabel: { id: 'home.create.submit', defaultMessage: 'Create convening' },
  idPrefix: 'create',
  titleSchema: TitleSchema,
  create: async (app, title, role) => {
    const record = await createConvening(app.db, { title, role, signaling: app.network.signaling, relays: app.network.relays, founder: app.signer.publicKey })
    return { name: 'convening', id: record.id }
  },
}

/** `embedded`: inside another card (no card of its own, no heading; named for screen readers). */
export function CreateForm(props: { target?: CreateTarget; embedded?: boolean }) {
  const app = useApp()
  const t = useT()
  const refusal = useRefusal()
  const target = props.target ?? CONVENING
  const [title, setTitle] = useState('')
  const [name, setName] = useState(app.identity.name)
  const [role, setRole] = useState<Role>('facilitator')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const { idPrefix } = target

  async function submit(event: FormEvent) {
    event.preventDefault()
    const checkedTitle = target.titleSchema.safeParse(title)
    const checkedName = NameSchema.safeParse(name)
    if (!checkedTitle.success) return setError(refusal(checkedTitle.error.issues[0].message))
    if (!checkedName.success) return setError(refusal(checkedName.error.issues[0].message))
    setBusy(true)
    try {
      await app.saveIdentity({ ...app.identity, name: checkedName.data })
      navigate(await target.create(app, checkedTitle.data, role))
    } catch (failure) {
      setError(errorMessage(failure))
      setBusy(false)
    }
  }

  return (
    <form
      className={props.embedded ? 'stack' : 'card stack'}
      {...(props.embedded ? { 'aria-label': t(target.heading) } : { 'aria-labelledby': `${idPrefix}-heading` })}
      onSubmit={(event) => void submit(event)}
    >
      {!props.embedded && <h2 id={`${idPrefix}-heading`}>{t(target.heading)}</h2>}
      <label className="field" htmlFor={`${idPrefix}-title`}>
        <span>{t(target.titleLabel)}</span>
        <input
          id={`${idPrefix}-title`}
          value={title}
          maxLength={TITLE_MAX}
          placeholder={t(target.placeholder)}
          required
          onChange={(event) => setTitle(event.target.value)}
        />
      </label>
      <PersonFields idPrefix={idPrefix} name={name} role={role} onName={setName} onRole={setRole} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button primary" disabled={busy}>
        {t(target.submitLabel)}
      </button>
    </form>
  )
}
