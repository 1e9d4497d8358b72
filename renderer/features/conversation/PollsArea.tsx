import { pollIds } from '../../../shared/conversation'
import type { ConveningSession } from '../../sync'
import { useApp } from '../../app/context'
import { PollCard } from './PollCard'
import { PollCreate } from './PollCreate'
import { useConversationValue } from './hooks'
import { useMyAnonymousIds } from './settings'

/**
 * The Polls tab: facilitators make polls; everyone answers open ones and sees results
 * as each poll's settings allow. Newest first, so the poll being run is at the top.
 * This computer's anonymous answer keys live with its anonymous response ids (local only).
 */
export function PollsArea(props: { session: ConveningSession; facilitating: boolean; readOnly: boolean }) {
  const { session, facilitating, readOnly } = props
  const { db } = useApp()
  const mineAnonymous = useMyAnonymousIds(db, session.id)
  const ids = useConversationValue(session, () => pollIds(session.doc, { drafts: facilitating }).reverse(), `polls:${facilitating}`)
  return (
    <section className="stack" aria-label="Polls">
      {facilitating && <PollCreate session={session} readOnly={readOnly} startOpen={ids.length === 0} />}
      {ids.length === 0 && (
        <p className="cv-mode-waiting">{facilitating ? 'No polls yet: make one above.' : 'No polls yet. When a facilitator opens one, it shows here.'}</p>
      )}
      <ol className="cv-poll-list" aria-label="Polls in this convening">
        {ids.map((id) => (
          <PollCard key={id} session={session} id={id} facilitating={facilitating} readOnly={readOnly} mineAnonymous={mineAnonymous} />
        ))}
      </ol>
    </section>
  )
}
