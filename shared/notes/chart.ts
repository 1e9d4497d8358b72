import { escapeXml } from '../diagram/svg'
import type { HarvestFile } from './blocks'

/**
 * A plain line chart as a standalone SVG, for sections that show numbers over time
 * (climate scenarios: warming by year). No script, no stylesheet, no external
 * reference; series are told apart by colour and by dash, so it prints in grey too.
 */
export interface ChartSeries {
  name: string
  points: readonly (readonly [number, number])[]
}

export interface LineChart {
  title: string
  xLabel: string
  yLabel: string
  series: readonly ChartSeries[]
  /** The language of the tick labels (its decimal sign); the notes' English when not given. */
  locale?: string
}

const WIDTH = 640
const PLOT_HEIGHT = 240
const MARGIN = { left: 64, right: 24, top: 40 }
const LEGEND_ROW = 18
const COLOURS = ['#1f6f8b', '#b5446e', '#5b7f2b', '#8a5a00', '#6b4fbb', '#0f7b6c', '#b04a1c', '#3d5a99']
const DASHES = ['', '6 4', '2 3', '10 3 2 3']
const FONT = 'font-family="system-ui, -apple-system, Segoe UI, sans-serif"'
const MAX_SERIES = 12
const MAX_POINTS = 2000

const r = (x: number): string => (Math.round(x * 10) / 10).toString()

/** Round steps (1, 2 or 5 x 10^n) covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return []
  if (min === max) return [min]
  const raw = (max - min) / count
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw
  const ticks: number[] = []
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Math.round(t / step) * step)
  return ticks
}

export function lineChartSvg(chart: LineChart): string {
  const series = chart.series.slice(0, MAX_SERIES).map((s) => ({
    name: s.name,
    points: s.points.slice(0, MAX_POINTS).filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)),
  }))
  const all = series.flatMap((s) => s.points)
  const xs = all.map(([x]) => x)
  const ys = all.map(([, y]) => y)
  let [x0, x1] = [Math.min(...xs), Math.max(...xs)]
  let [y0, y1] = [Math.min(0, ...ys), Math.max(...ys)]
  if (!Number.isFinite(x0)) [x0, x1, y0, y1] = [0, 1, 0, 1]
  if (x0 === x1) x1 = x0 + 1
  if (y0 === y1) y1 = y0 + 1
  const plotW = WIDTH - MARGIN.left - MARGIN.right
  const plotH = PLOT_HEIGHT
  const legendTop = MARGIN.top + plotH + 64
  const HEIGHT = legendTop + Math.ceil(series.length / 3) * LEGEND_ROW + 8
  const px = (x: number): number => MARGIN.left + ((x - x0) / (x1 - x0)) * plotW
  const py = (y: number): number => MARGIN.top + plotH - ((y - y0) / (y1 - y0)) * plotH

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img">`,
    `<title>${escapeXml(chart.title)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="24" font-size="15" font-weight="600" fill="#1d2a30" ${FONT}>${escapeXml(chart.title)}</text>`,
  ]
  for (const tick of niceTicks(y0, y1)) {
    out.push(
      `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${r(py(tick))}" y2="${r(py(tick))}" stroke="#e4e1d8"/>`,
      `<text x="${MARGIN.left - 8}" y="${r(py(tick) + 4)}" text-anchor="end" font-size="12" fill="#5a666b" ${FONT}>${escapeXml(formatTick(tick, chart.locale))}</text>`,
    )
  }
  for (const tick of niceTicks(x0, x1, 6)) {
    out.push(`<text x="${r(px(tick))}" y="${MARGIN.top + plotH + 18}" text-anchor="middle" font-size="12" fill="#5a666b" ${FONT}>${escapeXml(formatTick(tick, chart.locale))}</text>`)
  }
  out.push(
    `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${MARGIN.top + plotH}" y2="${MARGIN.top + plotH}" stroke="#5a666b"/>`,
    `<text x="${MARGIN.left + plotW / 2}" y="${MARGIN.top + plotH + 38}" text-anchor="middle" font-size="12" fill="#1d2a30" ${FONT}>${escapeXml(chart.xLabel)}</text>`,
    `<text transform="translate(16 ${MARGIN.top + plotH / 2}) rotate(-90)" text-anchor="middle" font-size="12" fill="#1d2a30" ${FONT}>${escapeXml(chart.yLabel)}</text>`,
  )
  series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length]
    const dash = DASHES[Math.floor(i / COLOURS.length) % DASHES.length] || DASHES[i % DASHES.length]
    if (s.points.length > 0) {
      const d = s.points.map(([x, y], j) => `${j ? 'L' : 'M'}${r(px(x))} ${r(py(y))}`).join(' ')
      out.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`)
    }
    const lx = MARGIN.left + (i % 3) * (plotW / 3)
    const ly = legendTop + Math.floor(i / 3) * LEGEND_ROW
    out.push(
      `<line x1="${r(lx)}" x2="${r(lx + 22)}" y1="${r(ly - 4)}" y2="${r(ly - 4)}" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
      `<text x="${r(lx + 28)}" y="${r(ly)}" font-size="12" fill="#1d2a30" ${FONT}>${escapeXml(s.name.slice(0, 40))}</text>`,
    )
  })
  out.push('</svg>')
  return out.join('\n') + '\n'
}

function formatTick(value: number, locale = 'en'): string {
  const whole = Math.abs(value) >= 1000 || Number.isInteger(value)
  const digits = whole ? 0 : Math.abs(value) < 1 ? 2 : 1
  if (locale === 'en') return whole ? String(Math.round(value)) : value.toFixed(digits)
  // No grouping: the ticks are mostly years.
  try {
    return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(value)
  } catch {
    return whole ? String(Math.round(value)) : value.toFixed(digits)
  }
}

/** The chart as a file for a section's image block. */
export function chartFile(chart: LineChart, base = 'chart'): HarvestFile {
  return { base, extension: 'svg', mimeType: 'image/svg+xml', data: lineChartSvg(chart) }
}
