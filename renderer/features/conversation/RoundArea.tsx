import { useEffect } from 'react'
import { readRound, steerRound, takeTurn, viewRound, type Round, type Showing } from '../../../shared/conversation'
import { canFacilitate } from '../../../shared/session'
import { sameJson, useY, type ConveningSession } from '../../sync'
import { conversationTypes, usePresentIds } from './hooks'
import { useNames } from './people'
import { RoundSetup } from './RoundSetup'
import { RoundControls, SpeakerTime } from './RoundControls'
import { useT } from '../../i18n'
import { Notice, useNotice } from '../../ui'

const STATUS_WORDS = {
  spoke: { id: 'conversation.speaker.spoke', defaultMessage: 'Spoke' },
  passed: { id: 'conversation.speaker.passed', defaultMessage: 'Passed' },
  speaking: { id: 'conversation.speaker.speaking', defaultMessage: 'Speaking now' },
  waiting: { id: 'conversation.speaker.waiting', defaultMessage: 'Waiting' },
  away: { id: 'conversation.speaker.away', defaultMessage: 'Not here' },
} as const

export interface AreaProps {
  session: ConveningSession
  showing: Showing
  facilitating: boolean
  present: ReadonlySet<string>
  readOnly: boolean
  muted: boolean
}

/** A round with a talking piece: the speaking order, the current speaker for all, pass always allowed. */
export function RoundArea(props: AreaProps) {
  const { session, showing, facilitating } = props
  const step = showing.current.step
  const t = useT()
  const round = useY(conversationTypes(session.doc, 'round'), () => readRound(session.doc, step), sameJson)
  if (!round) {
    return facilitating ? (
      <RoundSetup {...props} />
    ) : (
      <p className="cv-mode-waiting">{t({ id: 'conversation.round.waiting', defaultMessage: 'The facilitator will start the round in a moment.' })}</p>
    )
  }
  return <RoundLive {...props} round={round} />
}

function RoundLive(props: AreaProps & { round: Round }) {
  const { session, round, present, facilitating, readOnly } = props
  const doc = session.doc
  const me = session.me.id
  const view = useY(conversationTypes(doc, 'turns'), () => viewRound(doc, round, present), sameJson)
  const names = useNames(session)
  const { notice, run } = useNotice()
  const t = useT()

  const speaker = view.current
  return (
    <section className="cv-round" aria-labelledby="round-heading">
      <h3 id="round-heading" className="sr-only">
        {t({ id: 'conversation.mode.round', defaultMessage: 'Round' })}
      </h3>
      <div className="cv-round-now" aria-live="polite" data-testid="round-now">
        {round.ended ? (
          <p>{t({ id: 'conversation.round.ended', defaultMessage: 'The round has ended.' })}</p>
        ) : speaker ? (
          <p>
            {t(
              { id: 'conversation.round.nowSpeaking', defaultMessage: '<muted>Now speaking: </muted><name>{speaker}</name>' },
              {
                speaker: speaker === me ? t({ id: 'conversation.round.nowYou', defaultMessage: 'You' }) : names.name(speaker),
                muted: (chunks) => <span className="muted">{chunks}</span>,
                name: (chunks) => (
                  <strong className="cv-speaker-name" style={{ borderColor: names.colour(speaker) }}>
                    {chunks}
                  </strong>
                ),
              },
            )}
            {view.upNext && (
              <span className="muted small">
                {' · '}
                {view.upNext === me
                  ? t({ id: 'conversation.round.nextYou', defaultMessage: 'next: you' })
                  : t({ id: 'conversation.round.next', defaultMessage: 'next: {name}' }, { name: names.name(view.upNext) })}
              </span>
            )}
          </p>
        ) : (
          <p>
            {t(
              { id: 'conversation.round.complete', defaultMessage: 'Everyone here has had a turn: {spoke} spoke, {passed} passed.' },
              { spoke: view.spoke, passed: view.passed },
            )}
          </p>
        )}
      </div>
      {!round.ended && speaker && round.perSpeakerMs !== null && (
        <SpeakerTime session={session} round={round} since={view.since} muted={props.muted} />
      )}
      <ol className="cv-speaking-order" aria-label={t({ id: 'conversation.round.order', defaultMessage: 'Speaking order' })}>
        {view.members.map((member) => (
          <li
            key={member.personId}
            className={`cv-speaker cv-speaker-${member.status}`}
            aria-current={member.status === 'speaking' ? 'true' : undefined}
            style={member.status === 'speaking' ? { borderColor: names.colour(member.personId) } : undefined}
          >
            <span className="swatch" style={{ background: names.colour(member.personId) }} aria-hidden="true" />
            <span className="grow">
              {names.name(member.personId)}
              {member.personId === me && <span className="muted"> {t({ id: 'conversation.you', defaultMessage: '(you)' })}</span>}
            </span>
            <span className="cv-speaker-status small">{t(STATUS_WORDS[member.status])}</span>
          </li>
        ))}
      </ol>
      {!readOnly && !round.ended && view.needsClaim && view.current && <TakeThePiece session={session} round={round} current={view.current} present={present} facilitating={facilitating} />}
      <RoundControls {...props} view={view} names={names} run={run} />
      <Notice text={notice} />
    </section>
  )
}

/**
 * The person whose turn it is takes the piece: this records when they began (for the
 * per-speaker time) and keeps their place if someone earlier in the order comes back.
 * If their app is not on this panel, the first facilitator here records it for them.
 */
function TakeThePiece(props: { session: ConveningSession; round: Round; current: string; present: ReadonlySet<string>; facilitating: boolean }) {
  const { session, round, current, present, facilitating } = props
  const here = usePresentIds(session, 'conversation')
  const me = session.me.id
  const doc = session.doc
  const firstFacilitator = facilitating ? [...here].filter((id) => canFacilitate(doc, id)).sort()[0] : undefined
  const speakerHere = here.has(current)
  useEffect(() => {
    if (current === me) takeTurn(doc, me, round, { kind: 'claim' }, present, session.clock.now())
    else if (!speakerHere && firstFacilitator === me) steerRound(doc, me, round, { kind: 'give', personId: current }, session.clock.now())
  }, [doc, me, round, current, present, speakerHere, firstFacilitator, session])
  return null
}
