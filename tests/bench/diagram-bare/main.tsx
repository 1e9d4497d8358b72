// The baseline of the diagram drag benchmark: React Flow alone, controlled the way its
// documentation shows (useNodesState), with the same nodes and links as the studio's
// diagram, default nodes and edges, no Yjs, no presence. Built by tests/bench/diagram.ts.
import { createRoot } from 'react-dom/client'
import { ReactFlow, useEdgesState, useNodesState, type Edge, type Node } from '@xyflow/react'
import '@xyflow/react/dist/style.css'

interface BenchGraph {
  nodes: { id: string; label: string; x: number; y: number }[]
  edges: { id: string; source: string; target: string }[]
  width: number
  height: number
}

const graph = (window as unknown as { __BENCH_GRAPH__: BenchGraph }).__BENCH_GRAPH__
const initialNodes: Node[] = graph.nodes.map((n) => ({ id: n.id, position: { x: n.x, y: n.y }, data: { label: n.label } }))
const initialEdges: Edge[] = graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target }))
const origin: [number, number] = [0.5, 0.5]
// The studio's zoom range and fit, so both pages show the whole graph at the same scale.
const fit = { padding: 0.2, maxZoom: 1.2 }

function Bare() {
  const [nodes, , onNodesChange] = useNodesState(initialNodes)
  const [edges, , onEdgesChange] = useEdgesState(initialEdges)
  return (
    <div style={{ width: graph.width, height: graph.height }}>
      <ReactFlow nodes={nodes} edges={edges} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} nodeOrigin={origin} minZoom={0.1} maxZoom={2.5} fitView fitViewOptions={fit} />
    </div>
  )
}

createRoot(document.getElementById('root')!).render(<Bare />)
