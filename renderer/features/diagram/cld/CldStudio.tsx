import { useEffect, useMemo, useState, type KeyboardEvent } from 'react'
import { ReactFlowProvider } from '@xyflow/react'
import { diagramParts } from '../../../../shared/diagram'
import type { ConveningSession } from '../../../sync'
import { NoticeLine, isEditable } from '../../../ui'
import { useT } from '../../../i18n'
import type { PresenceHub } from '../presence'
import { useOwned } from '../state'
import { ArchetypePicker } from './ArchetypePicker'
import { Canvas } from './Canvas'
import { CldContext } from './context'
import { KeysHelp } from './KeysHelp'
import { LinkPicker } from './LinkPicker'
import { LockBar, useDiagramLocks, type SetLock } from './LockBar'
import { SelectionBar } from './SelectionBar'
import { CldSession } from './session'
import { SidePanel } from './SidePanel'
import { Toolbar } from './Toolbar'

export interface StudioProps {
  session: ConveningSession
  hub: PresenceHub
  diagramId: string
  title: string
  readOnly: boolean
  /** Facilitators (and co-facilitators) may also renumber loops and delete diagrams. */
  facilitating: boolean
  following: number | null
  onFollow: (clientId: number | null) => void
}

/** Undo and redo keys anywhere in a studio but inside a text field (which keeps its own). */
export function undoKeys(undo: { undo: () => boolean; redo: () => boolean }) {
  return (event: KeyboardEvent): void => {
    const mod = event.ctrlKey || event.metaKey
    if (!mod || isEditable(event.target)) return
    const key = event.key.toLowerCase()
    if (key === 'z' && !event.shiftKey) undo.undo()
    else if ((key === 'z' && event.shiftKey) || key === 'y') undo.redo()
    else return
    event.preventDefault()
  }
}

/** A causal loop diagram: tools, the selection's actions, the canvas, and its loops. */
export function CldStudio(props: StudioProps) {
  const { session, hub, diagramId, readOnly } = props
  const parts = useMemo(() => diagramParts(session.doc, diagramId), [session, diagramId])
  const cld = useOwned(() => (parts ? new CldSession(session.doc, diagramId, parts, hub, readOnly, { clock: session.clock, me: session.me.id }) : null), (c) => c?.destroy(), [session, diagramId, parts, hub, readOnly])
  const [help, setHelp] = useState(false)
  const t = useT()
  useEffect(() => cld?.facilitating.set(props.facilitating), [cld, props.facilitating])
  useEffect(() => cld?.setTranslator(t), [cld, t])
  const locks = useDiagramLocks(session, diagramId)
  useEffect(() => {
    cld?.locked.set(locks.whole !== null)
    cld?.store.setLocked(locks.regions.flatMap((r) => r.variables), locks.whole !== null)
  }, [cld, locks])
  const onLock: SetLock = (target, locked) => session.setLock(target, locked)
  if (!parts) {
    return (
      <p className="banner-inline">
        {t({ id: 'diagram.cld.missing', defaultMessage: 'This diagram cannot be opened: part of it is missing from the convening. The other diagrams are not affected.' })}
      </p>
    )
  }
  if (!cld) return null
  const following = props.following !== null && hub.peer(props.following)?.state?.diagramId === diagramId ? props.following : null
  const followed = following !== null ? hub.peer(following) : undefined
  return (
    <CldContext.Provider value={cld}>
      <ReactFlowProvider>
        <div className="cld-studio" onKeyDown={undoKeys(cld.undo)}>
          <Toolbar following={following} onFollow={props.onFollow} onOpenHelp={() => setHelp(true)} onLock={onLock} />
          <LockBar locks={locks} onLock={onLock} />
          <SelectionBar onLock={onLock} lockedRegions={locks.regions} />
          <NoticeLine notices={cld.notices} />
          {followed && (
            <div className="dg-follow-banner" style={{ borderColor: followed.colour }}>
              <span className="swatch" style={{ background: followed.colour }} aria-hidden="true" />
              {t({ id: 'diagram.follow.banner', defaultMessage: 'You are following {name}’s view. Panning or zooming stops it.' }, { name: followed.name })}
              <button type="button" className="button small" onClick={() => props.onFollow(null)}>
                {t({ id: 'diagram.follow.stop', defaultMessage: 'Stop following' })}
              </button>
            </div>
          )}
          <div className="cld-body">
            <Canvas title={props.title} following={following} onStopFollowing={() => props.onFollow(null)} onOpenHelp={() => setHelp(true)} />
            <SidePanel title={props.title} />
          </div>
          <LinkPicker />
          <ArchetypePicker />
          <KeysHelp open={help} onClose={() => setHelp(false)} />
        </div>
      </ReactFlowProvider>
    </CldContext.Provider>
  )
}
