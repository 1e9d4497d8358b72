import { useState } from 'react'
import {
  POLL_ANSWER_STATEMENTS,
  POLL_KINDS,
  POLL_KIND_LABELS,
  POLL_OPTIONS_MAX,
  POLL_OPTION_MAX,
  POLL_QUESTION_MAX,
  POLL_RESULTS,
  POLL_RESULTS_LABELS,
  POLL_RESULTS_STATEMENTS,
  SCALE_LABEL_MAX,
  SCALE_RANGES,
  createPoll,
  type PollDraft,
  type PollKind,
  type PollResultsMode,
  type ScaleRange,
} from '../../../shared/conversation'
import type { ConveningSession } from '../../sync'
import { Notice, submitted } from './Notice'
import { useNotice } from './hooks'

/** A facilitator makes a poll: the question, its kind and what it stores and shows. It opens at once or waits as a draft. */
export function PollCreate(props: { session: ConveningSession; readOnly: boolean; startOpen: boolean }) {
  const { session, readOnly } = props
  const [unfolded, setUnfolded] = useState(props.startOpen)
  const [question, setQuestion] = useState('')
  const [kind, setKind] = useState<PollKind>('choice')
  const [options, setOptions] = useState(['', '', ''])
  const [multiple, setMultiple] = useState(false)
  const [range, setRange] = useState<ScaleRange>('1-5')
  const [low, setLow] = useState('')
  const [high, setHigh] = useState('')
  const [anonymous, setAnonymous] = useState(false)
  const [results, setResults] = useState<PollResultsMode>('live')
  const { notice, run } = useNotice()
  const base = { question, anonymous, results }
  const draft: PollDraft = kind === 'choice' ? { ...base, kind, options, multiple } : kind === 'scale' ? { ...base, kind, range, low, high } : { ...base, kind }
  const make = (open: boolean): void => {
    if (!run(createPoll(session.doc, session.me.id, draft, Date.now(), open))) return
    setQuestion('')
    setOptions(['', '', ''])
  }
  return (
    <details className="cv-deck-box cv-poll-create" open={unfolded} onToggle={(e) => setUnfolded(e.currentTarget.open)}>
      <summary>New poll</summary>
      <form className="stack cv-deck-box-body" aria-label="Make a poll" onSubmit={submitted(() => make(true))}>
        <label className="field">
          <span>Question</span>
          <input value={question} maxLength={POLL_QUESTION_MAX} onChange={(e) => setQuestion(e.target.value)} readOnly={readOnly} />
        </label>
        <fieldset className="cv-mode-picker" disabled={readOnly}>
          <legend>Kind of poll</legend>
          {POLL_KINDS.map((k) => (
            <label key={k} className="cv-mode-option">
              <input type="radio" name="poll-kind" checked={kind === k} onChange={() => setKind(k)} />
              {POLL_KIND_LABELS[k]}
            </label>
          ))}
        </fieldset>
        {kind === 'choice' && (
          <fieldset className="stack" disabled={readOnly}>
            <legend>Options (2 to {POLL_OPTIONS_MAX})</legend>
            <ol className="cv-poll-option-fields">
              {options.map((o, i) => (
                <li key={i} className="row">
                  <input aria-label={`Option ${i + 1}`} value={o} maxLength={POLL_OPTION_MAX} onChange={(e) => setOptions(options.map((x, j) => (j === i ? e.target.value : x)))} />
                  {options.length > 2 && (
                    <button type="button" className="button" aria-label={`Remove option ${i + 1}`} onClick={() => setOptions(options.filter((_, j) => j !== i))}>
                      Remove
                    </button>
                  )}
                </li>
              ))}
            </ol>
            <div className="row wrap">
              <button type="button" className="button" disabled={options.length >= POLL_OPTIONS_MAX} onClick={() => setOptions([...options, ''])}>
                Add an option
              </button>
              <label className="row">
                <input type="checkbox" checked={multiple} onChange={(e) => setMultiple(e.target.checked)} />
                People may choose several
              </label>
            </div>
          </fieldset>
        )}
        {kind === 'scale' && (
          <fieldset className="row wrap" disabled={readOnly}>
            <legend>Scale</legend>
            <label className="field">
              <span>From – to</span>
              <select value={range} onChange={(e) => setRange(e.target.value as ScaleRange)}>
                {SCALE_RANGES.map((r) => (
                  <option key={r} value={r}>
                    {r.replace('-', ' to ')}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Label of the low end</span>
              <input value={low} maxLength={SCALE_LABEL_MAX} placeholder="Not at all" onChange={(e) => setLow(e.target.value)} />
            </label>
            <label className="field">
              <span>Label of the high end</span>
              <input value={high} maxLength={SCALE_LABEL_MAX} placeholder="Completely" onChange={(e) => setHigh(e.target.value)} />
            </label>
          </fieldset>
        )}
        <div className="row wrap cv-poll-settings">
          <fieldset className="cv-visibility-picker" disabled={readOnly}>
            <legend>Answers</legend>
            {([false, true] as const).map((a) => (
              <label key={String(a)} className="cv-visibility-option">
                <input type="radio" name="poll-anonymous" checked={anonymous === a} onChange={() => setAnonymous(a)} />
                <span>
                  <strong>{a ? 'Anonymous' : 'Named'}</strong>
                  <span className="muted small cv-visibility-text">{a ? POLL_ANSWER_STATEMENTS.anonymous : POLL_ANSWER_STATEMENTS.named}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <fieldset className="cv-visibility-picker" disabled={readOnly}>
            <legend>Results</legend>
            {POLL_RESULTS.map((r) => (
              <label key={r} className="cv-visibility-option">
                <input type="radio" name="poll-results" checked={results === r} onChange={() => setResults(r)} />
                <span>
                  <strong>{POLL_RESULTS_LABELS[r]}</strong>
                  <span className="muted small cv-visibility-text">{POLL_RESULTS_STATEMENTS[r]}</span>
                </span>
              </label>
            ))}
          </fieldset>
        </div>
        <div className="row wrap">
          <button type="submit" className="button primary" disabled={readOnly}>
            Open the poll now
          </button>
          <button type="button" className="button" disabled={readOnly} onClick={() => make(false)}>
            Save as a draft
          </button>
        </div>
        <Notice text={notice} />
      </form>
    </details>
  )
}
