import { useState } from 'react'
import { DEFAULT_LEVERS, LEVERS, LEVER_GROUPS, setAllLevers, setLeversLocked } from '../../../shared/climate'
import { useIntl, useT } from '../../i18n'
import { CLIMATE_ORIGIN, STATUS_QUO_NAME } from './liveScenario'
import { useAmFacilitator, useClimate, useLive, usePeopleNames } from './context'
import { LeverSlider } from './LeverSlider'
import { groupName } from './names'

/** Who drives: the facilitator can lock the levers or open them to everyone. */
export function DriveControls() {
  const { session, readOnly } = useClimate()
  const t = useT()
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
        {lock === null
          ? t({ id: 'climate.drive.open', defaultMessage: 'The levers are open: anyone can move them.' })
          : amFacilitator
            ? t(
              { id: 'climate.drive.lockedButFacilitators', defaultMessage: '{name} is driving: the levers are locked for everyone but facilitators.' },
              { name: names[lock.by] ?? t({ id: 'climate.drive.theFacilitator', defaultMessage: 'The facilitator' }) },
            )
            : t(
              { id: 'climate.drive.locked', defaultMessage: '{name} is driving: the levers are locked.' },
              { name: names[lock.by] ?? t({ id: 'climate.drive.theFacilitator', defaultMessage: 'The facilitator' }) },
            )}
      </p>
      {amFacilitator && !readOnly && (
        <button type="button" className="button" aria-pressed={lock !== null} onClick={() => void toggle()}>
          {lock
            ? t({ id: 'climate.drive.openButton', defaultMessage: 'Open the levers to everyone' })
            : t({ id: 'climate.drive.lockButton', defaultMessage: 'Lock the levers (I drive)' })}
        </button>
      )}
      {message && <p className="error small">{message}</p>}
    </div>
  )
}

export function LeverPanel() {
  const { session, readOnly } = useClimate()
  const t = useT()
  const intl = useIntl()
  const locked = useLive((s) => s.doc.lock !== null)
  const amFacilitator = useAmFacilitator()
  const allDefault = useLive((s) => LEVERS.every((l) => s.shown[l.id] === DEFAULT_LEVERS[l.id]))
  const [message, setMessage] = useState<string | null>(null)
  const canMove = !readOnly && (!locked || amFacilitator)
  const resetAll = (): void => {
    const result = setAllLevers(session.doc, {}, STATUS_QUO_NAME, { by: session.me.id }, CLIMATE_ORIGIN)
    setMessage(result.ok ? null : result.error.message)
  }
  return (
    <section className="climate-levers" aria-labelledby="climate-levers-heading">
      <div className="row climate-levers-head">
        <h3 id="climate-levers-heading" className="grow">{t({ id: 'climate.levers.heading', defaultMessage: 'Policy levers' })}</h3>
        <button type="button" className="button" disabled={!canMove || allDefault} onClick={resetAll}>
          {t({ id: 'climate.levers.resetAll', defaultMessage: 'Reset all levers' })}
        </button>
      </div>
      <p className="small muted">
        <span className="band-key" aria-hidden="true" />
        {t({ id: 'climate.levers.band', defaultMessage: 'Shaded: the status quo, today’s policies carried forward.' })}
      </p>
      {message && <p className="error small" role="alert">{message}</p>}
      {LEVER_GROUPS.map((group) => (
        <fieldset key={group} className="lever-group">
          <legend>{groupName(intl, group)}</legend>
          {LEVERS.filter((l) => l.group === group).map((l) => (
            <LeverSlider key={l.id} id={l.id} />
          ))}
        </fieldset>
      ))}
    </section>
  )
}
