/**
 * Caps that keep a diagram readable and its document small: the one place each number
 * is written. The record files (records/) build their schemas from these, and every
 * reader and writer of a diagram goes through those schemas.
 */
export const DIAGRAM_LIMITS = {
  labelMax: 200,
  noteMax: 2000,
  linkLabelMax: 80,
  loopNameMax: 80,
  titleMax: 200,
  idMax: 64,
  maxVariables: 1000,
  maxLinks: 4000,
  pasteMaxVariables: 200,
  pasteMaxLinks: 800,
  /** Positions beyond this are someone's typo or a hostile peer, not a drawing. */
  coordinateMax: 1_000_000,
  curveMax: 1,
} as const

/** Cut a label to the cap (in UTF-16 units, as the schemas count), marking the cut. */
export function clampLabel(label: string, max: number = DIAGRAM_LIMITS.labelMax): string {
  const text = label.trim()
  if (text.length <= max) return text
  let cut = text.slice(0, max - 1)
  // Never leave half of a surrogate pair (an emoji) behind.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1)
  return cut + '…'
}

/** A finite number held within ±limit; anything else (a string, NaN, Infinity) is the fallback. */
export function clampNumber(value: unknown, fallback: number, limit: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(-limit, Math.min(limit, value)) : fallback
}
