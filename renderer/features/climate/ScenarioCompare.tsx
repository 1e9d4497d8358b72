import { useMemo, useState } from 'react'
import type uPlot from 'uplot'
import { DEFAULT_LEVERS, LEVERS, analyseScenario, leverDifferences, scenarioHeadline } from '../../../shared/climate'
import type { Headline, LeverValues, SavedScenario } from '../../../shared/climate'
import { ChartFigure } from './charts/ChartFigure'
import { COLOURS, axes, line } from './charts/palette'
import { useLive } from './context'
import { degrees, fixed, leverName, leverValue } from './format'

interface Choice { key: string; name: string; levers: LeverValues }

const COMPARE_COLOUR = '#b5446e'

function HeadlineCard(props: { choice: Choice; headline: Headline; tone: 'a' | 'b' }) {
  const { choice, headline: h } = props
  return (
    <div className={`compare-card compare-${props.tone}`}>
      <p className="compare-name">{choice.name}</p>
      <p className="compare-number">{degrees(h.warming2100)}</p>
      <p className="muted">likely {fixed(h.warming2100Low, 1)} to {fixed(h.warming2100High, 1)} °C in 2100</p>
    </div>
  )
}

const ROWS: { label: string; value: (h: Headline) => string }[] = [
  { label: 'Warming in 2100', value: (h) => degrees(h.warming2100) },
  { label: 'Likely range', value: (h) => `${fixed(h.warming2100Low, 1)} to ${fixed(h.warming2100High, 1)} °C` },
  { label: 'CO2 in 2100', value: (h) => `${fixed(h.co2Ppm2100, 0)} ppm` },
  { label: 'Greenhouse gases in 2050', value: (h) => `${fixed(h.ghg2050, 0)} GtCO2e/yr` },
  { label: 'Greenhouse gases in 2100', value: (h) => `${fixed(h.ghg2100, 0)} GtCO2e/yr` },
  { label: 'Sea-level rise by 2100', value: (h) => `${fixed(h.seaLevel2100 * 100, 0)} cm` },
]

export function ScenarioCompare(props: { scenarios: SavedScenario[] }) {
  const current = useLive((s) => s.doc.values)
  const choices: Choice[] = useMemo(() => [
    { key: 'current', name: 'The levers now', levers: current },
    { key: 'baseline', name: 'Baseline (status quo)', levers: DEFAULT_LEVERS },
    ...props.scenarios.map((s) => ({ key: s.id, name: s.name, levers: s.levers })),
  ], [current, props.scenarios])
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
  const options = useMemo(() => ({
    axes: axes('°C above 1850-1900', 0),
    scales: { x: { time: false }, y: { range: (_u: unknown, _min: number, max: number): [number, number] => [0, Math.max(5, Math.ceil(max))] } },
    legend: { show: false }, padding: [12, 28, 0, 0] as [number, number, number, number],
    series: [{}, line('Baseline', COLOURS.baseline, 2, [8, 6]), line('A', COMPARE_COLOUR, 3), line('B', COLOURS.scenario, 3.5)],
  }), [])
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
      <h3 id="compare-heading">Compare side by side</h3>
      <div className="row wrap compare-pickers">
        {select('Scenario A', a.key, setKeyA)}
        {select('Scenario B', b.key, setKeyB)}
      </div>
      <div className="compare-cards">
        <HeadlineCard choice={a} headline={ha} tone="a" />
        <HeadlineCard choice={b} headline={hb} tone="b" />
        <p className="compare-delta" role="status">
          {Math.abs(delta) < 0.05
            ? 'Both end up at about the same warming in 2100.'
            : `B ends ${fixed(Math.abs(delta), 1)} °C ${delta < 0 ? 'cooler' : 'warmer'} than A in 2100.`}{' '}
          {differing.size === 0 ? 'Their levers are the same.' : `${differing.size} ${differing.size === 1 ? 'lever differs' : 'levers differ'}.`}
        </p>
      </div>
      <ChartFigure
        title="Temperature increase, A and B"
        options={options}
        data={data}
        legend={[
          { label: `A: ${a.name}`, colour: COMPARE_COLOUR, kind: 'line' },
          { label: `B: ${b.name}`, colour: COLOURS.scenario, kind: 'line' },
          { label: 'Baseline (status quo)', colour: COLOURS.baseline, kind: 'dash' },
        ]}
        summary={`A reaches ${degrees(ha.warming2100)} in 2100 and B ${degrees(hb.warming2100)}.`}
        table={() => ({
          columns: ['Year', `A, °C`, `B, °C`],
          rows: Array.from({ length: 11 }, (_, i) => 2000 + i * 10).map((y) => [String(y), fixed(resultA.temperature[y - 2000], 2), fixed(resultB.temperature[y - 2000], 2)]),
        })}
        readout={(year) => {
          const at = (s: Float64Array): string => degrees(s[Math.round(year - resultA.years[0])])
          return [
            { label: 'A', value: at(resultA.temperature), colour: COMPARE_COLOUR },
            { label: 'B', value: at(resultB.temperature), colour: COLOURS.scenario },
            { label: 'Baseline', value: at(analyseScenario(DEFAULT_LEVERS).temperature), colour: COLOURS.baseline },
          ]
        }}
        height={220}
      />
      <div className="table-scroll">
        <table className="climate-table compare-table">
          <caption className="sr-only">Scenario A and B side by side; rows that differ are marked</caption>
          <thead>
            <tr><th scope="col">&nbsp;</th><th scope="col">A: {a.name}</th><th scope="col">B: {b.name}</th></tr>
          </thead>
          <tbody>
            {ROWS.map((row) => {
              const differs = row.value(ha) !== row.value(hb)
              return (
                <tr key={row.label} className={differs ? 'differs' : undefined}>
                  <th scope="row">{row.label}{differs && <span className="sr-only"> (differs)</span>}</th>
                  <td className="num">{row.value(ha)}</td><td className="num">{row.value(hb)}</td>
                </tr>
              )
            })}
            {shown.map((l) => (
              <tr key={l.id} className={differing.has(l.id) ? 'differs' : undefined}>
                <th scope="row">{leverName(l.id)}{differing.has(l.id) && <span className="sr-only"> (differs)</span>}</th>
                <td className="num">{leverValue(l.id, a.levers[l.id])}</td><td className="num">{leverValue(l.id, b.levers[l.id])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <label className="toggle">
        <input type="checkbox" checked={onlyDiffering} onChange={(event) => setOnlyDiffering(event.target.checked)} />
        Show only the levers that differ
      </label>
    </section>
  )
}
