import { memo, useRef, useState, useSyncExternalStore } from 'react'
import { Handle, Position, type NodeProps } from '@xyflow/react'
import { useKeyed } from '../state'
import { ANCHOR, type VariableNode } from './canvasStore'
import { cx, focusVariable, useCld } from './context'
import { LockIcon } from './LockBar'
import { useT } from '../../../i18n'

/**
 * A variable on the canvas: its label, a handle to drag a link from, and the whole
 * box as a second handle: the place to drop a link on (live only while a link is
 * being drawn: see the canvas's is-connecting class) and the anchor links are drawn
 * from and to (the canvas connects in loose mode, so one handle serves both ends).
 * Two handles, as React Flow's default node has. A ring shows in the colour of each
 * other person who has it selected. It re-renders only for its own changes.
 */
export const VariableNodeView = memo(function VariableNodeView({ id, data, selected }: NodeProps<VariableNode>) {
  const cld = useCld()
  const who = useKeyed(cld.decor, id)
  const lit = useKeyed(cld.highlight, id)
  const editing = useSyncExternalStore(cld.editing.subscribe, () => cld.editing.get() === id)
  const t = useT()
  const rings = who.map((w, i) => `0 0 0 ${3 + i * 3}px ${w.colour}`).join(', ')
  return (
    <div
      className={cx('dg-variable', selected && 'is-selected', data.locked && 'is-locked', lit && 'is-lit', who.length > 0 && 'is-shared')}
      style={rings ? { boxShadow: rings } : undefined}
      title={data.label.length > 60 ? data.label : undefined}
    >
      <Handle type="source" id={ANCHOR} position={Position.Left} className="dg-variable-target" isConnectableStart={false} />
      {data.locked && <LockIcon />}
      {editing ? <RenameField id={id} label={data.label} /> : <span className="dg-variable-label">{data.label}</span>}
      <Handle type="source" position={Position.Right} className="dg-variable-source" title={t({ id: 'diagram.variable.handle', defaultMessage: 'Drag to another variable to link them' })} />
      {who.length > 0 && (
        <span className="dg-variable-who" style={{ background: who[0].colour }} aria-hidden="true">
          {who.map((w) => w.name).join(', ')}
        </span>
      )}
    </div>
  )
})

function RenameField({ id, label }: { id: string; label: string }) {
  const cld = useCld()
  const [value, setValue] = useState(label)
  const t = useT()
  const done = useRef(false)
  const finish = (commit: boolean): void => {
    if (done.current) return
    done.current = true
    cld.editing.set(null)
    if (commit && value.trim() && value.trim() !== label) cld.actions.rename(id, value)
    focusVariable(id)
  }
  return (
    <textarea
      className="dg-variable-input nodrag nowheel nopan"
      aria-label={t({ id: 'diagram.variable.name', defaultMessage: 'Variable name' })}
      value={value}
      rows={Math.min(4, Math.max(1, Math.ceil(value.length / 18)))}
      maxLength={200}
      autoFocus
      onFocus={(event) => event.currentTarget.select()}
      onChange={(event) => setValue(event.target.value)}
      onKeyDown={(event) => {
        event.stopPropagation()
        if (event.key === 'Enter' && !event.shiftKey) {
          event.preventDefault()
          finish(true)
        } else if (event.key === 'Escape') {
          event.preventDefault()
          finish(false)
        }
      }}
      onBlur={() => finish(true)}
    />
  )
}
