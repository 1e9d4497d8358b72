import { runHarvestJob, type HarvestJobMessage, type HarvestJobRequest, type HarvestJobResult } from './jobs'

export type JobProgress = (done: number, total: number, label: string) => void

interface Pending {
  request: HarvestJobRequest
  resolve: (result: HarvestJobResult) => void
  reject: (error: Error) => void
  progress: JobProgress
}

/**
 * Runs export jobs in a Web Worker, so a large convening is written out while people
 * keep typing. Where a worker cannot start (an old browser, a page opened from a
 * file), jobs run on the page instead, after letting it paint.
 */
class HarvestRunner {
  private worker: Worker | null | undefined
  private nextId = 1
  private readonly pending = new Map<number, Pending>()

  run(request: Omit<HarvestJobRequest, 'id'>, progress: JobProgress = () => undefined): Promise<HarvestJobResult> {
    const id = this.nextId++
    return new Promise<HarvestJobResult>((resolve, reject) => {
      const job: Pending = { request: { ...request, id }, resolve, reject, progress }
      const worker = this.ensureWorker()
      if (!worker) return this.runHere(job)
      this.pending.set(id, job)
      // The state is copied, not transferred: the caller may reuse its bytes.
      worker.postMessage(job.request)
    })
  }

  private ensureWorker(): Worker | null {
    if (this.worker !== undefined) return this.worker
    try {
      const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'convene-harvest' })
      worker.onmessage = (event: MessageEvent<HarvestJobMessage>) => this.onMessage(event.data)
      worker.onerror = (event) => {
        event.preventDefault()
        this.giveUpOnWorker()
      }
      this.worker = worker
    } catch {
      this.worker = null
    }
    return this.worker
  }

  private onMessage(message: HarvestJobMessage): void {
    const job = this.pending.get(message.id)
    if (!job) return
    if (message.type === 'progress') return job.progress(message.done, message.total, message.label)
    this.pending.delete(message.id)
    if (message.type === 'done') job.resolve(message.result)
    else job.reject(new Error(message.message))
  }

  /** The worker could not load: run what it held here, and every later job too. */
  private giveUpOnWorker(): void {
    this.worker?.terminate()
    this.worker = null
    const jobs = [...this.pending.values()]
    this.pending.clear()
    for (const job of jobs) this.runHere(job)
  }

  private runHere(job: Pending): void {
    setTimeout(() => {
      try {
        job.resolve(runHarvestJob(job.request, job.progress))
      } catch (error) {
        job.reject(error instanceof Error ? error : new Error(String(error)))
      }
    }, 0)
  }
}

let runner: HarvestRunner | null = null

/** The page's one harvest runner (its worker lives as long as the page). */
export function harvestRunner(): HarvestRunner {
  runner ??= new HarvestRunner()
  return runner
}
