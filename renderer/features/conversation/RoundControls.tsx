import { useState } from 'react'
import { endRound, newSeed, startRound, steerRound, takeTurn, type ConversationResult, type Round, type RoundView } from '../../../shared/conversation'
import type { ConveningSession } from '../../sync'
import type { AreaProps } from './RoundArea'
import type { Names } from './people'
import { useT } from '../../i18n'
import { Countdown, useCountdown } from '../../ui'

type ControlProps = AreaProps & { round: Round; view: RoundView; names: Names; run: (result: ConversationResult) => boolean }

/** What each person can do in a round: their own turn, and for facilitators, steering. */
export function RoundControls(props: ControlProps) {
  return (
    <div className="stack">
      <MyTurn {...props} />
      {props.facilitating && <Steering {...props} />}
    </div>
  )
}

function MyTurn(props: ControlProps) {
  const { session, round, view, present, names, run, readOnly } = props
  const me = session.me.id
  const t = useT()
  const [next, setNext] = useState('')
  if (round.ended) return null
  const mine = view.members.find((m) => m.personId === me)
  const now = (): number => session.clock.now()
  if (mine?.status === 'spoke' || mine?.status === 'passed') {
    return (
      <p className="muted">
        {mine.status === 'spoke'
          ? t({ id: 'conversation.turn.spoke', defaultMessage: 'You have spoken in this round. Thank you.' })
          : t({ id: 'conversation.turn.passed', defaultMessage: 'You passed in this round.' })}
      </p>
    )
  }
  const holding = view.current === me
  const waiting = view.members.filter((m) => m.status === 'waiting' && m.personId !== me)
  return (
    <div className={`cv-my-turn${holding ? ' cv-my-turn-now' : ''}`} role="group" aria-label={t({ id: 'conversation.turn.group', defaultMessage: 'Your turn' })}>
      {holding ? (
        <>
          <p className="cv-my-turn-title">{t({ id: 'conversation.turn.yours', defaultMessage: 'It is your turn. Take your time.' })}</p>
          {round.order === 'named' && waiting.length > 0 && (
            <label className="field">
              <span>{t({ id: 'conversation.turn.whoNext', defaultMessage: 'Who speaks next?' })}</span>
              <select value={next} onChange={(e) => setNext(e.target.value)}>
                <option value="">{t({ id: 'conversation.turn.nextInList', defaultMessage: 'Whoever is next in the list' })}</option>
                {waiting.map((m) => (
                  <option key={m.personId} value={m.personId}>
                    {names.name(m.personId)}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div className="row wrap">
            <button type="button" className="button primary" disabled={readOnly} onClick={() => run(takeTurn(session.doc, me, round, { kind: 'done', next: next || undefined }, present, now()))}>
              {t({ id: 'conversation.turn.done', defaultMessage: 'I’m done' })}
            </button>
            <button type="button" className="button" disabled={readOnly} onClick={() => run(takeTurn(session.doc, me, round, { kind: 'pass', next: next || undefined }, present, now()))}>
              {t({ id: 'conversation.turn.pass', defaultMessage: 'I pass' })}
            </button>
          </div>
        </>
      ) : (
        <div className="row wrap">
          <p className="muted grow">{t({ id: 'conversation.turn.passAnytime', defaultMessage: 'Passing is always fine. You can pass now, before your turn comes.' })}</p>
          <button type="button" className="button" disabled={readOnly} onClick={() => run(takeTurn(session.doc, me, round, { kind: 'pass' }, present, now()))}>
            {t({ id: 'conversation.turn.passEarly', defaultMessage: 'I’ll pass this round' })}
          </button>
        </div>
      )}
    </div>
  )
}

function Steering(props: ControlProps) {
  const { session, round, view, names, run, readOnly, present } = props
  const me = session.me.id
  const t = useT()
  const [give, setGive] = useState('')
  const now = (): number => session.clock.now()
  const waiting = view.members.filter((m) => m.status === 'waiting')
  const passed = view.members.filter((m) => m.status === 'passed' && present.has(m.personId)).map((m) => m.personId)
  const again = (people: string[]): void => {
    run(startRound(session.doc, me, props.showing.current, { order: round.order === 'named' ? 'facilitator' : round.order, people, perSpeakerMs: round.perSpeakerMs, seed: newSeed() }, now()))
  }
  return (
    <div className="cv-steering row wrap" role="group" aria-label={t({ id: 'conversation.steer.group', defaultMessage: 'Steer the round' })}>
      {!round.ended && view.current && (
        <button type="button" className="button" disabled={readOnly} onClick={() => run(steerRound(session.doc, me, round, { kind: 'finish', personId: view.current!, as: 'spoke' }, now()))}>
          {t({ id: 'conversation.steer.nextSpeaker', defaultMessage: 'Next speaker' })}
        </button>
      )}
      {!round.ended && waiting.length > 0 && (
        <span className="row">
          <label className="sr-only" htmlFor="give-turn">
            {t({ id: 'conversation.steer.giveLabel', defaultMessage: 'Give the turn to' })}
          </label>
          <select id="give-turn" value={give} onChange={(e) => setGive(e.target.value)}>
            <option value="">{t({ id: 'conversation.steer.givePick', defaultMessage: 'Give the turn to…' })}</option>
            {waiting.map((m) => (
              <option key={m.personId} value={m.personId}>
                {names.name(m.personId)}
              </option>
            ))}
          </select>
          <button type="button" className="button quiet" disabled={readOnly || !give} onClick={() => run(steerRound(session.doc, me, round, { kind: 'give', personId: give }, now())) && setGive('')}>
            {t({ id: 'conversation.steer.give', defaultMessage: 'Give turn' })}
          </button>
        </span>
      )}
      {view.complete && passed.length > 0 && !round.ended && (
        <button type="button" className="button" disabled={readOnly} onClick={() => again(passed)}>
          {t({ id: 'conversation.steer.again', defaultMessage: 'Round again for those who passed ({count})' }, { count: passed.length })}
        </button>
      )}
      {!round.ended && (
        <button type="button" className="button quiet" disabled={readOnly} onClick={() => run(endRound(session.doc, me, round))}>
          {t({ id: 'conversation.steer.end', defaultMessage: 'End round' })}
        </button>
      )}
      <button type="button" className="button quiet" disabled={readOnly} onClick={() => again([...present])}>
        {t({ id: 'conversation.steer.newRound', defaultMessage: 'New round with everyone here' })}
      </button>
    </div>
  )
}

/** The per-speaker time, counted from when the speaker took the piece. A guide, not a gong. */
export function SpeakerTime(props: { session: ConveningSession; round: Round; since: RoundView['since']; muted: boolean }) {
  const { session, round, since, muted } = props
  const t = useT()
  const duration = round.perSpeakerMs ?? 0
  const timer = since
    ? { durationMs: duration, startedAt: since.at, remainingAtStartMs: duration, clockOf: since.by }
    : { durationMs: duration, startedAt: null, remainingAtStartMs: duration, clockOf: '' }
  // Rings as the speaker takes the piece and when their time is up; only the end is said.
  const ticking = useCountdown(session.clock, timer, { muted, bells: 'start and end', words: { end: t({ id: 'conversation.speakerTime.up', defaultMessage: 'The speaker’s time is up.' }) } })
  return (
    <div className="cv-speaker-time row">
      <Countdown ticking={ticking} size="medium" label={t({ id: 'conversation.speakerTime.label', defaultMessage: 'Speaker’s time' })} />
      <span className="sr-only" aria-live="polite">
        {ticking.said}
      </span>
    </div>
  )
}
