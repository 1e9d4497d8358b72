import { memo, useEffect, useRef, useState } from 'react'
import { LEVERS_BY_ID } from '../../../shared/climate'
import type { LeverId } from '../../../shared/climate'
import { useIntl, useRefusal, useT } from '../../i18n'
import { useAmFacilitator, useClimate, useLive } from './context'
import { leverValue, readable } from './format'
import { leverExplanation, leverLabel } from './names'

/** How long after the last arrow-key step a keyboard move is written (see below). */
export const KEY_SETTLE_MS = 700
const STEP_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End'])

const percentAlong = (id: LeverId, value: number): number => {
  const { min, max } = LEVERS_BY_ID[id]
  return ((value - min) / (max - min)) * 100
}

/**
 * One lever: a native range input (arrows, Page Up/Down, Home/End work), its value
 * with unit, the status-quo band behind the track, a reset, and the explanation. While
 * I drag or step it, the others see it move; the move is written once, on release or
 * when the keys pause.
 */
export const LeverSlider = memo(function LeverSlider(props: { id: LeverId }) {
  const { id } = props
  const lever = LEVERS_BY_ID[id]
  const { live, readOnly } = useClimate()
  const t = useT()
  const intl = useIntl()
  const label = leverLabel(intl, id)
  const value = useLive((s) => s.shown[id])
  const remote = useLive((s) => s.remote[id])
  const docProblem = useLive((s) => (s.problem?.lever === id ? s.problem.message : (s.doc.problems[id] ?? null)))
  // The same problem as a message, so it reads in the person's language (shared/climate says it in English).
  const docProblemSaid = useLive((s) => (s.problem?.lever === id ? s.problem.said : s.doc.problemsSaid[id]) ?? null)
  const sayRefusal = useRefusal()
  const locked = useLive((s) => s.doc.lock !== null)
  const amFacilitator = useAmFacilitator()
  const [refusal, setRefusal] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)
  const disabled = readOnly || (locked && !amFacilitator)

  // When a move is written to the document, and so becomes one line of "Recent
  // changes": a pointer drag on release (the native change event; React's onChange is
  // the input event). Keyboard steps also fire change, one per arrow press, which would
  // write a line per step; so steps are held as a drag (shown here, streamed to the
  // others, the model following) and written once, KEY_SETTLE_MS after the last step
  // (holding a key down keeps postponing it) or at once when focus leaves the slider.
  // A pause rather than keyup: Page Up three times is one move for the person making it.
  const pendingKeys = useRef<ReturnType<typeof setTimeout> | null>(null)
  const byKeys = useRef(false)
  useEffect(() => {
    const element = input.current
    if (!element) return
    const write = (): void => {
      if (pendingKeys.current !== null) clearTimeout(pendingKeys.current)
      pendingKeys.current = null
      setRefusal(live.commit(id, Number(element.value)))
    }
    const onChange = (): void => {
      if (!byKeys.current) return write()
      if (pendingKeys.current !== null) clearTimeout(pendingKeys.current)
      pendingKeys.current = setTimeout(write, KEY_SETTLE_MS)
    }
    const onKeyDown = (event: KeyboardEvent): void => {
      byKeys.current = STEP_KEYS.has(event.key)
    }
    const onPointerDown = (): void => {
      byKeys.current = false
      if (pendingKeys.current !== null) write()
    }
    const onBlur = (): void => {
      if (pendingKeys.current !== null) write()
      else if (live.get().own?.lever === id) live.endDrag()
    }
    element.addEventListener('change', onChange)
    element.addEventListener('keydown', onKeyDown)
    element.addEventListener('pointerdown', onPointerDown)
    element.addEventListener('blur', onBlur)
    return () => {
      element.removeEventListener('change', onChange)
      element.removeEventListener('keydown', onKeyDown)
      element.removeEventListener('pointerdown', onPointerDown)
      element.removeEventListener('blur', onBlur)
      // Leaving the view with steps not yet written: write them, as a blur would.
      if (pendingKeys.current !== null) write()
    }
  }, [live, id])

  const [bandLow, bandHigh] = lever.statusQuoBand
  const bandLeft = percentAlong(id, bandLow)
  const bandWidth = Math.max(percentAlong(id, bandHigh) - bandLeft, 0.8)
  const problem = refusal !== null ? sayRefusal(refusal) : docProblem !== null ? sayRefusal(docProblemSaid ? { message: docProblem, said: docProblemSaid } : docProblem) : null
  const helpId = `lever-help-${id}`
  const problemId = `lever-problem-${id}`
  return (
    <div className={`lever${remote ? ' lever-moving' : ''}`} data-lever={id}>
      <div className="lever-top">
        <label htmlFor={`lever-${id}`} className="lever-label">{label}</label>
        <output htmlFor={`lever-${id}`} className={`lever-value${value !== lever.default ? ' lever-changed' : ''}`}>
          {leverValue(id, value, intl)}
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
            aria-valuetext={leverValue(id, value, intl)}
            aria-describedby={problem ? `${helpId} ${problemId}` : helpId}
            aria-invalid={problem ? true : undefined}
            onChange={(event) => {
              setRefusal(null)
              live.drag(id, Number(event.target.value))
            }}
          />
        </div>
        <button
          type="button"
          className="icon-button lever-reset"
          aria-label={t({ id: 'climate.lever.reset', defaultMessage: 'Reset {lever} to the status quo ({value})' }, { lever: label, value: leverValue(id, lever.default, intl) })}
          title={t({ id: 'climate.lever.resetTitle', defaultMessage: 'Back to the status quo' })}
          disabled={disabled || value === lever.default}
          onClick={() => setRefusal(live.commit(id, lever.default))}
        >
          <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
            <path d="M5.5 7.5A5.5 5.5 0 1 1 4.6 12" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            <path d="M4.2 3.6v4.4h4.4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
      </div>
      <div className="lever-scale small muted" aria-hidden="true">
        <span>{leverValue(id, lever.min, intl)}</span>
        <span>{leverValue(id, lever.max, intl)}</span>
      </div>
      <p id={helpId} className="lever-help small muted">
        {t({ id: 'climate.lever.help', defaultMessage: '{explanation} Status quo: {value}.' }, { explanation: leverExplanation(intl, id), value: leverValue(id, lever.default, intl) })}
      </p>
      {remote && (
        <p className="lever-remote small">
          <span className="swatch" style={{ background: remote.colour }} aria-hidden="true" />{' '}
          {t({ id: 'climate.lever.remote', defaultMessage: '{name} is moving this' }, { name: remote.name })}
        </p>
      )}
      {problem && <p id={problemId} className="lever-problem small" role="alert">{readable(problem)}</p>}
    </div>
  )
})
