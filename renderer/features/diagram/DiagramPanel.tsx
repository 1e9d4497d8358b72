import { useEffect, useState } from 'react'
import { diagramsMap, listDiagrams } from '../../../shared/diagram'
import { sameRecords, useStore, useY, type ConveningSession, ValueStore } from '../../sync'
import { useFacilitates } from '../facilitation'
import { useT } from '../../i18n'
import { BehaviourGraph } from './bot/BehaviourGraph'
import { CldStudio, type StudioProps } from './cld/CldStudio'
import { DiagramTabs } from './DiagramTabs'
import { IcebergBoard } from './iceberg/IcebergBoard'
import { DEFAULT_TITLE, KINDS, NewDiagramDialog, createOfKind, type NewKind } from './NewDiagramDialog'
import { PresenceHub, type RosterEntry } from './presence'
import { useOwned } from './state'
import './diagram.css'

const remembered = (conveningId: string): string | null => {
  try {
    return sessionStorage.getItem(`convene:diagram:${conveningId}`)
  } catch {
    return null
  }
}

/**
 * The diagrams studio: the convening's diagrams as tabs (causal loop diagrams,
 * iceberg boards, behaviour-over-time graphs), the open one below. Which tab is open
 * is this person's own choice, unless they follow someone.
 */
export function DiagramPanel(props: { session: ConveningSession; readOnly: boolean }) {
  const { session, readOnly } = props
  const hub = useOwned(() => new PresenceHub(session.awareness), (h) => h.destroy(), [session])
  const list = useY(diagramsMap(session.doc), () => listDiagrams(session.doc), sameRecords)
  const [active, setActive] = useState<string | null>(() => remembered(session.id))
  const [following, setFollowing] = useState<number | null>(null)
  const [creating, setCreating] = useState(false)
  const facilitating = useFacilitates(session)
  const t = useT()
  const current = list.find((d) => d.id === active) ?? list[0] ?? null

  useEffect(() => {
    if (!current) return
    try {
      sessionStorage.setItem(`convene:diagram:${session.id}`, current.id)
    } catch {
      // Private windows may refuse storage: the tab is simply not remembered.
    }
  }, [session, current])

  // Following someone takes me to the diagram they are on.
  const roster = useStore(hub?.roster ?? EMPTY_ROSTER)
  const followed = following === null ? undefined : roster.find((p) => p.clientId === following)
  useEffect(() => {
    if (following !== null && !followed) setFollowing(null)
    else if (followed?.diagramId && followed.diagramId !== current?.id && list.some((d) => d.id === followed.diagramId)) setActive(followed.diagramId)
  }, [following, followed, current, list])

  if (!hub) return null
  const create = (kind: NewKind): void => {
    const result = createOfKind(session, kind, t(DEFAULT_TITLE, { kind, n: list.length + 1 }))
    if (result.ok) setActive(result.value)
  }
  const studio: StudioProps | null = current && { session, hub, diagramId: current.id, title: current.title, readOnly, facilitating, following, onFollow: setFollowing }
  return (
    <section className="diagram-panel" aria-label={t({ id: 'diagram.panel.label', defaultMessage: 'Diagrams' })}>
      <DiagramTabs session={session} hub={hub} list={list} current={current} readOnly={readOnly} facilitating={facilitating} onSelect={setActive} onNew={() => setCreating(true)} />
      <div className="diagram-tabpanel" id="diagram-tabpanel" role="tabpanel" aria-labelledby={current ? `diagram-tab-${current.id}` : undefined}>
        {!studio && <EmptyStudio readOnly={readOnly} onCreate={create} />}
        {studio && current?.kind === 'cld' && <CldStudio key={current.id} {...studio} />}
        {studio && current?.kind === 'iceberg' && <IcebergBoard key={current.id} {...studio} />}
        {studio && current?.kind === 'bot' && <BehaviourGraph key={current.id} {...studio} />}
      </div>
      <NewDiagramDialog open={creating} session={session} count={list.length} onClose={() => setCreating(false)} onCreated={setActive} />
    </section>
  )
}

const EMPTY_ROSTER = new ValueStore<RosterEntry[]>([])

function EmptyStudio(props: { readOnly: boolean; onCreate: (kind: NewKind) => void }) {
  const t = useT()
  return (
    <div className="diagram-empty stack">
      <h2>{t({ id: 'diagram.empty.title', defaultMessage: 'Map the situation together' })}</h2>
      <p className="muted">{t({ id: 'diagram.empty.body', defaultMessage: 'Start a diagram: everyone here sees it and can draw on it at the same time.' })}</p>
      <div className="dg-kind-cards">
        {KINDS.map((k) => (
          <button key={k.id} type="button" className="dg-kind-card" disabled={props.readOnly} onClick={() => props.onCreate(k.id)}>
            <strong>{t(k.name)}</strong>
            <span className="muted small">{t(k.about)}</span>
          </button>
        ))}
      </div>
    </div>
  )
}
