// Loop analysis off the interaction path: the search can take up to about a second
// on a pathological diagram, which must never stall a drag.
import { findLoops, type LoopOptions } from '../../../shared/diagram/loops'
import type { LoopGraph } from '../../../shared/diagram/model'
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
