import { useState } from 'react'
import { ARCHIVE_EXTENSION } from '../../../shared/session'
import { useApp } from '../../app/context'
import { navigate } from '../../app/router'
import { platform } from '../../platform'
import { Dialog, plural } from '../../ui'
import { checkArchive, mergeIntoExisting, openAsNew, type CheckedArchive } from './importArchive'
import './harvest.css'
import { errorMessage } from '../../../shared/errors'

/** Home screen: open a `.convene` file as a new convening, or merge it into the same one here. */
export function OpenArchive() {
  const app = useApp()
  const [archive, setArchive] = useState<CheckedArchive | null>(null)
  const [choice, setChoice] = useState<'new' | 'merge'>('merge')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function pick() {
    setError(null)
    try {
      const file = await platform.openFile({ accept: [{ name: 'Convene archive', extensions: [ARCHIVE_EXTENSION] }] })
      if (!file) return
      const checked = await checkArchive(app.db, file.data, app.identity.personId)
      if (!checked.ok) return setError(`${file.name}: ${checked.message}`)
      setChoice(checked.archive.existing ? 'merge' : 'new')
      setArchive(checked.archive)
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }

  async function confirm(current: CheckedArchive) {
    setBusy(true)
    try {
      if (choice === 'merge' && current.existing) {
        const { record } = await mergeIntoExisting(app.db, current)
        setArchive(null)
        navigate({ name: 'convening', id: record.id })
      } else {
        const record = await openAsNew(app.db, current)
        setArchive(null)
        navigate({ name: 'convening', id: record.id })
      }
    } catch (failure) {
      setError(errorMessage(failure))
      setArchive(null)
    } finally {
      setBusy(false)
    }
  }

  const header = archive?.header
  return (
    <section className="card stack" aria-labelledby="open-archive-heading">
      <h2 id="open-archive-heading">Open an archive</h2>
      <p className="muted small">
        A <span className="mono">.convene</span> file saved from a convening&rsquo;s Harvest panel, on this computer or another.
      </p>
      <button type="button" className="button" onClick={() => void pick()}>
        Open an archive…
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <Dialog title={`Open “${header?.title || 'Untitled convening'}”`} open={archive !== null} onClose={() => setArchive(null)}>
        {archive && header && (
          <form
            className="stack"
            aria-label="Open the archive"
            onSubmit={(event) => {
              event.preventDefault()
              void confirm(archive)
            }}
          >
            <dl className="facts">
              <dt>Saved</dt>
              <dd>{new Date(header.createdAt).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' })}</dd>
              {header.metadata.exportedBy && (
                <>
                  <dt>By</dt>
                  <dd>{header.metadata.exportedBy}</dd>
                </>
              )}
              <dt>Holds</dt>
              <dd>
                {plural(archive.people, 'person', 'people')}, {plural(header.metadata.diagrams, 'diagram')}
              </dd>
            </dl>
            {archive.existing ? (
              <fieldset className="field">
                <legend>This convening is already on this computer</legend>
                <label className="toggle">
                  <input type="radio" name="archive-choice" checked={choice === 'merge'} onChange={() => setChoice('merge')} />
                  Merge into “{archive.existing.title || 'the convening'}” (keeps everything in both)
                </label>
                <label className="toggle">
                  <input type="radio" name="archive-choice" checked={choice === 'new'} onChange={() => setChoice('new')} />
                  Open as a new, separate convening
                </label>
              </fieldset>
            ) : (
              <p>It opens as a new convening on this computer, with a new invite. Nobody from the original convening is connected to it.</p>
            )}
            <div className="row end">
              <button type="button" className="button" onClick={() => setArchive(null)}>
                Cancel
              </button>
              <button type="submit" className="button primary" disabled={busy}>
                {choice === 'merge' && archive.existing ? 'Merge' : 'Open as new convening'}
              </button>
            </div>
          </form>
        )}
      </Dialog>
    </section>
  )
}
