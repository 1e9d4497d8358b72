import {
  ANALYSIS_OPTIONS, LEVER_IDS, climateMap, combinationIssues, isLeverId, readLeverState, runScenario, setLever,
} from '../../../shared/climate'
import type { LeverId, LeverState, LeverValues, ScenarioResult } from '../../../shared/climate'
import { canFacilitate, localOrigin, peopleMap } from '../../../shared/session'
import type { Said } from '../../../shared/result'
import { type ConveningSession, throttledPresence } from '../../sync'
import { CLIMATE_FIELD, remoteDrags } from './presence'
import type { LeverDrag, RemoteDrag } from './presence'

export const CLIMATE_ORIGIN = localOrigin('climate')

/**
 * What "Reset all levers" writes into the history as the scenario's name. It is data in
 * the shared document, so it stays this English text; the history shows it in each
 * person's language (History.tsx).
 */
export const STATUS_QUO_NAME = 'the status quo'

export interface LiveSnapshot {
  /** Where every slider stands now: the document, with drags in progress on top. */
  shown: LeverValues
  /** The model's answer for `shown`, or for the last possible positions while `problem` is set. */
  result: ScenarioResult
  problem: { lever: LeverId; message: string; said?: Said } | null
  /** The document's lever state (who set what, the lock, positions it could not use). */
  doc: LeverState
  /** Other people's drags in progress. */
  remote: Partial<Record<LeverId, RemoteDrag>>
  /** My own drag in progress. */
  own: LeverDrag | null
}

// Marks for the lever benchmark (tests/bench/climatePanel.ts): cleared at once, so a
// long session does not fill the performance timeline; observers still see them.
const RUN_MARK = 'convene:climate:run'

function run(values: LeverValues): ScenarioResult {
  const start = performance.now()
  const result = runScenario(values, ANALYSIS_OPTIONS)
  performance.measure(RUN_MARK, { start, end: performance.now() })
  performance.clearMeasures(RUN_MARK)
  return result
}

/**
 * The scenario everyone is looking at, recomputed when the document, someone's drag
 * or my own drag changes: at once for the first change in an animation frame, then at
 * most once per frame (a fast drag or a stream of peers' positions never queues work).
 */
export class LiveScenario {
  private snapshot: LiveSnapshot
  private own: LeverDrag | null = null
  private remote: Partial<Record<LeverId, RemoteDrag>> = {}
  private docState: LeverState
  /** The positions `snapshot.result` was computed for. */
  private resultFor: LeverValues
  private listeners = new Set<() => void>()
  private frame: number | null = null
  private timer: ReturnType<typeof setTimeout> | undefined
  private dirty = false
  private readonly presence
  private destroyed = false

  constructor(private readonly session: ConveningSession) {
    this.docState = readLeverState(session.doc)
    this.presence = throttledPresence<LeverDrag | null>(session.awareness, CLIMATE_FIELD)
    this.remote = this.readRemote()
    const shown = this.shownValues()
    this.resultFor = this.possible(shown) ? shown : this.docState.values
    this.snapshot = { shown, result: run(this.resultFor), problem: null, doc: this.docState, remote: this.remote, own: null }
    climateMap(session.doc).observeDeep(this.onDoc)
    peopleMap(session.doc).observeDeep(this.onDoc)
    session.awareness.on('change', this.onAwareness)
  }

  destroy(): void {
    this.destroyed = true
    climateMap(this.session.doc).unobserveDeep(this.onDoc)
    peopleMap(this.session.doc).unobserveDeep(this.onDoc)
    this.session.awareness.off('change', this.onAwareness)
    if (this.frame !== null) cancelAnimationFrame(this.frame)
    clearTimeout(this.timer)
    this.presence.cancel()
    if (this.session.awareness.getLocalState() !== null) this.session.awareness.setLocalStateField(CLIMATE_FIELD, null)
  }

  get = (): LiveSnapshot => this.snapshot

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** My slider moved (not released yet): show it here and stream it to the others. */
  drag(lever: LeverId, value: number): void {
    this.own = { lever, value }
    this.presence.set(this.own)
    this.invalidate()
  }

  /** My slider was released (or stepped by a key): one write to the document. Returns a refusal, or null. */
  commit(lever: LeverId, value: number): string | null {
    const result = setLever(this.session.doc, lever, value, { by: this.session.me.id }, CLIMATE_ORIGIN)
    this.endDrag()
    return result.ok ? null : result.error.message
  }

  endDrag(): void {
    this.own = null
    this.presence.set(null)
    this.presence.flush()
    this.invalidate()
  }

  private onDoc = (): void => {
    this.docState = readLeverState(this.session.doc)
    this.remote = this.readRemote()
    this.invalidate()
  }

  private onAwareness = (): void => {
    const next = this.readRemote()
    const same = LEVER_IDS.every((id) => next[id]?.value === this.remote[id]?.value && next[id]?.personId === this.remote[id]?.personId)
    if (same) return
    this.remote = next
    this.invalidate()
  }

  private readRemote(): Partial<Record<LeverId, RemoteDrag>> {
    const locked = this.docState.lock !== null
    const doc = this.session.doc
    return remoteDrags(this.session.awareness, (personId) => !locked || canFacilitate(doc, personId))
  }

  private shownValues(): LeverValues {
    const shown = { ...this.docState.values }
    for (const drag of Object.values(this.remote)) shown[drag.lever] = drag.value
    if (this.own) shown[this.own.lever] = this.own.value
    return shown
  }

  private possible(values: LeverValues): boolean {
    return combinationIssues(values).length === 0
  }

  /** Slider positions update at once; the model runs at most once per animation frame. */
  private invalidate(): void {
    if (this.destroyed) return
    const waiting = this.frame !== null
    this.update(!waiting)
    if (waiting) {
      this.dirty = true
      return
    }
    const next = (): void => {
      if (this.frame !== null) cancelAnimationFrame(this.frame)
      clearTimeout(this.timer)
      this.frame = null
      if (this.dirty) {
        this.dirty = false
        this.invalidate()
      }
    }
    this.frame = requestAnimationFrame(next)
    // A hidden window gets no animation frames: peers' changes still land.
    this.timer = setTimeout(next, 100)
  }

  private update(runModel: boolean): void {
    const shown = this.shownValues()
    const issue = combinationIssues(shown)[0]
    const field = issue?.field?.replace(/^levers\./, '')
    const lever = field && isLeverId(field) ? field : (this.own?.lever ?? 'afforestation')
    let result = this.snapshot.result
    if (runModel && !issue && LEVER_IDS.some((id) => shown[id] !== this.resultFor[id])) {
      result = run(shown)
      this.resultFor = shown
    }
    this.snapshot = {
      shown, result, problem: issue ? { lever, message: issue.message, said: issue.said } : null, doc: this.docState, remote: this.remote, own: this.own,
    }
    for (const listener of [...this.listeners]) listener()
  }
}
