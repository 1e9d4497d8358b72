import type { IntlShape } from 'react-intl'

/** "just now", "5 minutes ago", "yesterday", then a date: in the person's language. */
export function timeAgo(intl: IntlShape, timestamp: number, now = Date.now()): string {
  const seconds = Math.round((timestamp - now) / 1000)
  const abs = Math.abs(seconds)
  if (abs < 45) return intl.formatMessage({ id: 'time.justNow', defaultMessage: 'just now' })
  const options = { numeric: 'auto' } as const
  if (abs < 3600) return intl.formatRelativeTime(Math.round(seconds / 60), 'minute', options)
  if (abs < 86400) return intl.formatRelativeTime(Math.round(seconds / 3600), 'hour', options)
  if (abs < 86400 * 7) return intl.formatRelativeTime(Math.round(seconds / 86400), 'day', options)
  return intl.formatDate(timestamp, { year: 'numeric', month: 'short', day: 'numeric' })
}
