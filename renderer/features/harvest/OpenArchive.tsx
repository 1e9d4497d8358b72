import { useState } from 'react'
import { ARCHIVE_EXTENSION } from '../../../shared/session'
import { useApp } from '../../app/context'
import { navigate } from '../../app/router'
import { platform } from '../../platform'
import { Dialog } from '../../ui'
import { useIntl, useT, useRefusal } from '../../i18n'
import { checkArchive, mergeIntoExisting, openAsNew, type CheckedArchive } from './importArchive'
import './harvest.css'
import { errorMessage } from '../../../shared/errors'

/** Home screen: open a `.convene` file as a new convening, or merge it into the same one here. */
export function OpenArchive() {
  const app = useApp()
  const t = useT()
  const intl = useIntl()
  const refusal = useRefusal()
  const [archive, setArchive] = useState<CheckedArchive | null>(null)
  const [choice, setChoice] = useState<'new' | 'merge'>('merge')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function pick() {
    setError(null)
    try {
      const file = await platform.openFile({
        accept: [{ name: t({ id: 'harvest.open.fileKind', defaultMessage: 'Convene archive', description: 'The kind of file in the system’s Open dialog' }), extensions: [ARCHIVE_EXTENSION] }],
      })
      if (!file) return
      const checked = await checkArchive(app.db, file.data, app.identity.personId)
      if (!checked.ok) return setError(t({ id: 'harvest.open.refused', defaultMessage: '{file}: {problem}' }, { file: file.name, problem: refusal(checked) }))
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
        const { record } = await mergeIntoExisting(app.db, current, t)
        setArchive(null)
        navigate({ name: 'convening', id: record.id })
      } else {
        const record = await openAsNew(app.db, current, t)
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
      <h2 id="open-archive-heading">{t({ id: 'harvest.open.title', defaultMessage: 'Open an archive' })}</h2>
      <p className="muted small">
        {t(
          { id: 'harvest.open.explain', defaultMessage: 'A <mono>.convene</mono> file saved from a convening’s Harvest panel, on this computer or another.' },
          { mono: (chunks) => <span className="mono">{chunks}</span> },
        )}
      </p>
      <button type="button" className="button" onClick={() => void pick()}>
        {t({ id: 'harvest.open.button', defaultMessage: 'Open an archive…' })}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <Dialog
        title={t(
          { id: 'harvest.open.dialogTitle', defaultMessage: 'Open “{title}”' },
          { title: header?.title || t({ id: 'harvest.open.untitled', defaultMessage: 'Untitled convening' }) },
        )}
        open={archive !== null}
        onClose={() => setArchive(null)}
      >
        {archive && header && (
          <form
            className="stack"
            aria-label={t({ id: 'harvest.open.form', defaultMessage: 'Open the archive' })}
            onSubmit={(event) => {
              event.preventDefault()
              void confirm(archive)
            }}
          >
            <dl className="facts">
              <dt>{t({ id: 'harvest.open.saved', defaultMessage: 'Saved' })}</dt>
              <dd>{intl.formatDate(header.createdAt, { dateStyle: 'long', timeStyle: 'short' })}</dd>
              {header.metadata.exportedBy && (
                <>
                  <dt>{t({ id: 'harvest.open.by', defaultMessage: 'By' })}</dt>
                  <dd>{header.metadata.exportedBy}</dd>
                </>
              )}
              <dt>{t({ id: 'harvest.open.holds', defaultMessage: 'Holds' })}</dt>
              <dd>
                {t(
                  {
                    id: 'harvest.open.holdsValue',
                    defaultMessage: '{people, plural, one {# person} other {# people}}, {diagrams, plural, one {# diagram} other {# diagrams}}',
                  },
                  { people: archive.people, diagrams: header.metadata.diagrams },
                )}
              </dd>
            </dl>
            {archive.existing ? (
              <fieldset className="field">
                <legend>{t({ id: 'harvest.open.alreadyHere', defaultMessage: 'This convening is already on this computer' })}</legend>
                <label className="toggle">
                  <input type="radio" name="archive-choice" checked={choice === 'merge'} onChange={() => setChoice('merge')} />
                  {t(
                    { id: 'harvest.open.mergeChoice', defaultMessage: 'Merge into “{title}” (keeps everything in both)' },
                    { title: archive.existing.title || t({ id: 'harvest.open.theConvening', defaultMessage: 'the convening' }) },
                  )}
                </label>
                <label className="toggle">
                  <input type="radio" name="archive-choice" checked={choice === 'new'} onChange={() => setChoice('new')} />
                  {t({ id: 'harvest.open.newChoice', defaultMessage: 'Open as a new, separate convening' })}
                </label>
              </fieldset>
            ) : (
              <p>
                {t({
                  id: 'harvest.open.asNew',
                  defaultMessage: 'It opens as a new convening on this computer, with a new invite. Nobody from the original convening is connected to it.',
                })}
              </p>
            )}
            <div className="row end">
              <button type="button" className="button" onClick={() => setArchive(null)}>
                {t({ id: 'common.cancel', defaultMessage: 'Cancel' })}
              </button>
              <button type="submit" className="button primary" disabled={busy}>
                {choice === 'merge' && archive.existing
                  ? t({ id: 'harvest.open.merge', defaultMessage: 'Merge' })
                  : t({ id: 'harvest.open.openAsNew', defaultMessage: 'Open as new convening' })}
              </button>
            </div>
          </form>
        )}
      </Dialog>
    </section>
  )
}
