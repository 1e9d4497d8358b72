import { useId, useState } from 'react'
import { createPortal } from 'react-dom'
import {
  VOTE_DOTS_MAX,
  VOTE_DOTS_MIN,
  VOTE_ITEMS_MAX,
  VOTE_QUESTION_MAX,
  enforcementStatements,
  startVote,
  type VoteResultsMode,
} from '../../../shared/facilitation'
import type { ConveningSession } from '../../sync'
import { Dialog, Notice, submitted, useNotice } from '../../ui'
import { useFacilitates } from '../facilitation'
import { useVoteSession } from './host'
import { asNotice, useVoteWriter } from './hooks'
import { DEFAULT_QUESTIONS, type VoteCandidates } from './items'
import { errorMessage } from '../../../shared/errors'
import { useT } from '../../i18n'
import type { Message } from '../../../shared/i18n'

const MINUTES = [null, 1, 2, 3, 5, 10, 15, 30] as const

/** When the tally shows, in the order the dialog offers them. */
const TALLY: Record<VoteResultsMode, Message> = {
  end: { id: 'votes.start.atEnd', defaultMessage: 'At the end' },
  live: { id: 'votes.start.live', defaultMessage: 'Live: seen while voting' },
}

/**
 * "Vote on these": opens the one "Start a vote" dialog with what this place offers
 * (`candidates`, read when pressed), the ones in `preselected` ticked (all when not
 * given). Shown to facilitators only, inside a convening or cohort screen.
 */
export function StartVoteButton(props: StartVoteProps) {
  const session = useVoteSession()
  return session ? <StartVoteEntry {...props} session={session} /> : null
}

interface StartVoteProps {
  label: string
  candidates: () => VoteCandidates
  preselected?: readonly string[]
  className?: string
  disabled?: boolean
}

function StartVoteEntry(props: StartVoteProps & { session: ConveningSession }) {
  const { session } = props
  const [open, setOpen] = useState<VoteCandidates | null>(null)
  const facilitates = useFacilitates(session)
  if (!facilitates) return null
  return (
    <>
      <button type="button" className={props.className ?? 'button'} disabled={props.disabled} onClick={() => setOpen(props.candidates())}>
        {props.label}
      </button>
      {/* In the page's body: an entry point's own styles (a toolbar that never wraps) must not reach the dialog. */}
      {open && createPortal(<StartVoteDialog session={session} candidates={open} preselected={props.preselected} onClose={() => setOpen(null)} />, document.body)}
    </>
  )
}

function StartVoteDialog(props: { session: ConveningSession; candidates: VoteCandidates; preselected?: readonly string[]; onClose: () => void }) {
  const { session, candidates, onClose } = props
  const writer = useVoteWriter(session)
  const { notice, run, say } = useNotice()
  const t = useT()
  const [question, setQuestion] = useState(() => t(DEFAULT_QUESTIONS[candidates.source.kind]))
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(props.preselected?.length ? props.preselected : candidates.items.map((i) => i.key)))
  const [dots, setDots] = useState(() => Math.min(3, Math.max(1, candidates.items.length - 1)))
  const [cumulative, setCumulative] = useState(false)
  const [anonymous, setAnonymous] = useState(false)
  const [results, setResults] = useState<VoteResultsMode>('end')
  const [minutes, setMinutes] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)
  const statementId = useId()
  const statements = enforcementStatements(session.doc, { anonymous, results })
  const items = candidates.items.filter((i) => chosen.has(i.key))

  const start = async (): Promise<void> => {
    setBusy(true)
    try {
      const result = await startVote(session.doc, writer, { question, items, dots, cumulative, anonymous, results, minutes, source: candidates.source })
      if (run(asNotice(result))) onClose()
    } catch (error) {
      say(t({ id: 'votes.start.failed', defaultMessage: 'The vote could not start: {error}' }, { error: errorMessage(error) }))
    } finally {
      setBusy(false)
    }
  }
  const toggle = (key: string, on: boolean): void => {
    const next = new Set(chosen)
    if (on) next.add(key)
    else next.delete(key)
    setChosen(next)
  }

  return (
    <Dialog title={t({ id: 'votes.start.title', defaultMessage: 'Start a vote' })} open onClose={onClose} wide>
      <form className="stack vt-start" aria-label={t({ id: 'votes.start.title', defaultMessage: 'Start a vote' })} onSubmit={submitted(() => void start())}>
        <label className="field">
          <span>{t({ id: 'votes.start.question', defaultMessage: 'Question' })}</span>
          <input value={question} maxLength={VOTE_QUESTION_MAX} required onChange={(e) => setQuestion(e.target.value)} />
        </label>
        <fieldset className="vt-choose">
          <legend>
            {candidates.source.title
              ? t(
                  {
                    id: 'votes.start.onTitled',
                    defaultMessage:
                      'What people vote on: {source, select, variables {variables of a diagram} notes {notes of a diagram} responses {written responses} segments {segments of the agenda} other {cohort projects}} ({title}) · {chosen} of {total} chosen',
                  },
                  { source: candidates.source.kind, title: candidates.source.title, chosen: items.length, total: candidates.items.length },
                )
              : t(
                  {
                    id: 'votes.start.on',
                    defaultMessage:
                      'What people vote on: {source, select, variables {variables of a diagram} notes {notes of a diagram} responses {written responses} segments {segments of the agenda} other {cohort projects}} · {chosen} of {total} chosen',
                  },
                  { source: candidates.source.kind, chosen: items.length, total: candidates.items.length },
                )}
          </legend>
          {candidates.items.length === 0 ? (
            <p className="muted">{t({ id: 'votes.start.nothing', defaultMessage: 'There is nothing here to vote on yet.' })}</p>
          ) : (
            <ul className="vt-choose-list">
              {candidates.items.map((item) => (
                <li key={item.key}>
                  <label className="vt-check">
                    <input type="checkbox" checked={chosen.has(item.key)} onChange={(e) => toggle(item.key, e.target.checked)} />
                    <span>{item.label}</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          {candidates.items.length > VOTE_ITEMS_MAX && (
            <p className="muted small">{t({ id: 'votes.start.tooMany', defaultMessage: 'A vote holds at most {max} things.' }, { max: VOTE_ITEMS_MAX })}</p>
          )}
        </fieldset>
        <div className="vt-settings-grid" aria-describedby={statementId}>
          <label className="field">
            <span>{t({ id: 'votes.start.dots', defaultMessage: 'Dots per person' })}</span>
            <input type="number" min={VOTE_DOTS_MIN} max={VOTE_DOTS_MAX} value={dots} onChange={(e) => setDots(Math.round(Number(e.target.value)))} />
          </label>
          <label className="field">
            <span>{t({ id: 'votes.start.time', defaultMessage: 'Time limit (on the shared clock)' })}</span>
            <select value={minutes ?? ''} onChange={(e) => setMinutes(e.target.value === '' ? null : Number(e.target.value))}>
              {MINUTES.map((m) => (
                <option key={m ?? 'none'} value={m ?? ''}>
                  {m === null
                    ? t({ id: 'votes.start.noLimit', defaultMessage: 'None: a facilitator ends it' })
                    : t({ id: 'votes.start.minutes', defaultMessage: '{minutes, plural, one {# minute} other {# minutes}}' }, { minutes: m })}
                </option>
              ))}
            </select>
          </label>
          <label className="vt-check">
            <input type="checkbox" checked={cumulative} onChange={(e) => setCumulative(e.target.checked)} />
            <span>{t({ id: 'votes.start.cumulative', defaultMessage: 'Several dots may go on one item' })}</span>
          </label>
          <fieldset className="vt-radios">
            <legend>{t({ id: 'votes.start.ballots', defaultMessage: 'Ballots' })}</legend>
            {([false, true] as const).map((a) => (
              <label key={String(a)} className="vt-check">
                <input type="radio" name="vt-anonymous" checked={anonymous === a} onChange={() => setAnonymous(a)} />
                <span>{a ? t({ id: 'votes.start.anonymous', defaultMessage: 'Anonymous' }) : t({ id: 'votes.start.named', defaultMessage: 'Named' })}</span>
              </label>
            ))}
          </fieldset>
          <fieldset className="vt-radios">
            <legend>{t({ id: 'votes.start.tally', defaultMessage: 'Tally' })}</legend>
            {(Object.keys(TALLY) as VoteResultsMode[]).map((r) => (
              <label key={r} className="vt-check">
                <input type="radio" name="vt-results" checked={results === r} onChange={() => setResults(r)} />
                <span>{t(TALLY[r])}</span>
              </label>
            ))}
          </fieldset>
        </div>
        <div className="vt-statement" id={statementId}>
          <strong>{t({ id: 'votes.start.enforce', defaultMessage: 'What this room can and cannot enforce.' })}</strong>
          {statements.map((s) => (
            <p key={s}>{s}</p>
          ))}
        </div>
        <Notice text={notice} />
        <div className="row end">
          <button type="button" className="button" onClick={onClose}>
            {t({ id: 'common.cancel', defaultMessage: 'Cancel' })}
          </button>
          <button type="submit" className="button primary" disabled={busy}>
            {t({ id: 'votes.start.submit', defaultMessage: 'Start the vote' })}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
