import { memo, useMemo } from 'react'
import { useLive } from '../context'
import { ChartFigure } from './ChartFigure'
import { EXPLORE_CHARTS } from './explore'
import type { ChartDef } from './explore'

const NOTES: Record<string, string> = {
  emissions: 'From 2024, where the policy model starts. Removals are drawn below zero.',
  energy: 'Primary energy, from 2024. Electricity from wind, sun, water, nuclear and new technology counts as the electricity made.',
}

const ExploreChart = memo(function ExploreChart(props: { def: ChartDef; showSsp: boolean }) {
  const { def, showSsp } = props
  const result = useLive((s) => s.result)
  const input = useMemo(() => ({ result, showSsp }), [result, showSsp])
  const options = useMemo(() => def.options(showSsp), [def, showSsp])
  const data = useMemo(() => def.data(input), [def, input])
  return (
    <ChartFigure
      title={def.title}
      options={options}
      data={data}
      legend={def.legend(showSsp)}
      summary={def.summary(input)}
      table={() => def.table(input)}
      note={NOTES[def.id]}
    />
  )
})

/** The four charts, redrawn as levers move. */
export function ExploreCharts(props: { showSsp: boolean }) {
  return (
    <div className="climate-charts">
      {EXPLORE_CHARTS.map((def) => <ExploreChart key={def.id} def={def} showSsp={props.showSsp} />)}
    </div>
  )
}
