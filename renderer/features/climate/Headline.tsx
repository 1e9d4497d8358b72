import { useEffect, useState } from 'react'
import type { IntlShape } from 'react-intl'
import { scenarioHeadline } from '../../../shared/climate'
import type { Headline as HeadlineNumbers } from '../../../shared/climate'
import { useIntl, useRefusal, useT } from '../../i18n'
import { baseline } from './charts/explore'
import { useLive } from './context'
import { ENGLISH, comparison, degreeRange, degrees, measure, readable } from './format'

/** What a screen reader hears, once the numbers have settled (not every frame of a drag). */
function useSettled<T>(value: T, delayMs = 700): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs)
    return () => clearTimeout(timer)
  }, [value, delayMs])
  return settled
}

export function headlineSentence(h: HeadlineNumbers, reference: number, intl: IntlShape = ENGLISH): string {
  return intl.formatMessage(
    {
      id: 'climate.headline.spoken',
      defaultMessage: 'Warming in 2100: {warming}, likely {range}, {comparison, select, less {{difference} less than} more {{difference} more than} other {about the same as}} the baseline.',
    },
    { warming: degrees(h.warming2100, intl), range: degreeRange(h.warming2100Low, h.warming2100High, intl), ...comparison(h.warming2100, reference, intl) },
  )
}

/** The number the room looks at: warming in 2100, large, with its likely range. */
export function Headline() {
  const t = useT()
  const sayRefusal = useRefusal()
  const intl = useIntl()
  const result = useLive((s) => s.result)
  const problem = useLive((s) => s.problem)
  const h = scenarioHeadline(result)
  const base = baseline().warming2100
  const spoken = useSettled(headlineSentence(h, base, intl))
  return (
    <section className="climate-headline" aria-labelledby="climate-headline-label">
      <div className="headline-main">
        <p id="climate-headline-label" className="headline-label">{t({ id: 'climate.headline.label', defaultMessage: 'Warming in 2100' })}</p>
        <p className="headline-number" data-testid="climate-warming">{degrees(h.warming2100, intl)}</p>
        <p className="headline-band">{t({ id: 'climate.headline.likely', defaultMessage: 'likely {range}' }, { range: degreeRange(h.warming2100Low, h.warming2100High, intl) })}</p>
      </div>
      <dl className="headline-facts">
        <div>
          <dt>{t({ id: 'climate.headline.compared', defaultMessage: 'Compared with the baseline' })}</dt>
          <dd>
            {t(
              {
                id: 'climate.headline.comparedValue',
                defaultMessage: '{comparison, select, less {{difference} less than {baseline}} more {{difference} more than {baseline}} other {about the same as {baseline}}}',
              },
              { ...comparison(h.warming2100, base, intl), baseline: degrees(base, intl) },
            )}
          </dd>
        </div>
        <div><dt>{t({ id: 'climate.fact.co2In2100', defaultMessage: 'CO2 in 2100' })}</dt><dd>{measure('ppm', h.co2Ppm2100, 0, intl)}</dd></div>
        <div><dt>{t({ id: 'climate.fact.ghgIn2050', defaultMessage: 'Greenhouse gases in 2050' })}</dt><dd>{measure('ghgPerYear', h.ghg2050, 0, intl)}</dd></div>
        <div><dt>{t({ id: 'climate.fact.seaLevelBy2100', defaultMessage: 'Sea-level rise by 2100' })}</dt><dd>{measure('cm', h.seaLevel2100 * 100, 0, intl)}</dd></div>
      </dl>
      {problem && (
        <p className="headline-problem" role="status">
          {t({ id: 'climate.headline.problem', defaultMessage: 'These levers cannot go together, so the charts still show the last possible setting.' })}{' '}
          {readable(sayRefusal(problem.said ? problem : problem.message))}
        </p>
      )}
      <p className="sr-only" aria-live="polite">{spoken}</p>
    </section>
  )
}
