import { useState } from 'react'
import {
  POLL_KINDS,
  POLL_OPTIONS_MAX,
  POLL_OPTION_MAX,
  POLL_QUESTION_MAX,
  POLL_RESULTS,
  SCALE_BOUNDS,
  SCALE_LABEL_MAX,
  SCALE_RANGES,
  createPoll,
  type PollDraft,
  type PollKind,
  type PollResultsMode,
  type ScaleRange,
} from '../../../shared/conversation'
import type { ConveningSession } from '../../sync'
import { useT } from '../../i18n'
import { POLL_ANSWER_STATEMENT, POLL_KIND_LABEL, POLL_RESULTS_LABEL, POLL_RESULTS_STATEMENT } from './labels'
import { Notice, submitted, useNotice } from '../../ui'

/** A facilitator makes a poll: the question, its kind and what it stores and shows. It opens at once or waits as a draft. */
export function PollCreate(props: { session: ConveningSession; readOnly: boolean; startOpen: boolean }) {
  const { session, readOnly } = props
  const t = useT()
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
      <summary>{t({ id: 'conversation.pollCreate.summary', defaultMessage: 'New poll' })}</summary>
      <form className="stack cv-deck-box-body" aria-label={t({ id: 'conversation.pollCreate.form', defaultMessage: 'Make a poll' })} onSubmit={submitted(() => make(true))}>
        <label className="field">
          <span>{t({ id: 'conversation.pollCreate.question', defaultMessage: 'Question' })}</span>
          <input value={question} maxLength={POLL_QUESTION_MAX} onChange={(e) => setQuestion(e.target.value)} readOnly={readOnly} />
        </label>
        <fieldset className="cv-mode-picker" disabled={readOnly}>
          <legend>{t({ id: 'conversation.pollCreate.kind', defaultMessage: 'Kind of poll' })}</legend>
          {POLL_KINDS.map((k) => (
            <label key={k} className="cv-mode-option">
              <input type="radio" name="poll-kind" checked={kind === k} onChange={() => setKind(k)} />
              {t(POLL_KIND_LABEL[k])}
            </label>
          ))}
        </fieldset>
        {kind === 'choice' && (
          <fieldset className="stack" disabled={readOnly}>
            <legend>{t({ id: 'conversation.pollCreate.options', defaultMessage: 'Options (2 to {max})' }, { max: POLL_OPTIONS_MAX })}</legend>
            <ol className="cv-poll-option-fields">
              {options.map((o, i) => (
                <li key={i} className="row">
                  <input aria-label={t({ id: 'conversation.pollCreate.option', defaultMessage: 'Option {number}' }, { number: i + 1 })} value={o} maxLength={POLL_OPTION_MAX} onChange={(e) => setOptions(options.map((x, j) => (j === i ? e.target.value : x)))} />
                  {options.length > 2 && (
                    <button type="button" className="button" aria-label={t({ id: 'conversation.pollCreate.removeOption', defaultMessage: 'Remove option {number}' }, { number: i + 1 })} onClick={() => setOptions(options.filter((_, j) => j !== i))}>
                      {t({ id: 'common.remove', defaultMessage: 'Remove' })}
                    </button>
                  )}
                </li>
              ))}
            </ol>
            <div className="row wrap">
              <button type="button" className="button" disabled={options.length >= POLL_OPTIONS_MAX} onClick={() => setOptions([...options, ''])}>
                {t({ id: 'conversation.pollCreate.addOption', defaultMessage: 'Add an option' })}
              </button>
              <label className="row">
                <input type="checkbox" checked={multiple} onChange={(e) => setMultiple(e.target.checked)} />
                {t({ id: 'conversation.pollCreate.multiple', defaultMessage: 'People may choose several' })}
              </label>
            </div>
          </fieldset>
        )}
        {kind === 'scale' && (
          <fieldset className="row wrap" disabled={readOnly}>
            <legend>{t(POLL_KIND_LABEL.scale)}</legend>
            <label className="field">
              <span>{t({ id: 'conversation.pollCreate.range', defaultMessage: 'From – to' })}</span>
              <select value={range} onChange={(e) => setRange(e.target.value as ScaleRange)}>
                {SCALE_RANGES.map((r) => (
                  <option key={r} value={r}>
                    {t({ id: 'conversation.pollCreate.rangeOption', defaultMessage: '{min} to {max}' }, SCALE_BOUNDS[r])}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>{t({ id: 'conversation.pollCreate.low', defaultMessage: 'Label of the low end' })}</span>
              <input value={low} maxLength={SCALE_LABEL_MAX} placeholder={t({ id: 'conversation.pollCreate.lowExample', defaultMessage: 'Not at all' })} onChange={(e) => setLow(e.target.value)} />
            </label>
            <label className="field">
              <span>{t({ id: 'conversation.pollCreate.high', defaultMessage: 'Label of the high end' })}</span>
              <input value={high} maxLength={SCALE_LABEL_MAX} placeholder={t({ id: 'conversation.pollCreate.highExample', defaultMessage: 'Completely' })} onChange={(e) => setHigh(e.target.value)} />
            </label>
          </fieldset>
        )}
        <div className="row wrap cv-poll-settings">
          <fieldset className="cv-visibility-picker" disabled={readOnly}>
            <legend>{t({ id: 'conversation.pollCreate.answers', defaultMessage: 'Answers' })}</legend>
            {([false, true] as const).map((a) => (
              <label key={String(a)} className="cv-visibility-option">
                <input type="radio" name="poll-anonymous" checked={anonymous === a} onChange={() => setAnonymous(a)} />
                <span>
                  <strong>{a ? t({ id: 'conversation.poll.anonymous', defaultMessage: 'Anonymous' }) : t({ id: 'conversation.poll.named', defaultMessage: 'Named' })}</strong>
                  <span className="muted small cv-visibility-text">{t(a ? POLL_ANSWER_STATEMENT.anonymous : POLL_ANSWER_STATEMENT.named)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <fieldset className="cv-visibility-picker" disabled={readOnly}>
            <legend>{t({ id: 'conversation.pollCreate.results', defaultMessage: 'Results' })}</legend>
            {POLL_RESULTS.map((r) => (
              <label key={r} className="cv-visibility-option">
                <input type="radio" name="poll-results" checked={results === r} onChange={() => setResults(r)} />
                <span>
                  <strong>{t(POLL_RESULTS_LABEL[r])}</strong>
                  <span className="muted small cv-visibility-text">{t(POLL_RESULTS_STATEMENT[r])}</span>
                </span>
              </label>
            ))}
          </fieldset>
        </div>
        <div className="row wrap">
          <button type="submit" className="button primary" disabled={readOnly}>
            {t({ id: 'conversation.pollCreate.openNow', defaultMessage: 'Open the poll now' })}
          </button>
          <button type="button" className="button" disabled={readOnly} onClick={() => make(false)}>
            {t({ id: 'conversation.pollCreate.draft', defaultMessage: 'Save as a draft' })}
          </button>
        </div>
        <Notice text={notice} />
      </form>
    </details>
  )
}
