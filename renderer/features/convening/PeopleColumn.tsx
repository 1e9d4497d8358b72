import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { readHands, runMap } from '../../../shared/facilitation'
import { usePresentPeople, useY, type ConveningSession } from '../../sync'
import { VoteDock } from '../votes'
import { Icon, PEOPLE_WIDTH, setLayout, useLayout, Splitter } from '../../ui'
import { useT } from '../../i18n'
import { PeoplePanel } from './PeoplePanel'

export interface PeopleDrawer {
  open: boolean
  setOpen: (open: boolean) => void
  /** The header's People button, where focus goes back when the drawer closes. */
  button: React.RefObject<HTMLButtonElement | null>
}

/** The drawer's state (below 1280 px): closed whenever it stops being a drawer. */
export function usePeopleDrawer(enabled: boolean): PeopleDrawer {
  const [open, setOpenState] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!enabled) setOpenState(false)
  }, [enabled])
  const setOpen = useCallback((next: boolean) => {
    setOpenState(next)
    if (!next) requestAnimationFrame(() => button.current?.focus())
  }, [])
  return { open: open && enabled, setOpen, button }
}

/** In the header below 1280 px: opens the People drawer, and says how many are here and whose hands are up. */
export function PeopleDrawerButton(props: { session: ConveningSession; drawer: PeopleDrawer }) {
  const { session, drawer } = props
  const t = useT()
  const here = usePresentPeople(session).length
  const hands = useY(runMap(session.doc), () => readHands(session.doc).length, Object.is)
  const label =
    hands > 0
      ? t({ id: 'convening.people.buttonHands', defaultMessage: 'People: {here} here, {hands, plural, one {# hand} other {# hands}} up' }, { here, hands })
      : t({ id: 'convening.people.button', defaultMessage: 'People: {here} here' }, { here })
  return (
    <button
      ref={drawer.button}
      type="button"
      className="button quiet people-button"
      aria-expanded={drawer.open}
      aria-controls="people-drawer"
      aria-label={label}
      title={label}
      data-testid="people-button"
      onClick={() => drawer.setOpen(!drawer.open)}
    >
      <Icon name="people" />
      <span className="people-button-count" aria-hidden="true">
        {here}
      </span>
      {hands > 0 && (
        <span className="pp-hand" aria-hidden="true">
          {t({ id: 'convening.people.handsUp', defaultMessage: '{hands} up' }, { hands })}
        </span>
      )}
    </button>
  )
}

/**
 * The right-hand column: a running vote (features/votes), and the People list. From
 * 1280 px it is a column that folds and resizes; below, the list is a drawer over the
 * panel, opened from the header (Escape closes it and focus goes back to the button).
 * In focus mode only a running vote stays.
 */
export function PeopleColumn(props: { session: ConveningSession; readOnly: boolean; drawer: PeopleDrawer | null; focus: boolean }) {
  const { session, drawer, focus } = props
  const t = useT()
  const layout = useLayout()
  const column = drawer === null && !focus
  return (
    <>
      <div className={`side-column${column && !layout.peopleOpen ? ' is-folded' : ''}`} id="people-column">
        {column && layout.peopleOpen && (
          <Splitter label={t({ id: 'convening.people.width', defaultMessage: 'Width of the People column' })} width={layout.peopleWidth} min={PEOPLE_WIDTH.min} max={PEOPLE_WIDTH.max} controls="people-column" onWidth={(peopleWidth) => setLayout({ peopleWidth })} />
        )}
        <VoteDock session={session} readOnly={props.readOnly} />
        {column &&
          (layout.peopleOpen ? (
            <PeoplePanel
              session={session}
              fold={{ label: t({ id: 'convening.people.fold', defaultMessage: 'Fold the People column away' }), controls: 'people-column', onFold: () => setLayout({ peopleOpen: false }) }}
            />
          ) : (
            <button type="button" className="people-rail" aria-expanded="false" aria-controls="people-column" onClick={() => setLayout({ peopleOpen: true })}>
              <Icon name="foldLeft" />
              <span className="people-rail-text">{t({ id: 'convening.people.show', defaultMessage: 'Show people' })}</span>
            </button>
          ))}
      </div>
      {drawer?.open && <Drawer session={session} drawer={drawer} />}
    </>
  )
}

function Drawer(props: { session: ConveningSession; drawer: PeopleDrawer }) {
  const { drawer } = props
  const t = useT()
  const ref = useRef<HTMLDivElement>(null)
  // Focus goes to the drawer's close button: a screen reader hears where it is ("Close the People list").
  useEffect(() => ref.current?.querySelector<HTMLButtonElement>('.pp-fold-column')?.focus(), [])
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    drawer.setOpen(false)
  }
  return (
    <>
      <div className="drawer-scrim" aria-hidden="true" onClick={() => drawer.setOpen(false)} />
      <div className="people-drawer" id="people-drawer" ref={ref} onKeyDown={onKeyDown} data-testid="people-drawer">
        <PeoplePanel
          session={props.session}
          fold={{ label: t({ id: 'convening.people.close', defaultMessage: 'Close the People list' }), controls: 'people-drawer', onFold: () => drawer.setOpen(false) }}
        />
      </div>
    </>
  )
}
