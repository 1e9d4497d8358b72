// renderer/features/climate/History.tsx before issue 16, for the render benchmark's
// baseline (see ./hooks.tsx). Not used by the app.
import { useEffect, useState } from 'react'
import { readHistory } from '../../../../shared/climate'
import type { HistoryEntry } from '../../../../shared/climate'
import { timeAgo } from './format'
import { useClimateDoc, usePeopleNames } from './climateContext'
import { leverName, leverValue } from '../../../../renderer/features/climate/format'

function describe(entry: HistoryEntry): string {
  if (entry.lever === 'all') return `set every lever to ${entry.name ?? 'a saved scenario'}`
  const from = entry.from === undefined ? '?' : leverValue(entry.lever, entry.from)
  const to = entry.to === undefined ? '?' : leverValue(entry.lever, entry.to)
  return `moved ${leverName(entry.lever)} from ${from} to ${to}`
}

/** Who moved what, newest first (the document keeps the last forty changes). */
export function History() {
  const history = useClimateDoc(readHistory)
  const names = usePeopleNames()
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000)
    return () => clearInterval(timer)
  }, [])
  return (
    <section className="climate-history" aria-labelledby="climate-history-heading">
      <h3 id="climate-history-heading">Recent changes</h3>
      {history.length === 0 ? (
        <p className="muted small">No lever has been moved yet: this is the baseline, today&rsquo;s policies carried forward.</p>
      ) : (
        <ol className="history-list" aria-label="Recent lever changes, newest first">
          {history.slice(0, 12).map((entry) => (
            <li key={entry.id}>
              <strong>{names[entry.by] ?? 'Someone'}</strong> {describe(entry)}
              <span className="muted small"> · {timeAgo(entry.at, Math.max(now, entry.at))}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
