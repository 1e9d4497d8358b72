import type { VoteResults as Results } from '../../../shared/facilitation'
import { useNamesById, type ConveningSession } from '../../sync'
import { plural } from '../../ui'

/**
 * The results, ranked: rank, the item, a bar, its dots, "tied" where items share a
 * count, and for named votes who placed dots on it. One ordered list serves the eye and
 * the screen reader (the bar is decoration; the count is said in words).
 */
export function VoteResults(props: { session: ConveningSession; results: Results; anonymous: boolean; question: string }) {
  const { session, results, anonymous } = props
  const names = useNamesById(session)
  const top = results.rows.filter((r) => r.rank === 1 && r.count > 0)
  const summary =
    results.dotsPlaced === 0
      ? 'No dots were placed.'
      : `${top.length > 1 ? `Tied for most dots: ${top.map((r) => r.label).join(', ')}` : `Most dots: ${top[0]?.label ?? '–'}`} · ${anonymous ? plural(results.ballots, 'ballot') : `${plural(results.ballots, 'person', 'people')} voted`}, ${plural(results.dotsPlaced, 'dot')}`
  return (
    <div className="vt-results stack">
      <p className="vt-summary" data-testid="vote-summary">
        {summary}
      </p>
      <ol className="vt-ranked" aria-label={`Results of “${props.question}”, most dots first`}>
        {results.rows.map((row) => (
          <li key={row.key} className={row.rank === 1 && row.count > 0 ? 'vt-row vt-top' : 'vt-row'}>
            <span className="vt-rank" aria-hidden="true">
              {row.rank}
            </span>
            <span className="vt-row-main">
              <span className="vt-row-line">
                <span className="vt-label">{row.label}</span>
                {row.tied && <span className="vt-tied">tied</span>}
                <span className="vt-count">{plural(row.count, 'dot')}</span>
              </span>
              <span className="vt-track" aria-hidden="true">
                <span className="vt-bar" style={{ width: `${Math.round(row.share * 100)}%` }} />
              </span>
              {!anonymous && row.voters.length > 0 && <span className="vt-who">{row.voters.map((id) => names[id] ?? 'Someone').sort((a, b) => a.localeCompare(b)).join(', ')}</span>}
            </span>
            <span className="sr-only">, ranked {row.rank}</span>
          </li>
        ))}
      </ol>
      {results.ignoredText && (
        <p className="muted small" data-testid="vote-ignored">
          {results.ignoredText}.
        </p>
      )}
      {results.excessText && (
        <p className="vt-warning" role="note">
          {results.excessText}.
        </p>
      )}
    </div>
  )
}
