import { useMemo, useState } from 'react'
import { diagramLocks, runMap, type LockTarget, type RunResult } from '../../../../shared/facilitation'
import { newItemId } from '../../../../shared/session'
import { roleTypes, useStore, useY, type ConveningSession } from '../../../sync'
import { useCld } from './context'
import { useT } from '../../../i18n'

export type SetLock = (target: LockTarget, locked: boolean) => Promise<RunResult>

interface LockSummary {
  whole: { byName: string } | null
  regions: { regionId: string; byName: string; variables: string[]; links: string[] }[]
}

/**
 * This diagram's locks, read from the run of show (where lock records live). A string
 * snapshot, so other run-of-show changes (timers, hands) do not re-render the studio.
 */
export function useDiagramLocks(session: ConveningSession, diagramId: string): LockSummary {
  const text = useY([runMap(session.doc), ...roleTypes(session.doc)], () => {
    const locks = diagramLocks(session.doc, diagramId)
    const summary: LockSummary = {
      whole: locks.whole ? { byName: locks.whole.byName } : null,
      regions: locks.regions.map((r) => ({ regionId: r.regionId, byName: r.lock.byName, variables: r.variables, links: r.links })),
    }
    return JSON.stringify(summary)
  }, Object.is)
  return useMemo(() => JSON.parse(text) as LockSummary, [text])
}

/** What is locked here and by whom; facilitators unlock from it. */
export function LockBar(props: { locks: LockSummary; onLock: SetLock }) {
  const cld = useCld()
  const facilitating = useStore(cld.facilitating) && !cld.readOnly
  const { whole, regions } = props.locks
  const [busy, setBusy] = useState(false)
  const t = useT()
  const unlock = async (target: LockTarget): Promise<void> => {
    setBusy(true)
    const result = await props.onLock(target, false)
    setBusy(false)
    if (!result.ok) cld.notices.say(result)
    else cld.notices.tell(t({ id: 'diagram.lock.unlocked', defaultMessage: 'Unlocked: everyone can change it again.' }))
  }
  if (!whole && regions.length === 0) return null
  return (
    <div className="dg-lock-bar" role="status">
      {whole ? (
        <div className="dg-lock-row">
          <LockIcon />
          <span>
            {t(
              { id: 'diagram.lock.whole', defaultMessage: 'This diagram is locked by <strong>{name}</strong>. Nobody can change it until a facilitator unlocks it.' },
              { name: whole.byName, strong: (chunks) => <strong>{chunks}</strong> },
            )}
          </span>
          {facilitating && (
            <button type="button" className="button small" disabled={busy} onClick={() => void unlock({ kind: 'diagram', diagramId: cld.diagramId })}>
              {t({ id: 'diagram.lock.unlockDiagram', defaultMessage: 'Unlock diagram' })}
            </button>
          )}
        </div>
      ) : (
        regions.map((r) => (
          <div key={r.regionId} className="dg-lock-row">
            <LockIcon />
            <span>
              {t(
                {
                  id: 'diagram.lock.region',
                  defaultMessage:
                    '{what, select, both {{variables, plural, one {# variable} other {# variables}} and {links, plural, one {# link} other {# links}}} variables {{variables, plural, one {# variable} other {# variables}}} links {{links, plural, one {# link} other {# links}}} other {Nothing}} locked by <strong>{name}</strong>: marked with a lock on the map.',
                },
                { what: regionWhat(r.variables.length, r.links.length), variables: r.variables.length, links: r.links.length, name: r.byName, strong: (chunks) => <strong>{chunks}</strong> },
              )}
            </span>
            {facilitating && (
              <button type="button" className="button small" disabled={busy} onClick={() => void unlock({ kind: 'region', diagramId: cld.diagramId, regionId: r.regionId, variables: r.variables, links: r.links })}>
                {t({ id: 'diagram.lock.unlockThese', defaultMessage: 'Unlock these' })}
              </button>
            )}
          </div>
        ))
      )}
    </div>
  )
}

function regionWhat(variables: number, links: number): 'both' | 'variables' | 'links' | 'nothing' {
  return variables && links ? 'both' : variables ? 'variables' : links ? 'links' : 'nothing'
}

export function LockIcon() {
  return (
    <svg className="dg-lock-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
      <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  )
}

/** The facilitator's "Lock diagram" button in the tools. */
export function LockDiagramButton(props: { onLock: SetLock; locked: boolean }) {
  const cld = useCld()
  const facilitating = useStore(cld.facilitating) && !cld.readOnly
  const [busy, setBusy] = useState(false)
  const t = useT()
  if (!facilitating || props.locked) return null
  const lock = async (): Promise<void> => {
    setBusy(true)
    const result = await props.onLock({ kind: 'diagram', diagramId: cld.diagramId }, true)
    setBusy(false)
    if (!result.ok) cld.notices.say(result)
    else cld.notices.tell(t({ id: 'diagram.lock.locked', defaultMessage: 'Locked: nobody can change this diagram until a facilitator unlocks it.' }))
  }
  return (
    <button
      type="button"
      className="button quiet small"
      disabled={busy}
      onClick={() => void lock()}
      title={t({ id: 'diagram.lock.diagramTitle', defaultMessage: 'Nobody can change the diagram until a facilitator unlocks it' })}
    >
      <LockIcon /> {t({ id: 'diagram.lock.lockDiagram', defaultMessage: 'Lock diagram' })}
    </button>
  )
}

/** A region lock for the selected variables and links. */
export function lockSelection(onLock: SetLock, diagramId: string, variables: readonly string[], links: readonly string[]): Promise<RunResult> {
  return onLock({ kind: 'region', diagramId, regionId: newItemId(), variables, links }, true)
}
