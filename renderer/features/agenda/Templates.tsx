import { useState } from 'react'
import {
  appendSegments,
  clearAgenda,
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
import { Dialog, Notice, submitted, useNotice } from '../../ui'
import { useT } from '../../i18n'
import { duration } from './format'
import { useLocalTemplates } from './localTemplates'

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
  const t = useT()
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t({ id: 'agenda.templates.button', defaultMessage: 'Templates' })}
      </button>
      <Dialog title={t({ id: 'agenda.templates.title', defaultMessage: 'Agenda templates' })} open={open} onClose={() => setOpen(false)} wide>
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
  const t = useT()
  const builtIn = useLocalTemplates()

  const use = (template: AgendaTemplate, replace: boolean): void => {
    if (replace && !run(clearAgenda(doc, me, running))) return
    if (run(appendSegments(doc, me, templateSegments(template)))) onDone()
  }
  const remove = (id: string): void => {
    db.library.delete(id).catch(() => say(t({ id: 'agenda.templates.removeFailed', defaultMessage: 'This template could not be removed.' })))
  }

  const list = (templates: readonly AgendaTemplate[], mine: boolean) => (
    <ul className="ag-templates">
      {templates.map((template) => (
        <li key={template.id} className="ag-template">
          <div className="grow">
            <strong>{template.name}</strong>
            <span className="muted small">
              {' · '}
              {t(
                { id: 'agenda.templates.size', defaultMessage: '{count, plural, one {# segment} other {# segments}}, {duration}' },
                { count: template.segments.length, duration: duration(t, totalMinutes(template) * 60_000) },
              )}
            </span>
            {template.description && <p className="muted small">{template.description}</p>}
          </div>
          <div className="row wrap">
            <button
              type="button"
              className="button"
              disabled={running}
              aria-label={
                hasAgenda
                  ? t({ id: 'agenda.templates.replaceWith', defaultMessage: 'Replace the agenda with {name}' }, { name: template.name })
                  : t({ id: 'agenda.templates.useNamed', defaultMessage: 'Use {name}' }, { name: template.name })
              }
              onClick={() => use(template, true)}
            >
              {hasAgenda ? t({ id: 'agenda.templates.replace', defaultMessage: 'Replace the agenda' }) : t({ id: 'agenda.templates.use', defaultMessage: 'Use' })}
            </button>
            {hasAgenda && (
              <button
                type="button"
                className="button"
                aria-label={t({ id: 'agenda.templates.addNamed', defaultMessage: 'Add {name} at the end' }, { name: template.name })}
                onClick={() => use(template, false)}
              >
                {t({ id: 'agenda.templates.add', defaultMessage: 'Add at the end' })}
              </button>
            )}
            {mine && (
              <button type="button" className="button quiet danger-text" onClick={() => remove(template.id)}>
                {t(
                  { id: 'agenda.templates.remove', defaultMessage: 'Remove<hidden> {name} from my templates</hidden>' },
                  { name: template.name, hidden: (chunks) => <span className="sr-only">{chunks}</span> },
                )}
              </button>
            )}
          </div>
        </li>
      ))}
    </ul>
  )

  return (
    <div className="stack">
      <h3>{t({ id: 'agenda.templates.builtIn', defaultMessage: 'Built in' })}</h3>
      {list(builtIn, false)}
      <h3>{t({ id: 'agenda.templates.mine', defaultMessage: 'Mine (kept on this computer)' })}</h3>
      {own.templates.length > 0 ? (
        list(own.templates, true)
      ) : (
        <p className="muted">{t({ id: 'agenda.templates.mineEmpty', defaultMessage: 'Save an agenda below to use it again in later convenings.' })}</p>
      )}
      {own.damaged > 0 && (
        <p className="error">
          {t({ id: 'agenda.templates.damaged', defaultMessage: '{count, plural, one {# saved template could not be read and is not shown.} other {# saved templates could not be read and are not shown.}}' }, { count: own.damaged })}
        </p>
      )}
      {hasAgenda && <SaveTemplate session={session} onSaved={(name) => tell(t({ id: 'agenda.templates.saved', defaultMessage: 'Saved “{name}” to your templates.' }, { name }))} />}
      <Notice text={notice} />
    </div>
  )
}

function SaveTemplate(props: { session: ConveningSession; onSaved: (name: string) => void }) {
  const { db } = useApp()
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const { notice, say } = useNotice()
  const t = useT()
  const save = (): void => {
    const result = templateFromAgenda(readSegments(props.session.doc), newItemId(), name, description)
    if (!result.ok) return say(result)
    const { id, name: cleanName, ...data } = result.template
    db.library
      .put({ id, kind: 'agenda-template', name: cleanName, data, updatedAt: Date.now() })
      .then(() => {
        setName('')
        setDescription('')
        props.onSaved(cleanName)
      })
      .catch(() => say(t({ id: 'agenda.templates.saveFailed', defaultMessage: 'The template could not be saved on this computer.' })))
  }
  return (
    <form className="stack subtle-box" aria-label={t({ id: 'agenda.templates.save', defaultMessage: 'Save this agenda as a template' })} onSubmit={submitted(save)}>
      <h3>{t({ id: 'agenda.templates.save', defaultMessage: 'Save this agenda as a template' })}</h3>
      <label className="field" htmlFor="ag-template-name">
        <span>{t({ id: 'agenda.templates.name', defaultMessage: 'Name' })}</span>
        <input id="ag-template-name" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field" htmlFor="ag-template-description">
        <span>{t({ id: 'agenda.templates.description', defaultMessage: 'What it is for (optional)' })}</span>
        <input id="ag-template-description" value={description} maxLength={600} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <div className="row end">
        <button type="submit" className="button primary">
          {t({ id: 'agenda.templates.saveSubmit', defaultMessage: 'Save template' })}
        </button>
      </div>
      <Notice text={notice} />
    </form>
  )
}
