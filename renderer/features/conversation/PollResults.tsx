import { type Bar, type PollResults as Results, type WordsResults } from '../../../shared/conversation'
import { useIntl } from '../../i18n'

const PEOPLE = { id: 'conversation.results.people', defaultMessage: '{count, plural, one {# person} other {# people}}' } as const

/**
 * A poll's results at a glance: plain HTML bars in a table (one table serves the eye
 * and the screen reader: the bar cell is decoration), or a word cloud as a list whose
 * sizes follow how many people gave each word.
 */
export function PollResults(props: { results: Results; question: string }) {
  const { results, question } = props
  const intl = useIntl()
  const t = intl.formatMessage
  if (results.kind === 'words') return <WordCloud results={results} question={question} />
  if (results.answered === 0) return <p className="muted">{t({ id: 'conversation.results.none', defaultMessage: 'No answers yet.' })}</p>
  const tops = results.bars.filter((b) => b.top)
  const count = results.answered
  const summary =
    results.kind === 'scale'
      ? t({ id: 'conversation.results.median', defaultMessage: 'Median {median} · {count, plural, one {# person} other {# people}} answered' }, { median: results.median ?? '–', count })
      : tops.length > 1
        ? t(
            { id: 'conversation.results.tied', defaultMessage: 'Tied for most chosen: {options} · {count, plural, one {# person} other {# people}} answered' },
            // A plain list ("Tea, Coffee"): the unit style joins them without "and".
            { options: intl.formatList(tops.map((b) => b.label), { type: 'unit', style: 'short' }), count },
          )
        : t({ id: 'conversation.results.most', defaultMessage: 'Most chosen: {option} · {count, plural, one {# person} other {# people}} answered' }, { option: tops[0]?.label ?? '–', count })
  const mark = (bar: Bar & { median?: boolean }): string | null =>
    results.kind === 'scale'
      ? bar.median
        ? t({ id: 'conversation.results.markMedian', defaultMessage: 'median' })
        : null
      : bar.top
        ? tops.length > 1
          ? t({ id: 'conversation.results.markTied', defaultMessage: 'tied' })
          : t({ id: 'conversation.results.markMost', defaultMessage: 'most chosen' })
        : null
  return (
    <div className="cv-poll-results stack">
      <p className="cv-poll-summary" data-testid="poll-summary">
        {summary}
      </p>
      <table className={`cv-poll-bars${results.kind === 'scale' ? ' cv-poll-scale' : ''}`}>
        <caption className="sr-only">
          {results.kind === 'choice'
            ? t({ id: 'conversation.results.captionChoice', defaultMessage: 'Results of “{question}”: percentages are of the people who answered' }, { question })
            : t({ id: 'conversation.results.caption', defaultMessage: 'Results of “{question}”' }, { question })}
        </caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">
              {results.kind === 'scale'
                ? t({ id: 'conversation.results.value', defaultMessage: 'Value' })
                : t({ id: 'conversation.results.option', defaultMessage: 'Option' })}
            </th>
            <th scope="col">{t({ id: 'conversation.results.bar', defaultMessage: 'Bar' })}</th>
            <th scope="col">{t({ id: 'conversation.results.answers', defaultMessage: 'Answers' })}</th>
            <th scope="col">{t({ id: 'conversation.results.share', defaultMessage: 'Share' })}</th>
          </tr>
        </thead>
        <tbody>
          {results.bars.map((bar) => {
            const note = mark(bar)
            return (
              <tr key={bar.label} className={note ? 'cv-poll-marked' : undefined}>
                <th scope="row" className="cv-poll-label">
                  {bar.label}
                  {note && <span className="cv-poll-mark"> {note}</span>}
                </th>
                <td className="cv-poll-bar-cell" aria-hidden="true">
                  <span className="cv-poll-track">
                    <span className="cv-poll-bar" style={{ width: `${Math.max(bar.share * 100, bar.count > 0 ? 1 : 0)}%` }} />
                  </span>
                </td>
                <td className="cv-poll-count">{bar.count}</td>
                <td className="cv-poll-share">{intl.formatNumber(bar.share, { style: 'percent', maximumFractionDigits: 0 })}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

function WordCloud(props: { results: WordsResults; question: string }) {
  const { results } = props
  const t = useIntl().formatMessage
  if (results.words.length === 0) return <p className="muted">{t({ id: 'conversation.results.noWords', defaultMessage: 'No words yet.' })}</p>
  return (
    <div className="cv-poll-results stack">
      <p className="cv-poll-summary" data-testid="poll-summary">
        {t(
          {
            id: 'conversation.results.words',
            defaultMessage: '{words, plural, one {# different word} other {# different words}} · {count, plural, one {# person} other {# people}} answered',
          },
          { words: results.words.length, count: results.answered },
        )}
      </p>
      <ul className="cv-cloud" aria-label={t({ id: 'conversation.results.cloud', defaultMessage: 'Word cloud for “{question}”, most given first' }, { question: props.question })}>
        {results.words.map((w) => (
          <li key={w.word} className={`cv-cloud-word cv-cloud-${w.size}`}>
            {w.word}
            <span className="cv-cloud-count" aria-hidden="true">
              {w.count}
            </span>
            <span className="sr-only">, {t(PEOPLE, { count: w.count })}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}
