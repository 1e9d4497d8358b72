import { memo, useEffect, useRef, useState } from 'react'
import { LEVERS_BY_ID } from '../../../shared/climate'
import type { LeverId } from '../../../shared/climate'
import { useAmFacilitator, useClimate, useLive } from './context'
import { leverValue, readable } from './format'

const percentAlong = (id: LeverId, value: number): number => {
  const { min, max } = LEVERS_BY_ID[id]
  return ((value - min) / (max - min)) * 100
}

/**
 * One lever: a native range input (arrows, Page Up/Down, Home/End work), its value
 * with unit, the status-quo band behind the track, a reset, and the explanation. While
 * I drag, the others see it move; on release (or each key step) it is written once.
 */
export const LeverSlider = memo(function LeverSlider(props: { id: LeverId }) {
  const { id } = props
  const lever = LEVERS_BY_ID[id]
  const { live, readOnly } = useClimate()
  const value = useLive((s) => s.shown[id])
  const remote = useLive((s) => s.remote[id])
  const docProblem = useLive((s) => (s.problem?.lever === id ? s.problem.message : (s.doc.problems[id] ?? null)))
  const locked = useLive((s) => s.doc.lock !== null)
  const amFacilitator = useAmFacilitator()
  const [refusal, setRefusal] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)
  const disabled = readOnly || (locked && !amFacilitator)

  // React's onChange is the input event; the native change event comes on release.
  useEffect(() => {
    const element = input.current
    if (!element) return
    const onCommit = (): void => setRefusal(live.commit(id, Number(element.value)))
    element.addEventListener('change', onCommit)
    return () => element.removeEventListener('change', onCommit)
  }, [live, id])

  const [bandLow, bandHigh] = lever.statusQuoBand
  const bandLeft = percentAlong(id, bandLow)
  const bandWidth = Math.max(percentAlong(id, bandHigh) - bandLeft, 0.8)
  const problem = refusal ?? docProblem
  const helpId = `lever-help-${id}`
  const problemId = `lever-problem-${id}`
  return (
    <div className={`lever${remote ? ' lever-moving' : ''}`} data-lever={id}>
      <div className="lever-top">
        <label htmlFor={`lever-${id}`} className="lever-label">{lever.label}</label>
        <output htmlFor={`lever-${id}`} className={`lever-value${value !== lever.default ? ' lever-changed' : ''}`}>
          {leverValue(id, value)}
        </output>
      </div>
      <div className="lever-track">
        <div className="lever-rail">
          <span className="lever-band" style={{ left: `${bandLeft}%`, width: `${bandWidth}%` }} aria-hidden="true" />
          <input
            ref={input}
            id={`lever-${id}`}
            type="range"
            min={lever.min}
            max={lever.max}
            step={lever.step}
            value={value}
            disabled={disabled}
            aria-valuetext={leverValue(id, value)}
            aria-describedby={problem ? `${helpId} ${problemId}` : helpId}
            aria-invalid={problem ? true : undefined}
            onChange={(event) => {
              setRefusal(null)
              live.drag(id, Number(event.target.value))
            }}
            onBlur={() => {
              if (live.get().own?.lever === id) live.endDrag()
            }}
          />
        </div>
        <button
          type="button"
          className="icon-button lever-reset"
          aria-label={`Reset ${lever.label} to the status quo (${leverValue(id, lever.default)})`}
          title="Back to the status quo"
          disabled={disabled || value === lever.default}
          onClick={() => setRefusal(live.commit(id, lever.default))}
        >
          ↺
        </button>
      </div>
      <div className="lever-scale small muted" aria-hidden="true">
        <span>{leverValue(id, lever.min)}</span>
        <span>{leverValue(id, lever.max)}</span>
      </div>
      <p id={helpId} className="lever-help small muted">{lever.explanation} Status quo: {leverValue(id, lever.default)}.</p>
      {remote && (
        <p className="lever-remote small">
          <span className="swatch" style={{ background: remote.colour }} aria-hidden="true" /> {remote.name} is moving this
        </p>
      )}
      {problem && <p id={problemId} className="lever-problem small" role="alert">{readable(problem)}</p>}
    </div>
  )
})
