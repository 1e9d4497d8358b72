import { useStore } from '../../sync'
import type { FacilitationController } from './controller'
import { PANEL_LABELS } from './panelControl'

/**
 * Being moved is never silent: after a summon ("Bring everyone here", or the start of
 * a segment) took this window to another panel, say who did it and offer the way back
 * to where I was. Polite, so a screen reader finishes what it is saying first.
 */
export function MovedNotice(props: { controller: FacilitationController }) {
  const { controller } = props
  const moved = useStore(controller.moved)
  // One live region that stays in the page, so the announcement is not lost on mount.
  return (
    <div className="fx-moved-region" role="status" aria-live="polite" data-testid="fx-moved-region">
      {moved && (
        <div className="fx-banner fx-moved" data-testid="fx-moved">
          <span>
            {moved.byMe ? 'You' : <strong>{moved.byName}</strong>}
            {moved.segment ? ` started “${moved.segment}” and brought everyone to ` : ' brought everyone to '}
            <strong>{PANEL_LABELS[moved.to]}</strong>.
          </span>
          <button type="button" className="button small-button" onClick={() => controller.goBack()}>
            Go back to {PANEL_LABELS[moved.from]}
          </button>
          <button type="button" className="link-button fx-moved-close" aria-label="Dismiss this notice" onClick={() => controller.dismissMoved()}>
            ×
          </button>
        </div>
      )}
    </div>
  )
}
