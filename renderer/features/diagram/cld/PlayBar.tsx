import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react'
import { PLAY_SPEEDS, type CausalLink, type PlayRecord, type PlayRun, type PlaySpeed } from '../../../../shared/diagram'
import type { Message } from '../../../../shared/i18n'
import { readPerson } from '../../../../shared/session'
import { useStore, ValueStore } from '../../../sync'
import { useIntl, useT } from '../../../i18n'
import { useCld } from './context'
import type { PlayStage } from './PlayStage'
import { signedChange } from './signedChange'

type Translate = ReturnType<typeof useT>

/** The speeds' names as the person reads them (shared/diagram/playRecord.ts keeps the English ones). */
const SPEED_WORDS: Record<PlaySpeed, Message> = {
  0.75: { id: 'diagram.play.speedSlow', defaultMessage: 'Slow' },
  1.5: { id: 'diagram.play.speedSteady', defaultMessage: 'Steady' },
  3: { id: 'diagram.play.speedQuick', defaultMessage: 'Quick' },
}

const STEP_OF: Message = { id: 'diagram.play.stepOf', defaultMessage: 'Step {step} of {last}' }

/** The facilitator's Play button in the diagram's toolbar: "Play from Births" when a variable is selected. */
export function PlayButton() {
  const cld = useCld()
  const play = cld.play
  const facilitating = useStore(cld.facilitating)
  const selection = useStore(cld.store.selection)
  const record = useStore(play?.record ?? NO_RECORD)
  const open = useStore(play?.setupOpen ?? CLOSED)
  const t = useT()
  useStore(cld.store.content)
  if (!play || !facilitating || cld.readOnly) return null
  const picked = selection.variables.length === 1 ? selection.variables[0] : null
  const label = picked ? cld.store.variables.get(picked)?.label : undefined
  return (
    <button
      type="button"
      className="button small dg-play-button"
      aria-expanded={open || record !== null}
      aria-controls="dg-play-bar"
      onClick={() => {
        play.setupFrom.set(picked)
        play.setupOpen.set(!open || picked !== null)
      }}
    >
      <span aria-hidden="true">▶ </span>
      {label ? t({ id: 'diagram.play.from', defaultMessage: 'Play from {label}' }, { label }) : t({ id: 'diagram.play.button', defaultMessage: 'Play…' })}
    </button>
  )
}

/**
 * Under the toolbar while a pulse plays (for everyone) or while a facilitator sets one
 * up: who plays it from where, the step, the facilitator's speed and Stop, how the pulse
 * moves, and for people who asked their system for less motion, the steps as a table.
 */
export function PlayBar() {
  const cld = useCld()
  if (!cld.play) return null
  return <PlayBarOf play={cld.play} />
}

function PlayBarOf({ play }: { play: PlayStage }) {
  const cld = useCld()
  const record = useStore(play.record)
  const open = useStore(play.setupOpen)
  const facilitating = useStore(cld.facilitating) && !cld.readOnly
  if (record) return <Playing play={play} record={record} facilitating={facilitating} />
  if (open && facilitating) return <PlaySetup play={play} />
  return null
}

function variableLabel(play: PlayStage, labels: ReadonlyMap<string, string>, id: string, t: Translate): string {
  return labels.get(id) ?? (id === play.record.get()?.from ? t({ id: 'diagram.play.aVariable', defaultMessage: 'a variable' }) : '…')
}

function useLabels(): Map<string, string> {
  const cld = useCld()
  const content = useStore(cld.store.content)
  return useMemo(() => {
    void content
    return new Map([...cld.store.variables].map(([id, v]) => [id, v.label]))
  }, [cld, content])
}

function PlaySetup({ play }: { play: PlayStage }) {
  const cld = useCld()
  const labels = useLabels()
  const ids = useId()
  const { locale } = useIntl()
  const choices = useMemo(() => [...labels].sort((a, b) => a[1].localeCompare(b[1], locale)), [labels, locale])
  const [from, setFrom] = useState<string>(() => play.setupFrom.get() ?? choices[0]?.[0] ?? '')
  const [direction, setDirection] = useState<1 | -1>(1)
  const [speed, setSpeed] = useState<PlaySpeed>(1.5)
  const t = useT()
  const first = useRef<HTMLSelectElement>(null)
  const setupFrom = useStore(play.setupFrom)
  useEffect(() => {
    if (setupFrom) setFrom(setupFrom)
    first.current?.focus()
  }, [setupFrom])
  const start = (): void => {
    const problem = play.start(from, direction, speed)
    if (problem) cld.notices.say(problem)
    else play.setupOpen.set(false)
  }
  return (
    <div className="dg-play-bar" id="dg-play-bar" role="group" aria-label={t({ id: 'diagram.play.setup', defaultMessage: 'Play a pulse' })}>
      <label className="dg-play-field">
        {t({ id: 'diagram.play.fromField', defaultMessage: 'From' })}
        <select ref={first} value={from} onChange={(event) => setFrom(event.target.value)} disabled={choices.length === 0}>
          {choices.map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="dg-play-direction">
        <legend className="sr-only">{t({ id: 'diagram.play.push', defaultMessage: 'Push' })}</legend>
        {([1, -1] as const).map((d) => (
          <label key={d}>
            <input type="radio" name={`${ids}-direction`} checked={direction === d} onChange={() => setDirection(d)} />
            {d === 1 ? t({ id: 'diagram.play.moreOfThis', defaultMessage: 'More of this' }) : t({ id: 'diagram.play.lessOfThis', defaultMessage: 'Less of this' })}
          </label>
        ))}
      </fieldset>
      <SpeedSelect value={speed} onChange={setSpeed} />
      <button type="button" className="button small primary" disabled={!from} onClick={start}>
        {t({ id: 'diagram.play.start', defaultMessage: 'Play for everyone' })}
      </button>
      <button type="button" className="button quiet small" onClick={() => play.setupOpen.set(false)}>
        {t({ id: 'common.cancel', defaultMessage: 'Cancel' })}
      </button>
      <HowItMoves />
    </div>
  )
}

function SpeedSelect(props: { value: PlaySpeed; onChange: (speed: PlaySpeed) => void }) {
  const t = useT()
  return (
    <label className="dg-play-field">
      {t({ id: 'diagram.play.speed', defaultMessage: 'Speed' })}
      <select value={props.value} onChange={(event) => props.onChange(Number(event.target.value) as PlaySpeed)}>
        {PLAY_SPEEDS.map((s) => (
          <option key={s} value={s}>
            {t(SPEED_WORDS[s])}
          </option>
        ))}
      </select>
    </label>
  )
}

function endWords(run: PlayRun, t: Translate): string {
  if (run.end === 'nowhere') return t({ id: 'diagram.play.endNowhere', defaultMessage: 'The variable it started from is no longer in the diagram.' })
  if (run.end === 'step-limit') return t({ id: 'diagram.play.endLimit', defaultMessage: 'Stopped after {count} steps: the pulse was still travelling.' }, { count: run.lastStep })
  return t({ id: 'diagram.play.endDied', defaultMessage: 'The pulse has died out after {count, plural, one {# step} other {# steps}}.' }, { count: run.lastStep })
}

function Playing({ play, record, facilitating }: { play: PlayStage; record: PlayRecord; facilitating: boolean }) {
  const cld = useCld()
  const run = useStore(play.run)
  const step = useStore(play.step)
  const reduced = useStore(play.reducedMotion)
  const labels = useLabels()
  const stopRef = useRef<HTMLButtonElement>(null)
  const t = useT()
  const from = variableLabel(play, labels, record.from, t)
  const bold = (chunks: ReactNode[]) => <strong>{chunks}</strong>
  const direction = record.direction === 1 ? 'more' : 'less'
  const over = run ? step > run.lastStep : false
  useEffect(() => {
    if (record.by === play.me) stopRef.current?.focus()
  }, [record.id, record.by, play])
  return (
    <div className="dg-play-bar is-playing" id="dg-play-bar" role="group" aria-label={t({ id: 'diagram.play.playing', defaultMessage: 'Pulse playing' })}>
      <p className="dg-play-status" role="status" data-testid="play-status">
        <span className={`dg-play-dot is-${direction}`} aria-hidden="true" />
        {record.by === play.me
          ? t(
              { id: 'diagram.play.statusMine', defaultMessage: 'You are playing a pulse from <b>{from}</b> ({direction, select, more {more of this} other {less of this}}).' },
              { from, direction, b: bold },
            )
          : t(
              { id: 'diagram.play.statusOther', defaultMessage: '{name} is playing a pulse from <b>{from}</b> ({direction, select, more {more of this} other {less of this}}).' },
              { name: readPerson(cld.doc, record.by)?.name ?? t({ id: 'diagram.play.aFacilitator', defaultMessage: 'A facilitator' }), from, direction, b: bold },
            )}
      </p>
      {run && (
        <span className="dg-play-step muted small" data-testid="play-step">
          {over ? endWords(run, t) : t(STEP_OF, { step, last: run.lastStep })}
        </span>
      )}
      <span className="grow" />
      {facilitating && (
        <>
          <SpeedSelect
            value={record.speed}
            onChange={(speed) => {
              const problem = play.setSpeed(speed)
              if (problem) cld.notices.say(problem)
            }}
          />
          <button
            ref={stopRef}
            type="button"
            className="button small"
            onClick={() => {
              const problem = play.stop()
              if (problem) cld.notices.say(problem)
            }}
          >
            {t({ id: 'diagram.play.stop', defaultMessage: 'Stop for everyone' })}
          </button>
        </>
      )}
      <HowItMoves />
      {reduced && run && <PlayTable play={play} run={run} labels={labels} />}
    </div>
  )
}

/** The rule, short (resources/diagram/loop-play.md says it in full). */
function HowItMoves() {
  const t = useT()
  return (
    <details className="dg-play-how">
      <summary>{t({ id: 'diagram.play.how', defaultMessage: 'How the pulse moves' })}</summary>
      <ul className="small">
        <li>
          {t({
            id: 'diagram.play.howStart',
            defaultMessage: 'The pulse starts as “more” (or “less”) of one variable and travels along its links, one step per link; a link marked with a delay takes two or three steps.',
          })}
        </li>
        <li>
          {t({
            id: 'diagram.play.howSigns',
            defaultMessage: 'A + link passes the change on as it is; a − link turns more into less and less into more. A link marked ? passes nothing: nobody knows which way it goes.',
          })}
        </li>
        <li>
          {t({
            id: 'diagram.play.howGrow',
            defaultMessage: 'A change that pushes a variable further the way it has already moved grows a little; a change that pushes it back is half absorbed.',
          })}
        </li>
        <li>
          {t({
            id: 'diagram.play.howLoops',
            defaultMessage: 'So around a reinforcing loop the pulse swells (up to a limit), and around a balancing loop it pushes back, shrinks and settles.',
          })}
        </li>
      </ul>
    </details>
  )
}

const MAX_ROWS = 60

/** Instead of motion: one step at a time, as a table, moved with Previous and Next (each person their own). */
function PlayTable({ play, run, labels }: { play: PlayStage; run: PlayRun; labels: ReadonlyMap<string, string> }) {
  const local = Math.min(useStore(play.localStep), run.lastStep)
  const here = run.steps[local]
  const rows = here?.arrivals ?? []
  const cld = useCld()
  const t = useT()
  const intl = useIntl()
  const links = here?.stopped.length ? cld.store.drawnLinks() : []
  return (
    <div className="dg-play-table-wrap" data-testid="play-table">
      <div className="dg-play-table-nav" role="group" aria-label={t({ id: 'diagram.play.steps', defaultMessage: 'Steps of the pulse' })}>
        <button type="button" className="button small" disabled={local <= 0} onClick={() => play.localStep.set(local - 1)}>
          {t({ id: 'diagram.play.previous', defaultMessage: 'Previous step' })}
        </button>
        <span aria-live="polite">{t(STEP_OF, { step: local, last: run.lastStep })}</span>
        <button type="button" className="button small" disabled={local >= run.lastStep} onClick={() => play.localStep.set(local + 1)}>
          {t({ id: 'diagram.play.next', defaultMessage: 'Next step' })}
        </button>
      </div>
      <table className="dg-play-table">
        <caption className="sr-only">{t({ id: 'diagram.play.caption', defaultMessage: 'What the pulse changes at step {step}' }, { step: local })}</caption>
        <thead>
          <tr>
            <th scope="col">{t({ id: 'diagram.play.colStep', defaultMessage: 'Step' })}</th>
            <th scope="col">{t({ id: 'diagram.play.colVariable', defaultMessage: 'Variable' })}</th>
            <th scope="col">{t({ id: 'diagram.play.colChange', defaultMessage: 'Change' })}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, MAX_ROWS).map((a) => (
            <tr key={a.variableId}>
              <td>{local}</td>
              <td>{labels.get(a.variableId) ?? '…'}</td>
              <td>{changeWords(a, t, intl)}</td>
            </tr>
          ))}
          {(here?.stopped ?? []).slice(0, MAX_ROWS).map((linkId) => (
            <tr key={linkId}>
              <td>{local}</td>
              <td>{linkWords(links, linkId, labels, t)}</td>
              <td>{t({ id: 'diagram.play.stops', defaultMessage: 'stops: the link’s sign is unknown' })}</td>
            </tr>
          ))}
          {rows.length === 0 && (here?.stopped.length ?? 0) === 0 && (
            <tr>
              <td>{local}</td>
              <td colSpan={2}>{t({ id: 'diagram.play.nothing', defaultMessage: 'Nothing arrives: the pulse is on its way along a link.' })}</td>
            </tr>
          )}
        </tbody>
      </table>
      {rows.length > MAX_ROWS && (
        <p className="muted small">{t({ id: 'diagram.play.moreRows', defaultMessage: 'And {count} more variables at this step.' }, { count: rows.length - MAX_ROWS })}</p>
      )}
    </div>
  )
}

/** "+0.5 (more), pushed back: half absorbed": what a pulse did to one variable at a step. */
function changeWords(a: PlayRun['steps'][number]['arrivals'][number], t: Translate, intl: ReturnType<typeof useIntl>): string {
  return t(
    {
      id: 'diagram.play.change',
      defaultMessage:
        '{change} ({direction, select, more {more} other {less}}){absorbed, select, yes {, pushed back: half absorbed} other {}}{capped, select, yes {, at its limit} other {}}',
    },
    { change: signedChange(intl, a.change), direction: a.change >= 0 ? 'more' : 'less', absorbed: a.absorbed ? 'yes' : 'no', capped: a.capped ? 'yes' : 'no' },
  )
}

/** "Births → Deaths": the link a pulse stopped at. */
function linkWords(links: readonly CausalLink[], linkId: string, labels: ReadonlyMap<string, string>, t: Translate): string {
  const link = links.find((l) => l.id === linkId)
  return link ? `${labels.get(link.from) ?? '…'} → ${labels.get(link.to) ?? '…'}` : t({ id: 'diagram.play.aLink', defaultMessage: 'A link' })
}

const NO_RECORD = new ValueStore<PlayRecord | null>(null)
const CLOSED = new ValueStore(false)
