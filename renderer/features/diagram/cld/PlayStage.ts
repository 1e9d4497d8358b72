import type * as Y from 'yjs'
import { newSeed } from '../../../../shared/conversation'
import {
  PLAY_RULE,
  levelsAt,
  loopNumbers,
  playOutcome,
  setPlaySpeed,
  startPlay,
  stopPlay,
  loopsAt,
  playStepAt,
  pulsesAt,
  readPlay,
  simulatePlay,
  type DiagramParts,
  type LoopPlay,
  type PlayRecord,
  type PlayRun,
  type PlaySpeed,
  type Pulse,
} from '../../../../shared/diagram'
import type { ClockReader } from '../../../../shared/facilitation'
import { localOrigin, peopleMap } from '../../../../shared/session'
import { ValueStore } from '../../../sync'
import { KeyedStore } from '../state'
import type { CanvasStore } from './canvasStore'
import type { LoopService } from './loopService'

/** Plays are not edits of the drawing: undo (which tracks the diagram's own origin) never takes one back. */
export const PLAY_ORIGIN = localOrigin('diagram-play')

function byId<E extends Element>(container: HTMLElement, selector: string): Map<string, E> {
  const out = new Map<string, E>()
  for (const el of container.querySelectorAll<E>(selector)) {
    const id = el.getAttribute('data-id')
    if (id) out.set(id, el)
  }
  return out
}

function unmark(el: HTMLElement | SVGElement | undefined): void {
  if (!el) return
  delete el.dataset.play
  delete el.dataset.playNow
}

const samePlay = (a: PlayRecord | null, b: PlayRecord | null): boolean => JSON.stringify(a) === JSON.stringify(b)

/** At most this many travelling dots are drawn at once (the largest pulses): the rest of a crowded step shows as lit links only. */
const MAX_DOTS = 60

/**
 * The play on this screen. The document holds only the record (who started it, from
 * where, the seed, when, how fast: shared/diagram/playRecord.ts); every peer runs the
 * same simulation from it and works out the step from its own clock and its offset to
 * the writer's, so a play started at T is at the same step on every screen.
 *
 * Drawing never goes through React per frame: a requestAnimationFrame loop only works
 * out the step, and when the step changes (a few times a second) it sets data
 * attributes and CSS variables on the canvas's own elements (the variables' and links'
 * wrappers) and the travelling dots run as CSS animations. React re-renders only the
 * play bar and the loops that light, once per step.
 */
export class PlayStage {
  readonly record = new ValueStore<PlayRecord | null>(null, samePlay)
  readonly run = new ValueStore<PlayRun | null>(null)
  /** The step everyone is at (whole steps; past the end once the pulse has died out). */
  readonly step = new ValueStore(0)
  /** With reduced motion: the step this person is reading in the table (their own). */
  readonly localStep = new ValueStore(0)
  readonly reducedMotion = new ValueStore(false)
  /** The loops the pulse is in (or went round), by loop id. */
  readonly loops = new KeyedStore<LoopPlay | null>(null)
  /** The facilitator's "Play" setup is open. */
  readonly setupOpen = new ValueStore(false)
  /** The variable the setup starts from (the one selected when Play was pressed). */
  readonly setupFrom = new ValueStore<string | null>(null)

  private container: HTMLElement | null = null
  private frame = 0
  private shown = -1
  private marked = { variables: new Set<string>(), links: new Set<string>() }
  private readonly dotPhase = new Map<string, number>()
  private readonly cleanups: (() => void)[] = []
  private destroyed = false

  constructor(
    private readonly doc: Y.Doc,
    private readonly diagramId: string,
    private readonly parts: DiagramParts,
    private readonly store: CanvasStore,
    private readonly loopService: LoopService,
    readonly clock: ClockReader,
    readonly me: string,
  ) {
    const onRoot = (event: Y.YMapEvent<unknown>): void => {
      if (event.keysChanged.has('play')) this.refresh()
    }
    parts.root.observe(onRoot)
    // A grant or a role taken back changes whose record counts.
    const people = peopleMap(doc)
    const onPeople = (): void => this.refresh()
    people.observeDeep(onPeople)
    const media = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia('(prefers-reduced-motion: reduce)') : null
    const onMedia = (): void => this.reducedMotion.set(media?.matches ?? false)
    media?.addEventListener('change', onMedia)
    onMedia()
    this.cleanups.push(
      () => parts.root.unobserve(onRoot),
      () => people.unobserveDeep(onPeople),
      () => media?.removeEventListener('change', onMedia),
      store.structure.subscribe(() => this.simulate()),
      loopService.state.subscribe(() => this.lightLoops()),
      this.localStep.subscribe(() => this.draw()),
      this.reducedMotion.subscribe(() => this.draw(true)),
    )
    this.refresh()
  }

  destroy(): void {
    this.destroyed = true
    cancelAnimationFrame(this.frame)
    for (const cleanup of this.cleanups) cleanup()
    this.clear()
  }

  /**
   * Start a play for everyone (facilitators only: the shared helper refuses anyone
   * else). The harvest's line about it is worked out here, from the same seed every
   * screen will run: which loops the pulse goes round and how each behaved.
   */
  start(from: string, direction: 1 | -1, speed: PlaySpeed): string | null {
    const seed = newSeed()
    const analysis = this.loopService.state.get().analysis
    const run = simulatePlay({ variables: [...this.store.variables.values()], links: this.store.drawnLinks() }, from, direction, seed)
    const loops = analysis?.loops ?? []
    const outcome = playOutcome(run, loops)
    const numbers = loopNumbers(loops, this.store.loopNumbers.get())
    const names = this.store.loopNames.get()
    const label = (id: string): string => [numbers.get(id) ?? '', names[id] ?? ''].filter(Boolean).join(' ')
    const result = startPlay(
      this.doc,
      this.diagramId,
      { from, direction, speed, seed, swelled: outcome.swelled.map(label), settled: outcome.settled.map(label) },
      this.me,
      this.clock,
      PLAY_ORIGIN,
    )
    return result.ok ? null : result.error.message
  }

  stop(): string | null {
    const result = stopPlay(this.doc, this.diagramId, this.me, PLAY_ORIGIN)
    return result.ok ? null : result.error.message
  }

  setSpeed(speed: PlaySpeed): string | null {
    const result = setPlaySpeed(this.doc, this.diagramId, speed, this.me, this.clock, PLAY_ORIGIN)
    return result.ok ? null : result.error.message
  }

  /** The canvas element whose variables and links the play marks (set by the canvas). */
  attach(container: HTMLElement | null): void {
    this.clear()
    this.container = container
    this.draw(true)
  }

  /** The step drawn on the canvas: everyone's, or with reduced motion, this person's own. */
  shownStep(): number {
    const run = this.run.get()
    const step = this.reducedMotion.get() ? this.localStep.get() : this.step.get()
    return run ? Math.min(step, run.lastStep + 1) : 0
  }

  private refresh(): void {
    if (this.destroyed) return
    const before = this.record.get()
    const next = readPlay(this.doc, this.diagramId)
    this.record.set(next)
    if (next?.id !== before?.id || next?.seed !== before?.seed) {
      this.localStep.set(0)
      this.simulate()
    }
    this.loop()
  }

  /** The same run on every peer: the same diagram, start, direction and seed. */
  private simulate(): void {
    const record = this.record.get()
    if (!record) {
      this.run.set(null)
    } else {
      const graph = { variables: [...this.store.variables.values()], links: this.store.drawnLinks() }
      this.run.set(simulatePlay(graph, record.from, record.direction, record.seed))
    }
    this.draw(true)
  }

  private loop = (): void => {
    cancelAnimationFrame(this.frame)
    const record = this.record.get()
    const run = this.run.get()
    if (!record || !run || this.destroyed) {
      this.step.set(0)
      return
    }
    const at = playStepAt(record, this.clock.now(), this.clock.offsetTo(record.clockOf))
    const step = Math.min(Math.floor(at), run.lastStep + 1)
    this.step.set(step)
    this.draw()
    // Once the pulse has died out nothing moves: stop asking for frames until the record changes.
    if (step <= run.lastStep) this.frame = requestAnimationFrame(this.loop)
  }

  private draw(force = false): void {
    const step = this.shownStep()
    if (!force && step === this.shown) return
    this.shown = step
    this.lightLoops()
    this.paint(step)
  }

  private lightLoops(): void {
    const run = this.run.get()
    const analysis = this.loopService.state.get().analysis
    this.loops.replaceAll(run && analysis ? loopsAt(run, analysis.loops, this.shownStep()) : new Map())
  }

  private clear(): void {
    const c = this.container
    if (!c) return
    for (const el of c.querySelectorAll<HTMLElement | SVGElement>('[data-play]')) unmark(el)
    this.marked = { variables: new Set(), links: new Set() }
  }

  private paint(step: number): void {
    const c = this.container
    const run = this.run.get()
    const record = this.record.get()
    if (!c) return
    if (!run || !record) {
      this.clear()
      return
    }
    // One scan of the canvas per step (a selector per element would scan it hundreds of times).
    const nodes = byId<HTMLElement>(c, '.react-flow__node')
    const edges = byId<SVGElement>(c, '.react-flow__edge')
    const levels = levelsAt(run, step)
    const now = new Set(run.steps[step]?.arrivals.map((a) => a.variableId) ?? [])
    const variables = new Set<string>()
    for (const [id, level] of levels) {
      const el = nodes.get(id)
      if (!el) continue
      variables.add(id)
      el.dataset.play = level >= 0 ? 'more' : 'less'
      el.dataset.playNow = now.has(id) ? 'yes' : 'no'
      el.style.setProperty('--play-level', String(Math.min(1, Math.abs(level) / PLAY_RULE.levelCap).toFixed(2)))
    }
    for (const id of this.marked.variables) if (!variables.has(id)) unmark(nodes.get(id))
    // One dot per link: the newest pulse on it. Its animation starts where the pulse is
    // now (a negative delay), so a screen that joins mid-play shows it mid-way too.
    const newest = new Map<string, Pulse>()
    for (const p of pulsesAt(run, step)) newest.set(p.linkId, p)
    const dots = new Set([...newest.values()].sort((a, b) => Math.abs(b.amount) - Math.abs(a.amount)).slice(0, MAX_DOTS))
    const at = playStepAt(record, this.clock.now(), this.clock.offsetTo(record.clockOf))
    const links = new Set<string>()
    for (const [id, pulse] of newest) {
      const el = edges.get(id)
      if (!el) continue
      links.add(id)
      el.dataset.play = pulse.amount >= 0 ? 'more' : 'less'
      const fresh = this.dotPhase.get(id) !== pulse.departs
      el.dataset.playNow = dots.has(pulse) ? 'yes' : 'no'
      if (fresh && dots.has(pulse)) {
        this.dotPhase.set(id, pulse.departs)
        const seconds = (pulse.arrives - pulse.departs) / record.speed
        const into = Math.max(0, Math.min(at, pulse.arrives) - pulse.departs) / record.speed
        el.style.setProperty('--pulse-duration', `${seconds.toFixed(3)}s`)
        el.style.setProperty('--pulse-delay', `${(-into).toFixed(3)}s`)
        el.style.setProperty('--pulse-size', String(Math.min(1, Math.abs(pulse.amount) / PLAY_RULE.pulseCap).toFixed(2)))
        // Two names for one animation, alternated: a new pulse on the same link restarts it.
        el.dataset.pulsePhase = el.dataset.pulsePhase === 'a' ? 'b' : 'a'
      }
    }
    for (const id of this.marked.links) {
      if (links.has(id)) continue
      this.dotPhase.delete(id)
      unmark(edges.get(id))
    }
    this.marked = { variables, links }
  }
}
