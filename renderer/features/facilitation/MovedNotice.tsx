import type { ReactNode } from 'react'
import { useStore } from '../../sync'
import type { FacilitationController } from './controller'
import { PANEL_MESSAGES } from './panelControl'
import { strong } from './words'
import { useT } from '../../i18n'

/**
 * Being moved is never silent: after a summon ("Bring everyone here", or the start of
 * a segment) took this window to another panel, say who did it and offer the way back
 * to where I was. Polite, so a screen reader finishes what it is saying first.
 */
export function MovedNotice(props: { controller: FacilitationController }) {
  const { controller } = props
  const moved = useStore(controller.moved)
  const t = useT()
  const sentence = (): ReactNode => {
    if (!moved) return null
    const values = { name: moved.byName ?? t({ id: 'facilitation.moved.someFacilitator', defaultMessage: 'A facilitator' }), segment: moved.segment, panel: t(PANEL_MESSAGES[moved.to]), strong }
    if (moved.segment !== null) {
      return moved.byMe
        ? t({ id: 'facilitation.moved.youStarted', defaultMessage: 'You started “{segment}” and brought everyone to <strong>{panel}</strong>.' }, values)
        : t({ id: 'facilitation.moved.started', defaultMessage: '<strong>{name}</strong> started “{segment}” and brought everyone to <strong>{panel}</strong>.' }, values)
    }
    return moved.byMe
      ? t({ id: 'facilitation.moved.you', defaultMessage: 'You brought everyone to <strong>{panel}</strong>.' }, values)
      : t({ id: 'facilitation.moved.by', defaultMessage: '<strong>{name}</strong> brought everyone to <strong>{panel}</strong>.' }, values)
  }
  // One live region that stays in the page, so the announcement is not lost on mount.
  return (
    <div className="fx-moved-region" role="status" aria-live="polite" data-testid="fx-moved-region">
      {moved && (
        <div className="fx-banner fx-moved" data-testid="fx-moved">
          <span>{sentence()}</span>
          <button type="button" className="button small-button" onClick={() => controller.goBack()}>
            {t({ id: 'facilitation.moved.goBack', defaultMessage: 'Go back to {panel}' }, { panel: t(PANEL_MESSAGES[moved.from]) })}
          </button>
          <button
            type="button"
            className="link-button fx-moved-close"
            aria-label={t({ id: 'facilitation.moved.dismiss', defaultMessage: 'Dismiss this notice' })}
            onClick={() => controller.dismissMoved()}
          >
            ×
          </button>
        </div>
      )}
    </div>
  )
}
