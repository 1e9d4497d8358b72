// The English relative time the climate history showed before issue 15: part of the frozen baseline.
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })

/**
 * "just now", "5 minutes ago", "yesterday", then a date: in English only.
 * (Old code: the app now uses timeAgo(intl, …) from renderer/i18n.)
 */
export function timeAgo(timestamp: number, now = Date.now()): string {
  const seconds = Math.round((timestamp - now) / 1000)
  const abs = Math.abs(seconds)
  if (abs < 45) return 'just now'
  if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute')
  if (abs < 86400) return relative.format(Math.round(seconds / 3600), 'hour')
  if (abs < 86400 * 7) return relative.format(Math.round(seconds / 86400), 'day')
  return new Date(timestamp).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
}
