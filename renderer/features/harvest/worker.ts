// The harvest worker: runs export jobs (jobs.ts) away from the page's main thread.
import { runHarvestJob, type HarvestJobMessage, type HarvestJobRequest } from './jobs'
import { errorMessage } from '../../../shared/errors'

// The web tsconfig has DOM types, not WebWorker ones: name only what is used here.
interface WorkerScope {
  onmessage: ((event: MessageEvent<HarvestJobRequest>) => void) | null
  postMessage(message: HarvestJobMessage, transfer?: Transferable[]): void
}
const scope = self as unknown as WorkerScope

scope.onmessage = (event) => {
  const request = event.data
  try {
    const result = runHarvestJob(request, (done, total, label) => scope.postMessage({ id: request.id, type: 'progress', done, total, label }))
    const transfer: Transferable[] = []
    if (result.kind === 'markdown') transfer.push(result.zip.buffer as ArrayBuffer)
    if (result.kind === 'archive') transfer.push(result.archive.buffer as ArrayBuffer)
    scope.postMessage({ id: request.id, type: 'done', result }, transfer)
  } catch (error) {
    scope.postMessage({ id: request.id, type: 'error', message: errorMessage(error) })
  }
}
