import { useState } from 'react'
import {
  SCALE_BOUNDS,
  WORDS_PER_PERSON,
  WORD_MAX,
  answerPoll,
  deletePoll,
  setPollState,
  viewPoll,
  type PollAnswer,
  type PollView,
} from '../../../shared/conversation'
import { sameJson, useY, type ConveningSession } from '../../sync'
import { useT } from '../../i18n'
import { POLL_ANSWER_STATEMENT, POLL_RESULTS_IN_SUMMARY, POLL_RESULTS_STATEMENT, describePollKind } from './labels'
import { useApp } from '../../app/context'
import { ConfirmDialog, Notice, submitted, useNotice } from '../../ui'
import { PollResults } from './PollResults'
import { pollTypes } from './hooks'
import { rememberAnonymous } from './settings'

const STATUS_LABELS = {
  draft: { id: 'conversation.poll.statusDraft', defaultMessage: 'Draft: only facilitators see it' },
  open: { id: 'conversation.poll.statusOpen', defaultMessage: 'Open' },
  closed: { id: 'conversation.poll.statusClosed', defaultMessage: 'Closed' },
} as const

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
  const poll = useY(pollTypes(session.doc, id), () => viewPoll(session.doc, id, me, mineAnonymous), sameJson)
  const t = useT()
  if (!poll) return null
  const { spec, state } = poll
  const headingId = `poll-${id}-question`
  return (
    <li>
      <article className={`cv-poll cv-poll-${state.status}`} aria-labelledby={headingId}>
        <header className="stack">
          <p className="row wrap cv-poll-meta small">
            <span className="cv-mode-badge">{t(STATUS_LABELS[state.status])}</span>
            <span className="muted">
              {t(
                { id: 'conversation.poll.meta', defaultMessage: '{kind} · {answers} · {results}' },
                {
                  kind: describePollKind(t, spec),
                  answers: spec.anonymous ? t({ id: 'conversation.poll.anonymous', defaultMessage: 'Anonymous' }) : t({ id: 'conversation.poll.named', defaultMessage: 'Named' }),
                  results: t(POLL_RESULTS_IN_SUMMARY[spec.results]),
                },
              )}
            </span>
          </p>
          <h3 id={headingId} className="cv-poll-question">
            {spec.question}
          </h3>
        </header>
        {state.status === 'open' && <AnswerForm {...props} poll={poll} />}
        {state.status !== 'open' && poll.mine && (
          <p className="muted">{t({ id: 'conversation.poll.yourAnswer', defaultMessage: 'Your answer: {answer}' }, { answer: answerText(poll, poll.mine.answer) })}</p>
        )}
        <p className="cv-poll-answered" data-testid="poll-answered">
          {t({ id: 'conversation.poll.answered', defaultMessage: '{count} answered' }, { count: poll.answered })}
        </p>
        {poll.results && <PollResults results={poll.results} question={spec.question} />}
        {!poll.results && state.status !== 'draft' && (
          <p className="cv-hidden-count">{t({ id: 'conversation.poll.resultsLater', defaultMessage: 'The results show to everyone when a facilitator reveals them.' })}</p>
        )}
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
  const t = useT()
  const statementId = `poll-${poll.id}-statement`
  const answer: PollAnswer = spec.kind === 'choice' ? { choices } : spec.kind === 'scale' ? { value: value ?? -1 } : { words: words.filter((w) => w.trim() !== '') }
  const send = (): void => {
    const result = answerPoll(session.doc, session.me.id, poll.id, answer, mineAnonymous)
    if (!run(result) || !result.ok) return
    if (spec.anonymous) void rememberAnonymous(db, session.id, result.id)
  }
  const name = `poll-${poll.id}`
  const scaleLegend = (): string => {
    if (spec.kind !== 'scale') return ''
    const values = { ...SCALE_BOUNDS[spec.range], low: spec.low, high: spec.high }
    if (spec.low && spec.high) return t({ id: 'conversation.poll.scaleLegendBoth', defaultMessage: 'Choose a value from {min} ({low}) to {max} ({high})' }, values)
    if (spec.low) return t({ id: 'conversation.poll.scaleLegendLow', defaultMessage: 'Choose a value from {min} ({low}) to {max}' }, values)
    if (spec.high) return t({ id: 'conversation.poll.scaleLegendHigh', defaultMessage: 'Choose a value from {min} to {max} ({high})' }, values)
    return t({ id: 'conversation.poll.scaleLegend', defaultMessage: 'Choose a value from {min} to {max}' }, values)
  }
  return (
    <form className="cv-response-box stack" aria-label={t({ id: 'conversation.poll.answerForm', defaultMessage: 'Answer the poll' })} onSubmit={submitted(send)}>
      <div className="cv-storage-statement" id={statementId}>
        {t(
          { id: 'conversation.poll.statement', defaultMessage: '<strong>{answers}.</strong> {stored} {shown}' },
          {
            answers: spec.anonymous ? t({ id: 'conversation.poll.anonymous', defaultMessage: 'Anonymous' }) : t({ id: 'conversation.poll.named', defaultMessage: 'Named' }),
            stored: t(spec.anonymous ? POLL_ANSWER_STATEMENT.anonymous : POLL_ANSWER_STATEMENT.named),
            shown: t(POLL_RESULTS_STATEMENT[spec.results]),
            strong: (chunks) => <strong>{chunks}</strong>,
          },
        )}
      </div>
      {spec.kind === 'choice' && (
        <fieldset className="cv-poll-options" disabled={readOnly} aria-describedby={statementId}>
          <legend>
            {spec.multiple
              ? t({ id: 'conversation.poll.chooseSeveral', defaultMessage: 'Choose one or more' })
              : t({ id: 'conversation.poll.chooseOne', defaultMessage: 'Choose one' })}
          </legend>
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
          <legend>{scaleLegend()}</legend>
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
          <legend>{t({ id: 'conversation.poll.wordsLegend', defaultMessage: 'Up to {count} short words' }, { count: WORDS_PER_PERSON })}</legend>
          {words.map((w, i) => (
            <label key={i} className="field cv-poll-word">
              <span>{t({ id: 'conversation.poll.word', defaultMessage: 'Word {number}' }, { number: i + 1 })}</span>
              <input value={w} maxLength={WORD_MAX} onChange={(e) => setWords(words.map((x, j) => (j === i ? e.target.value : x)))} />
            </label>
          ))}
        </fieldset>
      )}
      <div className="row wrap">
        <button type="submit" className="button primary" disabled={readOnly}>
          {poll.mine ? t({ id: 'conversation.poll.change', defaultMessage: 'Change my answer' }) : t({ id: 'conversation.poll.send', defaultMessage: 'Send answer' })}
        </button>
      </div>
      {/* Read from the document, so it stays true across a reload and says when a change has landed. */}
      <p className="cv-poll-mine" role="status" aria-live="polite">
        {poll.mine
          ? t(
              { id: 'conversation.poll.answerIn', defaultMessage: 'Your answer is in: {answer}. You can change it while the poll is open.' },
              { answer: answerText(poll, poll.mine.answer) },
            )
          : ''}
      </p>
      <Notice text={notice} />
    </form>
  )
}

function PollControls(props: CardProps & { poll: PollView }) {
  const { session, poll, readOnly } = props
  const { notice, run } = useNotice()
  const t = useT()
  const [confirming, setConfirming] = useState(false)
  const me = session.me.id
  const change = (next: Partial<PollView['state']>): void => void run(setPollState(session.doc, me, poll.id, next, Date.now()))
  const { status, revealed } = poll.state
  return (
    <div className="row wrap cv-poll-controls" role="group" aria-label={t({ id: 'conversation.poll.controls', defaultMessage: 'Facilitator controls for “{question}”' }, { question: poll.spec.question })}>
      {status === 'draft' && (
        <button type="button" className="button primary" disabled={readOnly} onClick={() => change({ status: 'open' })}>
          {t({ id: 'conversation.poll.open', defaultMessage: 'Open the poll' })}
        </button>
      )}
      {status === 'open' && (
        <button type="button" className="button" disabled={readOnly} onClick={() => change({ status: 'closed' })}>
          {t({ id: 'conversation.poll.close', defaultMessage: 'Close the poll' })}
        </button>
      )}
      {status === 'closed' && (
        <button type="button" className="button" disabled={readOnly} onClick={() => change({ status: 'open' })}>
          {t({ id: 'conversation.poll.reopen', defaultMessage: 'Reopen the poll' })}
        </button>
      )}
      {poll.spec.results === 'end' && status !== 'draft' && (
        <button type="button" className={revealed ? 'button' : 'button primary'} disabled={readOnly} onClick={() => change({ revealed: !revealed })}>
          {revealed
            ? t({ id: 'conversation.poll.hideResults', defaultMessage: 'Hide the results again' })
            : t({ id: 'conversation.poll.revealResults', defaultMessage: 'Reveal the results to everyone' })}
        </button>
      )}
      <button type="button" className="button" disabled={readOnly} onClick={() => setConfirming(true)}>
        {t({ id: 'conversation.poll.delete', defaultMessage: 'Delete…' })}
      </button>
      <Notice text={notice} />
      <ConfirmDialog
        title={t({ id: 'conversation.poll.deleteTitle', defaultMessage: 'Delete this poll?' })}
        message={t(
          {
            id: 'conversation.poll.deleteMessage',
            defaultMessage: '“{question}” and its {count, plural, one {# answer} other {# answers}} leave every copy of the convening as it syncs, and the notes.',
          },
          { question: poll.spec.question, count: poll.answered },
        )}
        confirmLabel={t({ id: 'conversation.poll.deleteConfirm', defaultMessage: 'Delete the poll' })}
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
