import { useState, type FormEvent } from 'react'
import { createBehaviourGraph, createDiagram, createIceberg, type DiagramResult } from '../../../shared/diagram'
import { localOrigin } from '../../../shared/session'
import type { Message } from '../../../shared/i18n'
import type { ConveningSession } from '../../sync'
import { Dialog } from '../../ui'
import { useT } from '../../i18n'

/** Creating and deleting whole diagrams is not part of any one diagram's undo. */
export const LIST_ORIGIN = localOrigin('diagram-list')

export type NewKind = 'cld' | 'iceberg' | 'aspirational' | 'bot'

export const KINDS: { id: NewKind; name: Message; about: Message }[] = [
  {
    id: 'cld',
    name: { id: 'diagram.kind.cld', defaultMessage: 'Causal loop diagram' },
    about: { id: 'diagram.kind.cldAbout', defaultMessage: 'Variables, links with polarity and delays, and the loops they make.' },
  },
  {
    id: 'iceberg',
    name: { id: 'diagram.kind.iceberg', defaultMessage: 'Iceberg' },
    about: { id: 'diagram.kind.icebergAbout', defaultMessage: 'From events down to patterns, structures and mental models, with shared notes.' },
  },
  {
    id: 'aspirational',
    name: { id: 'diagram.kind.aspirational', defaultMessage: 'Aspirational iceberg' },
    about: { id: 'diagram.kind.aspirationalAbout', defaultMessage: 'The same four levels, for the future the group wants.' },
  },
  {
    id: 'bot',
    name: { id: 'diagram.kind.bot', defaultMessage: 'Behaviour over time' },
    about: { id: 'diagram.kind.botAbout', defaultMessage: 'Each person sketches how something changes, in their own colour, to compare.' },
  },
]

/**
 * The title a new diagram gets when nobody types one ("Causal loop diagram 3"), in the
 * language of the person who creates it: it is their title, as if they had typed it.
 */
export const DEFAULT_TITLE: Message = {
  id: 'diagram.new.defaultTitle',
  defaultMessage: '{kind, select, cld {Causal loop diagram {n}} iceberg {Iceberg {n}} aspirational {Aspirational iceberg {n}} other {Behaviour over time {n}}}',
  description: 'The title of a new diagram nobody named: its kind and its number among the convening’s diagrams.',
}

export function createOfKind(session: ConveningSession, kind: NewKind, title: string, extra: { valueLabel?: string; timeStart?: string; timeEnd?: string } = {}): DiagramResult<string> {
  if (kind === 'cld') return createDiagram(session.doc, { title, kind: 'cld' }, LIST_ORIGIN)
  if (kind === 'bot') return createBehaviourGraph(session.doc, { title, ...extra }, LIST_ORIGIN)
  return createIceberg(session.doc, { title, variant: kind === 'aspirational' ? 'aspirational' : 'current' }, LIST_ORIGIN)
}

export function NewDiagramDialog(props: { open: boolean; session: ConveningSession; count: number; onClose: () => void; onCreated: (id: string) => void }) {
  const t = useT()
  return (
    <Dialog title={t({ id: 'diagram.new.title', defaultMessage: 'New diagram' })} open={props.open} onClose={props.onClose}>
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
  const t = useT()
  const fallback = t(DEFAULT_TITLE, { kind, n: props.count + 1 })
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const result = createOfKind(props.session, kind, title.trim() || fallback, { valueLabel, timeStart, timeEnd })
    if (!result.ok) return setError(result.error.message)
    props.onCreated(result.value)
    props.onClose()
  }
  return (
    <form className="stack" onSubmit={submit} aria-label={t({ id: 'diagram.new.title', defaultMessage: 'New diagram' })}>
      <fieldset className="field">
        <legend>{t({ id: 'diagram.new.kind', defaultMessage: 'Kind' })}</legend>
        <div className="dg-kind-options">
          {KINDS.map((k) => (
            <label key={k.id} className="dg-kind-option">
              <input type="radio" name="kind" checked={kind === k.id} onChange={() => setKind(k.id)} />
              <span>
                <strong>{t(k.name)}</strong>
                <span className="muted small"> {t(k.about)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="field">
        <span>{t({ id: 'diagram.new.titleField', defaultMessage: 'Title' })}</span>
        <input value={title} maxLength={200} placeholder={fallback} onChange={(e) => setTitle(e.target.value)} />
      </label>
      {kind === 'bot' && (
        <div className="stack">
          <label className="field">
            <span>{t({ id: 'diagram.new.valueLabel', defaultMessage: 'What is changing? (optional)' })}</span>
            <input value={valueLabel} maxLength={80} placeholder={t({ id: 'diagram.new.valueExample', defaultMessage: 'e.g. Teacher workload' })} onChange={(e) => setValueLabel(e.target.value)} />
          </label>
          <div className="row">
            <label className="field grow">
              <span>{t({ id: 'diagram.new.timeFrom', defaultMessage: 'Time from' })}</span>
              <input value={timeStart} maxLength={80} placeholder={t({ id: 'diagram.new.timeFromExample', defaultMessage: 'e.g. 2015' })} onChange={(e) => setTimeStart(e.target.value)} />
            </label>
            <label className="field grow">
              <span>{t({ id: 'diagram.new.timeTo', defaultMessage: 'to' })}</span>
              <input value={timeEnd} maxLength={80} placeholder={t({ id: 'diagram.new.timeToExample', defaultMessage: 'e.g. 2030' })} onChange={(e) => setTimeEnd(e.target.value)} />
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
          {t({ id: 'common.cancel', defaultMessage: 'Cancel' })}
        </button>
        <button type="submit" className="button primary">
          {t({ id: 'diagram.new.create', defaultMessage: 'Create' })}
        </button>
      </div>
    </form>
  )
}
