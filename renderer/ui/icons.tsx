/**
 * Small line icons drawn inline (a shared screen or a headless browser may have no
 * emoji or symbol font). Decorative: the button around each one carries the words.
 */
const PATHS = {
  /** Four corners pointing out: give the panel the whole window. */
  focus: 'M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5',
  /** Four corners pointing in: bring the columns back. */
  unfocus: 'M9 4v5H4M20 9h-5V4M15 20v-5h5M4 15h5v5',
  people: 'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7ZM3 20c0-3.3 2.7-6 6-6s6 2.7 6 6M16 4.5a3.5 3.5 0 0 1 0 6.5M18 14.5c1.8.8 3 2.9 3 5.5',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
  close: 'M6 6l12 12M18 6 6 18',
  foldRight: 'M9 6l6 6-6 6',
  foldLeft: 'M15 6l-6 6 6 6',
} as const

export type IconName = keyof typeof PATHS

export function Icon(props: { name: IconName; size?: number }) {
  const size = props.size ?? 20
  const dots = props.name === 'more'
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth={dots ? 3.2 : 2} strokeLinecap="round" strokeLinejoin="round">
      <path d={PATHS[props.name]} />
    </svg>
  )
}
