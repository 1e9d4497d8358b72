import { useSyncExternalStore } from 'react'

/**
 * How this person arranges the convening screen: focus mode, and the People column and
 * a diagram's side panel (open or folded, and how wide). Personal, never shared: it is
 * kept in this computer's localStorage, not in the convening document nor Dexie,
 * because it must be known synchronously on the first paint (a Dexie read is async, so
 * the columns would open and then jump shut), and a width is a fact about this screen,
 * like the window's size.
 */
export interface Layout {
  /** Navigation, People and side panels folded away: the panel (the map) gets the window. */
  focus: boolean
  peopleOpen: boolean
  /** Width of the People column, px (a drawer below the "laptop" breakpoint uses it too). */
  peopleWidth: number
  sideOpen: boolean
  /** Width of a diagram's side panel (loops and text), px. */
  sideWidth: number
}

export const PEOPLE_WIDTH = { min: 220, max: 420, initial: 280 }
export const SIDE_WIDTH = { min: 220, max: 480, initial: 300 }

const DEFAULTS: Layout = { focus: false, peopleOpen: true, peopleWidth: PEOPLE_WIDTH.initial, sideOpen: true, sideWidth: SIDE_WIDTH.initial }
const KEY = 'convene:layout'

export const clamp = (value: number, range: { min: number; max: number }): number => Math.round(Math.min(range.max, Math.max(range.min, value)))

function read(): Layout {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null')
    if (!raw || typeof raw !== 'object') return DEFAULTS
    const r = raw as Partial<Record<keyof Layout, unknown>>
    const flag = (v: unknown, d: boolean): boolean => (typeof v === 'boolean' ? v : d)
    const width = (v: unknown, range: { min: number; max: number; initial: number }): number => (typeof v === 'number' && Number.isFinite(v) ? clamp(v, range) : range.initial)
    return {
      focus: flag(r.focus, DEFAULTS.focus),
      peopleOpen: flag(r.peopleOpen, DEFAULTS.peopleOpen),
      peopleWidth: width(r.peopleWidth, PEOPLE_WIDTH),
      sideOpen: flag(r.sideOpen, DEFAULTS.sideOpen),
      sideWidth: width(r.sideWidth, SIDE_WIDTH),
    }
  } catch {
    return DEFAULTS
  }
}

let current: Layout | null = null
const listeners = new Set<() => void>()

function snapshot(): Layout {
  current ??= read()
  return current
}

export function setLayout(change: Partial<Layout>): void {
  const next = { ...snapshot(), ...change }
  current = next
  try {
    localStorage.setItem(KEY, JSON.stringify(next))
  } catch {
    // A private window may refuse storage: the layout then lasts for this visit only.
  }
  for (const listener of [...listeners]) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useLayout(): Layout {
  return useSyncExternalStore(subscribe, snapshot)
}

/**
 * The screen's width class. "wide" from 1440 px, "desktop" from 1280, "laptop" from
 * 1024 (the People column becomes a drawer below 1280), "small" below 1024 (the
 * navigation narrows and a diagram's side panel starts folded). The same numbers are
 * the media queries in ui/styles.css.
 */
export type Breakpoint = 'wide' | 'desktop' | 'laptop' | 'small'
const QUERIES: [Breakpoint, string][] = [
  ['wide', '(min-width: 1440px)'],
  ['desktop', '(min-width: 1280px)'],
  ['laptop', '(min-width: 1024px)'],
]

function breakpoint(): Breakpoint {
  for (const [name, query] of QUERIES) if (window.matchMedia(query).matches) return name
  return 'small'
}

function subscribeWidth(listener: () => void): () => void {
  const lists = QUERIES.map(([, query]) => window.matchMedia(query))
  for (const list of lists) list.addEventListener('change', listener)
  return () => {
    for (const list of lists) list.removeEventListener('change', listener)
  }
}

export function useBreakpoint(): Breakpoint {
  return useSyncExternalStore(subscribeWidth, breakpoint)
}

/** True where the breakpoint is at least `least`. */
export function atLeast(point: Breakpoint, least: Breakpoint): boolean {
  const order: Breakpoint[] = ['small', 'laptop', 'desktop', 'wide']
  return order.indexOf(point) >= order.indexOf(least)
}
