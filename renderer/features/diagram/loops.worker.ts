// Loop analysis off the interaction path: the search can take up to about a second
// on a pathological diagram, which must never stall a drag.
// eslint-disable-next-line no-restricted-imports -- the search alone: shared/diagram's index would bring the document code (Yjs, zod schemas) into the worker for nothing
import { findLoops } from '../../../shared/diagram/loops'
import type { LoopGraph, LoopOptions } from '../../../shared/diagram'
import { errorMessage } from '../../../shared/errors'

export interface LoopRequest {
  key: string
  graph: LoopGraph
  options: LoopOptions
}

addEventListener('message', (event: MessageEvent<LoopRequest>) => {
  const { key, graph, options } = event.data
  try {
    postMessage({ key, analysis: findLoops(graph, options) })
  } catch (error) {
    postMessage({ key, error: errorMessage(error) })
  }
})
