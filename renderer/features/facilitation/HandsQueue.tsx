import { lowerHand } from '../../../shared/facilitation'
import type { ConveningSession } from '../../sync'
import { useHands } from './Hands'
import { useFacilitates } from './hooks'
import { Notice, useNotice } from '../../ui'
import { useT } from '../../i18n'
import { PLACE, SOMEONE, YOU, hidden } from './words'

/**
 * The raised hands at the top of the People column, in the order they went up, for
 * everyone to see. A facilitator works through it: "Next" lowers the first hand (that
 * person has had their turn), and any hand can be lowered on its own.
 */
export function HandsQueue(props: { session: ConveningSession }) {
  const { session } = props
  const doc = session.doc
  const me = session.me.id
  const facilitates = useFacilitates(session)
  const { hands, names } = useHands(session)
  const { notice, run } = useNotice()
  const t = useT()
  if (hands.length === 0) return <Notice text={notice} />
  const nameOf = (id: string): string => names[id] ?? t(SOMEONE)
  const first = hands[0]

  return (
    <section className="pp-hands" aria-labelledby="pp-hands-heading" data-testid="pp-hands">
      <div className="pp-hands-head">
        <h3 id="pp-hands-heading" className="pp-hands-title">
          {t({ id: 'facilitation.queue.title', defaultMessage: 'Hands up ({count})' }, { count: hands.length })}
        </h3>
        {facilitates && (
          <button
            type="button"
            className="button small-button primary"
            aria-label={t({ id: 'facilitation.queue.nextLabel', defaultMessage: 'Next: lower {name}’s hand' }, { name: nameOf(first.personId) })}
            title={t({ id: 'facilitation.queue.nextHint', defaultMessage: '{name} has had their turn: lower their hand' }, { name: nameOf(first.personId) })}
            onClick={() => run(lowerHand(doc, me, first.personId))}
          >
            {t({ id: 'facilitation.queue.next', defaultMessage: 'Next' })}
          </button>
        )}
      </div>
      <ol className="pp-queue" aria-label={t({ id: 'facilitation.queue.label', defaultMessage: 'Hands up, in order' })}>
        {hands.map((h, i) => (
          <li key={h.personId} className={i === 0 ? 'pp-queue-item is-first' : 'pp-queue-item'}>
            <span className="pp-queue-place" aria-hidden="true">
              {t(PLACE, { place: i + 1 })}
            </span>
            <span className="pp-queue-name">
              {nameOf(h.personId)}
              {h.personId === me && <span className="muted"> {t(YOU)}</span>}
            </span>
            {(facilitates || h.personId === me) && (
              <button type="button" className="link-button small" onClick={() => run(lowerHand(doc, me, h.personId))}>
                {t({ id: 'facilitation.hands.lowerOne', defaultMessage: 'Lower<hidden> {name}’s hand</hidden>' }, { name: nameOf(h.personId), hidden })}
              </button>
            )}
          </li>
        ))}
      </ol>
      <Notice text={notice} />
    </section>
  )
}
