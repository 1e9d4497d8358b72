import type { Translate } from '../words'

/** The plot's drawing area inside its SVG (viewBox 0 0 1000 520), and the mapping to 0..1. */
export const PLOT = { left: 56, right: 980, top: 20, bottom: 470, width: 1000, height: 520 } as const

export const toX = (t: number): number => PLOT.left + t * (PLOT.right - PLOT.left)
export const toY = (v: number): number => PLOT.bottom - v * (PLOT.bottom - PLOT.top)

export function fromSvg(x: number, y: number): { t: number; v: number } {
  return { t: (x - PLOT.left) / (PLOT.right - PLOT.left), v: (PLOT.bottom - y) / (PLOT.bottom - PLOT.top) }
}

export function polyline(points: readonly (readonly [number, number])[]): string {
  return points.map(([t, v]) => `${Math.round(toX(t) * 10) / 10},${Math.round(toY(v) * 10) / 10}`).join(' ')
}

/** "around 2021" when both ends of the time span are numbers (years), else "35% of the way from A to B". */
export function timeWords(say: Translate, t: number, start: string, end: string): string {
  const a = Number(start.trim())
  const b = Number(end.trim())
  // The year as written, not as a number: a year has no thousands separator.
  if (start.trim() && end.trim() && Number.isFinite(a) && Number.isFinite(b)) return say({ id: 'diagram.bot.around', defaultMessage: 'around {year}' }, { year: String(Math.round(a + (b - a) * t)) })
  const share = Math.round(t * 100) / 100
  return start.trim() && end.trim()
    ? say({ id: 'diagram.bot.shareFromTo', defaultMessage: '{share, number, percent} of the way from {start} to {end}' }, { share, start: start.trim(), end: end.trim() })
    : say({ id: 'diagram.bot.shareAlong', defaultMessage: '{share, number, percent} of the way along' }, { share })
}
