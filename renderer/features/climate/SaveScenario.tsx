import { useState, type FormEvent } from 'react'
import { SCENARIO_NAME_MAX, saveScenario } from '../../../shared/climate'
import { useT } from '../../i18n'
import { useClimate } from './context'
import { CLIMATE_ORIGIN } from './liveScenario'

/** Save the shared levers as they stand under a name, for comparing later. */
export function SaveScenario() {
  const { session, live, readOnly } = useClimate()
  const t = useT()
  const [name, setName] = useState('')
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const result = saveScenario(session.doc, name, live.get().doc.values, { by: session.me.id }, CLIMATE_ORIGIN)
    if (result.ok) {
      setMessage({ ok: true, text: t({ id: 'climate.save.saved', defaultMessage: 'Saved “{name}”. Compare it under Scenarios.' }, { name: name.trim() }) })
      setName('')
    } else setMessage({ ok: false, text: result.error.message })
  }
  return (
    <form className="save-scenario" aria-label={t({ id: 'climate.save.label', defaultMessage: 'Save this scenario' })} onSubmit={submit}>
      <div className="field">
        <label htmlFor="climate-scenario-name">{t({ id: 'climate.save.name', defaultMessage: 'Scenario name' })}</label>
        <div className="row">
          <input
            id="climate-scenario-name"
            value={name}
            maxLength={SCENARIO_NAME_MAX}
            placeholder={t({ id: 'climate.save.placeholder', defaultMessage: 'e.g. Carbon price and methane' })}
            disabled={readOnly}
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit" className="button" disabled={readOnly}>{t({ id: 'climate.save.button', defaultMessage: 'Save scenario' })}</button>
        </div>
      </div>
      <p role="status" className={`small${message && !message.ok ? ' error' : ''}`}>{message?.text}</p>
    </form>
  )
}
