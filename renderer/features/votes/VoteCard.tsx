import { useEffect, useRef, useState } from 'react'
import {
  closeVote,
  endVote,
  enforcementStatements,
  sumDots,
  type TimerState,
  type Vote,
  type VoteView,
} from '../../../shared/facilitation'
import type { ConveningSession } from '../../sync'
import { Countdown, Notice, Said, useNotice } from '../../ui'
import { useTicking } from '../facilitation'
import { asNotice, useBallot, useVote, useVoteView, useVoteWriter, voteIsOpen } from './hooks'
import { VoteResults } from './VoteResults'
import { errorMessage } from '../../../shared/errors'
import { useT } from '../../i18n'
import { dotsLeftText, settingsText } from './text'

/** A vote with a time limit, as the shared countdown shows it (none once a facilitator ended it). */
function countdownOf(vote: Vote | null): TimerState | null {
  if (!vote || vote.spec.durationMs === null || vote.endedEarly) return null
  const { durationMs, startedAt, clockOf } = vote.spec
  return { durationMs, startedAt, remainingAtStartMs: durationMs, clockOf }
}

/**
 * One vote on everyone's screen: while it runs, the things to vote on with a dot's two
 * buttons each, the dots left (said aloud as they change), the time left and, when live,
 * the tally; once it ends, the ranked results until a facilitator closes them.
 */
export function VoteCard(props: { session: ConveningSession; voteId: string; facilitates: boolean; mineAnonymous: ReadonlySet<string>; readOnly: boolean }) {
  const { session, voteId, facilitates, mineAnonymous } = props
  const vote = useVote(session, voteId)
  const t = useT()
  const voteLabel = t({ id: 'votes.card.countdown', defaultMessage: 'Vote' })
  const ticking = useTicking(session, countdownOf(vote), voteLabel, { bell: true })
  // Read at every render (the countdown re-renders while it runs), so the card turns to
  // the results on every screen when the time is up.
  const open = voteIsOpen(session, vote)
  const view = useVoteView(session, voteId, mineAnonymous, open)
  // When the results replace the ballot, show them from the top (the dock may have been scrolled down to the last item).
  const head = useRef<HTMLElement>(null)
  useEffect(() => {
    if (!open) head.current?.scrollIntoView({ block: 'nearest' })
  }, [open])
  if (!view) return null
  const headingId = `vote-${voteId}-question`
  return (
    <article className={`vt-card ${open ? 'vt-open' : 'vt-ended'}`} aria-labelledby={headingId} data-testid="vote-card">
      <header className="vt-head" ref={head}>
        <p className="vt-kicker">
          <span>{open ? t({ id: 'votes.card.open', defaultMessage: 'Vote open' }) : t({ id: 'votes.card.ended', defaultMessage: 'Vote ended: results' })}</span>
          {open && countdownOf(vote) && (
            <span className="vt-time">
              · <Countdown ticking={ticking} label={voteLabel} />
            </span>
          )}
        </p>
        <h2 id={headingId} className="vt-question">
          {view.spec.question}
        </h2>
        <p className="vt-settings muted small">{settingsText(t, view.spec)}</p>
      </header>
      {open ? <Ballot {...props} view={view} /> : view.results && <VoteResults session={session} results={view.results} anonymous={view.spec.anonymous} question={view.spec.question} />}
      {facilitates && <Controls {...props} view={view} />}
      <details className="vt-enforce">
        <summary>{t({ id: 'votes.card.enforce', defaultMessage: 'What this room can enforce' })}</summary>
        {enforcementStatements(session.doc, view.spec).map((s) => (
          <p key={s}>{s}</p>
        ))}
      </details>
      <Said text={ticking.said} />
    </article>
  )
}

function Ballot(props: { session: ConveningSession; view: VoteView; readOnly: boolean; mineAnonymous: ReadonlySet<string> }) {
  const { session, view, readOnly, mineAnonymous } = props
  // A dot that cannot go somewhere is said calmly: it is a rule of the vote, not a fault.
  const { notice, tell } = useNotice()
  const t = useT()
  const { dots, move } = useBallot(session, view, mineAnonymous, tell)
  const left = Math.max(0, view.spec.dots - sumDots(dots))
  const counts = new Map(view.results?.rows.map((r) => [r.key, r.count]) ?? [])
  const most = Math.max(1, ...counts.values())
  const listId = `vote-${view.id}-items`
  return (
    <div className="vt-ballot stack">
      <p className="vt-left" role="status" aria-live="polite" data-testid="vote-dots-left">
        <span className="vt-left-dots" aria-hidden="true">
          {'●'.repeat(left)}
          <span className="vt-spent">{'●'.repeat(view.spec.dots - left)}</span>
        </span>{' '}
        {dotsLeftText(t, left, view.spec.dots)}
      </p>
      <ul className="vt-items" id={listId} aria-label={t({ id: 'votes.ballot.items', defaultMessage: 'Things to vote on' })}>
        {view.spec.items.map((item) => {
          const mine = dots[item.key] ?? 0
          const full = left === 0 || (!view.spec.cumulative && mine > 0)
          return (
            <li key={item.key} className={mine > 0 ? 'vt-item vt-mine' : 'vt-item'}>
              <span className="vt-item-main">
                <span className="vt-label">{item.label}</span>
                {view.results && (
                  <span className="vt-live">
                    <span className="vt-track" aria-hidden="true">
                      <span className="vt-bar" style={{ width: `${Math.round(((counts.get(item.key) ?? 0) / most) * 100)}%` }} />
                    </span>
                    <span className="vt-count">
                      {t({ id: 'votes.ballot.inAll', defaultMessage: '{count, plural, one {# dot} other {# dots}} in all' }, { count: counts.get(item.key) ?? 0 })}
                    </span>
                  </span>
                )}
              </span>
              <span className="vt-mine-dots" aria-hidden="true">
                {'●'.repeat(mine)}
              </span>
              {mine > 0 && <span className="sr-only">{t({ id: 'votes.ballot.mine', defaultMessage: '{count, plural, =1 {one of your dots} other {# of your dots}}' }, { count: mine })}</span>}
              {/* aria-disabled, never disabled: a button that goes away under the keyboard would drop its focus. */}
              <button
                type="button"
                className="vt-dot-button"
                aria-label={t({ id: 'votes.ballot.takeBack', defaultMessage: 'Take a dot back from {item}' }, { item: item.label })}
                aria-disabled={readOnly || mine === 0}
                onClick={() => (readOnly ? undefined : move(item.key, -1))}
              >
                −
              </button>
              <button
                type="button"
                className="vt-dot-button vt-add"
                aria-label={t({ id: 'votes.ballot.add', defaultMessage: 'Add a dot to {item}' }, { item: item.label })}
                aria-disabled={readOnly || full}
                onClick={() => (readOnly ? undefined : move(item.key, 1))}
              >
                +
              </button>
            </li>
          )
        })}
      </ul>
      <p className="vt-voted muted small" data-testid="vote-voted">
        {view.spec.anonymous
          ? view.results
            ? t({ id: 'votes.ballot.ballots', defaultMessage: '{count, plural, one {# ballot} other {# ballots}} so far' }, { count: view.voted })
            : t({ id: 'votes.ballot.ballotsHidden', defaultMessage: '{count, plural, one {# ballot} other {# ballots}} so far · the tally shows when the vote ends' }, { count: view.voted })
          : view.results
            ? t({ id: 'votes.ballot.voted', defaultMessage: '{count, plural, one {# person has} other {# people have}} voted' }, { count: view.voted })
            : t({ id: 'votes.ballot.votedHidden', defaultMessage: '{count, plural, one {# person has} other {# people have}} voted · the tally shows when the vote ends' }, { count: view.voted })}
      </p>
      <Notice text={notice} />
    </div>
  )
}

function Controls(props: { session: ConveningSession; view: VoteView; readOnly: boolean }) {
  const { session, view, readOnly } = props
  const writer = useVoteWriter(session)
  const { notice, run, say } = useNotice()
  const t = useT()
  const [busy, setBusy] = useState(false)
  const end = async (): Promise<void> => {
    setBusy(true)
    try {
      const result = await endVote(session.doc, writer, view.id)
      run(asNotice(result))
    } catch (error) {
      say(t({ id: 'votes.card.endFailed', defaultMessage: 'The vote could not be ended: {error}' }, { error: errorMessage(error) }))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="row wrap vt-controls" role="group" aria-label={t({ id: 'votes.card.controls', defaultMessage: 'Facilitator controls for “{question}”' }, { question: view.spec.question })}>
      {view.open ? (
        <button type="button" className="button primary" disabled={readOnly || busy} onClick={() => void end()}>
          {t({ id: 'votes.card.end', defaultMessage: 'End vote' })}
        </button>
      ) : (
        <button type="button" className="button" disabled={readOnly} onClick={() => run(asNotice(closeVote(session.doc, session.me.id, view.id, true, Date.now())))}>
          {t({ id: 'votes.card.close', defaultMessage: 'Close results' })}
        </button>
      )}
      <Notice text={notice} />
    </div>
  )
}
