import type { ReactNode } from 'react'
import type { FacilitationPresence } from '../../../shared/facilitation'
import type { ConveningSession } from '../../sync'
import { FacilitatorTools } from './Attention'
import type { StripPlaces } from './FacilitationStrip'
import { Hands } from './Hands'
import { PauseAsk, PauseRequests, ReactionPicker, ReactionsShown } from './Signals'

/**
 * The strip's attention controls that have room in the row (the rest are in More,
 * passed as children): hands and reactions for everyone; the pause signal; the
 * facilitators' tools.
 */
export function Attention(props: { session: ConveningSession; facilitates: boolean; people: readonly FacilitationPresence[]; place: StripPlaces; children?: ReactNode }) {
  const { session, facilitates, people, place } = props
  const mine = people.find((p) => p.personId === session.me.id)
  return (
    <div className="fx-attention">
      <ReactionsShown people={people} />
      {/* The queue of hands (as a count that opens it) shows for everyone; a facilitator's own hand is in More. */}
      <Hands session={session} facilitates={facilitates} raise={place.raiseHand === 'inline'} />
      {place.react === 'inline' && <ReactionPicker session={session} />}
      {facilitates && <PauseRequests people={people} />}
      {facilitates && place.tools === 'inline' && <FacilitatorTools session={session} people={people} />}
      {!facilitates && place.pauseAsk === 'inline' && <PauseAsk session={session} mine={mine?.pauseAsk != null} />}
      {props.children}
    </div>
  )
}
