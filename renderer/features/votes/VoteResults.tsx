import type { VoteResults as Results } from '../../../shared/facilitation'
import { useNamesById, type ConveningSession } from '../../sync'
import { useIntl, useT } from '../../i18n'

/**
 * The results, ranked: rank, the item, a bar, its dots, "tied" where items share a
 * count, and for named votes who placed dots on it. One ordered list serves the eye and
 * the screen reader (the bar is decoration; the count is said in words).
 */
export function VoteResults(props: { session: ConveningSession; results: Results; anonymous: boolean; question: string }) {
  const { session, results, anonymous } = props
  const names = useNamesById(session)
  const t = useT()
  const intl = useIntl()
  const list = (items: string[]): string => intl.formatList(items, { type: 'unit', style: 'short' })
  const top = results.rows.filter((r) => r.rank === 1 && r.count > 0)
  const values = { items: list(top.map((r) => r.label)), item: top[0]?.label ?? '–', ballots: results.ballots, dots: results.dotsPlaced }
  const summary =
    results.dotsPlaced === 0
      ? t({ id: 'votes.results.none', defaultMessage: 'No dots were placed.' })
      : top.length > 1
        ? anonymous
          ? t({ id: 'votes.results.tiedBallots', defaultMessage: 'Tied for most dots: {items} · {ballots, plural, one {# ballot} other {# ballots}}, {dots, plural, one {# dot} other {# dots}}' }, values)
          : t({ id: 'votes.results.tiedPeople', defaultMessage: 'Tied for most dots: {items} · {ballots, plural, one {# person} other {# people}} voted, {dots, plural, one {# dot} other {# dots}}' }, values)
        : anonymous
          ? t({ id: 'votes.results.mostBallots', defaultMessage: 'Most dots: {item} · {ballots, plural, one {# ballot} other {# ballots}}, {dots, plural, one {# dot} other {# dots}}' }, values)
          : t({ id: 'votes.results.mostPeople', defaultMessage: 'Most dots: {item} · {ballots, plural, one {# person} other {# people}} voted, {dots, plural, one {# dot} other {# dots}}' }, values)
  return (
    <div className="vt-results stack">
      <p className="vt-summary" data-testid="vote-summary">
        {summary}
      </p>
      <ol className="vt-ranked" aria-label={t({ id: 'votes.results.label', defaultMessage: 'Results of “{question}”, most dots first' }, { question: props.question })}>
        {results.rows.map((row) => (
          <li key={row.key} className={row.rank === 1 && row.count > 0 ? 'vt-row vt-top' : 'vt-row'}>
            <span className="vt-rank" aria-hidden="true">
              {row.rank}
            </span>
            <span className="vt-row-main">
              <span className="vt-row-line">
                <span className="vt-label">{row.label}</span>
                {row.tied && <span className="vt-tied">{t({ id: 'votes.results.tied', defaultMessage: 'tied' })}</span>}
                <span className="vt-count">{t({ id: 'votes.results.dots', defaultMessage: '{count, plural, one {# dot} other {# dots}}' }, { count: row.count })}</span>
              </span>
              <span className="vt-track" aria-hidden="true">
                <span className="vt-bar" style={{ width: `${Math.round(row.share * 100)}%` }} />
              </span>
              {!anonymous && row.voters.length > 0 && (
                <span className="vt-who">
                  {list(row.voters.map((id) => names[id] ?? t({ id: 'votes.results.someone', defaultMessage: 'Someone' })).sort((a, b) => a.localeCompare(b, intl.locale)))}
                </span>
              )}
            </span>
            <span className="sr-only">{t({ id: 'votes.results.ranked', defaultMessage: ', ranked {rank}' }, { rank: row.rank })}</span>
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
