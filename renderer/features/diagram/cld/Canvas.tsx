import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent, type MouseEvent as ReactMouseEvent, type PointerEvent } from 'react'
import {
  Background,
  BackgroundVariant,
  ConnectionLineType,
  ConnectionMode,
  Controls,
  useReactFlow,
  type AriaLabelConfig,
  type Connection,
  type FinalConnectionState,
  type NodeChange,
  type OnMove,
  type Viewport,
} from '@xyflow/react'
import { useStore } from '../../../sync'
import type { Point } from '../geometry'
import type { LinkEdge, VariableNode } from './canvasStore'
import { cx, useCld } from './context'
import { DraftVariable } from './DraftVariable'
import { handleCanvasKey, startRename, variableRects } from './keys'
import { LinkEdgeView } from './LinkEdgeView'
import { LoopMarkers } from './LoopMarkers'
import { RemoteCursors } from './RemoteCursors'
import { FlowPortal, FlowView, type FlowProps } from './FlowView'
import { useClipboard } from './useClipboard'
import { useFollow } from './useFollow'
import { VariableNodeView } from './VariableNodeView'
import { isEditable } from '../../../ui'
import { useT } from '../../../i18n'

const nodeTypes = { variable: VariableNodeView }
const edgeTypes = { link: LinkEdgeView }
const NODE_ORIGIN: [number, number] = [0.5, 0.5]
const MULTI_SELECT = ['Shift', 'Meta', 'Control']
const FIT = { padding: 0.2, maxZoom: 1.2 }

/** What React Flow says to screen readers about the canvas, in the person's language. */
function ariaConfig(t: ReturnType<typeof useT>): Partial<AriaLabelConfig> {
  return {
    'node.a11yDescription.default': t({
      id: 'diagram.canvas.nodeHelp',
      defaultMessage: 'Enter renames the variable. Space selects it; arrow keys then move it. L links it to another variable. Delete removes it.',
    }),
    'node.a11yDescription.ariaLiveMessage': ({ direction }) =>
      t({ id: 'diagram.canvas.moved', defaultMessage: 'Moved {direction, select, up {up} down {down} left {left} right {right} other {{direction}}}.' }, { direction }),
    'edge.a11yDescription.default': t({
      id: 'diagram.canvas.edgeHelp',
      defaultMessage: 'Space selects the link. Then plus, minus or question mark sets its polarity, D marks a delay, the square brackets bend it, Delete removes it.',
    }),
    'controls.ariaLabel': t({ id: 'diagram.canvas.zoom', defaultMessage: 'Zoom' }),
    'controls.zoomIn.ariaLabel': t({ id: 'diagram.canvas.zoomIn', defaultMessage: 'Zoom in' }),
    'controls.zoomOut.ariaLabel': t({ id: 'diagram.canvas.zoomOut', defaultMessage: 'Zoom out' }),
    'controls.fitView.ariaLabel': t({ id: 'diagram.canvas.fitView', defaultMessage: 'Fit the diagram in view' }),
    'handle.ariaLabel': t({ id: 'diagram.canvas.handle', defaultMessage: 'Link handle' }),
  }
}

function clientPoint(event: MouseEvent | TouchEvent): { x: number; y: number } | null {
  if ('clientX' in event) return { x: event.clientX, y: event.clientY }
  const touch = event.changedTouches[0]
  return touch ? { x: touch.clientX, y: touch.clientY } : null
}

/**
 * The causal loop canvas: React Flow fed by the diagram's canvas store, with this
 * studio's keys, drags committed once on drop, clipboard, live cursors and follow.
 */
export function Canvas(props: { title: string; following: number | null; onStopFollowing: () => void; onOpenHelp: () => void }) {
  const cld = useCld()
  const t = useT()
  const aria = useMemo(() => ariaConfig(t), [t])
  const { diagramId, hub } = cld
  const flow = useReactFlow<VariableNode, LinkEdge>()
  const circle = useStore(cld.circle)
  const locked = useStore(cld.locked)
  const lit = useSyncExternalStore(cld.hoveredLoop.subscribe, () => cld.hoveredLoop.get() !== null)
  const wrapper = useRef<HTMLDivElement>(null)
  const size = useRef({ width: 800, height: 600 })
  const pointer = useRef<Point | null>(null)
  // Where the pane is on screen, kept between pointer moves: asking the browser on every move forces a layout mid-drag.
  const paneRect = useRef<DOMRect | null>(null)
  const toFlow = useCallback(
    (clientX: number, clientY: number): Point => {
      paneRect.current ??= wrapper.current?.querySelector('.react-flow')?.getBoundingClientRect() ?? null
      const r = paneRect.current
      if (!r) return flow.screenToFlowPosition({ x: clientX, y: clientY })
      const { x, y, zoom } = flow.getViewport()
      return { x: (clientX - r.left - x) / zoom, y: (clientY - r.top - y) / zoom }
    },
    [flow],
  )
  useEffect(() => {
    const forget = (): void => {
      paneRect.current = null
    }
    window.addEventListener('scroll', forget, true)
    window.addEventListener('resize', forget)
    return () => {
      window.removeEventListener('scroll', forget, true)
      window.removeEventListener('resize', forget)
    }
  }, [])
  // A locked diagram opens no draft on double-click and drags nothing (the actions refuse locked edits anyway).
  const editable = !cld.readOnly && !circle && !locked
  // Fit a drawing that is already there; an empty canvas keeps its place, so the first variable stays where it was put.
  const [fitOnOpen] = useState(() => cld.store.variables.size > 0)

  const viewCentre = useCallback((): Point => {
    const r = wrapper.current?.getBoundingClientRect()
    return r ? flow.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 }) : { x: 0, y: 0 }
  }, [flow])
  useEffect(() => {
    cld.viewCentre = viewCentre
    cld.viewRect = () => {
      const r = wrapper.current?.getBoundingClientRect()
      if (!r || r.width < 1 || r.height < 1) return null
      const a = flow.screenToFlowPosition({ x: r.left, y: r.top })
      const b = flow.screenToFlowPosition({ x: r.right, y: r.bottom })
      return { left: a.x, top: a.y, right: b.x, bottom: b.y }
    }
    cld.showPoint = (at) => void flow.setCenter(at.x, at.y, { zoom: flow.getZoom(), duration: 300 })
    // From the store's positions, not React Flow's measured nodes: variables added a moment ago are not measured yet.
    cld.showVariables = (ids) => {
      const boxes = variableRects(cld, ids)
      if (boxes.length === 0) return
      const x = Math.min(...boxes.map((b) => b.left))
      const y = Math.min(...boxes.map((b) => b.top))
      const bounds = { x, y, width: Math.max(...boxes.map((b) => b.right)) - x, height: Math.max(...boxes.map((b) => b.bottom)) - y }
      void flow.fitBounds(bounds, { padding: 0.25, duration: 300 }).then(() => {
        if (flow.getZoom() > 1.2) void flow.zoomTo(1.2)
      })
    }
  }, [cld, flow, viewCentre])

  useFollow(props.following, size)

  // The play marks variables and links on this canvas's own elements (never through React per frame).
  useEffect(() => {
    cld.play?.attach(wrapper.current)
    return () => cld.play?.attach(null)
  }, [cld])

  useEffect(() => {
    const element = wrapper.current
    if (!element) return
    const observer = new ResizeObserver(([entry]) => {
      paneRect.current = null
      size.current = { width: Math.max(1, entry.contentRect.width), height: Math.max(1, entry.contentRect.height) }
      hub.publish(diagramId, { viewport: { ...flow.getViewport(), ...size.current } })
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [flow, hub, diagramId])

  useClipboard(cld, wrapper, useCallback(() => pointer.current ?? viewCentre(), [viewCentre]))

  const onNodesChange = useCallback(
    (changes: NodeChange<VariableNode>[]) => {
      const nudged = cld.store.onNodesChange(changes)
      if (nudged) {
        cld.actions.move(nudged, true)
        cld.store.clearLocal(Object.keys(nudged))
      }
    },
    [cld],
  )
  const [dragging, setDragging] = useState(false)
  const onDragStart = useCallback(() => {
    cld.store.beginDrag()
    setDragging(true)
  }, [cld])
  const onDrag = useCallback(
    (_: unknown, __: unknown, dragged: VariableNode[]) => {
      if (dragged.length <= 1000) hub.publish(diagramId, { drag: Object.fromEntries(dragged.map((n) => [n.id, n.position])) })
    },
    [hub, diagramId],
  )
  const onDragStop = useCallback(() => {
    setDragging(false)
    cld.actions.move(cld.store.endDrag())
    cld.store.clearLocal()
    hub.publish(diagramId, { drag: null }, true)
  }, [cld, hub, diagramId])
  const onSelectionDrag = useCallback((event: ReactMouseEvent, dragged: VariableNode[]) => onDrag(event, null, dragged), [onDrag])

  const onConnect = useCallback(
    (connection: Connection) => {
      const id = cld.actions.link(connection.source, connection.target)
      if (id) cld.store.setSelection([id])
    },
    [cld],
  )
  const [connecting, setConnecting] = useState(false)
  const onConnectStart = useCallback(() => setConnecting(true), [])
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      setConnecting(false)
      if (state.isValid || state.toNode || !state.fromNode) return
      const at = clientPoint(event)
      if (at && !(event.target as Element | null)?.closest?.('.react-flow__node')) {
        cld.draft.set({ at: flow.screenToFlowPosition(at), from: state.fromNode.id })
      }
    },
    [cld, flow],
  )

  const { following, onStopFollowing } = props
  const onMoveStart: OnMove = useCallback(
    (event) => {
      // Only a pan or zoom by this person (with an input event) stops following.
      if (event && following !== null) onStopFollowing()
    },
    [following, onStopFollowing],
  )
  const onMove = useCallback((_: unknown, viewport: Viewport) => hub.publish(diagramId, { viewport: { ...viewport, ...size.current } }), [hub, diagramId])
  const onNodeDoubleClick = useCallback((_: ReactMouseEvent, node: VariableNode) => startRename(cld, node.id), [cld])

  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    pointer.current = toFlow(event.clientX, event.clientY)
    hub.publish(diagramId, { cursor: { x: Math.round(pointer.current.x), y: Math.round(pointer.current.y) } })
  }
  const onPointerLeave = (): void => {
    pointer.current = null
    hub.publish(diagramId, { cursor: null })
  }
  // d3-zoom cancels the pane's mousedown, so the canvas would never take focus by itself.
  const onPointerDownCapture = (event: PointerEvent<HTMLDivElement>): void => {
    const target = event.target as HTMLElement
    if (isEditable(target) || target.closest('.react-flow__node, .react-flow__edge, .react-flow__controls')) return
    wrapper.current?.focus({ preventScroll: true })
  }
  const onDoubleClick = (event: ReactMouseEvent<HTMLDivElement>): void => {
    const target = event.target as HTMLElement
    if (!editable || !target.closest('.react-flow__pane') || target.closest('.react-flow__node, .react-flow__edge, .dg-draft-variable')) return
    cld.draft.set({ at: flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }) })
  }
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const used = handleCanvasKey(event, {
      cld,
      viewCentre,
      openHelp: props.onOpenHelp,
      focusCanvas: () => wrapper.current?.focus({ preventScroll: true }),
      pan: (dx, dy) => {
        const v = flow.getViewport()
        void flow.setViewport({ ...v, x: v.x - dx, y: v.y - dy }, { duration: 120 })
      },
    })
    if (used) {
      event.preventDefault()
      event.stopPropagation()
    }
  }

  const onEdgesChange = cld.store.onEdgesChange
  const flowProps = useMemo<FlowProps>(
    () => ({
      nodeTypes,
      edgeTypes,
      nodeOrigin: NODE_ORIGIN,
      onNodesChange,
      onEdgesChange,
      onNodeDragStart: onDragStart,
      onNodeDrag: onDrag,
      onNodeDragStop: onDragStop,
      onSelectionDragStart: onDragStart,
      onSelectionDrag,
      onSelectionDragStop: onDragStop,
      onConnect,
      onConnectStart,
      onConnectEnd,
      connectionMode: ConnectionMode.Loose,
      onMoveStart,
      onMove,
      onNodeDoubleClick,
      nodesDraggable: editable,
      nodesConnectable: editable,
      deleteKeyCode: null,
      selectionKeyCode: 'Shift',
      multiSelectionKeyCode: MULTI_SELECT,
      zoomOnDoubleClick: false,
      connectionLineType: ConnectionLineType.Straight,
      connectionRadius: 30,
      minZoom: 0.1,
      maxZoom: 2.5,
      fitView: fitOnOpen,
      fitViewOptions: FIT,
      ariaLabelConfig: aria,
    }),
    [onNodesChange, onEdgesChange, onDragStart, onDrag, onDragStop, onSelectionDrag, onConnect, onConnectStart, onConnectEnd, onMoveStart, onMove, onNodeDoubleClick, editable, fitOnOpen, aria],
  )
  const overlays = useMemo(
    () => (
      <>
        <Background variant={BackgroundVariant.Dots} gap={24} size={1.6} color="#cfc9bb" />
        <Controls showInteractive={false} position="bottom-left" fitViewOptions={FIT} />
        <FlowPortal>
          <LoopMarkers />
          <RemoteCursors />
          <DraftVariable />
        </FlowPortal>
      </>
    ),
    [],
  )

  return (
    <div
      ref={wrapper}
      className={cx('cld-canvas', lit && 'has-lit', connecting && 'is-connecting', dragging && 'is-dragging')}
      tabIndex={0}
      role="region"
      aria-label={t({ id: 'diagram.canvas.label', defaultMessage: 'Canvas of “{title}”' }, { title: props.title })}
      aria-describedby="cld-canvas-help"
      onKeyDown={onKeyDown}
      onDoubleClick={onDoubleClick}
      onPointerMove={onPointerMove}
      onPointerLeave={onPointerLeave}
      onPointerDownCapture={onPointerDownCapture}
    >
      <p id="cld-canvas-help" className="sr-only">
        {t({
          id: 'diagram.canvas.help',
          defaultMessage:
            'Press N to add a variable and Tab to move between variables and links. Press question mark for every key. The Text tab beside the canvas describes the whole diagram in words.',
        })}
      </p>
      <FlowView flow={flowProps}>{overlays}</FlowView>
    </div>
  )
}
