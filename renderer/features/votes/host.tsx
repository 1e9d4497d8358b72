import { createContext, useContext, type ReactNode } from 'react'
import type { ConveningSession } from '../../sync'

/**
 * Which convening (or cohort) a "Vote on these" button starts its vote in. The
 * convening and cohort screens provide it once, so the entry points inside the
 * diagram, the conversation, the agenda and the projects need no new props.
 */
const VoteHostContext = createContext<ConveningSession | null>(null)

export function VotesHost(props: { session: ConveningSession; children: ReactNode }) {
  return <VoteHostContext.Provider value={props.session}>{props.children}</VoteHostContext.Provider>
}

/** The session votes are started in here (null outside a convening or cohort screen). */
export function useVoteSession(): ConveningSession | null {
  return useContext(VoteHostContext)
}
