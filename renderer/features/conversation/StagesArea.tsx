import { useState } from 'react'
import {
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
import { sameJson, useY } from '../../sync'
import { conversationTypes } from './hooks'
import { useNames } from './people'
import { GroupBoard } from './GroupBoard'
import { TimerControls } from './Timer'
import { useIntl, useT } from '../../i18n'
import { STAGE_PRESET_LABEL } from './labels'
import { Notice, submitted, useNotice, Countdown, useCountdown } from '../../ui'

/** Pairs and small groups: timed stages (1-2-4-All and the like), groups automatic or by hand. */
export function StagesArea(props: AreaProps) {
  const { session, showing, facilitating } = props
  const t = useT()
  const step = showing.current.step
  const stages = useY(conversationTypes(session.doc, 'stages'), () => readStages(session.doc, step), sameJson)
  if (!stages) {
    return facilitating ? (
      <StagesSetup {...props} />
    ) : (
      <p className="cv-mode-waiting">{t({ id: 'conversation.stages.waiting', defaultMessage: 'The facilitator will begin the stages in a moment.' })}</p>
    )
  }
  return <StagesLive {...props} stages={stages} />
}

function StagesSetup(props: AreaProps) {
  const { session, showing, present, readOnly } = props
  const names = useNames(session)
  const { notice, run } = useNotice()
  const t = useT()
  const [preset, setPreset] = useState<StagePreset>('1-2-4-all')
  const [plan, setPlan] = useState<Stage[]>(() => stagePreset('1-2-4-all'))
  const here = names.people.map((p) => p.id).filter((id) => present.has(id))
  return (
    <form
      className="stack cv-stages-setup"
      aria-label={t({ id: 'conversation.stages.setup', defaultMessage: 'Set up the stages' })}
      onSubmit={submitted(() => run(beginStages(session.doc, session.me.id, showing.current, plan, here, newSeed(), session.clock)))}
    >
      <label className="field">
        <span>{t({ id: 'conversation.stages.structure', defaultMessage: 'Structure' })}</span>
        <select
          value={preset}
          onChange={(e) => {
            const next = e.target.value as StagePreset
            setPreset(next)
            setPlan(stagePreset(next))
          }}
        >
          {(Object.keys(STAGE_PRESET_LABEL) as StagePreset[]).map((key) => (
            <option key={key} value={key}>
              {t(STAGE_PRESET_LABEL[key])}
            </option>
          ))}
        </select>
      </label>
      <ol className="cv-stage-plan">
        {plan.map((stage, index) => (
          <li key={stage.id} className="row wrap">
            <span className="grow">{stage.label}</span>
            <label className="row small">
              <span>{t({ id: 'conversation.editor.minutes', defaultMessage: 'Minutes' })}</span>
              <input
                type="number"
                min={0.5}
                max={120}
                step={0.5}
                value={stage.minutes}
                aria-label={t({ id: 'conversation.stages.minutesFor', defaultMessage: 'Minutes for “{stage}”' }, { stage: stage.label })}
                onChange={(e) => setPlan(plan.map((s, i) => (i === index ? { ...s, minutes: Math.max(0.5, Number(e.target.value) || 0.5) } : s)))}
              />
            </label>
          </li>
        ))}
      </ol>
      <p className="muted small">
        {t(
          {
            id: 'conversation.stages.groupsMade',
            defaultMessage:
              'Groups are made from the {count, plural, one {# person} other {# people}} here when you begin; you can move people afterwards. The groups talk in your video call’s breakout rooms.',
          },
          { count: here.length },
        )}
      </p>
      <div>
        <button type="submit" className="button primary" disabled={readOnly || here.length === 0}>
          {t({ id: 'conversation.stages.begin', defaultMessage: 'Begin the first stage' })}
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
  const intl = useIntl()
  const t = intl.formatMessage
  const stage = stages.plan[stages.index]
  const size = sizeNumber(stage.size)
  const key = size !== null && size >= 2 ? String(size) : null
  const groups = key ? (stages.groups[key] ?? []) : []
  const mine = groupIndexOf(groups, me)
  const others = mine >= 0 ? groups[mine].filter((id) => id !== me) : []
  const unplaced = key ? [...present].filter((id) => groupIndexOf(groups, id) < 0) : []
  // A plain list of names ("Ann, Bob"): the unit style joins them without "and".
  const yours =
    size === 1
      ? t({ id: 'conversation.stages.alone', defaultMessage: 'On your own, in silence.' })
      : size === null
        ? t({ id: 'conversation.stages.everyone', defaultMessage: 'Everyone together.' })
        : mine >= 0
          ? others.length
            ? t(
                { id: 'conversation.stages.yourGroupWith', defaultMessage: 'Your group: you, {others}' },
                { others: intl.formatList(others.map((id) => names.name(id)), { type: 'unit', style: 'short' }) },
              )
            : t({ id: 'conversation.stages.yourGroup', defaultMessage: 'Your group: you' })
          : t({ id: 'conversation.stages.unplaced', defaultMessage: 'You are not in a group yet; the facilitator will place you.' })
  return (
    <section className="stack" aria-label={t({ id: 'conversation.stages.label', defaultMessage: 'Stages' })}>
      <ol className="cv-stage-steps" aria-label={t({ id: 'conversation.stages.label', defaultMessage: 'Stages' })}>
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
  const t = useT()
  const ticking = useCountdown(session.clock, stages.timer, {
    muted,
    bells: 'start and end',
    words: {
      start: t({ id: 'conversation.stages.begins', defaultMessage: 'The stage begins.' }),
      end: t({ id: 'conversation.stages.ended', defaultMessage: 'Time is up for this stage.' }),
    },
  })
  const { left, running, said } = ticking
  return (
    <>
      <div className="cv-stage-now-card row wrap" aria-live="polite">
        <div className="grow">
          <p className="cv-stage-title">{stage.label}</p>
          <p className="cv-stage-you" data-testid="my-group">
            {yours}
          </p>
        </div>
        <Countdown ticking={ticking} size="medium" label={stage.label} />
      </div>
      <p className="sr-only" aria-live="assertive">
        {said}
      </p>
      {facilitating && (
        <div className="stack">
          <div className="row wrap" role="group" aria-label={t({ id: 'conversation.stages.controls', defaultMessage: 'Stage controls' })}>
            <button type="button" className="button" disabled={readOnly || stages.index === 0} onClick={() => run(goToStage(session.doc, me, stages, stages.index - 1, session.clock))}>
              ← {t({ id: 'conversation.stages.previous', defaultMessage: 'Previous stage' })}
            </button>
            <button type="button" className="button primary" disabled={readOnly || stages.index >= stages.plan.length - 1} onClick={() => run(goToStage(session.doc, me, stages, stages.index + 1, session.clock))}>
              {t({ id: 'conversation.stages.next', defaultMessage: 'Next stage' })} →
            </button>
          </div>
          <TimerControls key={`${stages.step}:${stages.index}`} running={running} left={left} durationMs={stages.timer.durationMs} label={t({ id: 'conversation.stages.timer', defaultMessage: 'Stage timer' })} disabled={readOnly} onAction={(action) => run(changeStageTimer(session.doc, me, stages, action, session.clock))} />
        </div>
      )}
    </>
  )
}
