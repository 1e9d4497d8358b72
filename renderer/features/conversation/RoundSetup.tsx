import { useState } from 'react'
import { ROUND_ORDERS, newSeed, startRound, type RoundOrder } from '../../../shared/conversation'
import type { AreaProps } from './RoundArea'
import { useNames } from './people'
import { useT } from '../../i18n'
import { ROUND_ORDER_LABEL } from './labels'
import { Notice, submitted, useNotice } from '../../ui'

const PER_SPEAKER = [0, 1, 1.5, 2, 3, 5]

/** Before a round: how the order is made, an optional time per speaker, and who is in it. */
export function RoundSetup(props: AreaProps) {
  const { session, showing, present, readOnly } = props
  const names = useNames(session)
  const { notice, run } = useNotice()
  const t = useT()
  const [order, setOrder] = useState<RoundOrder>('shuffle')
  const [minutes, setMinutes] = useState(0)
  const here = names.people.map((p) => p.id).filter((id) => present.has(id))
  const [arranged, setArranged] = useState<string[]>(here)
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set())
  // Keep the arrangement in step with who is here: newcomers at the end, leavers out.
  const people = [...arranged.filter((id) => present.has(id)), ...here.filter((id) => !arranged.includes(id))]
  const included = people.filter((id) => !left.has(id))
  const move = (index: number, by: number): void => {
    const next = [...people]
    const [item] = next.splice(index, 1)
    next.splice(Math.max(0, Math.min(next.length, index + by)), 0, item)
    setArranged(next)
  }
  const start = (): void => {
    run(startRound(session.doc, session.me.id, showing.current, { order, people: included, perSpeakerMs: minutes > 0 ? minutes * 60_000 : null, seed: newSeed() }, session.clock.now()))
  }
  return (
    <form
      className="cv-round-setup stack"
      aria-label={t({ id: 'conversation.roundSetup.form', defaultMessage: 'Start a round' })}
      onSubmit={submitted(() => start())}
    >
      <fieldset className="field">
        <legend>{t({ id: 'conversation.round.order', defaultMessage: 'Speaking order' })}</legend>
        <div className="row wrap">
          {ROUND_ORDERS.map((value) => (
            <label key={value} className="toggle">
              <input type="radio" name="round-order" value={value} checked={order === value} onChange={() => setOrder(value)} />
              {t(ROUND_ORDER_LABEL[value])}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="field cv-per-speaker">
        <span>{t({ id: 'conversation.roundSetup.perSpeaker', defaultMessage: 'Time for each speaker' })}</span>
        <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
          {PER_SPEAKER.map((m) => (
            <option key={m} value={m}>
              {m === 0
                ? t({ id: 'conversation.roundSetup.noLimit', defaultMessage: 'No time limit' })
                : m < 2 && !Number.isInteger(m)
                  ? t({ id: 'conversation.roundSetup.ninetySeconds', defaultMessage: '90 seconds' })
                  : t({ id: 'conversation.roundSetup.minutes', defaultMessage: '{count, plural, one {# minute} other {# minutes}}' }, { count: m })}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="field">
        <legend>
          {order === 'facilitator'
            ? t({ id: 'conversation.roundSetup.whoInOrder', defaultMessage: 'Who speaks, in this order' })
            : order === 'named'
              ? t({ id: 'conversation.roundSetup.whoNamed', defaultMessage: 'Who speaks (the first one begins)' })
              : t({ id: 'conversation.roundSetup.whoShuffled', defaultMessage: 'Who speaks (shuffled when you start)' })}
        </legend>
        {people.length === 0 && <p className="muted">{t({ id: 'conversation.roundSetup.nobody', defaultMessage: 'Nobody is here yet.' })}</p>}
        <ol className="cv-setup-people">
          {people.map((id, index) => (
            <li key={id} className="row">
              <label className="toggle grow">
                <input type="checkbox" checked={!left.has(id)} onChange={(e) => setLeft((s) => { const n = new Set(s); if (e.target.checked) n.delete(id); else n.add(id); return n })} />
                {names.name(id)}
                {id === session.me.id && <span className="muted"> {t({ id: 'conversation.you', defaultMessage: '(you)' })}</span>}
              </label>
              {order !== 'shuffle' && (
                <>
                  <button type="button" className="button quiet" aria-label={t({ id: 'conversation.roundSetup.earlier', defaultMessage: 'Move {name} earlier' }, { name: names.name(id) })} disabled={index === 0} onClick={() => move(index, -1)}>
                    ↑
                  </button>
                  <button type="button" className="button quiet" aria-label={t({ id: 'conversation.roundSetup.later', defaultMessage: 'Move {name} later' }, { name: names.name(id) })} disabled={index === people.length - 1} onClick={() => move(index, 1)}>
                    ↓
                  </button>
                </>
              )}
            </li>
          ))}
        </ol>
        <p className="muted small">{t({ id: 'conversation.roundSetup.latecomers', defaultMessage: 'People who arrive after the start join the end of the round.' })}</p>
      </fieldset>
      <div>
        <button type="submit" className="button primary" disabled={readOnly || included.length === 0}>
          {t({ id: 'conversation.roundSetup.start', defaultMessage: 'Start the round' })}
        </button>
      </div>
      <Notice text={notice} />
    </form>
  )
}
