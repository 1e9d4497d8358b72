import { platform } from '../../../platform'
import { useStore } from '../../../sync'
import { FollowButtons } from '../FollowButtons'
import { cx, useCld } from './context'
import { freeSpot } from './keys'
import { PlayBar, PlayButton } from './PlayBar'
import { LockDiagramButton, type SetLock } from './LockBar'
import { afterCopy, pasteText, selectionText } from './transfer'
import { useT } from '../../../i18n'
import type { Message } from '../../../../shared/i18n'

const KEYS_HELP: Message = { id: 'diagram.keys.title', defaultMessage: 'Keys for the diagram' }

/** The diagram's tools; each one also has a key (see the keys list). */
export function Toolbar(props: { following: number | null; onFollow: (clientId: number | null) => void; onOpenHelp: () => void; onLock: SetLock }) {
  const cld = useCld()
  const can = useStore(cld.undo.can)
  const circle = useStore(cld.circle)
  const locked = useStore(cld.locked)
  const t = useT()
  const disabled = cld.readOnly || locked

  const copy = async (): Promise<void> => {
    const text = selectionText(cld)
    if (text === null) return
    if (await platform.copyText(text)) afterCopy(cld, false)
    else cld.notices.say(t({ id: 'diagram.toolbar.copyRefused', defaultMessage: 'The browser did not allow copying here: select on the canvas and press Ctrl+C.' }))
  }
  const paste = async (): Promise<void> => {
    try {
      pasteText(cld, await navigator.clipboard.readText(), cld.viewCentre())
    } catch {
      cld.notices.tell(t({ id: 'diagram.toolbar.pasteRefused', defaultMessage: 'The browser keeps the clipboard private here: click the canvas and press Ctrl+V to paste.' }))
    }
  }
  const undo = (): void => {
    if (!cld.undo.undo()) cld.notices.tell(t({ id: 'diagram.toolbar.nothingToUndo', defaultMessage: 'Nothing of yours to undo on this diagram.' }))
  }
  const redo = (): void => {
    if (!cld.undo.redo()) cld.notices.tell(t({ id: 'diagram.nothingToRedo', defaultMessage: 'Nothing to redo.' }))
  }

  return (
    <>
      <div className="dg-studio-toolbar" role="group" aria-label={t({ id: 'diagram.toolbar.label', defaultMessage: 'Diagram tools' })}>
        <button type="button" className="button small primary" disabled={disabled || circle} onClick={() => cld.draft.set({ at: freeSpot(cld, cld.viewCentre()) })}>
          {t({ id: 'diagram.toolbar.variable', defaultMessage: '+ Variable' })}
        </button>
        <button type="button" className="button small" disabled={disabled} onClick={() => cld.patterns.set(true)}>
          {t({ id: 'diagram.toolbar.patterns', defaultMessage: 'Patterns…' })}
        </button>
        <span className="dg-toolbar-sep" aria-hidden="true" />
        <button type="button" className="button quiet small" onClick={() => void copy()}>
          {t({ id: 'diagram.toolbar.copy', defaultMessage: 'Copy' })}
        </button>
        <button type="button" className="button quiet small" disabled={disabled} onClick={() => void paste()}>
          {t({ id: 'diagram.toolbar.paste', defaultMessage: 'Paste' })}
        </button>
        <button type="button" className="button quiet small" disabled={!can.undo} onClick={undo} aria-keyshortcuts="Control+Z Meta+Z">
          {t({ id: 'diagram.undo', defaultMessage: 'Undo' })}
        </button>
        <button type="button" className="button quiet small" disabled={!can.redo} onClick={redo} aria-keyshortcuts="Control+Shift+Z Control+Y Meta+Shift+Z">
          {t({ id: 'diagram.redo', defaultMessage: 'Redo' })}
        </button>
        <span className="dg-toolbar-sep" aria-hidden="true" />
        <button type="button" className={cx('button quiet small', circle && 'is-on')} aria-pressed={circle} onClick={() => cld.circle.set(!circle)}>
          {t({ id: 'diagram.toolbar.circle', defaultMessage: 'Circle view' })}
        </button>
        {circle && (
          <button
            type="button"
            className="button small"
            disabled={disabled}
            onClick={() => {
              cld.actions.applyLayout(cld.circleLayout())
              cld.circle.set(false)
            }}
          >
            {t({ id: 'diagram.toolbar.keepCircle', defaultMessage: 'Keep the circle' })}
          </button>
        )}
        <PlayButton />
        <LockDiagramButton onLock={props.onLock} locked={locked} />
        <span className="grow" />
        <FollowButtons hub={cld.hub} diagramId={cld.diagramId} following={props.following} onFollow={props.onFollow} />
        <button type="button" className="button quiet small dg-keys-button" onClick={props.onOpenHelp} aria-keyshortcuts="?" aria-label={t(KEYS_HELP)} title={t(KEYS_HELP)}>
          ?
        </button>
      </div>
      <PlayBar />
    </>
  )
}
