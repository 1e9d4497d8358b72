import { useCallback, useMemo, useRef, useState } from 'react'
import { castBallot, isVoteOpen, moveDot, readVote, viewVote, type Dots, type Vote, type VoteView, type VoteWriter } from '../../../shared/facilitation'
import { sameJson, useY, type ConveningSession } from '../../sync'
import { useApp } from '../../app/context'
import { runTypes } from '../facilitation'
// Which anonymous keys this computer wrote: the one local list anonymous responses and
// poll answers already use (random keys never collide), kept in this computer's settings.
import { rememberAnonymous, useMyAnonymousIds } from '../conversation'
import { errorMessage } from '../../../shared/errors'
import { useT, type Refusal } from '../../i18n'

export { useMyAnonymousIds }

/** A run-of-show result in the shape the notice line takes. */
export const asNotice = (result: { ok: true } | { ok: false; message: string }): { ok: true } | { ok: false; message: string } => (result.ok ? { ok: true } : result)

/** The person writing from this app: their id, their signing key, the shared clock. */
export function useVoteWriter(session: ConveningSession): VoteWriter {
  const { signer } = useApp()
  return useMemo(() => ({ personId: session.me.id, signer: signer.personId === session.me.id ? signer : null, clock: session.clock }), [session, signer])
}

/** A vote's definition and end, re-read only when the run of show changes. */
export function useVote(session: ConveningSession, voteId: string): Vote | null {
  return useY(runTypes(session.doc), () => readVote(session.doc, voteId), sameJson)
}

/**
 * The vote as this person sees it. `open` comes from the caller's ticking clock, so the
 * view is read again when the time runs out, not every second.
 */
export function useVoteView(session: ConveningSession, voteId: string, mineAnonymous: ReadonlySet<string>, open: boolean): VoteView | null {
  return useY(runTypes(session.doc), () => viewVote(session.doc, voteId, session.me.id, mineAnonymous, open), sameJson)
}

export function voteIsOpen(session: ConveningSession, vote: Vote | null): boolean {
  return vote !== null && isVoteOpen(vote, session.clock)
}

/**
 * Placing and taking back dots. Each press changes the ballot this screen intends (so
 * quick presses build on each other while a signature is being made), and ballots are
 * written one after another, each replacing the last.
 */
export function useBallot(session: ConveningSession, view: VoteView | null, mineAnonymous: ReadonlySet<string>, say: (text: Refusal) => void): { dots: Dots; move: (itemKey: string, delta: 1 | -1) => void } {
  const { db } = useApp()
  const writer = useVoteWriter(session)
  const t = useT()
  const [intended, setIntended] = useState<Dots | null>(null)
  const latest = useRef<Dots | null>(null)
  const chain = useRef<Promise<void>>(Promise.resolve())
  // An anonymous ballot's key, from its first write until this computer's list has it.
  const anonymousKey = useRef<string | null>(null)
  const move = useCallback(
    (itemKey: string, delta: 1 | -1): void => {
      if (!view) return
      if (!view.open) return say(t({ id: 'votes.ballot.ended', defaultMessage: 'This vote has ended.' }))
      // From the document as it is now, not as this render saw it: a ballot written a
      // moment ago may not have been rendered yet.
      const stored = viewVote(session.doc, view.id, session.me.id, mineAnonymous, true)?.mine ?? view.mine
      const moved = moveDot(view.spec, latest.current ?? stored, itemKey, delta)
      if (!moved.ok) return say(moved)
      latest.current = moved.dots
      setIntended(moved.dots)
      const { id, spec } = view
      chain.current = chain.current.then(async () => {
        const result = await castBallot(session.doc, writer, id, moved.dots, spec.anonymous ? (anonymousKey.current ?? view.mineKey) : null)
        if (!result.ok) return say(result)
        if (spec.anonymous) {
          anonymousKey.current = result.key
          await rememberAnonymous(db, session.id, result.key)
        }
      }).catch((error: unknown) => say(t({ id: 'votes.ballot.failed', defaultMessage: 'Your dot could not be placed: {error}' }, { error: errorMessage(error) }))).finally(() => {
        if (latest.current === moved.dots) {
          latest.current = null
          setIntended(null)
        }
      })
    },
    [view, say, session, writer, db, mineAnonymous, t],
  )
  return { dots: intended ?? view?.mine ?? {}, move }
}
