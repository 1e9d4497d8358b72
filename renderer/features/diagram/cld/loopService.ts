import { findLoops, structureKey, type LoopAnalysis, type LoopGraph, type LoopOptions } from '../../../../shared/diagram'
import { ValueStore } from '../../../sync'
import type { LoopRequest } from '../loops.worker'
import { errorMessage } from '../../../../shared/errors'

export interface LoopState {
  /** 'working' while a newer structure is being analysed (the last answer stays shown). */
  status: 'working' | 'ready' | 'failed'
  analysis: LoopAnalysis | null
  /** Why the search failed (as the search said it: the panel puts it in a sentence). */
  message?: string
}

type Reply = { key: string; analysis: LoopAnalysis } | { key: string; error: string }

const DEBOUNCE_MS = 150

/**
 * Finds the diagram's loops in a Web Worker, debounced, and only when the structure
 * changed (moving or renaming variables never re-runs it). Only the newest request
 * matters: while one runs, later changes wait for it and then send their latest.
 * Where no worker can start, it runs on the main thread after the debounce.
 */
export class LoopService {
  readonly state = new ValueStore<LoopState>({ status: 'working', analysis: null })
  private worker: Worker | null = null
  private timer: ReturnType<typeof setTimeout> | undefined
  private inFlight: string | null = null
  private latestKey = ''
  private pending: LoopRequest | null = null
  private destroyed = false

  constructor(
    private readonly readGraph: () => LoopGraph,
    private readonly options: LoopOptions = {},
  ) {
    try {
      this.worker = new Worker(new URL('../loops.worker.ts', import.meta.url), { type: 'module', name: 'convene-loops' })
      this.worker.addEventListener('message', (event: MessageEvent<Reply>) => this.onReply(event.data))
      this.worker.addEventListener('error', this.onWorkerError)
    } catch {
      this.worker = null
    }
    this.run()
  }

  destroy(): void {
    this.destroyed = true
    clearTimeout(this.timer)
    this.worker?.terminate()
    this.worker = null
  }

  /** The structure may have changed: analyse again after a short quiet spell. */
  schedule(): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => this.run(), DEBOUNCE_MS)
  }

  private run(): void {
    if (this.destroyed) return
    const graph = this.readGraph()
    const key = structureKey(graph, this.options)
    if (key === this.latestKey) return
    this.latestKey = key
    const request: LoopRequest = { key, graph: { variables: graph.variables.map((v) => ({ id: v.id })), links: graph.links.map(({ id, from, to, polarity }) => ({ id, from, to, polarity })) }, options: this.options }
    this.state.set({ ...this.state.get(), status: 'working' })
    if (this.inFlight) this.pending = request
    else this.send(request)
  }

  private send(request: LoopRequest): void {
    this.inFlight = request.key
    if (this.worker) {
      this.worker.postMessage(request)
      return
    }
    setTimeout(() => {
      if (this.destroyed) return
      try {
        this.onReply({ key: request.key, analysis: findLoops(request.graph, request.options) })
      } catch (error) {
        this.onReply({ key: request.key, error: errorMessage(error) })
      }
    }, 0)
  }

  private onReply(reply: Reply): void {
    if (this.destroyed) return
    this.inFlight = null
    const next = this.pending
    this.pending = null
    if (next) this.send(next)
    if (reply.key !== this.latestKey) return
    if ('error' in reply) this.state.set({ status: 'failed', analysis: this.state.get().analysis, message: reply.error })
    else this.state.set({ status: 'ready', analysis: reply.analysis })
  }

  /** The worker could not load (an unusual build or platform): carry on without it. */
  private onWorkerError = (): void => {
    this.worker?.terminate()
    this.worker = null
    const retry = this.inFlight
    this.inFlight = null
    if (retry) {
      this.latestKey = ''
      this.run()
    }
  }
}
