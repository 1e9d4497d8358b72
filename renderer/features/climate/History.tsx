import type { ReactNode } from 'react'
import { readHistory } from '../../../shared/climate'
import type { HistoryEntry } from '../../../shared/climate'
import type { IntlShape } from 'react-intl'
import { localClock, useNow } from '../../ui'
import { sameRecords, useY } from '../../sync'
import { timeAgo, useIntl, useT } from '../../i18n'
import { climateTypes, useClimate, usePeopleNames } from './context'
import { leverName, leverValue } from './format'
import { STATUS_QUO_NAME } from './liveScenario'


const bold = (chunks: ReactNode[]): ReactNode => <strong>{chunks}</strong>

/** One line of the history: who did what, the person's name in bold. */
function describe(intl: IntlShape, entry: HistoryEntry, name: string): ReactNode {
  const t = intl.formatMessage
  if (entry.lever === 'all') {
    if (entry.name === STATUS_QUO_NAME) return t({ id: 'climate.history.reset', defaultMessage: '<b>{name}</b> set every lever to the status quo' }, { name, b: bold })
    if (entry.name === undefined) return t({ id: 'climate.history.setAllUnnamed', defaultMessage: '<b>{name}</b> set every lever to a saved scenario' }, { name, b: bold })
    return t({ id: 'climate.history.setAll', defaultMessage: '<b>{name}</b> set every lever to {scenario}' }, { name, scenario: entry.name, b: bold })
  }
  const from = entry.from === undefined ? '?' : leverValue(entry.lever, entry.from, intl)
  const to = entry.to === undefined ? '?' : leverValue(entry.lever, entry.to, intl)
  return t({ id: 'climate.history.moved', defaultMessage: '<b>{name}</b> moved {lever} from {from} to {to}' }, { name, lever: leverName(entry.lever, intl), from, to, b: bold })
}

/** Who moved what, newest first (the document keeps the last forty changes). */
export function History() {
  const { session } = useClimate()
  const t = useT()
  const intl = useIntl()
  const history = useY(climateTypes(session.doc), () => readHistory(session.doc), sameRecords)
  const names = usePeopleNames()
  const now = useNow(localClock, true, 30_000)
  return (
    <section className="climate-history" aria-labelledby="climate-history-heading">
      <h3 id="climate-history-heading">{t({ id: 'climate.history.heading', defaultMessage: 'Recent changes' })}</h3>
      {history.length === 0 ? (
        <p className="muted small">
          {t({ id: 'climate.history.empty', defaultMessage: 'No lever has been moved yet: this is the baseline, today’s policies carried forward.' })}
        </p>
      ) : (
        <ol className="history-list" aria-label={t({ id: 'climate.history.label', defaultMessage: 'Recent lever changes, newest first' })}>
          {history.slice(0, 12).map((entry) => (
            <li key={entry.id}>
              {describe(intl, entry, names[entry.by] ?? t({ id: 'climate.someone', defaultMessage: 'Someone' }))}
              <span className="muted small"> · {timeAgo(intl, entry.at, Math.max(now, entry.at))}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
