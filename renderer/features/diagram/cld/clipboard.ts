import type { Fragment } from '../../../../shared/diagram'
import type { CanvasStore } from './canvasStore'

/**
 * What goes on the system clipboard: JSON a person could read, marked as ours so a
 * paste can tell it from any other text. Other text pastes as one variable per line.
 */
export const FRAGMENT_TYPE = 'convene/diagram-fragment'
const MAX_TEXT = 2_000_000

export function copyFragment(store: CanvasStore, variableIds: readonly string[], linkIds: readonly string[]): (Fragment & { type: string; version: 1 }) | null {
  const chosen = new Set(variableIds.filter((id) => store.variables.has(id)))
  // A selected link comes along with both of its ends.
  for (const id of linkIds) {
    const link = store.links.get(id)
    if (link && store.isDrawn(id)) {
      chosen.add(link.from)
      chosen.add(link.to)
    }
  }
  if (chosen.size === 0) return null
  const variables = [...chosen].map((id) => {
    const v = store.variables.get(id)!
    const p = store.position(id) ?? v
    return { id, label: v.label, x: Math.round(p.x), y: Math.round(p.y), ...(v.note ? { note: v.note } : {}) }
  })
  const links = store
    .drawnLinks()
    .filter((l) => chosen.has(l.from) && chosen.has(l.to))
    .map((l) => ({ from: l.from, to: l.to, polarity: l.polarity, delay: l.delay, curve: l.curve, ...(l.label ? { label: l.label } : {}) }))
  return { type: FRAGMENT_TYPE, version: 1, variables, links }
}

/** `message` is the refusal in English (for logs and tests); a screen says it from `millions` in the person's language. */
export type ClipboardContent = { kind: 'fragment'; value: unknown } | { kind: 'too-large'; message: string; millions: number } | { kind: 'empty' }

/** Read pasted text: our JSON fragment, or lines of text that become variables. */
export function readClipboard(text: string): ClipboardContent {
  if (text.length > MAX_TEXT) {
    const millions = text.length / 1_000_000
    return { kind: 'too-large', message: `This paste is ${millions.toFixed(1)} million characters: too large to be part of a diagram.`, millions }
  }
  const trimmed = text.trim()
  if (!trimmed) return { kind: 'empty' }
  if (trimmed.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(trimmed)
      if (typeof parsed === 'object' && parsed !== null && (parsed as { type?: unknown }).type === FRAGMENT_TYPE) return { kind: 'fragment', value: parsed }
    } catch {
      // Not JSON after all: it pastes as text.
    }
  }
  const labels = trimmed.split(/\r?\n/).map((line) => line.trim()).filter(Boolean)
  const columns = Math.max(1, Math.ceil(Math.sqrt(labels.length)))
  return {
    kind: 'fragment',
    value: {
      variables: labels.map((label, i) => ({ id: `line-${i}`, label, x: (i % columns) * 210, y: Math.floor(i / columns) * 110 })),
      links: [],
    },
  }
}

/** The centre of a fragment's variables (so a paste lands centred where it is put). */
export function fragmentCentre(value: unknown): { x: number; y: number } {
  const variables = (value as { variables?: unknown }).variables
  if (!Array.isArray(variables) || variables.length === 0) return { x: 0, y: 0 }
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const v of variables.slice(0, 5000) as { x?: unknown; y?: unknown }[]) {
    if (typeof v?.x !== 'number' || typeof v.y !== 'number' || !Number.isFinite(v.x) || !Number.isFinite(v.y)) continue
    minX = Math.min(minX, v.x)
    maxX = Math.max(maxX, v.x)
    minY = Math.min(minY, v.y)
    maxY = Math.max(maxY, v.y)
  }
  return Number.isFinite(minX) ? { x: (minX + maxX) / 2, y: (minY + maxY) / 2 } : { x: 0, y: 0 }
}
