import { useState } from 'react'
import { ARCHIVE_MIME_TYPE, ARCHIVE_EXTENSION } from '../../../shared/session'
import type { SaveFileResult } from '../../../shared/ipc'
import { platform, savedMessage } from '../../platform'
import type { PanelProps } from '../convening'
import type { HarvestJobResult } from './jobs'
import { useHarvestJob, useHarvestPreview, useMyJournal, type JobState, type Whose } from './useHarvestJob'
import './harvest.css'
import { errorMessage } from '../../../shared/errors'
import { useT } from '../../i18n'

type Message = { tone: 'done' | 'error'; text: string } | null

/** What is being saved, as the progress names it. */
const WHAT = {
  markdown: { id: 'harvest.what.markdown', defaultMessage: 'Markdown folder' },
  html: { id: 'harvest.what.html', defaultMessage: 'Web page' },
  pdf: { id: 'harvest.what.pdf', defaultMessage: 'PDF' },
  archive: { id: 'harvest.what.archive', defaultMessage: 'Archive' },
} as const

/**
 * Harvest: the convening as notes people keep (Markdown folder, one web page, PDF on
 * the desktop), a person's own notes with their journal, and the archive file.
 * Exports run in a worker: the convening goes on while they are written.
 */
export function HarvestPanel({ session }: PanelProps) {
  const journal = useMyJournal(session)
  const [whose, setWhose] = useState<Whose>('convening')
  const { job, run } = useHarvestJob(session, journal)
  const [message, setMessage] = useState<Message>(null)
  const preview = useHarvestPreview(session, whose, journal)
  const t = useT()

  async function exportAs(kind: 'markdown' | 'html' | 'pdf' | 'archive') {
    const what = t(WHAT[kind])
    setMessage(null)
    try {
      const result: HarvestJobResult = await run(kind === 'pdf' ? 'html' : kind, kind === 'archive' ? 'convening' : whose, what)
      let saved: { result: SaveFileResult; name: string }
      if (result.kind === 'markdown') {
        const name = `${result.name}.zip`
        saved = { name, result: await platform.saveFile({ suggestedName: name, data: result.zip, mimeType: 'application/zip' }) }
      } else if (result.kind === 'html' && kind === 'pdf' && platform.printToPdf) {
        const name = `${result.name}.pdf`
        saved = { name, result: await platform.printToPdf({ html: result.html, suggestedName: name }) }
      } else if (result.kind === 'html') {
        const name = `${result.name}.html`
        saved = { name, result: await platform.saveFile({ suggestedName: name, data: result.html, mimeType: 'text/html' }) }
      } else if (result.kind === 'archive') {
        const name = `${result.name}.${ARCHIVE_EXTENSION}`
        saved = { name, result: await platform.saveFile({ suggestedName: name, data: result.archive, mimeType: ARCHIVE_MIME_TYPE }) }
      } else return
      setMessage({ tone: 'done', text: savedMessage(t, saved.result, saved.name) })
    } catch (error) {
      setMessage({ tone: 'error', text: t({ id: 'harvest.saveFailed', defaultMessage: 'Could not save: {error}' }, { error: errorMessage(error) }) })
    }
  }

  const busy = job !== null
  return (
    <section className="harvest stack" aria-labelledby="harvest-heading">
      <div>
        <h2 id="harvest-heading">{t({ id: 'harvest.title', defaultMessage: 'Harvest' })}</h2>
        <p className="muted small">
          {t({
            id: 'harvest.intro',
            defaultMessage: 'Keep what this convening made: notes for your note tool or shared drive, a page to email, and an archive to move it to another computer.',
          })}
        </p>
      </div>
      <div className="harvest-grid">
        <section className="card stack" aria-labelledby="harvest-export-heading">
          <h3 id="harvest-export-heading">{t({ id: 'harvest.export.title', defaultMessage: 'Export the notes' })}</h3>
          <fieldset className="field harvest-whose">
            <legend>{t({ id: 'harvest.whose.legend', defaultMessage: 'Whose notes' })}</legend>
            <label className="harvest-choice">
              <input type="radio" name="harvest-whose" checked={whose === 'convening'} onChange={() => setWhose('convening')} />
              <span>
                <strong>{t({ id: 'harvest.whose.convening', defaultMessage: 'The convening’s notes' })}</strong>
                <span className="muted small">
                  {t({ id: 'harvest.whose.conveningHint', defaultMessage: 'What the group shared: people, notes, action items, diagrams, responses, climate runs.' })}
                </span>
              </span>
            </label>
            <label className="harvest-choice">
              <input type="radio" name="harvest-whose" checked={whose === 'mine'} onChange={() => setWhose('mine')} />
              <span>
                <strong>{t({ id: 'harvest.whose.mine', defaultMessage: 'My notes' })}</strong>
                <span className="muted small">
                  {t(
                    {
                      id: 'harvest.whose.mineHint',
                      defaultMessage:
                        'My private journal ({count, plural, one {# entry} other {# entries}}, only on this computer) with the shared notes. Nobody else’s private notes.',
                    },
                    { count: journal.length },
                  )}
                </span>
              </span>
            </label>
          </fieldset>
          <div className="row wrap">
            <button type="button" className="button primary" disabled={busy} onClick={() => void exportAs('markdown')}>
              {t({ id: 'harvest.save.markdown', defaultMessage: 'Save Markdown folder (.zip)' })}
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void exportAs('html')}>
              {t({ id: 'harvest.save.html', defaultMessage: 'Save web page (.html)' })}
            </button>
            {platform.printToPdf && (
              <button type="button" className="button" disabled={busy} onClick={() => void exportAs('pdf')}>
                {t({ id: 'harvest.save.pdf', defaultMessage: 'Save PDF' })}
              </button>
            )}
          </div>
          {!platform.printToPdf && (
            <p className="muted small">
              {t({ id: 'harvest.save.pdfHint', defaultMessage: 'For a PDF, open the saved web page and use your browser’s Print, then Save as PDF.' })}
            </p>
          )}
        </section>
        <section className="card stack" aria-labelledby="harvest-archive-heading">
          <h3 id="harvest-archive-heading">{t({ id: 'harvest.archive.title', defaultMessage: 'Archive this convening' })}</h3>
          <p className="small">
            {t(
              {
                id: 'harvest.archive.explain',
                defaultMessage:
                  'One <mono>.convene</mono> file with everything the group made here. Open it on another computer with “Open an archive…” on the home screen, as a new convening or merged into the same one.',
              },
              { mono: (chunks) => <span className="mono">{chunks}</span> },
            )}
          </p>
          <p className="muted small">{t({ id: 'harvest.archive.private', defaultMessage: 'It holds no invite secret and nobody’s private journal.' })}</p>
          <div>
            <button type="button" className="button" disabled={busy} onClick={() => void exportAs('archive')}>
              {t({ id: 'harvest.save.archive', defaultMessage: 'Save archive (.convene)' })}
            </button>
          </div>
        </section>
      </div>
      <Progress job={job} />
      <p className={message?.tone === 'error' ? 'error' : 'harvest-done'} role={message?.tone === 'error' ? 'alert' : 'status'} aria-live="polite">
        {message?.text ?? ''}
      </p>
      <section className="card stack" aria-labelledby="harvest-preview-heading">
        <h3 id="harvest-preview-heading">{t({ id: 'harvest.preview.title', defaultMessage: 'Preview of the Markdown' })}</h3>
        <pre className="harvest-preview" tabIndex={0} aria-labelledby="harvest-preview-heading" aria-busy={preview === null}>
          {preview ?? t({ id: 'harvest.preview.preparing', defaultMessage: 'Preparing the preview…' })}
        </pre>
      </section>
    </section>
  )
}

function Progress({ job }: { job: JobState | null }) {
  const t = useT()
  if (!job) return null
  return (
    <div className="harvest-progress stack" role="group" aria-label={t({ id: 'harvest.progress.group', defaultMessage: 'Saving: {what}' }, { what: job.what })}>
      <progress
        value={job.done}
        max={Math.max(1, job.total)}
        aria-label={t({ id: 'harvest.progress.bar', defaultMessage: '{what}: {label}' }, { what: job.what, label: job.label })}
      />
      <p className="muted small" aria-live="polite">
        {t({ id: 'harvest.progress.text', defaultMessage: '{what}: {label}… ({done} of {total})' }, { what: job.what, label: job.label, done: job.done, total: job.total })}
      </p>
    </div>
  )
}
