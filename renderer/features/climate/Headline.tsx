import { useEffect, useState } from 'react'
import { scenarioHeadline } from '../../../shared/climate'
import type { Headline as HeadlineNumbers } from '../../../shared/climate'
import { baseline } from './charts/explore'
import { useLive } from './context'
import { degrees, degreesDifference, fixed, readable } from './format'

/** What a screen reader hears, once the numbers have settled (not every frame of a drag). */
function useSettled<T>(value: T, delayMs = 700): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs)
    return () => clearTimeout(timer)
  }, [value, delayMs])
  return settled
}

export function headlineSentence(h: HeadlineNumbers, reference: number): string {
  return `Warming in 2100: ${degrees(h.warming2100)}, likely ${fixed(h.warming2100Low, 1)} to ${fixed(h.warming2100High, 1)} °C, ` +
    `${degreesDifference(h.warming2100, reference)} the baseline.`
}

/** The number the room looks at: warming in 2100, large, with its likely range. */
export function Headline() {
  const result = useLive((s) => s.result)
  const problem = useLive((s) => s.problem)
  const h = scenarioHeadline(result)
  const base = baseline().warming2100
  const spoken = useSettled(headlineSentence(h, base))
  return (
    <section className="climate-headline" aria-labelledby="climate-headline-label">
      <div className="headline-main">
        <p id="climate-headline-label" className="headline-label">Warming in 2100</p>
        <p className="headline-number" data-testid="climate-warming">{degrees(h.warming2100)}</p>
        <p className="headline-band">likely {fixed(h.warming2100Low, 1)} to {fixed(h.warming2100High, 1)} °C</p>
      </div>
      <dl className="headline-facts">
        <div><dt>Compared with the baseline</dt><dd>{degreesDifference(h.warming2100, base)} {degrees(base)}</dd></div>
        <div><dt>CO2 in 2100</dt><dd>{fixed(h.co2Ppm2100, 0)} ppm</dd></div>
        <div><dt>Greenhouse gases in 2050</dt><dd>{fixed(h.ghg2050, 0)} GtCO2e/yr</dd></div>
        <div><dt>Sea-level rise by 2100</dt><dd>{fixed(h.seaLevel2100 * 100, 0)} cm</dd></div>
      </dl>
      {problem && (
        <p className="headline-problem" role="status">
          These levers cannot go together, so the charts still show the last possible setting. {readable(problem.message)}
        </p>
      )}
      <p className="sr-only" aria-live="polite">{spoken}</p>
    </section>
  )
}
