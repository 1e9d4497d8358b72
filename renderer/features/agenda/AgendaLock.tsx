import { useState } from 'react'
import type { ActiveLock } from '../../../shared/facilitation'
import type { ConveningSession } from '../../sync'
import { Notice, useNotice } from '../../ui'
import { useT } from '../../i18n'

/**
 * The agenda's lock: who locked it, and for facilitators the way to lock or unlock.
 * Locked, nobody changes the segments (the convening still runs: start, next, end).
 */
export function AgendaLock(props: { session: ConveningSession; lock: ActiveLock | null; facilitates: boolean; readOnly: boolean }) {
  const { session, lock, facilitates, readOnly } = props
  const [busy, setBusy] = useState(false)
  const { notice, run } = useNotice()
  const t = useT()
  const set = async (locked: boolean): Promise<void> => {
    setBusy(true)
    run(await session.setLock({ kind: 'agenda' }, locked))
    setBusy(false)
  }
  const can = facilitates && !readOnly
  if (!lock && !can) return null
  return (
    <div className={lock ? 'ag-lock is-locked' : 'ag-lock'} role={lock ? 'status' : undefined}>
      {lock ? (
        <span>
          <svg className="ag-lock-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
            <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
            <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
          </svg>{' '}
          {t(
            {
              id: 'agenda.lock.locked',
              defaultMessage: 'The agenda is locked by <strong>{name}</strong>. Nobody can change the segments until a facilitator unlocks it; the convening still runs.',
            },
            { name: lock.byName, strong: (chunks) => <strong>{chunks}</strong> },
          )}
        </span>
      ) : null}
      {can && (
        <button type="button" className="button quiet small" disabled={busy} onClick={() => void set(!lock)}>
          {lock ? t({ id: 'agenda.lock.unlock', defaultMessage: 'Unlock the agenda' }) : t({ id: 'agenda.lock.lock', defaultMessage: 'Lock the agenda' })}
        </button>
      )}
      <Notice text={notice} />
    </div>
  )
}
