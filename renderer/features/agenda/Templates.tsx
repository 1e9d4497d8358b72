import { useState } from 'react'
import {
  BUILT_IN_TEMPLATES,
  appendSegments,
  clearAgenda,
  formatMinutes,
  parseTemplate,
  readSegments,
  templateFromAgenda,
  templateSegments,
  totalMinutes,
  type AgendaTemplate,
} from '../../../shared/facilitation'
import { newItemId } from '../../../shared/session'
import { useLiveQuery, type ConveningSession } from '../../sync'
import { useApp } from '../../app/context'
import { Dialog, Notice, submitted, useNotice, plural } from '../../ui'

/** The facilitator's own templates, from this computer's library (each checked before use). */
function useOwnTemplates(): { templates: AgendaTemplate[]; damaged: number } {
  const { db } = useApp()
  const items = useLiveQuery(() => db.library.where('kind').equals('agenda-template').toArray(), [db]) ?? []
  const templates: AgendaTemplate[] = []
  let damaged = 0
  for (const item of items) {
    const data = typeof item.data === 'object' && item.data !== null ? item.data : {}
    const result = parseTemplate({ ...data, id: item.id, name: item.name })
    if (result.ok) templates.push(result.template)
    else damaged += 1
  }
  return { templates: templates.sort((a, b) => a.name.localeCompare(b.name)), damaged }
}

export function TemplatesButton(props: { session: ConveningSession; running: boolean }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Templates
      </button>
      <Dialog title="Agenda templates" open={open} onClose={() => setOpen(false)} wide>
        <TemplatesBody session={props.session} running={props.running} onDone={() => setOpen(false)} />
      </Dialog>
    </>
  )
}

function TemplatesBody(props: { session: ConveningSession; running: boolean; onDone: () => void }) {
  const { session, running, onDone } = props
  const { db } = useApp()
  const doc = session.doc
  const me = session.me.id
  const own = useOwnTemplates()
  const { notice, run, say, tell } = useNotice()
  const hasAgenda = readSegments(doc).length > 0

  const use = (template: AgendaTemplate, replace: boolean): void => {
    if (replace && !run(clearAgenda(doc, me, running))) return
    if (run(appendSegments(doc, me, templateSegments(template)))) onDone()
  }
  const remove = (id: string): void => {
    db.library.delete(id).catch(() => say('This template could not be removed.'))
  }

  const list = (templates: readonly AgendaTemplate[], mine: boolean) => (
    <ul className="ag-templates">
      {templates.map((t) => (
        <li key={t.id} className="ag-template">
          <div className="grow">
            <strong>{t.name}</strong>
            <span className="muted small">
              {' '}
              · {plural(t.segments.length, 'segment')}, {formatMinutes(totalMinutes(t) * 60_000)}
            </span>
            {t.description && <p className="muted small">{t.description}</p>}
          </div>
          <div className="row wrap">
            <button type="button" className="button" disabled={running} aria-label={hasAgenda ? `Replace the agenda with ${t.name}` : `Use ${t.name}`} onClick={() => use(t, true)}>
              {hasAgenda ? 'Replace the agenda' : 'Use'}
            </button>
            {hasAgenda && (
              <button type="button" className="button" aria-label={`Add ${t.name} at the end`} onClick={() => use(t, false)}>
                Add at the end
              </button>
            )}
            {mine && (
              <button type="button" className="button quiet danger-text" onClick={() => remove(t.id)}>
                Remove<span className="sr-only"> {t.name} from my templates</span>
              </button>
            )}
          </div>
        </li>
      ))}
    </ul>
  )

  return (
    <div className="stack">
      <h3>Built in</h3>
      {list(BUILT_IN_TEMPLATES, false)}
      <h3>Mine (kept on this computer)</h3>
      {own.templates.length > 0 ? list(own.templates, true) : <p className="muted">Save an agenda below to use it again in later convenings.</p>}
      {own.damaged > 0 && <p className="error">{own.damaged} saved template(s) could not be read and are not shown.</p>}
      {hasAgenda && <SaveTemplate session={session} onSaved={(name) => tell(`Saved “${name}” to your templates.`)} />}
      <Notice text={notice} />
    </div>
  )
}

function SaveTemplate(props: { session: ConveningSession; onSaved: (name: string) => void }) {
  const { db } = useApp()
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const { notice, say } = useNotice()
  const save = (): void => {
    const result = templateFromAgenda(readSegments(props.session.doc), newItemId(), name, description)
    if (!result.ok) return say(result.message)
    const { id, name: cleanName, ...data } = result.template
    db.library
      .put({ id, kind: 'agenda-template', name: cleanName, data, updatedAt: Date.now() })
      .then(() => {
        setName('')
        setDescription('')
        props.onSaved(cleanName)
      })
      .catch(() => say('The template could not be saved on this computer.'))
  }
  return (
    <form className="stack subtle-box" aria-label="Save this agenda as a template" onSubmit={submitted(save)}>
      <h3>Save this agenda as a template</h3>
      <label className="field" htmlFor="ag-template-name">
        <span>Name</span>
        <input id="ag-template-name" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field" htmlFor="ag-template-description">
        <span>What it is for (optional)</span>
        <input id="ag-template-description" value={description} maxLength={600} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <div className="row end">
        <button type="submit" className="button primary">
          Save template
        </button>
      </div>
      <Notice text={notice} />
    </form>
  )
}
