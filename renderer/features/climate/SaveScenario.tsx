import { useState, type FormEvent } from 'react'
import { SCENARIO_NAME_MAX, saveScenario } from '../../../shared/climate'
import { useClimate } from './context'
import { CLIMATE_ORIGIN } from './liveScenario'

/** Save the shared levers as they stand under a name, for comparing later. */
export function SaveScenario() {
  const { session, live, readOnly } = useClimate()
  const [name, setName] = useState('')
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const result = saveScenario(session.doc, name, live.get().doc.values, { by: session.me.id }, CLIMATE_ORIGIN)
    if (result.ok) {
      setMessage({ ok: true, text: `Saved “${name.trim()}”. Compare it under Scenarios.` })
      setName('')
    } else setMessage({ ok: false, text: result.error.message })
  }
  return (
    <form className="save-scenario" aria-label="Save this scenario" onSubmit={submit}>
      <div className="field">
        <label htmlFor="climate-scenario-name">Scenario name</label>
        <div className="row">
          <input
            id="climate-scenario-name"
            value={name}
            maxLength={SCENARIO_NAME_MAX}
            placeholder="e.g. Carbon price and methane"
            disabled={readOnly}
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit" className="button" disabled={readOnly}>Save scenario</button>
        </div>
      </div>
      <p role="status" className={`small${message && !message.ok ? ' error' : ''}`}>{message?.text}</p>
    </form>
  )
}
