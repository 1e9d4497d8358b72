import { useState } from 'react'
import { DEFAULT_LEVERS, LEVERS, LEVER_GROUPS, setAllLevers, setLeversLocked } from '../../../shared/climate'
import { CLIMATE_ORIGIN } from './liveScenario'
import { useAmFacilitator, useClimate, useLive, usePeopleNames } from './context'
import { LeverSlider } from './LeverSlider'

/** Who drives: the facilitator can lock the levers or open them to everyone. */
export function DriveControls() {
  const { session, readOnly } = useClimate()
  const lock = useLive((s) => s.doc.lock)
  const amFacilitator = useAmFacilitator()
  const names = usePeopleNames()
  const [message, setMessage] = useState<string | null>(null)
  const toggle = async (): Promise<void> => {
    const result = await setLeversLocked(session.doc, lock === null, { by: session.me.id, at: session.clock.now() }, CLIMATE_ORIGIN, session.claimSigner())
    setMessage(result.ok ? null : result.error.message)
  }
  return (
    <div className={`climate-drive${lock ? ' is-locked' : ''}`}>
      <p role="status" className="climate-drive-status">
        {lock
          ? `${names[lock.by] ?? 'The facilitator'} is driving: the levers are locked${amFacilitator ? ' for everyone but facilitators' : ''}.`
          : 'The levers are open: anyone can move them.'}
      </p>
      {amFacilitator && !readOnly && (
        <button type="button" className="button" aria-pressed={lock !== null} onClick={() => void toggle()}>
          {lock ? 'Open the levers to everyone' : 'Lock the levers (I drive)'}
        </button>
      )}
      {message && <p className="error small">{message}</p>}
    </div>
  )
}

export function LeverPanel() {
  const { session, readOnly } = useClimate()
  const locked = useLive((s) => s.doc.lock !== null)
  const amFacilitator = useAmFacilitator()
  const allDefault = useLive((s) => LEVERS.every((l) => s.shown[l.id] === DEFAULT_LEVERS[l.id]))
  const [message, setMessage] = useState<string | null>(null)
  const canMove = !readOnly && (!locked || amFacilitator)
  const resetAll = (): void => {
    const result = setAllLevers(session.doc, {}, 'the status quo', { by: session.me.id }, CLIMATE_ORIGIN)
    setMessage(result.ok ? null : result.error.message)
  }
  return (
    <section className="climate-levers" aria-labelledby="climate-levers-heading">
      <div className="row climate-levers-head">
        <h3 id="climate-levers-heading" className="grow">Policy levers</h3>
        <button type="button" className="button" disabled={!canMove || allDefault} onClick={resetAll}>
          Reset all levers
        </button>
      </div>
      <p className="small muted"><span className="band-key" aria-hidden="true" />Shaded: the status quo, today&rsquo;s policies carried forward.</p>
      {message && <p className="error small" role="alert">{message}</p>}
      {LEVER_GROUPS.map((group) => (
        <fieldset key={group} className="lever-group">
          <legend>{group}</legend>
          {LEVERS.filter((l) => l.group === group).map((l) => (
            <LeverSlider key={l.id} id={l.id} />
          ))}
        </fieldset>
      ))}
    </section>
  )
}
