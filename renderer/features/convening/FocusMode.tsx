import { useEffect, useRef, useState } from 'react'
import { Icon, setLayout, useLayout, isEditable } from '../../ui'
import { useT } from '../../i18n'

/**
 * The key for focus mode is F, alone. Why F: it is free in every panel (the diagram
 * takes N, L, D, + − ?, [ ] 0 and the arrows; Ctrl/Cmd+F is the browser's find, which
 * stays theirs), it is what Figma, Miro and video players use for "full view", and a
 * single key is easy to say to a room ("press F"). A single-character shortcut must not
 * fire while someone types or dictates (WCAG 2.1.4), so it works only when focus is on
 * the panel itself (the canvas, a board) or on nothing, never in a text field, a
 * menu or the header; the button works everywhere.
 */
export const FOCUS_KEY = 'f'

const inPanel = (target: EventTarget | null): boolean =>
  target === document.body || target === null || (target instanceof Element && target.closest('.panel-main') !== null)

/** The button that enters focus mode (in the header) or leaves it (in the run of show, the header being folded away). */
export function FocusButton(props: { focus: boolean }) {
  const { focus } = props
  const t = useT()
  const ref = useRef<HTMLButtonElement>(null)
  // The button pressed is folded away with the header (or comes back with it): focus moves to its twin.
  useEffect(() => {
    if (handOver) ref.current?.focus()
    handOver = false
  }, [])
  return (
    <button
      ref={ref}
      type="button"
      className={`button quiet focus-button${focus ? ' is-on' : ''}`}
      aria-pressed={focus}
      aria-keyshortcuts="F"
      title={
        focus
          ? t({ id: 'convening.focus.leaveHint', defaultMessage: 'Bring back the navigation and the People column (F)' })
          : t({ id: 'convening.focus.enterHint', defaultMessage: 'Give the panel the whole window (F)' })
      }
      data-testid="focus-button"
      onClick={() => {
        handOver = true
        setLayout({ focus: !focus })
      }}
    >
      <Icon name={focus ? 'unfocus' : 'focus'} />
      <span className="focus-button-text">{t({ id: 'convening.focus.button', defaultMessage: 'Focus mode' })}</span>
    </button>
  )
}

let handOver = false

/** F toggles focus mode (see FOCUS_KEY); returns what a screen reader is told when it changes. */
export function useFocusKey(): string {
  const { focus } = useLayout()
  const t = useT()
  const [said, setSaid] = useState<'' | 'on' | 'off'>('')
  const before = useRef(focus)
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key.toLowerCase() !== FOCUS_KEY || event.ctrlKey || event.metaKey || event.altKey || event.repeat) return
      if (event.defaultPrevented || isEditable(event.target) || !inPanel(event.target)) return
      event.preventDefault()
      setLayout({ focus: !focus })
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [focus])
  useEffect(() => {
    if (before.current === focus) return
    before.current = focus
    setSaid(focus ? 'on' : 'off')
  }, [focus])
  if (said === '') return ''
  return said === 'on'
    ? t({
        id: 'convening.focus.on',
        defaultMessage: 'Focus mode: the navigation, the People column and side panels are folded away. Press F on the panel, or the Focus mode button, to bring them back.',
      })
    : t({ id: 'convening.focus.off', defaultMessage: 'Focus mode off: the navigation and the People column are back.' })
}
