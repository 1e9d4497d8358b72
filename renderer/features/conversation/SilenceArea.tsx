import { changeTimer, defaultDurationMs, readTimer, type TimerAction } from '../../../shared/conversation'
import type { AreaProps } from './RoundArea'
import { Notice } from './Notice'
import { useConversationValue, useNotice } from './hooks'
import { Countdown, TimerControls, useRemaining, useTimerBells } from './Timer'

const WORDS = { start: 'The silence begins.', end: 'The silence has ended.' }

/** Silent reflection: the prompt above, a shared countdown, and nothing else. */
export function SilenceArea(props: AreaProps) {
  const { session, showing, facilitating, readOnly, muted } = props
  const step = showing.current.step
  const fallback = defaultDurationMs(showing.prompt)
  const timer = useConversationValue(session, () => readTimer(session.doc, step, fallback), `timer:${step}:${fallback}`)
  const { left, running } = useRemaining(session, timer)
  const said = useTimerBells(timer, left, muted, WORDS)
  const { notice, run } = useNotice()
  const act = (action: TimerAction): void => {
    run(changeTimer(session.doc, session.me.id, showing.current, action, session.clock, fallback))
  }
  const before = !timer.set || (timer.startedAt === null && left === timer.durationMs)
  return (
    <section className="cv-silence stack" aria-label="Silent reflection">
      <Countdown left={left} running={running} size="large" label="Silent reflection" />
      {before && !facilitating && <p className="cv-mode-waiting">The silence begins when the facilitator starts it.</p>}
      <p className="sr-only" aria-live="assertive">
        {said}
      </p>
      {facilitating && (
        <>
          <TimerControls key={step} running={running} left={left} durationMs={timer.durationMs} onAction={act} label="Silence timer" disabled={readOnly} />
          <Notice text={notice} />
        </>
      )}
    </section>
  )
}
