import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { PLAY_SPEEDS, PLAY_SPEED_LABELS, formatChange, type CausalLink, type PlayRecord, type PlayRun, type PlaySpeed } from '../../../../shared/diagram'
import { readPerson } from '../../../../shared/session'
import { useStore, ValueStore } from '../../../sync'
import { useCld } from './context'
import type { PlayStage } from './PlayStage'

const DIRECTION_WORDS = { 1: 'more of this', [-1]: 'less of this' } as const

/** The facilitator's Play button in the diagram's toolbar: "Play from Births" when a variable is selected. */
export function PlayButton() {
  const cld = useCld()
  const play = cld.play
  const facilitating = useStore(cld.facilitating)
  const selection = useStore(cld.store.selection)
  const record = useStore(play?.record ?? NO_RECORD)
  const open = useStore(play?.setupOpen ?? CLOSED)
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
      {label ? `Play from ${label}` : 'Play…'}
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

function variableLabel(play: PlayStage, labels: ReadonlyMap<string, string>, id: string): string {
  return labels.get(id) ?? (id === play.record.get()?.from ? 'a variable' : '…')
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
  const choices = useMemo(() => [...labels].sort((a, b) => a[1].localeCompare(b[1])), [labels])
  const [from, setFrom] = useState<string>(() => play.setupFrom.get() ?? choices[0]?.[0] ?? '')
  const [direction, setDirection] = useState<1 | -1>(1)
  const [speed, setSpeed] = useState<PlaySpeed>(1.5)
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
    <div className="dg-play-bar" id="dg-play-bar" role="group" aria-label="Play a pulse">
      <label className="dg-play-field">
        From
        <select ref={first} value={from} onChange={(event) => setFrom(event.target.value)} disabled={choices.length === 0}>
          {choices.map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="dg-play-direction">
        <legend className="sr-only">Push</legend>
        {([1, -1] as const).map((d) => (
          <label key={d}>
            <input type="radio" name={`${ids}-direction`} checked={direction === d} onChange={() => setDirection(d)} />
            {d === 1 ? 'More of this' : 'Less of this'}
          </label>
        ))}
      </fieldset>
      <SpeedSelect value={speed} onChange={setSpeed} />
      <button type="button" className="button small primary" disabled={!from} onClick={start}>
        Play for everyone
      </button>
      <button type="button" className="button quiet small" onClick={() => play.setupOpen.set(false)}>
        Cancel
      </button>
      <HowItMoves />
    </div>
  )
}

function SpeedSelect(props: { value: PlaySpeed; onChange: (speed: PlaySpeed) => void }) {
  return (
    <label className="dg-play-field">
      Speed
      <select value={props.value} onChange={(event) => props.onChange(Number(event.target.value) as PlaySpeed)}>
        {PLAY_SPEEDS.map((s) => (
          <option key={s} value={s}>
            {PLAY_SPEED_LABELS[s]}
          </option>
        ))}
      </select>
    </label>
  )
}

function endWords(run: PlayRun): string {
  if (run.end === 'nowhere') return 'The variable it started from is no longer in the diagram.'
  if (run.end === 'step-limit') return `Stopped after ${run.lastStep} steps: the pulse was still travelling.`
  return `The pulse has died out after ${run.lastStep} ${run.lastStep === 1 ? 'step' : 'steps'}.`
}

function Playing({ play, record, facilitating }: { play: PlayStage; record: PlayRecord; facilitating: boolean }) {
  const cld = useCld()
  const run = useStore(play.run)
  const step = useStore(play.step)
  const reduced = useStore(play.reducedMotion)
  const labels = useLabels()
  const stopRef = useRef<HTMLButtonElement>(null)
  const who = record.by === play.me ? 'You are' : `${readPerson(cld.doc, record.by)?.name ?? 'A facilitator'} is`
  const from = variableLabel(play, labels, record.from)
  const over = run ? step > run.lastStep : false
  useEffect(() => {
    if (record.by === play.me) stopRef.current?.focus()
  }, [record.id, record.by, play])
  return (
    <div className="dg-play-bar is-playing" id="dg-play-bar" role="group" aria-label="Pulse playing">
      <p className="dg-play-status" role="status" data-testid="play-status">
        <span className={`dg-play-dot is-${record.direction === 1 ? 'more' : 'less'}`} aria-hidden="true" />
        {who} playing a pulse from <strong>{from}</strong> ({DIRECTION_WORDS[record.direction]}).
      </p>
      {run && (
        <span className="dg-play-step muted small" data-testid="play-step">
          {over ? endWords(run) : `Step ${step} of ${run.lastStep}`}
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
            Stop for everyone
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
  return (
    <details className="dg-play-how">
      <summary>How the pulse moves</summary>
      <ul className="small">
        <li>The pulse starts as “more” (or “less”) of one variable and travels along its links, one step per link; a link marked with a delay takes two or three steps.</li>
        <li>A + link passes the change on as it is; a − link turns more into less and less into more. A link marked ? passes nothing: nobody knows which way it goes.</li>
        <li>A change that pushes a variable further the way it has already moved grows a little; a change that pushes it back is half absorbed.</li>
        <li>So around a reinforcing loop the pulse swells (up to a limit), and around a balancing loop it pushes back, shrinks and settles.</li>
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
  const links = here?.stopped.length ? cld.store.drawnLinks() : []
  return (
    <div className="dg-play-table-wrap" data-testid="play-table">
      <div className="dg-play-table-nav" role="group" aria-label="Steps of the pulse">
        <button type="button" className="button small" disabled={local <= 0} onClick={() => play.localStep.set(local - 1)}>
          Previous step
        </button>
        <span aria-live="polite">
          Step {local} of {run.lastStep}
        </span>
        <button type="button" className="button small" disabled={local >= run.lastStep} onClick={() => play.localStep.set(local + 1)}>
          Next step
        </button>
      </div>
      <table className="dg-play-table">
        <caption className="sr-only">What the pulse changes at step {local}</caption>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Variable</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, MAX_ROWS).map((a) => (
            <tr key={a.variableId}>
              <td>{local}</td>
              <td>{labels.get(a.variableId) ?? '…'}</td>
              <td>
                {formatChange(a.change)} ({a.change >= 0 ? 'more' : 'less'})
                {a.absorbed ? ', pushed back: half absorbed' : ''}
                {a.capped ? ', at its limit' : ''}
              </td>
            </tr>
          ))}
          {(here?.stopped ?? []).slice(0, MAX_ROWS).map((linkId) => (
            <tr key={linkId}>
              <td>{local}</td>
              <td>{linkWords(links, linkId, labels)}</td>
              <td>stops: the link’s sign is unknown</td>
            </tr>
          ))}
          {rows.length === 0 && (here?.stopped.length ?? 0) === 0 && (
            <tr>
              <td>{local}</td>
              <td colSpan={2}>Nothing arrives: the pulse is on its way along a link.</td>
            </tr>
          )}
        </tbody>
      </table>
      {rows.length > MAX_ROWS && <p className="muted small">And {rows.length - MAX_ROWS} more variables at this step.</p>}
    </div>
  )
}

/** "Births → Deaths": the link a pulse stopped at. */
function linkWords(links: readonly CausalLink[], linkId: string, labels: ReadonlyMap<string, string>): string {
  const link = links.find((l) => l.id === linkId)
  return link ? `${labels.get(link.from) ?? '…'} → ${labels.get(link.to) ?? '…'}` : 'A link'
}

const NO_RECORD = new ValueStore<PlayRecord | null>(null)
const CLOSED = new ValueStore(false)
