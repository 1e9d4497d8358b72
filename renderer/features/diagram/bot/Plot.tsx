import { memo, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type Ref } from 'react'
import type * as Y from 'yjs'
import { readLine, reshapeAt, setLinePoints, valueAt, type BehaviourAxes, type BehaviourParts } from '../../../../shared/diagram'
import type { Notices } from '../../../ui'
import { useT } from '../../../i18n'
import type { PresenceHub } from '../presence'
import { DIAGRAM_ORIGIN, writeStep, type DiagramUndo } from '../undo'
import { useLine } from './lines'
import { PLOT, fromSvg, polyline, timeWords, toX, toY } from './plot'

export interface Shaping {
  lineId: string
  /** 0..STEPS along the time axis. */
  step: number
}

const STEPS = 20
const clamp = (x: number) => Math.max(0, Math.min(1, x))

interface Sketch {
  clientId: number
  colour: string
  points: [number, number][]
}

/** Other people's strokes while their pen is down (presence only). */
function useSketches(hub: PresenceHub, diagramId: string): Sketch[] {
  const [sketches, setSketches] = useState<Sketch[]>([])
  useEffect(() => {
    const read = (): void =>
      setSketches(
        hub
          .peersOn(diagramId)
          .filter((p) => p.state?.sketch && p.state.sketch.length >= 4)
          .map((p) => {
            const flat = p.state!.sketch!
            const points: [number, number][] = []
            for (let i = 0; i + 1 < flat.length; i += 2) points.push([flat[i], flat[i + 1]])
            return { clientId: p.clientId, colour: p.colour, points }
          }),
      )
    read()
    return hub.onPeers(read)
  }, [hub, diagramId])
  return sketches
}

export function Plot(props: {
  ref: Ref<SVGSVGElement>
  parts: BehaviourParts
  ids: readonly string[]
  hidden: ReadonlySet<string>
  hovered: string | null
  axes: BehaviourAxes
  hub: PresenceHub
  diagramId: string
  readOnly: boolean
  shaping: Shaping | null
  onShaping: (shaping: Shaping | null) => void
  onStroke: (stroke: { t: number; v: number }[]) => void
  doc: Y.Doc
  undo: DiagramUndo
  notices: Notices
}) {
  const { parts, hub, diagramId, shaping } = props
  const [stroke, setStroke] = useState<{ t: number; v: number }[] | null>(null)
  const [announce, setAnnounce] = useState('')
  const sketches = useSketches(hub, diagramId)
  const t = useT()
  const svg = useRef<SVGSVGElement | null>(null)

  const at = (event: PointerEvent<SVGSVGElement>): { t: number; v: number } | null => {
    const element = svg.current
    const matrix = element?.getScreenCTM()
    if (!element || !matrix) return null
    const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse())
    const { t, v } = fromSvg(p.x, p.y)
    return { t: clamp(t), v: clamp(v) }
  }
  const publish = (points: { t: number; v: number }[] | null, now = false): void => {
    const every = points ? Math.max(1, Math.ceil(points.length / 200)) : 1
    const flat = points ? points.filter((_, i) => i % every === 0).flatMap((p) => [Math.round(p.t * 1000) / 1000, Math.round(p.v * 1000) / 1000]) : null
    hub.publish(diagramId, { sketch: flat }, now)
  }

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>): void => {
    if (!shaping) return
    const entry = parts.lines.get(shaping.lineId)
    const line = entry ? readLine(shaping.lineId, entry) : null
    if (!line) return props.onShaping(null)
    const moment = shaping.step / STEPS
    let step = shaping.step
    let value = valueAt(line.points, moment)
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') step = Math.max(0, Math.min(STEPS, step + (event.key === 'ArrowLeft' ? -1 : 1)))
    else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      value = clamp(value + (event.key === 'ArrowUp' ? 1 : -1) * (event.shiftKey ? 0.2 : 0.05))
      writeStep(props.undo, props.notices, () => setLinePoints(props.doc, diagramId, line.id, reshapeAt(line.points, moment, value), DIAGRAM_ORIGIN), 'nudge', line.id)
    } else if (event.key === 'Escape' || event.key === 'Enter') {
      props.onShaping(null)
      setAnnounce(t({ id: 'diagram.bot.shapingDone', defaultMessage: 'Done shaping the line.' }))
      event.preventDefault()
      return
    } else return
    event.preventDefault()
    if (step !== shaping.step) {
      props.onShaping({ ...shaping, step })
      value = valueAt(line.points, step / STEPS)
    }
    setAnnounce(
      t(
        { id: 'diagram.bot.shapingAt', defaultMessage: '{when}: {value, number, percent} up.' },
        { when: timeWords(t, step / STEPS, props.axes.timeStart, props.axes.timeEnd), value: Math.round(value * 100) / 100 },
      ),
    )
  }

  return (
    <div className="bot-plot">
      <svg
        ref={(element) => {
          svg.current = element
          if (typeof props.ref === 'function') props.ref(element)
          else if (props.ref) props.ref.current = element
        }}
        viewBox={`0 0 ${PLOT.width} ${PLOT.height}`}
        className={shaping ? 'bot-svg is-shaping' : 'bot-svg'}
        tabIndex={0}
        role="application"
        aria-label={t(
          {
            id: 'diagram.bot.plotLabel',
            defaultMessage:
              'Behaviour over time: {name}. Drag from left to right to draw your line. {shaping, select, yes {Shaping a line: left and right arrows pick a moment, up and down move the line, Escape ends.} other {Use “Add a line with the keyboard” to draw without a mouse.}}',
          },
          { name: props.axes.valueLabel || t({ id: 'diagram.bot.unnamed', defaultMessage: 'unnamed' }), shaping: shaping ? 'yes' : 'no' },
        )}
        onKeyDown={onKeyDown}
        onPointerDown={(event) => {
          if (props.readOnly || event.button !== 0) return
          const p = at(event)
          if (!p) return
          event.currentTarget.setPointerCapture(event.pointerId)
          setStroke([p])
        }}
        onPointerMove={(event) => {
          if (!stroke) return
          const p = at(event)
          if (!p) return
          const next = [...stroke, p]
          setStroke(next)
          publish(next)
        }}
        onPointerUp={() => {
          if (!stroke) return
          props.onStroke(stroke)
          setStroke(null)
          publish(null, true)
        }}
        onPointerCancel={() => {
          setStroke(null)
          publish(null, true)
        }}
      >
        <rect x={PLOT.left} y={PLOT.top} width={PLOT.right - PLOT.left} height={PLOT.bottom - PLOT.top} className="bot-area" />
        {[0.25, 0.5, 0.75].map((v) => (
          <line key={v} x1={PLOT.left} x2={PLOT.right} y1={toY(v)} y2={toY(v)} className="bot-grid" />
        ))}
        <path d={`M${PLOT.left},${PLOT.top - 8} L${PLOT.left},${PLOT.bottom} L${PLOT.right + 8},${PLOT.bottom}`} className="bot-axes" />
        <text x={PLOT.left - 10} y={PLOT.top + 14} className="bot-axis-note" textAnchor="end">
          {t({ id: 'diagram.bot.more', defaultMessage: 'more' })}
        </text>
        <text x={PLOT.left - 10} y={PLOT.bottom - 4} className="bot-axis-note" textAnchor="end">
          {t({ id: 'diagram.bot.less', defaultMessage: 'less' })}
        </text>
        {props.ids.map((id) => (
          <LinePath key={id} lines={parts.lines} id={id} hidden={props.hidden.has(id)} hovered={props.hovered === id} dim={props.hovered !== null && props.hovered !== id} />
        ))}
        {sketches.map((s) => (
          <polyline key={s.clientId} points={polyline(s.points)} stroke={s.colour} className="bot-sketch" />
        ))}
        {stroke && <polyline points={polyline(stroke.map((p) => [p.t, p.v] as const))} className="bot-stroke" />}
        {shaping && <ShapingCursor lines={parts.lines} shaping={shaping} />}
      </svg>
      <p className="sr-only" aria-live="polite">
        {announce}
      </p>
    </div>
  )
}

const LinePath = memo(function LinePath(props: { lines: Y.Map<Y.Map<unknown>>; id: string; hidden: boolean; hovered: boolean; dim: boolean }) {
  const line = useLine(props.lines, props.id)
  if (!line || props.hidden) return null
  return <polyline points={polyline(line.points)} stroke={line.colour} className={`bot-line${props.hovered ? ' is-hovered' : ''}${props.dim ? ' is-dim' : ''}`} />
})

function ShapingCursor({ lines, shaping }: { lines: Y.Map<Y.Map<unknown>>; shaping: Shaping }) {
  const line = useLine(lines, shaping.lineId)
  if (!line) return null
  const t = shaping.step / STEPS
  return (
    <g className="bot-cursor">
      <line x1={toX(t)} x2={toX(t)} y1={PLOT.top} y2={PLOT.bottom} />
      <circle cx={toX(t)} cy={toY(valueAt(line.points, t))} r={9} stroke={line.colour} />
    </g>
  )
}
