import type { ReactNode } from 'react'
import type { FacilitationPresence } from '../../../shared/facilitation'
import type { ConveningSession } from '../../sync'
import { FacilitatorTools } from './Attention'
import { Hands } from './Hands'
import { PauseAsk, PauseRequests, ReactionPicker, ReactionsShown } from './Signals'

/** The strip's attention controls: hands and reactions for everyone; the pause signal; the facilitators' tools. */
export function Attention(props: { session: ConveningSession; facilitates: boolean; people: readonly FacilitationPresence[]; children?: ReactNode }) {
  const { session, facilitates, people } = props
  const mine = people.find((p) => p.personId === session.me.id)
  return (
    <div className="fx-attention">
      <ReactionsShown people={people} />
      <Hands session={session} facilitates={facilitates} />
      <ReactionPicker session={session} />
      {facilitates ? (
        <>
          <PauseRequests people={people} />
          <FacilitatorTools session={session} people={people} />
        </>
      ) : (
        <PauseAsk session={session} mine={mine?.pauseAsk != null} />
      )}
      {props.children}
    </div>
  )
}
