import { useState } from 'react'
import {
  POLL_ANSWER_STATEMENTS,
  POLL_RESULTS_LABELS,
  POLL_RESULTS_STATEMENTS,
  SCALE_BOUNDS,
  WORDS_PER_PERSON,
  WORD_MAX,
  answerPoll,
  deletePoll,
  describePollKind,
  setPollState,
  viewPoll,
  type PollAnswer,
  type PollView,
} from '../../../shared/conversation'
import type { ConveningSession } from '../../sync'
import { useApp } from '../../app/context'
import { ConfirmDialog } from '../../ui/Dialog'
import { Notice, submitted } from './Notice'
import { PollResults } from './PollResults'
import { useConversationValue, useNotice } from './hooks'
import { rememberAnonymous } from './settings'

const STATUS_LABELS = { draft: 'Draft: only facilitators see it', open: 'Open', closed: 'Closed' } as const

interface CardProps {
  session: ConveningSession
  id: string
  facilitating: boolean
  readOnly: boolean
  mineAnonymous: ReadonlySet<string>
}

/** One poll: its question and settings, the answer form while open, the results or how many answered, and the facilitator's controls. */
export function PollCard(props: CardProps) {
  const { session, id, facilitating, mineAnonymous } = props
  const me = session.me.id
  const mineKey = [...mineAnonymous].join(' ')
  const poll = useConversationValue(session, () => viewPoll(session.doc, id, me, mineAnonymous), `poll:${id}:${mineKey}`)
  if (!poll) return null
  const { spec, state } = poll
  const headingId = `poll-${id}-question`
  return (
    <li>
      <article className={`cv-poll cv-poll-${state.status}`} aria-labelledby={headingId}>
        <header className="stack">
          <p className="row wrap cv-poll-meta small">
            <span className="cv-mode-badge">{STATUS_LABELS[state.status]}</span>
            <span className="muted">
              {describePollKind(spec)} · {spec.anonymous ? 'Anonymous' : 'Named'} · Results {POLL_RESULTS_LABELS[spec.results].toLowerCase()}
            </span>
          </p>
          <h3 id={headingId} className="cv-poll-question">
            {spec.question}
          </h3>
        </header>
        {state.status === 'open' && <AnswerForm {...props} poll={poll} />}
        {state.status !== 'open' && poll.mine && <p className="muted">Your answer: {answerText(poll, poll.mine.answer)}</p>}
        <p className="cv-poll-answered" data-testid="poll-answered">
          {poll.answered} answered
        </p>
        {poll.results && <PollResults results={poll.results} question={spec.question} />}
        {!poll.results && state.status !== 'draft' && <p className="cv-hidden-count">The results show to everyone when a facilitator reveals them.</p>}
        {facilitating && <PollControls {...props} poll={poll} />}
      </article>
    </li>
  )
}

function answerText(poll: PollView, answer: PollAnswer): string {
  const { spec } = poll
  if ('choices' in answer) return spec.kind === 'choice' ? answer.choices.map((c) => spec.options[c]).join(', ') : ''
  if ('value' in answer) return String(answer.value)
  return 'words' in answer ? answer.words.join(', ') : ''
}

function AnswerForm(props: CardProps & { poll: PollView }) {
  const { session, poll, readOnly, mineAnonymous } = props
  const { db } = useApp()
  const { spec } = poll
  const mine = poll.mine?.answer
  const [choices, setChoices] = useState<number[]>(mine && 'choices' in mine ? mine.choices : [])
  const [value, setValue] = useState<number | null>(mine && 'value' in mine ? mine.value : null)
  const [words, setWords] = useState<string[]>(() => Array.from({ length: WORDS_PER_PERSON }, (_, i) => (mine && 'words' in mine ? (mine.words[i] ?? '') : '')))
  const { notice, run } = useNotice()
  const statementId = `poll-${poll.id}-statement`
  const answer: PollAnswer = spec.kind === 'choice' ? { choices } : spec.kind === 'scale' ? { value: value ?? -1 } : { words: words.filter((w) => w.trim() !== '') }
  const send = (): void => {
    const result = answerPoll(session.doc, session.me.id, poll.id, answer, mineAnonymous)
    if (!run(result) || !result.ok) return
    if (spec.anonymous) void rememberAnonymous(db, session.id, result.id)
  }
  const name = `poll-${poll.id}`
  return (
    <form className="cv-response-box stack" aria-label="Answer the poll" onSubmit={submitted(send)}>
      <div className="cv-storage-statement" id={statementId}>
        <strong>{spec.anonymous ? 'Anonymous.' : 'Named.'}</strong> {spec.anonymous ? POLL_ANSWER_STATEMENTS.anonymous : POLL_ANSWER_STATEMENTS.named}{' '}
        {POLL_RESULTS_STATEMENTS[spec.results]}
      </div>
      {spec.kind === 'choice' && (
        <fieldset className="cv-poll-options" disabled={readOnly} aria-describedby={statementId}>
          <legend>{spec.multiple ? 'Choose one or more' : 'Choose one'}</legend>
          {spec.options.map((option, i) => (
            <label key={i} className="cv-poll-option">
              <input
                type={spec.multiple ? 'checkbox' : 'radio'}
                name={name}
                checked={choices.includes(i)}
                onChange={(e) => setChoices(spec.multiple ? (e.target.checked ? [...choices, i] : choices.filter((c) => c !== i)) : [i])}
              />
              <span>{option}</span>
            </label>
          ))}
        </fieldset>
      )}
      {spec.kind === 'scale' && (
        <fieldset className="cv-poll-scale-picker" disabled={readOnly} aria-describedby={statementId}>
          <legend>
            Choose a value from {SCALE_BOUNDS[spec.range].min}
            {spec.low ? ` (${spec.low})` : ''} to {SCALE_BOUNDS[spec.range].max}
            {spec.high ? ` (${spec.high})` : ''}
          </legend>
          <div className="row wrap cv-poll-scale-row">
            {spec.low && <span className="muted small" aria-hidden="true">{spec.low}</span>}
            {Array.from({ length: SCALE_BOUNDS[spec.range].max - SCALE_BOUNDS[spec.range].min + 1 }, (_, i) => SCALE_BOUNDS[spec.range].min + i).map((v) => (
              <label key={v} className="cv-mode-option">
                <input type="radio" name={name} checked={value === v} onChange={() => setValue(v)} />
                <span>{v}</span>
              </label>
            ))}
            {spec.high && <span className="muted small" aria-hidden="true">{spec.high}</span>}
          </div>
        </fieldset>
      )}
      {spec.kind === 'words' && (
        <fieldset className="row wrap" disabled={readOnly} aria-describedby={statementId}>
          <legend>Up to {WORDS_PER_PERSON} short words</legend>
          {words.map((w, i) => (
            <label key={i} className="field cv-poll-word">
              <span>Word {i + 1}</span>
              <input value={w} maxLength={WORD_MAX} onChange={(e) => setWords(words.map((x, j) => (j === i ? e.target.value : x)))} />
            </label>
          ))}
        </fieldset>
      )}
      <div className="row wrap">
        <button type="submit" className="button primary" disabled={readOnly}>
          {poll.mine ? 'Change my answer' : 'Send answer'}
        </button>
      </div>
      {/* Read from the document, so it stays true across a reload and says when a change has landed. */}
      <p className="cv-poll-mine" role="status" aria-live="polite">
        {poll.mine ? `Your answer is in: ${answerText(poll, poll.mine.answer)}. You can change it while the poll is open.` : ''}
      </p>
      <Notice text={notice} />
    </form>
  )
}

function PollControls(props: CardProps & { poll: PollView }) {
  const { session, poll, readOnly } = props
  const { notice, run } = useNotice()
  const [confirming, setConfirming] = useState(false)
  const me = session.me.id
  const change = (next: Partial<PollView['state']>): void => void run(setPollState(session.doc, me, poll.id, next, Date.now()))
  const { status, revealed } = poll.state
  return (
    <div className="row wrap cv-poll-controls" role="group" aria-label={`Facilitator controls for “${poll.spec.question}”`}>
      {status === 'draft' && (
        <button type="button" className="button primary" disabled={readOnly} onClick={() => change({ status: 'open' })}>
          Open the poll
        </button>
      )}
      {status === 'open' && (
        <button type="button" className="button" disabled={readOnly} onClick={() => change({ status: 'closed' })}>
          Close the poll
        </button>
      )}
      {status === 'closed' && (
        <button type="button" className="button" disabled={readOnly} onClick={() => change({ status: 'open' })}>
          Reopen the poll
        </button>
      )}
      {poll.spec.results === 'end' && status !== 'draft' && (
        <button type="button" className={revealed ? 'button' : 'button primary'} disabled={readOnly} onClick={() => change({ revealed: !revealed })}>
          {revealed ? 'Hide the results again' : 'Reveal the results to everyone'}
        </button>
      )}
      <button type="button" className="button" disabled={readOnly} onClick={() => setConfirming(true)}>
        Delete…
      </button>
      <Notice text={notice} />
      <ConfirmDialog
        title="Delete this poll?"
        message={`“${poll.spec.question}” and its ${poll.answered} ${poll.answered === 1 ? 'answer' : 'answers'} leave every copy of the convening as it syncs, and the notes.`}
        confirmLabel="Delete the poll"
        danger
        open={confirming}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false)
          run(deletePoll(session.doc, me, poll.id))
        }}
      />
    </div>
  )
}
