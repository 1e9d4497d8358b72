import { changeTimer, defaultDurationMs, readTimer, type TimerAction } from '../../../shared/conversation'
import type { AreaProps } from './RoundArea'
import { sameFields, useY } from '../../sync'
import { conversationTypes } from './hooks'
import { TimerControls } from './Timer'
import { useT } from '../../i18n'
import { MODE_LABEL } from './labels'
import { Notice, useNotice, Countdown, useCountdown } from '../../ui'

/** Silent reflection: the prompt above, a shared countdown, and nothing else. */
export function SilenceArea(props: AreaProps) {
  const { session, showing, facilitating, readOnly, muted } = props
  const t = useT()
  const step = showing.current.step
  const fallback = defaultDurationMs(showing.prompt)
  const timer = useY(conversationTypes(session.doc, 'timer'), () => readTimer(session.doc, step, fallback), sameFields)
  const ticking = useCountdown(session.clock, timer, {
    muted,
    bells: 'start and end',
    words: {
      start: t({ id: 'conversation.silence.begins', defaultMessage: 'The silence begins.' }),
      end: t({ id: 'conversation.silence.ended', defaultMessage: 'The silence has ended.' }),
    },
  })
  const { left, running, said } = ticking
  const { notice, run } = useNotice()
  const act = (action: TimerAction): void => {
    run(changeTimer(session.doc, session.me.id, showing.current, action, session.clock, fallback))
  }
  const before = !timer.set || (timer.startedAt === null && left === timer.durationMs)
  return (
    <section className="cv-silence stack" aria-label={t(MODE_LABEL.silence)}>
      <Countdown ticking={ticking} size="large" label={t(MODE_LABEL.silence)} />
      {before && !facilitating && (
        <p className="cv-mode-waiting">{t({ id: 'conversation.silence.waiting', defaultMessage: 'The silence begins when the facilitator starts it.' })}</p>
      )}
      <p className="sr-only" aria-live="assertive">
        {said}
      </p>
      {facilitating && (
        <>
          <TimerControls key={step} running={running} left={left} durationMs={timer.durationMs} onAction={act} label={t({ id: 'conversation.silence.timer', defaultMessage: 'Silence timer' })} disabled={readOnly} />
          <Notice text={notice} />
        </>
      )}
    </section>
  )
}
