import type uPlot from 'uplot'
import type { IntlShape } from 'react-intl'
import { SSP_LABELS } from '../../../../shared/climate'
import type { SspId } from '../../../../shared/climate'
import { ENGLISH, fixed } from '../format'

export const COLOURS = {
  scenario: '#1f6f8b',
  band: 'rgba(31, 111, 139, 0.18)',
  baseline: '#1d2a30',
  grid: 'rgba(29, 42, 48, 0.08)',
  axis: '#5a666b',
  coal: '#3b3b3b',
  oil: '#8a5a00',
  gas: '#3d5a99',
  process: '#a39a8c',
  deforestation: '#b04a1c',
  natureRemoval: '#7fae5a',
  techRemoval: '#8f84d6',
  bioenergy: '#5b7f2b',
  renewables: '#0f9b8e',
  nuclear: '#6b4fbb',
  newTech: '#b5446e',
} as const

/** The IPCC's colours for the SSPs, drawn faint behind the group's scenario. */
export const SSP_COLOURS: Record<SspId, string> = {
  ssp119: 'rgba(0, 169, 207, 0.6)',
  ssp126: 'rgba(0, 52, 102, 0.55)',
  ssp245: 'rgba(219, 122, 0, 0.6)',
  ssp370: 'rgba(223, 0, 0, 0.5)',
  ssp585: 'rgba(152, 0, 2, 0.5)',
}

export const sspLabel = (id: SspId): string => SSP_LABELS[id].split(' ')[0]

const FONT = '15px system-ui, -apple-system, "Segoe UI", sans-serif'

/** Axes readable from the back of a room; `unit` is the y axis' label, already in the person's language. */
export function axes(unit: string, decimals = 0, intl: IntlShape = ENGLISH): uPlot.Axis[] {
  return [
    { stroke: COLOURS.axis, font: FONT, grid: { stroke: COLOURS.grid, width: 1 }, ticks: { stroke: COLOURS.grid }, values: (_u, ticks) => ticks.map(String) },
    {
      stroke: COLOURS.axis, font: FONT, size: 64, label: unit, labelFont: FONT, labelSize: 24,
      grid: { stroke: COLOURS.grid, width: 1 }, ticks: { stroke: COLOURS.grid },
      values: (_u, ticks) => ticks.map((t) => fixed(t, decimals, intl)),
    },
  ]
}

export const line = (label: string, stroke: string, width = 3, dash?: number[]): uPlot.Series => ({
  label, stroke, width, dash, points: { show: false }, spanGaps: false,
})

/** A stacked area: its top edge is the running total, filled down to zero. */
export const area = (label: string, colour: string): uPlot.Series => ({
  label, stroke: colour, fill: colour, width: 1, fillTo: 0, points: { show: false },
})

/** Labels the reference pathways at the right end of their lines, nudged apart so none overlap. */
export function labelEnds(labels: Record<number, { text: string; colour: string }>): (u: uPlot) => void {
  return (u) => {
    const { ctx } = u
    const gap = 15 * devicePixelRatio
    const placed: { text: string; colour: string; y: number }[] = []
    for (const [index, { text, colour }] of Object.entries(labels)) {
      const i = Number(index)
      const ys = u.data[i]
      const y = ys?.[ys.length - 1]
      if (!u.series[i]?.show || y === null || y === undefined) continue
      placed.push({ text, colour, y: u.valToPos(y, 'y', true) })
    }
    placed.sort((a, b) => b.y - a.y)
    for (let k = 1; k < placed.length; k++) placed[k].y = Math.min(placed[k].y, placed[k - 1].y - gap)
    const x = u.valToPos(u.data[0][u.data[0].length - 1], 'x', true) + 6 * devicePixelRatio
    ctx.save()
    ctx.font = `${Math.round(13 * devicePixelRatio)}px system-ui, sans-serif`
    ctx.textAlign = 'left'
    ctx.textBaseline = 'middle'
    for (const label of placed) {
      ctx.fillStyle = label.colour.replace(/[\d.]+\)$/, '1)')
      ctx.fillText(label.text, x, label.y)
    }
    ctx.restore()
  }
}
