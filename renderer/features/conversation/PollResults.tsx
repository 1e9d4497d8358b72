import { pct, type Bar, type PollResults as Results, type WordsResults } from '../../../shared/conversation'

const people = (n: number): string => `${n} ${n === 1 ? 'person' : 'people'}`

/**
 * A poll's results at a glance: plain HTML bars in a table (one table serves the eye
 * and the screen reader: the bar cell is decoration), or a word cloud as a list whose
 * sizes follow how many people gave each word.
 */
export function PollResults(props: { results: Results; question: string }) {
  const { results, question } = props
  if (results.kind === 'words') return <WordCloud results={results} question={question} />
  if (results.answered === 0) return <p className="muted">No answers yet.</p>
  const tops = results.bars.filter((b) => b.top)
  const summary =
    results.kind === 'scale'
      ? `Median ${results.median ?? '–'} · ${people(results.answered)} answered`
      : `${tops.length > 1 ? `Tied for most chosen: ${tops.map((b) => b.label).join(', ')}` : `Most chosen: ${tops[0]?.label ?? '–'}`} · ${people(results.answered)} answered`
  const mark = (bar: Bar & { median?: boolean }): string | null =>
    results.kind === 'scale' ? (bar.median ? 'median' : null) : bar.top ? (tops.length > 1 ? 'tied' : 'most chosen') : null
  return (
    <div className="cv-poll-results stack">
      <p className="cv-poll-summary" data-testid="poll-summary">
        {summary}
      </p>
      <table className={`cv-poll-bars${results.kind === 'scale' ? ' cv-poll-scale' : ''}`}>
        <caption className="sr-only">
          Results of “{question}”{results.kind === 'choice' ? ': percentages are of the people who answered' : ''}
        </caption>
        <thead className="sr-only">
          <tr>
            <th scope="col">{results.kind === 'scale' ? 'Value' : 'Option'}</th>
            <th scope="col">Bar</th>
            <th scope="col">Answers</th>
            <th scope="col">Share</th>
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
                <td className="cv-poll-share">{pct(bar.share)}</td>
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
  if (results.words.length === 0) return <p className="muted">No words yet.</p>
  return (
    <div className="cv-poll-results stack">
      <p className="cv-poll-summary" data-testid="poll-summary">
        {results.words.length} different {results.words.length === 1 ? 'word' : 'words'} · {people(results.answered)} answered
      </p>
      <ul className="cv-cloud" aria-label={`Word cloud for “${props.question}”, most given first`}>
        {results.words.map((w) => (
          <li key={w.word} className={`cv-cloud-word cv-cloud-${w.size}`}>
            {w.word}
            <span className="cv-cloud-count" aria-hidden="true">
              {w.count}
            </span>
            <span className="sr-only">, {people(w.count)}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}
