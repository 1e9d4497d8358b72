import { closeVote, isVoteOpen, readVote, viewVote, voteIds } from '../../../shared/facilitation'
import { sameItems, sameJson, useY, type ConveningSession } from '../../sync'
import { useApp } from '../../app/context'
import { runTypes } from '../facilitation'
import { asNotice, useMyAnonymousIds } from './hooks'
import { VoteResults } from './VoteResults'
import './votes.css'
import { Notice, useNotice } from '../../ui'
import { useT } from '../../i18n'
import { SOURCE_NAMES, settingsText } from './text'

/**
 * Every vote of the convening, newest first: its question, settings and results (while
 * one runs with its tally kept for the end, only that it is running). Facilitators put
 * closed results back on everyone's screen from here.
 */
export function VotesList(props: { session: ConveningSession; facilitates: boolean; readOnly: boolean }) {
  const { session } = props
  const ids = useY(runTypes(session.doc), () => voteIds(session.doc).reverse(), sameItems)
  const t = useT()
  if (ids.length === 0) {
    return (
      <p className="muted">
        {t({
          id: 'votes.list.empty',
          defaultMessage: 'No votes yet. Facilitators start one from selected variables in a diagram, from written responses, from the run of show (“Vote on segments”) or from cohort projects.',
        })}
      </p>
    )
  }
  return (
    <ul className="vt-list stack" aria-label={t({ id: 'votes.list.label', defaultMessage: 'Votes, newest first' })}>
      {ids.map((id) => (
        <VoteEntry key={id} {...props} voteId={id} />
      ))}
    </ul>
  )
}

/** The same list under a heading, or nothing while there is no vote (the cohort's projects tab). */
export function VotesArchive(props: { session: ConveningSession; facilitates: boolean; readOnly: boolean }) {
  const count = useY(runTypes(props.session.doc), () => voteIds(props.session.doc).length, Object.is)
  const t = useT()
  if (count === 0) return null
  return (
    <section className="stack" aria-labelledby="votes-archive-heading">
      <h3 id="votes-archive-heading">{t({ id: 'votes.list.heading', defaultMessage: 'Votes' })}</h3>
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
  const t = useT()
  if (!view) return null
  return (
    <li className="vt-entry">
      <details open={!view.closed}>
        <summary>
          <strong>{view.spec.question}</strong>{' '}
          <span className="muted small">
            {open
              ? t({ id: 'votes.list.running', defaultMessage: '· running · {source}' }, { source: t(SOURCE_NAMES[view.spec.source.kind]) })
              : t({ id: 'votes.list.ended', defaultMessage: '· ended · {source}' }, { source: t(SOURCE_NAMES[view.spec.source.kind]) })}
          </span>
        </summary>
        <p className="muted small">{settingsText(t, view.spec)}</p>
        {view.results ? (
          <VoteResults session={session} results={view.results} anonymous={view.spec.anonymous} question={view.spec.question} />
        ) : (
          <p className="muted">{t({ id: 'votes.list.tallyLater', defaultMessage: 'Running: the tally shows when the vote ends.' })}</p>
        )}
        {facilitates && view.closed && (
          <button type="button" className="button" disabled={readOnly} onClick={() => run(asNotice(closeVote(session.doc, session.me.id, voteId, false, Date.now())))}>
            {t({ id: 'votes.list.showAgain', defaultMessage: 'Show on every screen again' })}
          </button>
        )}
        <Notice text={notice} />
      </details>
    </li>
  )
}
