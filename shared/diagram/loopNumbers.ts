import type * as Y from 'yjs'
import type { Loop, LoopPolarity } from './model'

/**
 * Loop numbers that stay put. "Look at B1" must still mean the same loop after
 * someone adds another one, on every screen, so numbers are not counted from the list
 * order: they are written into the diagram once, and kept.
 *
 *   diagramId: Y.Map
 *     └─ loopNumbers: Y.Map<"loopId:kind", number>     e.g. "loop_0h3…:B" → 1 (B1)
 *
 * Keyed by the stable loop id (loopId.ts) AND its kind: a loop whose polarity flips
 * takes a number of its new kind, and gets its old one back if it flips back. A loop
 * that disappears keeps its entry, so its number stays taken (and returns with it)
 * until a facilitator renumbers, which rewrites the map from scratch.
 *
 * Two peers may give the same number to two different loops at the same moment (each
 * took the next free one before seeing the other's). Both entries survive in the map
 * (different keys), and every reader settles the clash the same way: the loop with the
 * smaller id keeps the number; the others, in order of the number they asked for and
 * then of id, take numbers after the largest one claimed. The peers that have the
 * diagram open then write the settled numbers back (`assignLoopNumbers`), so a later
 * claim cannot move them again. A loop with no entry yet is shown with the number it
 * will get (the next free ones, in list order), computed the same way everywhere.
 */
export type AssignedNumbers = Readonly<Record<string, number>>

/** What an export needs to name loops as the loops panel does. */
export interface LoopLabelling {
  /** Loops to mark (SVG) or list (Mermaid comments). */
  loops?: readonly Loop[]
  loopNames?: Readonly<Record<string, string>>
  /** The diagram's kept loop numbers, so an export says R1 where the panel does. */
  loopNumbers?: AssignedNumbers
}

const KINDS: readonly LoopPolarity[] = ['R', 'B', '?']

export function numberKey(loopId: string, kind: LoopPolarity): string {
  return `${loopId}:${kind}`
}

function parseKey(key: string): { loopId: string; kind: LoopPolarity } | null {
  const cut = key.lastIndexOf(':')
  const kind = key.slice(cut + 1) as LoopPolarity
  return cut > 0 && KINDS.includes(kind) ? { loopId: key.slice(0, cut), kind } : null
}

/** The numbers in the document, read leniently: anything but a whole number from 1 up is ignored. */
export function readAssignedNumbers(map: Y.Map<unknown> | null | undefined): Record<string, number> {
  const out: Record<string, number> = {}
  if (!map) return out
  for (const [key, n] of map.entries()) {
    if (typeof n === 'number' && Number.isSafeInteger(n) && n >= 1 && parseKey(key)) out[key] = n
  }
  return out
}

/** Every claim with the number it really holds once clashes are settled (see above). */
export function settleNumbers(assigned: AssignedNumbers): Map<string, number> {
  const byKind = new Map<LoopPolarity, { key: string; loopId: string; n: number }[]>()
  for (const [key, n] of Object.entries(assigned)) {
    const parsed = parseKey(key)
    if (!parsed) continue
    let list = byKind.get(parsed.kind)
    if (!list) byKind.set(parsed.kind, (list = []))
    list.push({ key, loopId: parsed.loopId, n })
  }
  const settled = new Map<string, number>()
  for (const claims of byKind.values()) {
    claims.sort((a, b) => a.n - b.n || (a.loopId < b.loopId ? -1 : a.loopId > b.loopId ? 1 : 0))
    let next = claims[claims.length - 1].n
    const taken = new Set<number>()
    const losers: string[] = []
    for (const claim of claims) {
      if (taken.has(claim.n)) losers.push(claim.key)
      else {
        taken.add(claim.n)
        settled.set(claim.key, claim.n)
      }
    }
    for (const key of losers) settled.set(key, ++next)
  }
  return settled
}

/** The highest number of each kind in use, loops that are gone included. */
function highest(settled: ReadonlyMap<string, number>): Record<LoopPolarity, number> {
  const top: Record<LoopPolarity, number> = { R: 0, B: 0, '?': 0 }
  for (const [key, n] of settled) {
    const kind = parseKey(key)!.kind
    top[kind] = Math.max(top[kind], n)
  }
  return top
}

/**
 * Each loop's number (settled, or the next free one of its kind in list order), by
 * loop id. Without assigned numbers this counts R1, R2, B1, ?1 in list order, which is
 * what a file outside a convening (the `convene loops` command) gets.
 */
export function numberLoops(loops: readonly Loop[], assigned: AssignedNumbers = {}): Map<string, number> {
  const settled = settleNumbers(assigned)
  const top = highest(settled)
  const out = new Map<string, number>()
  for (const loop of loops) out.set(loop.id, settled.get(numberKey(loop.id, loop.polarity)) ?? ++top[loop.polarity])
  return out
}

/** "R1", "B2", "?1" by loop id. */
export function loopNumbers(loops: readonly Loop[], assigned: AssignedNumbers = {}): Map<string, string> {
  const numbers = numberLoops(loops, assigned)
  return new Map(loops.map((loop) => [loop.id, `${loop.polarity}${numbers.get(loop.id)}`]))
}

/**
 * What to write so the document holds every number shown: loops with no number yet,
 * and loops that lost a clash (their settled number replaces the one they asked for).
 * Empty when there is nothing to do, which is nearly always.
 */
export function numbersToWrite(loops: readonly Loop[], assigned: AssignedNumbers): Record<string, number> {
  const writes: Record<string, number> = {}
  for (const [key, n] of settleNumbers(assigned)) if (assigned[key] !== n) writes[key] = n
  const numbers = numberLoops(loops, assigned)
  for (const loop of loops) {
    const key = numberKey(loop.id, loop.polarity)
    if (assigned[key] === undefined) writes[key] = numbers.get(loop.id)!
  }
  return writes
}

/** Fresh numbers from 1 in list order, nothing kept: what "Renumber loops" writes. */
export function freshNumbers(loops: readonly Loop[]): Record<string, number> {
  const numbers = numberLoops(loops)
  return Object.fromEntries(loops.map((loop) => [numberKey(loop.id, loop.polarity), numbers.get(loop.id)!]))
}
