import { useMemo, useState } from 'react'
import type uPlot from 'uplot'
import { DEFAULT_LEVERS, LEVERS, analyseScenario, leverDifferences, scenarioHeadline } from '../../../shared/climate'
import type { IntlShape } from 'react-intl'
import type { Headline, LeverValues, SavedScenario } from '../../../shared/climate'
import type { Message } from '../../../shared/i18n'
import { useIntl, useT } from '../../i18n'
import { ChartFigure } from './charts/ChartFigure'
import { COLOURS, axes, line } from './charts/palette'
import { useLive } from './context'
import { degreeRange, degrees, fixed, leverName, leverValue, measure } from './format'

interface Choice { key: string; name: string; levers: LeverValues }

const COMPARE_COLOUR = '#b5446e'

function HeadlineCard(props: { choice: Choice; headline: Headline; tone: 'a' | 'b' }) {
  const { choice, headline: h } = props
  const t = useT()
  const intl = useIntl()
  return (
    <div className={`compare-card compare-${props.tone}`}>
      <p className="compare-name">{choice.name}</p>
      <p className="compare-number">{degrees(h.warming2100, intl)}</p>
      <p className="muted">{t({ id: 'climate.compare.likely', defaultMessage: 'likely {range} in 2100' }, { range: degreeRange(h.warming2100Low, h.warming2100High, intl) })}</p>
    </div>
  )
}

const ROWS: { id: string; label: Message; value: (h: Headline, intl: IntlShape) => string }[] = [
  { id: 'warming', label: { id: 'climate.headline.label', defaultMessage: 'Warming in 2100' }, value: (h, intl) => degrees(h.warming2100, intl) },
  { id: 'range', label: { id: 'climate.compare.likelyRange', defaultMessage: 'Likely range' }, value: (h, intl) => degreeRange(h.warming2100Low, h.warming2100High, intl) },
  { id: 'co2', label: { id: 'climate.fact.co2In2100', defaultMessage: 'CO2 in 2100' }, value: (h, intl) => measure('ppm', h.co2Ppm2100, 0, intl) },
  { id: 'ghg2050', label: { id: 'climate.fact.ghgIn2050', defaultMessage: 'Greenhouse gases in 2050' }, value: (h, intl) => measure('ghgPerYear', h.ghg2050, 0, intl) },
  { id: 'ghg2100', label: { id: 'climate.fact.ghgIn2100', defaultMessage: 'Greenhouse gases in 2100' }, value: (h, intl) => measure('ghgPerYear', h.ghg2100, 0, intl) },
  { id: 'sea', label: { id: 'climate.fact.seaLevelBy2100', defaultMessage: 'Sea-level rise by 2100' }, value: (h, intl) => measure('cm', h.seaLevel2100 * 100, 0, intl) },
]

const BASELINE = { id: 'climate.chart.baselineStatusQuo', defaultMessage: 'Baseline (status quo)' }

export function ScenarioCompare(props: { scenarios: SavedScenario[] }) {
  const t = useT()
  const intl = useIntl()
  const current = useLive((s) => s.doc.values)
  const choices: Choice[] = useMemo(() => [
    { key: 'current', name: intl.formatMessage({ id: 'climate.compare.current', defaultMessage: 'The levers now' }), levers: current },
    { key: 'baseline', name: intl.formatMessage(BASELINE), levers: DEFAULT_LEVERS },
    ...props.scenarios.map((s) => ({ key: s.id, name: s.name, levers: s.levers })),
  ], [current, props.scenarios, intl])
  const [keyA, setKeyA] = useState<string | null>(null)
  const [keyB, setKeyB] = useState('current')
  const [onlyDiffering, setOnlyDiffering] = useState(true)
  const a = choices.find((c) => c.key === keyA) ?? choices[2] ?? choices[1]
  const b = choices.find((c) => c.key === keyB) ?? choices[0]
  const resultA = analyseScenario(a.levers)
  const resultB = analyseScenario(b.levers)
  const ha = scenarioHeadline(resultA)
  const hb = scenarioHeadline(resultB)
  const differing = new Set(leverDifferences(a.levers, b.levers))
  const shown = LEVERS.filter((l) => !onlyDiffering || differing.has(l.id))
  const delta = hb.warming2100 - ha.warming2100
  const direction = delta < 0 ? 'cooler' : 'warmer'
  const differsText = t({ id: 'climate.compare.differs', defaultMessage: '(differs)' })
  const options = useMemo(() => ({
    axes: axes(intl.formatMessage({ id: 'climate.chart.temperature.axis', defaultMessage: '°C above 1850-1900' }), 0, intl),
    scales: { x: { time: false }, y: { range: (_u: unknown, _min: number, max: number): [number, number] => [0, Math.max(5, Math.ceil(max))] } },
    legend: { show: false }, padding: [12, 28, 0, 0] as [number, number, number, number],
    series: [{}, line(intl.formatMessage({ id: 'climate.chart.baseline', defaultMessage: 'Baseline' }), COLOURS.baseline, 2, [8, 6]), line('A', COMPARE_COLOUR, 3), line('B', COLOURS.scenario, 3.5)],
  }), [intl])
  const data = useMemo((): uPlot.AlignedData => [resultA.years, analyseScenario(DEFAULT_LEVERS).temperature, resultA.temperature, resultB.temperature], [resultA, resultB])
  const select = (label: string, value: string, onChange: (key: string) => void) => (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {choices.map((c) => <option key={c.key} value={c.key}>{c.name}</option>)}
      </select>
    </label>
  )
  return (
    <section className="climate-compare stack" aria-labelledby="compare-heading">
      <h3 id="compare-heading">{t({ id: 'climate.compare.heading', defaultMessage: 'Compare side by side' })}</h3>
      <div className="row wrap compare-pickers">
        {select(t({ id: 'climate.compare.scenarioA', defaultMessage: 'Scenario A' }), a.key, setKeyA)}
        {select(t({ id: 'climate.compare.scenarioB', defaultMessage: 'Scenario B' }), b.key, setKeyB)}
      </div>
      <div className="compare-cards">
        <HeadlineCard choice={a} headline={ha} tone="a" />
        <HeadlineCard choice={b} headline={hb} tone="b" />
        <p className="compare-delta" role="status">
          {Math.abs(delta) < 0.05
            ? t({ id: 'climate.compare.same', defaultMessage: 'Both end up at about the same warming in 2100.' })
            : t(
              { id: 'climate.compare.delta', defaultMessage: '{direction, select, cooler {B ends {difference} cooler than A in 2100.} other {B ends {difference} warmer than A in 2100.}}' },
              { direction, difference: measure('celsius', Math.abs(delta), 1, intl) },
            )}{' '}
          {t(
            { id: 'climate.compare.leversDiffer', defaultMessage: '{count, plural, =0 {Their levers are the same.} one {# lever differs.} other {# levers differ.}}' },
            { count: differing.size },
          )}
        </p>
      </div>
      <ChartFigure
        title={t({ id: 'climate.compare.chartTitle', defaultMessage: 'Temperature increase, A and B' })}
        options={options}
        data={data}
        legend={[
          { label: t({ id: 'climate.compare.legendA', defaultMessage: 'A: {name}' }, { name: a.name }), colour: COMPARE_COLOUR, kind: 'line' },
          { label: t({ id: 'climate.compare.legendB', defaultMessage: 'B: {name}' }, { name: b.name }), colour: COLOURS.scenario, kind: 'line' },
          { label: t(BASELINE), colour: COLOURS.baseline, kind: 'dash' },
        ]}
        summary={t(
          { id: 'climate.compare.summary', defaultMessage: 'A reaches {a} in 2100 and B {b}.' },
          { a: degrees(ha.warming2100, intl), b: degrees(hb.warming2100, intl) },
        )}
        table={() => ({
          columns: [
            t({ id: 'climate.chart.year', defaultMessage: 'Year' }),
            t({ id: 'climate.compare.columnA', defaultMessage: 'A, °C' }),
            t({ id: 'climate.compare.columnB', defaultMessage: 'B, °C' }),
          ],
          rows: Array.from({ length: 11 }, (_, i) => 2000 + i * 10).map((y) => [
            String(y), fixed(resultA.temperature[y - 2000], 2, intl), fixed(resultB.temperature[y - 2000], 2, intl),
          ]),
        })}
        readout={(year) => {
          const at = (s: Float64Array): string => degrees(s[Math.round(year - resultA.years[0])], intl)
          return [
            { label: 'A', value: at(resultA.temperature), colour: COMPARE_COLOUR },
            { label: 'B', value: at(resultB.temperature), colour: COLOURS.scenario },
            { label: t({ id: 'climate.chart.baseline', defaultMessage: 'Baseline' }), value: at(analyseScenario(DEFAULT_LEVERS).temperature), colour: COLOURS.baseline },
          ]
        }}
        height={220}
      />
      <div className="table-scroll">
        <table className="climate-table compare-table">
          <caption className="sr-only">{t({ id: 'climate.compare.caption', defaultMessage: 'Scenario A and B side by side; rows that differ are marked' })}</caption>
          <thead>
            <tr>
              <th scope="col">&nbsp;</th>
              <th scope="col">{t({ id: 'climate.compare.legendA', defaultMessage: 'A: {name}' }, { name: a.name })}</th>
              <th scope="col">{t({ id: 'climate.compare.legendB', defaultMessage: 'B: {name}' }, { name: b.name })}</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => {
              const differs = row.value(ha, intl) !== row.value(hb, intl)
              return (
                <tr key={row.id} className={differs ? 'differs' : undefined}>
                  <th scope="row">{t(row.label)}{differs && <span className="sr-only"> {differsText}</span>}</th>
                  <td className="num">{row.value(ha, intl)}</td><td className="num">{row.value(hb, intl)}</td>
                </tr>
              )
            })}
            {shown.map((l) => (
              <tr key={l.id} className={differing.has(l.id) ? 'differs' : undefined}>
                <th scope="row">{leverName(l.id, intl)}{differing.has(l.id) && <span className="sr-only"> {differsText}</span>}</th>
                <td className="num">{leverValue(l.id, a.levers[l.id], intl)}</td><td className="num">{leverValue(l.id, b.levers[l.id], intl)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <label className="toggle">
        <input type="checkbox" checked={onlyDiffering} onChange={(event) => setOnlyDiffering(event.target.checked)} />
        {t({ id: 'climate.compare.onlyDiffering', defaultMessage: 'Show only the levers that differ' })}
      </label>
    </section>
  )
}
