import { closeVote, describeVoteSettings, isVoteOpen, readVote, viewVote, voteIds, VOTE_SOURCE_LABELS } from '../../../shared/facilitation'
import { sameItems, sameJson, useY, type ConveningSession } from '../../sync'
import { useApp } from '../../app/context'
import { runTypes } from '../facilitation'
import { asNotice, useMyAnonymousIds } from './hooks'
import { VoteResults } from './VoteResults'
import './votes.css'
import { Notice, useNotice } from '../../ui'

/**
 * Every vote of the convening, newest first: its question, settings and results (while
 * one runs with its tally kept for the end, only that it is running). Facilitators put
 * closed results back on everyone's screen from here.
 */
export function VotesList(props: { session: ConveningSession; facilitates: boolean; readOnly: boolean }) {
  const { session } = props
  const ids = useY(runTypes(session.doc), () => voteIds(session.doc).reverse(), sameItems)
  if (ids.length === 0) {
    return <p className="muted">No votes yet. Facilitators start one from selected variables in a diagram, from written responses, from the run of show (“Vote on segments”) or from cohort projects.</p>
  }
  return (
    <ul className="vt-list stack" aria-label="Votes, newest first">
      {ids.map((id) => (
        <VoteEntry key={id} {...props} voteId={id} />
      ))}
    </ul>
  )
}

/** The same list under a heading, or nothing while there is no vote (the cohort's projects tab). */
export function VotesArchive(props: { session: ConveningSession; facilitates: boolean; readOnly: boolean }) {
  const count = useY(runTypes(props.session.doc), () => voteIds(props.session.doc).length, Object.is)
  if (count === 0) return null
  return (
    <section className="stack" aria-labelledby="votes-archive-heading">
      <h3 id="votes-archive-heading">Votes</h3>
      <VotesList {...props} />
    </section>
  )
}

function VoteEntry(props: { session: ConveningSession; voteId: string; facilitates: boolean; readOnly: boolean }) {
  const { session, voteId, facilitates, readOnly } = props
  const { db } = useApp()
  const mineAnonymous = useMyAnonymousIds(db, session.id)
  const vote = useY(runTypes(session.doc), () => readVote(session.doc, voteId), sameJson)
  const open = vote !== null && isVoteOpen(vote, session.clock)
  const view = useY(runTypes(session.doc), () => viewVote(session.doc, voteId, session.me.id, mineAnonymous, open), sameJson)
  const { notice, run } = useNotice()
  if (!view) return null
  return (
    <li className="vt-entry">
      <details open={!view.closed}>
        <summary>
          <strong>{view.spec.question}</strong> <span className="muted small">· {open ? 'running' : 'ended'} · {VOTE_SOURCE_LABELS[view.spec.source.kind]}</span>
        </summary>
        <p className="muted small">{describeVoteSettings(view.spec)}</p>
        {view.results ? <VoteResults session={session} results={view.results} anonymous={view.spec.anonymous} question={view.spec.question} /> : <p className="muted">Running: the tally shows when the vote ends.</p>}
        {facilitates && view.closed && (
          <button type="button" className="button" disabled={readOnly} onClick={() => run(asNotice(closeVote(session.doc, session.me.id, voteId, false, Date.now())))}>
            Show on every screen again
          </button>
        )}
        <Notice text={notice} />
      </details>
    </li>
  )
}
