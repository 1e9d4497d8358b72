import { shownVoteIds } from '../../../shared/facilitation'
import { sameItems, useY, type ConveningSession } from '../../sync'
import { useApp } from '../../app/context'
import { runTypes, useFacilitates } from '../facilitation'
import { useMyAnonymousIds } from './hooks'
import { VoteCard } from './VoteCard'
import './votes.css'
import { useT } from '../../i18n'

/**
 * Where a running vote shows to everyone: a calm card at the side of the convening (or
 * cohort), beside whatever panel people are on, so they can look at the diagram or the
 * responses while they place their dots. Ended votes stay here with their results until
 * a facilitator closes them; nothing is shown when no vote is.
 */
export function VoteDock(props: { session: ConveningSession; readOnly?: boolean }) {
  const { session } = props
  const { db } = useApp()
  const ids = useY(runTypes(session.doc), () => shownVoteIds(session.doc), sameItems)
  const facilitates = useFacilitates(session)
  const mineAnonymous = useMyAnonymousIds(db, session.id)
  const t = useT()
  if (ids.length === 0) return null
  return (
    <aside className="vt-dock" aria-label={t({ id: 'votes.dock.label', defaultMessage: '{count, plural, one {Vote} other {Votes}}' }, { count: ids.length })}>
      {ids.map((id) => (
        <VoteCard key={id} session={session} voteId={id} facilitates={facilitates} mineAnonymous={mineAnonymous} readOnly={props.readOnly ?? false} />
      ))}
    </aside>
  )
}
