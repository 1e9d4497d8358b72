import { useStore } from '../../sync'
import type { Notices } from './notices'

/** The studio's one line of feedback; screen readers hear each new message. */
export function NoticeLine({ notices }: { notices: Notices }) {
  const notice = useStore(notices.current)
  return (
    <div className="dg-notice-line" role="status" aria-live="polite" data-testid="diagram-notice">
      {notice && (
        <p key={notice.id} className={notice.tone === 'error' ? 'dg-notice dg-notice-error' : 'dg-notice'}>
          {notice.text}
          <button type="button" className="dg-notice-close" aria-label="Dismiss message" onClick={() => notices.clear()}>
            ×
          </button>
        </p>
      )}
    </div>
  )
}
