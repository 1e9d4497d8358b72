import { useId, useState } from 'react'
import type uPlot from 'uplot'
import { useIntl, useT } from '../../../i18n'
import { inSentence } from '../format'
import type { ChartTable, LegendItem, ReadoutItem } from './explore'
import { UPlot } from './UPlot'

export function Legend(props: { items: LegendItem[] }) {
  const t = useT()
  return (
    <ul className="chart-legend" aria-label={t({ id: 'climate.chart.legend', defaultMessage: 'Legend' })}>
      {props.items.map((item) => (
        <li key={item.label}>
          <span className={`legend-key legend-${item.kind}`} style={{ color: item.colour, background: item.kind === 'area' || item.kind === 'band' ? item.colour : undefined }} aria-hidden="true" />
          {item.label}
        </li>
      ))}
    </ul>
  )
}

function DataTable(props: { table: ChartTable; caption: string }) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="sr-only">{props.caption}</caption>
        <thead>
          <tr>{props.table.columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
        </thead>
        <tbody>
          {props.table.rows.map((row) => (
            <tr key={row[0]}>
              <th scope="row">{row[0]}</th>
              {row.slice(1).map((cell, i) => <td key={i}>{cell}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/**
 * What the chart says at the year under the pointer, in a line of its own above the
 * canvas (it never covers the lines being read). Hidden from screen readers, which
 * have the summary and the data table: the same numbers, without chasing a pointer.
 */
function Readout(props: { year: number | null; items: ReadoutItem[] }) {
  const t = useT()
  return (
    <p className="chart-readout" aria-hidden="true">
      {props.year === null ? (
        <span className="muted">{t({ id: 'climate.chart.readoutHint', defaultMessage: 'Point at the chart to read each year’s values.' })}</span>
      ) : (
        <>
          <strong className="readout-year">{props.year}</strong>
          {props.items.map((item) => (
            <span key={item.label} className="readout-item">
              <span className={`legend-key ${item.dashed ? 'legend-dash' : 'legend-line'}`} style={{ color: item.colour }} />
              {item.label} <strong>{item.value}</strong>
            </span>
          ))}
        </>
      )}
    </p>
  )
}

/**
 * A chart with its text alternative: the canvas is hidden from screen readers, the
 * summary sentence says what it shows, and the data table (built only when opened)
 * gives the numbers.
 */
export function ChartFigure(props: {
  title: string
  options: Omit<uPlot.Options, 'width' | 'height'>
  data: uPlot.AlignedData
  legend: LegendItem[]
  summary: string
  table: () => ChartTable
  /** The values at a year (the x value under the pointer), for the hover readout. */
  readout: (year: number) => ReadoutItem[]
  height?: number
  note?: string
}) {
  const id = useId()
  const intl = useIntl()
  const [tableOpen, setTableOpen] = useState(false)
  const [hovered, setHovered] = useState<number | null>(null)
  return (
    <figure className="climate-chart" aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`}>
      <figcaption className="chart-head">
        <h4 id={`${id}-title`} className="chart-title">{props.title}</h4>
        <Legend items={props.legend} />
      </figcaption>
      <Readout year={hovered} items={hovered === null ? [] : props.readout(hovered)} />
      <UPlot options={props.options} data={props.data} height={props.height ?? 260} onHover={setHovered} />
      <p id={`${id}-summary`} className="chart-summary">{props.summary}</p>
      {props.note && <p className="small muted">{props.note}</p>}
      <details className="chart-data" onToggle={(event) => setTableOpen(event.currentTarget.open)}>
        <summary>{intl.formatMessage({ id: 'climate.chart.dataTable', defaultMessage: 'Data table: {title}' }, { title: inSentence(intl, props.title) })}</summary>
        {tableOpen && <DataTable table={props.table()} caption={props.title} />}
      </details>
    </figure>
  )
}
