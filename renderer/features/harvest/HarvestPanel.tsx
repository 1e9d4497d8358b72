import { useState } from 'react'
import { ARCHIVE_MIME_TYPE, ARCHIVE_EXTENSION } from '../../../shared/session'
import type { SaveFileResult } from '../../../shared/ipc'
import { platform, savedMessage } from '../../platform'
import type { PanelProps } from '../convening'
import type { HarvestJobResult } from './jobs'
import { useHarvestJob, useHarvestPreview, useMyJournal, type JobState, type Whose } from './useHarvestJob'
import './harvest.css'
import { errorMessage } from '../../../shared/errors'

type Message = { tone: 'done' | 'error'; text: string } | null

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

  async function exportAs(kind: 'markdown' | 'html' | 'pdf' | 'archive', what: string) {
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
      setMessage({ tone: 'done', text: savedMessage(saved.result, saved.name) })
    } catch (error) {
      setMessage({ tone: 'error', text: `Could not save: ${errorMessage(error)}` })
    }
  }

  const busy = job !== null
  return (
    <section className="harvest stack" aria-labelledby="harvest-heading">
      <div>
        <h2 id="harvest-heading">Harvest</h2>
        <p className="muted small">Keep what this convening made: notes for your note tool or shared drive, a page to email, and an archive to move it to another computer.</p>
      </div>
      <div className="harvest-grid">
        <section className="card stack" aria-labelledby="harvest-export-heading">
          <h3 id="harvest-export-heading">Export the notes</h3>
          <fieldset className="field harvest-whose">
            <legend>Whose notes</legend>
            <label className="harvest-choice">
              <input type="radio" name="harvest-whose" checked={whose === 'convening'} onChange={() => setWhose('convening')} />
              <span>
                <strong>The convening&rsquo;s notes</strong>
                <span className="muted small">What the group shared: people, notes, action items, diagrams, responses, climate runs.</span>
              </span>
            </label>
            <label className="harvest-choice">
              <input type="radio" name="harvest-whose" checked={whose === 'mine'} onChange={() => setWhose('mine')} />
              <span>
                <strong>My notes</strong>
                <span className="muted small">
                  My private journal ({journal.length === 1 ? '1 entry' : `${journal.length} entries`}, only on this computer) with the shared notes. Nobody else&rsquo;s
                  private notes.
                </span>
              </span>
            </label>
          </fieldset>
          <div className="row wrap">
            <button type="button" className="button primary" disabled={busy} onClick={() => void exportAs('markdown', 'Markdown folder')}>
              Save Markdown folder (.zip)
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => void exportAs('html', 'Web page')}>
              Save web page (.html)
            </button>
            {platform.printToPdf && (
              <button type="button" className="button" disabled={busy} onClick={() => void exportAs('pdf', 'PDF')}>
                Save PDF
              </button>
            )}
          </div>
          {!platform.printToPdf && (
            <p className="muted small">For a PDF, open the saved web page and use your browser&rsquo;s Print, then Save as PDF.</p>
          )}
        </section>
        <section className="card stack" aria-labelledby="harvest-archive-heading">
          <h3 id="harvest-archive-heading">Archive this convening</h3>
          <p className="small">
            One <span className="mono">.convene</span> file with everything the group made here. Open it on another computer with
            &ldquo;Open an archive…&rdquo; on the home screen, as a new convening or merged into the same one.
          </p>
          <p className="muted small">It holds no invite secret and nobody&rsquo;s private journal.</p>
          <div>
            <button type="button" className="button" disabled={busy} onClick={() => void exportAs('archive', 'Archive')}>
              Save archive (.convene)
            </button>
          </div>
        </section>
      </div>
      <Progress job={job} />
      <p className={message?.tone === 'error' ? 'error' : 'harvest-done'} role={message?.tone === 'error' ? 'alert' : 'status'} aria-live="polite">
        {message?.text ?? ''}
      </p>
      <section className="card stack" aria-labelledby="harvest-preview-heading">
        <h3 id="harvest-preview-heading">Preview of the Markdown</h3>
        <pre className="harvest-preview" tabIndex={0} aria-labelledby="harvest-preview-heading" aria-busy={preview === null}>
          {preview ?? 'Preparing the preview…'}
        </pre>
      </section>
    </section>
  )
}

function Progress({ job }: { job: JobState | null }) {
  if (!job) return null
  return (
    <div className="harvest-progress stack" role="group" aria-label={`Saving: ${job.what}`}>
      <progress value={job.done} max={Math.max(1, job.total)} aria-label={`${job.what}: ${job.label}`} />
      <p className="muted small" aria-live="polite">
        {job.what}: {job.label}… ({job.done} of {job.total})
      </p>
    </div>
  )
}
