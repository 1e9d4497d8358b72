import { useState, type FormEvent } from 'react'
import { createBehaviourGraph, createDiagram, createIceberg, type DiagramResult } from '../../../shared/diagram'
import { localOrigin } from '../../../shared/session'
import type { ConveningSession } from '../../sync'
import { Dialog } from '../../ui'

/** Creating and deleting whole diagrams is not part of any one diagram's undo. */
export const LIST_ORIGIN = localOrigin('diagram-list')

export type NewKind = 'cld' | 'iceberg' | 'aspirational' | 'bot'

export const KINDS: { id: NewKind; name: string; about: string }[] = [
  { id: 'cld', name: 'Causal loop diagram', about: 'Variables, links with polarity and delays, and the loops they make.' },
  { id: 'iceberg', name: 'Iceberg', about: 'From events down to patterns, structures and mental models, with shared notes.' },
  { id: 'aspirational', name: 'Aspirational iceberg', about: 'The same four levels, for the future the group wants.' },
  { id: 'bot', name: 'Behaviour over time', about: 'Each person sketches how something changes, in their own colour, to compare.' },
]

export function createOfKind(session: ConveningSession, kind: NewKind, title: string, extra: { valueLabel?: string; timeStart?: string; timeEnd?: string } = {}): DiagramResult<string> {
  if (kind === 'cld') return createDiagram(session.doc, { title, kind: 'cld' }, LIST_ORIGIN)
  if (kind === 'bot') return createBehaviourGraph(session.doc, { title, ...extra }, LIST_ORIGIN)
  return createIceberg(session.doc, { title, variant: kind === 'aspirational' ? 'aspirational' : 'current' }, LIST_ORIGIN)
}

export function NewDiagramDialog(props: { open: boolean; session: ConveningSession; count: number; onClose: () => void; onCreated: (id: string) => void }) {
  return (
    <Dialog title="New diagram" open={props.open} onClose={props.onClose}>
      {props.open && <NewDiagramForm {...props} />}
    </Dialog>
  )
}

function NewDiagramForm(props: { session: ConveningSession; count: number; onClose: () => void; onCreated: (id: string) => void }) {
  const [kind, setKind] = useState<NewKind>('cld')
  const [title, setTitle] = useState('')
  const [valueLabel, setValueLabel] = useState('')
  const [timeStart, setTimeStart] = useState('')
  const [timeEnd, setTimeEnd] = useState('')
  const [error, setError] = useState<string | null>(null)
  const fallback = `${KINDS.find((k) => k.id === kind)!.name} ${props.count + 1}`
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const result = createOfKind(props.session, kind, title.trim() || fallback, { valueLabel, timeStart, timeEnd })
    if (!result.ok) return setError(result.error.message)
    props.onCreated(result.value)
    props.onClose()
  }
  return (
    <form className="stack" onSubmit={submit} aria-label="New diagram">
      <fieldset className="field">
        <legend>Kind</legend>
        <div className="dg-kind-options">
          {KINDS.map((k) => (
            <label key={k.id} className="dg-kind-option">
              <input type="radio" name="kind" checked={kind === k.id} onChange={() => setKind(k.id)} />
              <span>
                <strong>{k.name}</strong>
                <span className="muted small"> {k.about}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="field">
        <span>Title</span>
        <input value={title} maxLength={200} placeholder={fallback} onChange={(e) => setTitle(e.target.value)} />
      </label>
      {kind === 'bot' && (
        <div className="stack">
          <label className="field">
            <span>What is changing? (optional)</span>
            <input value={valueLabel} maxLength={80} placeholder="e.g. Teacher workload" onChange={(e) => setValueLabel(e.target.value)} />
          </label>
          <div className="row">
            <label className="field grow">
              <span>Time from</span>
              <input value={timeStart} maxLength={80} placeholder="e.g. 2015" onChange={(e) => setTimeStart(e.target.value)} />
            </label>
            <label className="field grow">
              <span>to</span>
              <input value={timeEnd} maxLength={80} placeholder="e.g. 2030" onChange={(e) => setTimeEnd(e.target.value)} />
            </label>
          </div>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="row end">
        <button type="button" className="button" onClick={props.onClose}>
          Cancel
        </button>
        <button type="submit" className="button primary">
          Create
        </button>
      </div>
    </form>
  )
}
