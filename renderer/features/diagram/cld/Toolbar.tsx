import { platform } from '../../../platform'
import { useStore } from '../../../sync'
import { FollowButtons } from '../FollowButtons'
import { cx, useCld } from './context'
import { freeSpot } from './keys'
import { PlayBar, PlayButton } from './PlayBar'
import { LockDiagramButton, type SetLock } from './LockBar'
import { afterCopy, pasteText, selectionText } from './transfer'

/** The diagram's tools; each one also has a key (see the keys list). */
export function Toolbar(props: { following: number | null; onFollow: (clientId: number | null) => void; onOpenHelp: () => void; onLock: SetLock }) {
  const cld = useCld()
  const can = useStore(cld.undo.can)
  const circle = useStore(cld.circle)
  const locked = useStore(cld.locked)
  const disabled = cld.readOnly || locked

  const copy = async (): Promise<void> => {
    const text = selectionText(cld)
    if (text === null) return
    if (await platform.copyText(text)) afterCopy(cld, false)
    else cld.notices.say('The browser did not allow copying here: select on the canvas and press Ctrl+C.')
  }
  const paste = async (): Promise<void> => {
    try {
      pasteText(cld, await navigator.clipboard.readText(), cld.viewCentre())
    } catch {
      cld.notices.tell('The browser keeps the clipboard private here: click the canvas and press Ctrl+V to paste.')
    }
  }
  const undo = (): void => {
    if (!cld.undo.undo()) cld.notices.tell('Nothing of yours to undo on this diagram.')
  }
  const redo = (): void => {
    if (!cld.undo.redo()) cld.notices.tell('Nothing to redo.')
  }

  return (
    <>
      <div className="dg-studio-toolbar" role="group" aria-label="Diagram tools">
        <button type="button" className="button small primary" disabled={disabled || circle} onClick={() => cld.draft.set({ at: freeSpot(cld, cld.viewCentre()) })}>
          + Variable
        </button>
        <button type="button" className="button small" disabled={disabled} onClick={() => cld.patterns.set(true)}>
          Patterns…
        </button>
        <span className="dg-toolbar-sep" aria-hidden="true" />
        <button type="button" className="button quiet small" onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" className="button quiet small" disabled={disabled} onClick={() => void paste()}>
          Paste
        </button>
        <button type="button" className="button quiet small" disabled={!can.undo} onClick={undo} aria-keyshortcuts="Control+Z Meta+Z">
          Undo
        </button>
        <button type="button" className="button quiet small" disabled={!can.redo} onClick={redo} aria-keyshortcuts="Control+Shift+Z Control+Y Meta+Shift+Z">
          Redo
        </button>
        <span className="dg-toolbar-sep" aria-hidden="true" />
        <button type="button" className={cx('button quiet small', circle && 'is-on')} aria-pressed={circle} onClick={() => cld.circle.set(!circle)}>
          Circle view
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
            Keep the circle
          </button>
        )}
        <PlayButton />
        <LockDiagramButton onLock={props.onLock} locked={locked} />
        <span className="grow" />
        <FollowButtons hub={cld.hub} diagramId={cld.diagramId} following={props.following} onFollow={props.onFollow} />
        <button type="button" className="button quiet small dg-keys-button" onClick={props.onOpenHelp} aria-keyshortcuts="?" aria-label="Keys for the diagram" title="Keys for the diagram">
          ?
        </button>
      </div>
      <PlayBar />
    </>
  )
}
