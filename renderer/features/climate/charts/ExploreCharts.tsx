import { memo, useMemo, useState } from 'react'
import type { Message } from '../../../../shared/i18n'
import { useIntl, useT } from '../../../i18n'
import { useLive } from '../context'
import { ChartFigure } from './ChartFigure'
import { EXPLORE_CHARTS } from './explore'
import type { ChartDef, ChartId } from './explore'

const NOTES: Partial<Record<ChartId, Message>> = {
  emissions: { id: 'climate.chart.emissions.note', defaultMessage: 'From 2024, where the policy model starts. Removals are drawn below zero.' },
  energy: {
    id: 'climate.chart.energy.note',
    defaultMessage: 'Primary energy, from 2024. Electricity from wind, sun, water, nuclear and new technology counts as the electricity made.',
  },
  seaLevel: {
    id: 'climate.chart.seaLevel.note',
    defaultMessage: 'Global mean, from the warming ocean and melting ice; the likely range around it is wide (see the model guide).',
  },
}

const CHARTS_BY_ID = Object.fromEntries(EXPLORE_CHARTS.map((def) => [def.id, def])) as Record<ChartId, ChartDef>
const isChartId = (value: unknown): value is ChartId => typeof value === 'string' && value in CHARTS_BY_ID

const ExploreChart = memo(function ExploreChart(props: { def: ChartDef; showSsp: boolean; height?: number }) {
  const { def, showSsp } = props
  const intl = useIntl()
  const result = useLive((s) => s.result)
  const input = useMemo(() => ({ result, showSsp, intl }), [result, showSsp, intl])
  const options = useMemo(() => def.options(showSsp, intl), [def, showSsp, intl])
  const data = useMemo(() => def.data(input), [def, input])
  const note = NOTES[def.id]
  return (
    <ChartFigure
      title={intl.formatMessage(def.title)}
      options={options}
      data={data}
      legend={def.legend(showSsp, intl)}
      summary={def.summary(input)}
      table={() => def.table(input)}
      readout={(year) => def.readout(input, year)}
      note={note && intl.formatMessage(note)}
      height={props.height}
    />
  )
})

/** Which graphs sit beside the levers: one or two, chosen by each person (En-ROADS' graph picker). */
export interface GraphChoice {
  count: 1 | 2
  graphs: [ChartId, ChartId]
}

const STORAGE_KEY = 'convene:climate:graphs'
const DEFAULT_CHOICE: GraphChoice = { count: 2, graphs: ['temperature', 'emissions'] }

// A view preference of this person on this computer, not the group's: on a shared
// screen the facilitator picks; each participant may look at something else.
function readChoice(): GraphChoice {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null')
    if (typeof parsed !== 'object' || parsed === null) return DEFAULT_CHOICE
    const { count, graphs } = parsed as { count?: unknown; graphs?: unknown }
    if ((count !== 1 && count !== 2) || !Array.isArray(graphs) || !isChartId(graphs[0]) || !isChartId(graphs[1]) || graphs[0] === graphs[1]) return DEFAULT_CHOICE
    return { count, graphs: [graphs[0], graphs[1]] }
  } catch {
    return DEFAULT_CHOICE
  }
}

export function useGraphChoice(): [GraphChoice, (next: GraphChoice) => void] {
  const [choice, setChoice] = useState(readChoice)
  const update = (next: GraphChoice): void => {
    setChoice(next)
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(next))
    } catch {
      // Storage may be full or refused (a private window): the choice holds for this visit.
    }
  }
  return [choice, update]
}

/** Picks the graph in one place; choosing the graph the other place shows swaps the two. */
function pick(choice: GraphChoice, place: 0 | 1, id: ChartId): GraphChoice {
  const graphs: [ChartId, ChartId] = [...choice.graphs]
  if (graphs[1 - place] === id) graphs[1 - place] = graphs[place]
  graphs[place] = id
  return { ...choice, graphs }
}

export function GraphPicker(props: { choice: GraphChoice; onChange: (next: GraphChoice) => void }) {
  const { choice, onChange } = props
  const t = useT()
  const places = choice.count === 1 ? ([0] as const) : ([0, 1] as const)
  return (
    <div className="graph-picker" role="group" aria-label={t({ id: 'climate.graphs.label', defaultMessage: 'Graphs beside the levers' })}>
      <fieldset className="graph-count">
        <legend className="sr-only">{t({ id: 'climate.graphs.count', defaultMessage: 'How many graphs beside the levers' })}</legend>
        {([1, 2] as const).map((n) => (
          <label key={n} className={`graph-count-option${choice.count === n ? ' is-on' : ''}`}>
            <input type="radio" name="graph-count" checked={choice.count === n} onChange={() => onChange({ ...choice, count: n })} />
            {n === 1 ? t({ id: 'climate.graphs.one', defaultMessage: 'One graph' }) : t({ id: 'climate.graphs.two', defaultMessage: 'Two graphs' })}
          </label>
        ))}
      </fieldset>
      {places.map((place) => (
        <label key={place} className="field graph-select">
          <span>
            {choice.count === 1
              ? t({ id: 'climate.graphs.graph', defaultMessage: 'Graph' })
              : place === 0
                ? t({ id: 'climate.graphs.first', defaultMessage: 'First graph' })
                : t({ id: 'climate.graphs.second', defaultMessage: 'Second graph' })}
          </span>
          <select value={choice.graphs[place]} onChange={(event) => onChange(pick(choice, place, event.target.value as ChartId))}>
            {EXPLORE_CHARTS.map((def) => <option key={def.id} value={def.id}>{t(def.title)}</option>)}
          </select>
        </label>
      ))}
    </div>
  )
}

/** The chosen graphs, beside the levers. */
export function FeaturedCharts(props: { choice: GraphChoice; showSsp: boolean }) {
  const shown = props.choice.graphs.slice(0, props.choice.count)
  return (
    <div className={`featured-charts featured-${props.choice.count}`}>
      {shown.map((id) => <ExploreChart key={id} def={CHARTS_BY_ID[id]} showSsp={props.showSsp} height={props.choice.count === 1 ? 340 : 260} />)}
    </div>
  )
}

/** Every other graph, below. */
export function MoreCharts(props: { choice: GraphChoice; showSsp: boolean }) {
  const t = useT()
  const featured = new Set(props.choice.graphs.slice(0, props.choice.count))
  return (
    <section className="explore-more" aria-labelledby="explore-more-heading">
      <h3 id="explore-more-heading">{t({ id: 'climate.graphs.more', defaultMessage: 'More graphs' })}</h3>
      <div className="climate-charts">
        {EXPLORE_CHARTS.filter((def) => !featured.has(def.id)).map((def) => <ExploreChart key={def.id} def={def} showSsp={props.showSsp} />)}
      </div>
    </section>
  )
}
