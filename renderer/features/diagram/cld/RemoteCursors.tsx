import { memo } from 'react'
import { useStore as useFlowStore } from '@xyflow/react'
import { useStore } from '../../../sync'
import { useCld } from './context'
import type { RemoteCursor } from './session'

/**
 * Other people's pointers, in flow coordinates: each person may zoom and pan their
 * own way, and a cursor still points at the same variable. Drawn at the same size
 * whatever the zoom.
 */
export function RemoteCursors() {
  const cld = useCld()
  const cursors = useStore(cld.cursors)
  const zoom = useFlowStore((s) => s.transform[2])
  return (
    <div className="dg-remote-cursors" aria-hidden="true">
      {cursors.map((c) => (
        <Cursor key={c.clientId} cursor={c} scale={1 / zoom} />
      ))}
    </div>
  )
}

const Cursor = memo(function Cursor({ cursor, scale }: { cursor: RemoteCursor; scale: number }) {
  return (
    <div className="dg-remote-cursor" style={{ transform: `translate(${cursor.x}px, ${cursor.y}px) scale(${scale})`, color: cursor.colour }}>
      <svg width="20" height="22" viewBox="0 0 20 22">
        <path d="M2 2 L2 18 L6.5 13.8 L9.6 20.5 L12.6 19.1 L9.6 12.6 L15.6 12.4 Z" fill="currentColor" stroke="#fff" strokeWidth="1.5" strokeLinejoin="round" />
      </svg>
      <span className="dg-remote-cursor-name" style={{ background: cursor.colour }}>
        {cursor.name}
      </span>
    </div>
  )
})
