import { pollIds } from '../../../shared/conversation'
import { sameItems, useY, type ConveningSession } from '../../sync'
import { useApp } from '../../app/context'
import { PollCard } from './PollCard'
import { PollCreate } from './PollCreate'
import { conversationTypes } from './hooks'
import { useMyAnonymousIds } from './settings'
import { useT } from '../../i18n'

/**
 * The Polls tab: facilitators make polls; everyone answers open ones and sees results
 * as each poll's settings allow. Newest first, so the poll being run is at the top.
 * This computer's anonymous answer keys live with its anonymous response ids (local only).
 */
export function PollsArea(props: { session: ConveningSession; facilitating: boolean; readOnly: boolean }) {
  const { session, facilitating, readOnly } = props
  const { db } = useApp()
  const t = useT()
  const mineAnonymous = useMyAnonymousIds(db, session.id)
  const ids = useY(conversationTypes(session.doc, 'polls'), () => pollIds(session.doc, { drafts: facilitating }).reverse(), sameItems)
  return (
    <section className="stack" aria-label={t({ id: 'conversation.tab.polls', defaultMessage: 'Polls' })}>
      {facilitating && <PollCreate session={session} readOnly={readOnly} startOpen={ids.length === 0} />}
      {ids.length === 0 && (
        <p className="cv-mode-waiting">
          {facilitating
            ? t({ id: 'conversation.polls.emptyFacilitator', defaultMessage: 'No polls yet: make one above.' })
            : t({ id: 'conversation.polls.empty', defaultMessage: 'No polls yet. When a facilitator opens one, it shows here.' })}
        </p>
      )}
      <ol className="cv-poll-list" aria-label={t({ id: 'conversation.polls.list', defaultMessage: 'Polls in this convening' })}>
        {ids.map((id) => (
          <PollCard key={id} session={session} id={id} facilitating={facilitating} readOnly={readOnly} mineAnonymous={mineAnonymous} />
        ))}
      </ol>
    </section>
  )
}
