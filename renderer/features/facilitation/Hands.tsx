import { lowerAllHands, lowerHand, raiseHand, readHands, runMap, type RaisedHand } from '../../../shared/facilitation'
import { sameRecords, useNamesById, useY, type ConveningSession } from '../../sync'
import { Notice, useNotice } from '../../ui'
import { useT } from '../../i18n'
import { SOMEONE, YOU, hidden } from './words'

/**
 * Raise or lower my hand, and the queue of hands in the order they went up (the same
 * on every screen). A facilitator can lower anyone's hand, or all of them.
 */
/** The queue of raised hands, in order, and everyone's name (both the same on every screen). */
export function useHands(session: ConveningSession): { hands: RaisedHand[]; names: Record<string, string> } {
  const doc = session.doc
  const hands = useY(runMap(doc), () => readHands(doc), sameRecords)
  const names = useNamesById(session)
  return { hands, names }
}

/** Raise or lower my own hand; the button says my place in the queue. */
export function RaiseHand(props: { session: ConveningSession }) {
  const { session } = props
  const doc = session.doc
  const me = session.me.id
  const hands = useY(runMap(doc), () => readHands(doc), sameRecords)
  const { notice, run } = useNotice()
  const t = useT()
  const place = hands.findIndex((h) => h.personId === me)
  const raised = place >= 0
  return (
    <>
      <button
        type="button"
        className={raised ? 'button fx-toggle is-on' : 'button fx-toggle'}
        aria-pressed={raised}
        onClick={() => run(raised ? lowerHand(doc, me, me) : raiseHand(doc, me, session.clock.now()))}
      >
        {raised
          ? t({ id: 'facilitation.hands.lowerMine', defaultMessage: '{place, selectordinal, one {Lower hand (#st)} two {Lower hand (#nd)} few {Lower hand (#rd)} other {Lower hand (#th)}}' }, { place: place + 1 })
          : t({ id: 'facilitation.hands.raise', defaultMessage: 'Raise hand' })}
      </button>
      <Notice text={notice} />
    </>
  )
}

/** My hand (unless `raise` is false: it is elsewhere), and the queue of hands as a count that opens it. */
export function Hands(props: { session: ConveningSession; facilitates: boolean; raise: boolean }) {
  const { session, facilitates } = props
  const doc = session.doc
  const me = session.me.id
  const { hands, names } = useHands(session)
  const { notice, run } = useNotice()
  const t = useT()

  return (
    <span className="fx-hands">
      {props.raise && <RaiseHand session={session} />}
      {hands.length > 0 && (
        <details className="fx-pop">
          <summary
            className="button fx-pop-button"
            aria-label={t({ id: 'facilitation.hands.countLabel', defaultMessage: 'Raised hands: {count}' }, { count: hands.length })}
            data-testid="fx-hands-count"
          >
            {t({ id: 'facilitation.hands.count', defaultMessage: 'Hands {count}' }, { count: hands.length })}
          </summary>
          <div className="fx-pop-body">
            <ol className="fx-queue" aria-label={t({ id: 'facilitation.hands.queue', defaultMessage: 'Raised hands, in order' })}>
              {hands.map((h) => (
                <li key={h.personId}>
                  <span className="grow">
                    {names[h.personId] ?? t(SOMEONE)}
                    {h.personId === me && <span className="muted"> {t(YOU)}</span>}
                  </span>
                  {(facilitates || h.personId === me) && (
                    <button type="button" className="link-button" onClick={() => run(lowerHand(doc, me, h.personId))}>
                      {t(
                        { id: 'facilitation.hands.lowerOne', defaultMessage: 'Lower<hidden> {name}’s hand</hidden>' },
                        { name: names[h.personId] ?? t({ id: 'facilitation.hands.thisPerson', defaultMessage: 'this person' }), hidden },
                      )}
                    </button>
                  )}
                </li>
              ))}
            </ol>
            {facilitates && hands.length > 1 && (
              <button type="button" className="button" onClick={() => run(lowerAllHands(doc, me))}>
                {t({ id: 'facilitation.hands.lowerAll', defaultMessage: 'Lower all hands' })}
              </button>
            )}
          </div>
        </details>
      )}
      <Notice text={notice} />
    </span>
  )
}
