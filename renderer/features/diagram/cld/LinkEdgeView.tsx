import { memo, useRef, useState, useSyncExternalStore, type PointerEvent } from 'react'
import { BaseEdge, useReactFlow, type EdgeProps } from '@xyflow/react'
import { arrowHead, curveThrough, delayMark, linkGeometry, pathOf, pointAt, signPosition, type Box, type LinkGeometry } from '../geometry'
import { useKeyed } from '../state'
import { shownCurve } from './actions'
import type { LinkEdge } from './canvasStore'
import { cx, useCld } from './context'
import { useT } from '../../../i18n'

const GLYPH = { '+': '+', '-': '−', '?': '?' } as const

/**
 * A causal link: a curve from box edge to box edge, its arrowhead, its sign near the
 * head, and two strokes across the middle when it has a delay. Selected, it shows a
 * handle that bends it (the new bend is written once, when the handle is let go).
 */
export const LinkEdgeView = memo(function LinkEdgeView({ id, sourceX, sourceY, targetX, targetY, data, selected }: EdgeProps<LinkEdge>) {
  const cld = useCld()
  const lit = useKeyed(cld.highlight, id)
  const who = useKeyed(cld.decor, id)
  const [preview, setPreview] = useState<number | null>(null)
  // The bend handle shows on a link selected alone: on a whole selection it would be clutter.
  const alone = useSyncExternalStore(cld.store.selection.subscribe, () => {
    const s = cld.store.selection.get()
    return s.links.length === 1 && s.variables.length === 0
  })
  if (!data) return null
  // React Flow gives the left-middle of each box's anchor handle; the sizes come with the link's data.
  const a: Box = { x: sourceX + data.fromSize.width / 2, y: sourceY, ...data.fromSize }
  const b: Box = { x: targetX + data.toSize.width / 2, y: targetY, ...data.toSize }
  const g = linkGeometry(a, b, preview ?? shownCurve(data.curve, data.reverse))
  const path = pathOf(g)
  const sign = signPosition(g)
  const mid = pointAt(g, 0.5)
  return (
    <g className={cx('dg-link', `dg-polarity-${data.polarity === '-' ? 'minus' : data.polarity === '+' ? 'plus' : 'unknown'}`, selected && 'is-selected', lit && 'is-lit')}>
      {who.length > 0 && <path d={path} className="dg-link-shared" stroke={who[0].colour} fill="none" />}
      <BaseEdge id={id} path={path} interactionWidth={20} className="link-path" />
      {/* The travelling dot of a played pulse: hidden until the play marks this link (PlayStage.ts), then moved by CSS alone. */}
      <path d={path} className="dg-link-pulse" pathLength={100} aria-hidden="true" />
      <path d={arrowHead(g)} className="dg-link-head" />
      {data.delay && <path d={delayMark(g)} className="dg-link-delay" />}
      <text x={sign.x} y={sign.y} className="dg-link-sign" textAnchor="middle" dominantBaseline="central">
        {GLYPH[data.polarity]}
      </text>
      {data.label && (
        <text x={mid.x} y={mid.y - 12} className="dg-link-label" textAnchor="middle">
          {data.label}
        </text>
      )}
      {selected && alone && !cld.readOnly && <CurveHandle g={g} a={a} b={b} onPreview={setPreview} onCommit={(curve) => cld.actions.setCurve(id, curve)} />}
    </g>
  )
})

function CurveHandle(props: { g: LinkGeometry; a: Box; b: Box; onPreview: (curve: number | null) => void; onCommit: (curve: number) => void }) {
  const flow = useReactFlow()
  const t = useT()
  const last = useRef<number | null>(null)
  const at = pointAt(props.g, 0.5)
  const track = (event: PointerEvent<SVGCircleElement>): void => {
    const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY })
    last.current = curveThrough(props.a, props.b, p)
    props.onPreview(last.current)
  }
  return (
    <circle
      cx={at.x}
      cy={at.y}
      r={8}
      className="dg-link-curve-handle nodrag nopan"
      aria-hidden="true"
      onPointerDown={(event) => {
        event.stopPropagation()
        event.currentTarget.setPointerCapture(event.pointerId)
        last.current = null
      }}
      onPointerMove={(event) => {
        if (event.currentTarget.hasPointerCapture(event.pointerId)) track(event)
      }}
      onPointerUp={(event) => {
        event.currentTarget.releasePointerCapture(event.pointerId)
        if (last.current !== null) props.onCommit(last.current)
        props.onPreview(null)
      }}
    >
      <title>{t({ id: 'diagram.link.bendHandle', defaultMessage: 'Drag to bend this link' })}</title>
    </circle>
  )
}
