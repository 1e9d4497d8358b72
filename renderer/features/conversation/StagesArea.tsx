import { useState } from 'react'
import {
  STAGE_PRESET_LABELS,
  beginStages,
  changeStageTimer,
  goToStage,
  groupIndexOf,
  newSeed,
  placeLatecomers,
  planGroups,
  readStages,
  setGroups,
  sizeNumber,
  stagePreset,
  type Stage,
  type ConversationResult,
  type StagePreset,
  type Stages,
} from '../../../shared/conversation'
import type { AreaProps } from './RoundArea'
import { Notice, submitted } from './Notice'
import { useConversationValue, useNotice } from './hooks'
import { useNames } from './people'
import { GroupBoard } from './GroupBoard'
import { Countdown, TimerControls, useRemaining, useTimerBells } from './Timer'

const WORDS = { start: 'The stage begins.', end: 'Time is up for this stage.' }

/** Pairs and small groups: timed stages (1-2-4-All and the like), groups automatic or by hand. */
export function StagesArea(props: AreaProps) {
  const { session, showing, facilitating } = props
  const step = showing.current.step
  const stages = useConversationValue(session, () => readStages(session.doc, step), `stages:${step}`)
  if (!stages) return facilitating ? <StagesSetup {...props} /> : <p className="cv-mode-waiting">The facilitator will begin the stages in a moment.</p>
  return <StagesLive {...props} stages={stages} />
}

function StagesSetup(props: AreaProps) {
  const { session, showing, present, readOnly } = props
  const names = useNames(session)
  const { notice, run } = useNotice()
  const [preset, setPreset] = useState<StagePreset>('1-2-4-all')
  const [plan, setPlan] = useState<Stage[]>(() => stagePreset('1-2-4-all'))
  const here = names.people.map((p) => p.id).filter((id) => present.has(id))
  return (
    <form
      className="stack cv-stages-setup"
      aria-label="Set up the stages"
      onSubmit={submitted(() => run(beginStages(session.doc, session.me.id, showing.current, plan, here, newSeed(), session.clock)))}
    >
      <label className="field">
        <span>Structure</span>
        <select
          value={preset}
          onChange={(e) => {
            const next = e.target.value as StagePreset
            setPreset(next)
            setPlan(stagePreset(next))
          }}
        >
          {(Object.keys(STAGE_PRESET_LABELS) as StagePreset[]).map((key) => (
            <option key={key} value={key}>
              {STAGE_PRESET_LABELS[key]}
            </option>
          ))}
        </select>
      </label>
      <ol className="cv-stage-plan">
        {plan.map((stage, index) => (
          <li key={stage.id} className="row wrap">
            <span className="grow">{stage.label}</span>
            <label className="row small">
              <span>Minutes</span>
              <input
                type="number"
                min={0.5}
                max={120}
                step={0.5}
                value={stage.minutes}
                aria-label={`Minutes for “${stage.label}”`}
                onChange={(e) => setPlan(plan.map((s, i) => (i === index ? { ...s, minutes: Math.max(0.5, Number(e.target.value) || 0.5) } : s)))}
              />
            </label>
          </li>
        ))}
      </ol>
      <p className="muted small">
        Groups are made from the {here.length} {here.length === 1 ? 'person' : 'people'} here when you begin; you can move people afterwards.
        The groups talk in your video call’s breakout rooms.
      </p>
      <div>
        <button type="submit" className="button primary" disabled={readOnly || here.length === 0}>
          Begin the first stage
        </button>
      </div>
      <Notice text={notice} />
    </form>
  )
}

function StagesLive(props: AreaProps & { stages: Stages }) {
  const { session, stages, facilitating, readOnly, present } = props
  const me = session.me.id
  const names = useNames(session)
  const { notice, run } = useNotice()
  const stage = stages.plan[stages.index]
  const size = sizeNumber(stage.size)
  const key = size !== null && size >= 2 ? String(size) : null
  const groups = key ? (stages.groups[key] ?? []) : []
  const mine = groupIndexOf(groups, me)
  const others = mine >= 0 ? groups[mine].filter((id) => id !== me) : []
  const unplaced = key ? [...present].filter((id) => groupIndexOf(groups, id) < 0) : []
  const yours =
    size === 1
      ? 'On your own, in silence.'
      : size === null
        ? 'Everyone together.'
        : mine >= 0
          ? `Your group: you${others.length ? ', ' + others.map((id) => names.name(id)).join(', ') : ''}`
          : 'You are not in a group yet; the facilitator will place you.'
  return (
    <section className="stack" aria-label="Stages">
      <ol className="cv-stage-steps" aria-label="Stages">
        {stages.plan.map((s, index) => (
          <li key={s.id} aria-current={index === stages.index ? 'step' : undefined} className={index === stages.index ? 'cv-stage-step cv-stage-now' : index < stages.index ? 'cv-stage-step cv-stage-done' : 'cv-stage-step'}>
            {s.label}
          </li>
        ))}
      </ol>
      <StageClock {...props} run={run} yours={yours} />
      {key && (
        <GroupBoard
          groups={groups}
          names={names}
          me={me}
          editable={facilitating && !readOnly}
          unplaced={unplaced}
          onChange={(next) => run(setGroups(session.doc, me, stages, key, next))}
          onPlaceLatecomers={() => run(placeLatecomers(session.doc, me, stages, [...present]))}
          onShuffle={() => {
            const fresh = planGroups(stages.plan, [...present], newSeed())
            run(setGroups(session.doc, me, stages, key, fresh[key] ?? []))
          }}
        />
      )}
      <Notice text={notice} />
    </section>
  )
}

/** The current stage with its countdown (the only part that ticks) and the facilitator's stage controls. */
function StageClock(props: AreaProps & { stages: Stages; yours: string; run: (result: ConversationResult) => boolean }) {
  const { session, stages, facilitating, readOnly, muted, run, yours } = props
  const me = session.me.id
  const stage = stages.plan[stages.index]
  const { left, running } = useRemaining(session, stages.timer)
  const said = useTimerBells(stages.timer, left, muted, WORDS)
  return (
    <>
      <div className="cv-stage-now-card row wrap" aria-live="polite">
        <div className="grow">
          <p className="cv-stage-title">{stage.label}</p>
          <p className="cv-stage-you" data-testid="my-group">
            {yours}
          </p>
        </div>
        <Countdown left={left} running={running} label={stage.label} />
      </div>
      <p className="sr-only" aria-live="assertive">
        {said}
      </p>
      {facilitating && (
        <div className="stack">
          <div className="row wrap" role="group" aria-label="Stage controls">
            <button type="button" className="button" disabled={readOnly || stages.index === 0} onClick={() => run(goToStage(session.doc, me, stages, stages.index - 1, session.clock))}>
              ← Previous stage
            </button>
            <button type="button" className="button primary" disabled={readOnly || stages.index >= stages.plan.length - 1} onClick={() => run(goToStage(session.doc, me, stages, stages.index + 1, session.clock))}>
              Next stage →
            </button>
          </div>
          <TimerControls key={`${stages.step}:${stages.index}`} running={running} left={left} durationMs={stages.timer.durationMs} label="Stage timer" disabled={readOnly} onAction={(action) => run(changeStageTimer(session.doc, me, stages, action, session.clock))} />
        </div>
      )}
    </>
  )
}
