import { memo, useEffect, useState, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { ReactFlow, useStoreApi, type ReactFlowProps } from '@xyflow/react'
import '@xyflow/react/dist/style.css'
import type { LinkEdge, VariableNode } from './canvasStore'
import { useCld } from './context'

export type FlowProps = Omit<ReactFlowProps<VariableNode, LinkEdge>, 'nodes' | 'edges' | 'children'>

/**
 * React Flow, fed by the diagram's canvas store. The `nodes` and `edges` props only
 * seed it; every later change (a drag frame, someone else's edit) goes straight into
 * React Flow's own store in the next task, the way React Flow applies a
 * drag when it holds the nodes itself. No React render of this tree happens per drag
 * frame, and its props and children (memoised by the canvas) never need to change.
 */
export const FlowView = memo(function FlowView(props: { flow: FlowProps; children: ReactNode }) {
  const cld = useCld()
  const rf = useStoreApi<VariableNode, LinkEdge>()
  const [seed] = useState(cld.store.get)
  // A passive effect on purpose: it runs after React Flow's own (which applies the seed), so the catch-up below wins.
  useEffect(() => {
    let shown = seed
    let queued = false
    const push = (): void => {
      queued = false
      const next = cld.store.get()
      const state = rf.getState()
      if (next.nodes !== shown.nodes) state.setNodes(next.nodes)
      if (next.edges !== shown.edges) state.setEdges(next.edges)
      shown = next
    }
    push()
    // One update of React Flow per task, however many changes arrive before it runs
    // (pointer moves that queue up on a busy machine share one), as React batches state.
    const channel = new MessageChannel()
    channel.port1.onmessage = push
    const stop = cld.store.subscribe(() => {
      if (queued) return
      queued = true
      channel.port2.postMessage(null)
    })
    return () => {
      stop()
      channel.port1.close()
    }
  }, [cld, rf, seed])
  return (
    <ReactFlow<VariableNode, LinkEdge> nodes={seed.nodes} edges={seed.edges} {...props.flow}>
      {props.children}
    </ReactFlow>
  )
})

/**
 * Like React Flow's ViewportPortal (children move and zoom with the diagram), but the
 * portal's element is looked up once instead of on every store update.
 */
export function FlowPortal({ children }: { children: ReactNode }) {
  const store = useStoreApi()
  const [element, setElement] = useState<Element | null>(null)
  useEffect(() => {
    const find = (): boolean => {
      const found = store.getState().domNode?.querySelector('.react-flow__viewport-portal') ?? null
      setElement(found)
      return found !== null
    }
    if (find()) return
    const stop = store.subscribe(() => {
      if (find()) stop()
    })
    return stop
  }, [store])
  return element ? createPortal(children, element) : null
}
