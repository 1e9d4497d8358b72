import { seededRandom } from '../conversation/random'
import type { Loop, LoopPolarity, Polarity } from './model'

/**
 * Playing a pulse through a causal loop diagram: "more of this" (or "less of this")
 * at one variable, passed along the links, step by step. Pure and deterministic: every
 * peer computes the same run from the same diagram, start, direction and seed, and
 * draws it locally (nothing is written per step). resources/diagram/loop-play.md says
 * the rule in words for the people who use it.
 *
 * The rule (Loopy's, plus our damping):
 *   - Time moves in steps. A pulse leaving a variable on step t reaches the far end on
 *     step t + 1, or on step t + 2 or t + 3 across a link marked with a delay (which of
 *     the two is drawn from the play's seed, per link: lags in real systems are not all
 *     alike, and the seed keeps every screen on the same one).
 *   - A pulse carries a signed amount. A link multiplies it by its sign: '+' passes it
 *     as it is, '-' turns "more" into "less". A '?' link passes nothing: a sign nobody
 *     knows cannot be multiplied by, so the pulse stops there and the step says so.
 *   - Damping (our choice, so that loops behave as people expect to feel them): a pulse
 *     that pushes a variable further the way it has already moved grows a little
 *     (x GAIN); a pulse that pushes back against how it has moved is partly absorbed
 *     (x ABSORB). The pulses that reach one variable on one step are weighed so, each
 *     on its own, then added together; the variable moves by that amount and passes it
 *     on along each of its links. Around a reinforcing loop every return pushes the same way, so the
 *     pulse swells; around a balancing loop the return pushes back, so every lap loses
 *     about GAIN x ABSORB of its size (0.6) and the loop settles. Only the direction of
 *     travel is compared, never the loop: the same local rule gives both behaviours.
 *   - Bounds: a pulse never exceeds PULSE_CAP, a variable never moves beyond ±LEVEL_CAP
 *     (a reinforcing loop swells up to the cap, then has nothing left to pass on), a
 *     pulse smaller than FADE dies out, at most `maxInFlight` pulses travel at once (the
 *     largest are kept) and the run ends after `maxSteps` steps. So a dense 300-variable
 *     diagram stays small and quick to compute.
 */
export const PLAY_RULE = {
  gain: 1.2,
  absorb: 0.5,
  pulseCap: 3,
  levelCap: 8,
  fade: 0.05,
  /** Steps a pulse takes along a link without a delay mark. */
  plainLag: 1,
  /** Steps along a delayed link: one of these, per link, from the seed. */
  delayLags: [2, 3] as readonly number[],
} as const

export const PLAY_LIMITS = { maxSteps: 48, maxInFlight: 240 } as const

export type PlayDirection = 1 | -1

export interface PlayGraph {
  variables: readonly { id: string }[]
  links: readonly { id: string; from: string; to: string; polarity: Polarity; delay: boolean }[]
}

export interface PlayOptions {
  maxSteps?: number
  maxInFlight?: number
}

export interface Pulse {
  linkId: string
  from: string
  to: string
  /** Signed: positive is "more", negative "less". */
  amount: number
  departs: number
  arrives: number
}

/** What happened to one variable on one step. */
export interface Arrival {
  variableId: string
  /** How much it moved (signed), after damping and the cap. */
  change: number
  /** Where it is now, relative to where it was before the play (signed). */
  level: number
  /** The change pushed back against how it had moved, and was partly absorbed. */
  absorbed: boolean
  /** It reached ±LEVEL_CAP and passes nothing further that way. */
  capped: boolean
}

export interface PlayStep {
  step: number
  arrivals: Arrival[]
  /** Links with an unknown sign where a pulse stopped on this step. */
  stopped: string[]
}

export type PlayEnd = 'settled' | 'step-limit' | 'nowhere'

export interface PlayRun {
  from: string
  direction: PlayDirection
  /** Every pulse, in order of departure (then link id). */
  pulses: Pulse[]
  /** One entry per step from 0 to `lastStep`; step 0 is the push at the start. */
  steps: PlayStep[]
  /** The last step on which anything moved or travelled. */
  lastStep: number
  /** 'nowhere': the start variable is not in the diagram. */
  end: PlayEnd
  /** Some pulses were dropped because too many travelled at once. */
  crowded: boolean
}

/** A number in [0, 1) from the seed and a link id: independent of the order links are listed in. */
function linkRandom(seed: number, linkId: string): number {
  let h = seed >>> 0
  for (let i = 0; i < linkId.length; i++) h = Math.imul(h ^ linkId.charCodeAt(i), 0x01000193) >>> 0
  return seededRandom(h)()
}

export function lagOf(link: { id: string; delay: boolean }, seed: number): number {
  if (!link.delay) return PLAY_RULE.plainLag
  const lags = PLAY_RULE.delayLags
  return lags[Math.floor(linkRandom(seed, link.id) * lags.length)]
}

const SIGN = { '+': 1, '-': -1, '?': 0 } as const
const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
const clamp = (value: number, limit: number): number => Math.max(-limit, Math.min(limit, value))

/** Run a play to its end (or its step limit). */
export function simulatePlay(graph: PlayGraph, from: string, direction: PlayDirection, seed: number, options: PlayOptions = {}): PlayRun {
  const maxSteps = Math.max(1, Math.floor(options.maxSteps ?? PLAY_LIMITS.maxSteps))
  const maxInFlight = Math.max(1, Math.floor(options.maxInFlight ?? PLAY_LIMITS.maxInFlight))
  const present = new Set(graph.variables.map((v) => v.id))
  const run: PlayRun = { from, direction, pulses: [], steps: [], lastStep: 0, end: 'settled', crowded: false }
  if (!present.has(from)) return { ...run, end: 'nowhere' }

  const out = new Map<string, PlayGraph['links'][number][]>()
  for (const link of [...graph.links].sort(byId)) {
    if (link.from === link.to || !present.has(link.from) || !present.has(link.to)) continue
    let list = out.get(link.from)
    if (!list) out.set(link.from, (list = []))
    list.push(link)
  }
  const levels = new Map<string, number>()
  // Amounts arriving per step, per variable (each pulse kept apart: each is damped on its own).
  const incoming = new Map<number, Map<string, number[]>>([[0, new Map([[from, [direction]]])]])
  const inFlightUntil: number[] = [] // arrival steps of pulses still travelling

  let step = 0
  for (; step <= maxSteps; step++) {
    const here = incoming.get(step)
    incoming.delete(step)
    const current: PlayStep = { step, arrivals: [], stopped: [] }
    run.steps.push(current)
    const departing: Pulse[] = []
    for (const [variableId, amounts] of [...(here ?? [])].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const before = levels.get(variableId) ?? 0
      // Each pulse is weighed against where the variable stood before this step, then
      // they are added: a reinforcing push and a balancing push of the same size do not
      // simply cancel; the balancing one is half absorbed, as every push back is.
      let pushed = 0
      let absorbed = false
      for (const amount of amounts) {
        const against = step > 0 && before !== 0 && Math.sign(amount) !== Math.sign(before)
        absorbed ||= against
        pushed += step === 0 ? amount : amount * (against ? PLAY_RULE.absorb : PLAY_RULE.gain)
      }
      pushed = clamp(pushed, PLAY_RULE.pulseCap)
      if (Math.abs(pushed) < PLAY_RULE.fade) continue
      const level = clamp(before + pushed, PLAY_RULE.levelCap)
      const capped = Math.abs(before + pushed) >= PLAY_RULE.levelCap
      const change = capped ? level - before : pushed
      levels.set(variableId, level)
      current.arrivals.push({ variableId, change, level, absorbed, capped })
      if (Math.abs(change) < PLAY_RULE.fade) continue
      if (step === maxSteps) {
        if (out.get(variableId)?.length) run.end = 'step-limit'
        continue
      }
      for (const link of out.get(variableId) ?? []) {
        const sign = SIGN[link.polarity]
        if (sign === 0) current.stopped.push(link.id)
        else departing.push({ linkId: link.id, from: link.from, to: link.to, amount: change * sign, departs: step, arrives: step + lagOf(link, seed) })
      }
    }
    // Keep the largest pulses when too many would travel at once (ties by link id, already in order).
    const stillTravelling = inFlightUntil.filter((arrives) => arrives > step)
    inFlightUntil.length = 0
    inFlightUntil.push(...stillTravelling)
    const room = Math.max(0, maxInFlight - inFlightUntil.length)
    if (departing.length > room) {
      run.crowded = true
      const kept = new Set([...departing].sort((a, b) => Math.abs(b.amount) - Math.abs(a.amount)).slice(0, room))
      departing.splice(0, departing.length, ...departing.filter((p) => kept.has(p)))
    }
    for (const pulse of departing) {
      run.pulses.push(pulse)
      inFlightUntil.push(pulse.arrives)
      let at = incoming.get(pulse.arrives)
      if (!at) incoming.set(pulse.arrives, (at = new Map<string, number[]>()))
      const list = at.get(pulse.to)
      if (list) list.push(pulse.amount)
      else at.set(pulse.to, [pulse.amount])
    }
    if (current.arrivals.length > 0 || departing.length > 0 || current.stopped.length > 0) run.lastStep = step
    if (incoming.size === 0) break
  }
  if (step > maxSteps && incoming.size > 0) run.end = 'step-limit'
  run.steps.length = run.lastStep + 1
  return run
}

/** Pulses on their way at a step: left on it or before, not yet arrived. */
export function pulsesAt(run: PlayRun, step: number): Pulse[] {
  return run.pulses.filter((p) => p.departs <= step && p.arrives > step)
}

/** Every variable's level at a step (only those the play has moved). */
export function levelsAt(run: PlayRun, step: number): Map<string, number> {
  const out = new Map<string, number>()
  for (const s of run.steps) {
    if (s.step > step) break
    for (const a of s.arrivals) out.set(a.variableId, a.level)
  }
  return out
}

/** How the play went through one loop: it swelled (reinforcing) or settled (balancing). */
export type LoopPlay = 'swelling' | 'settling' | 'swelled' | 'settled'

const PRESENT: Record<Exclude<LoopPolarity, '?'>, LoopPlay> = { R: 'swelling', B: 'settling' }
const PAST: Record<Exclude<LoopPolarity, '?'>, LoopPlay> = { R: 'swelled', B: 'settled' }

/**
 * The loops the pulse is in at a step. A pulse is "in" a loop once it has travelled
 * every one of the loop's links (it has gone round it), while one of those links still
 * carries a pulse; after that the loop is said to have swelled or settled. A loop with
 * an unknown sign never carries a pulse all the way round.
 */
export function loopsAt(run: PlayRun, loops: readonly Pick<Loop, 'id' | 'linkIds' | 'polarity'>[], step: number): Map<string, LoopPlay> {
  const first = new Map<string, number>()
  const busy = new Set<string>()
  for (const p of run.pulses) {
    if (p.departs > step) break
    if (!first.has(p.linkId)) first.set(p.linkId, p.departs)
    if (p.arrives > step) busy.add(p.linkId)
  }
  const out = new Map<string, LoopPlay>()
  for (const loop of loops) {
    if (loop.polarity === '?' || loop.linkIds.length === 0 || !loop.linkIds.every((id) => first.has(id))) continue
    out.set(loop.id, loop.linkIds.some((id) => busy.has(id)) ? PRESENT[loop.polarity] : PAST[loop.polarity])
  }
  return out
}

/** The loops a whole play went round, for the harvest. */
export function playOutcome(run: PlayRun, loops: readonly Pick<Loop, 'id' | 'linkIds' | 'polarity'>[]): { swelled: string[]; settled: string[] } {
  const at = loopsAt(run, loops, Number.MAX_SAFE_INTEGER)
  const pick = (kind: LoopPlay) => loops.filter((l) => at.get(l.id) === kind).map((l) => l.id)
  return { swelled: pick('swelled'), settled: pick('settled') }
}

/** "+1.2", "−0.6": how a change reads in the step table. */
export function formatChange(amount: number): string {
  const rounded = Math.round(amount * 10) / 10
  if (rounded === 0) return amount >= 0 ? '+0' : '−0'
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(1)}`
}
