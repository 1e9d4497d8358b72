import { useEffect, useMemo, useRef, useState } from 'react'
import * as Y from 'yjs'
import { addLine, behaviourParts, flatLine, readAxes, setAxes, strokeToLine, type BehaviourAxes } from '../../../../shared/diagram'
import type { StudioProps } from '../cld/CldStudio'
import { undoKeys } from '../cld/CldStudio'
import { UndoButtons } from '../iceberg/IcebergBoard'
import { useOwned } from '../state'
import { sameFields, sameItems, useY } from '../../../sync'
import { DIAGRAM_ORIGIN, DiagramUndo, writeStep } from '../undo'
import { LineList } from './LineList'
import { Plot, type Shaping } from './Plot'
import { CommitField, NoticeLine, Notices } from '../../../ui'
import { useT } from '../../../i18n'
import { useIcebergContent } from '../localContent'

/**
 * The behaviour-over-time graph: label what is changing and over what time, then
 * each person sketches how they see it (drag on the graph, or shape a line with the
 * arrow keys), in their own colour; the list below compares the lines.
 */
export function BehaviourGraph(props: StudioProps) {
  const { session, hub, diagramId, readOnly } = props
  const parts = useMemo(() => behaviourParts(session.doc, diagramId), [session, diagramId])
  const undo = useOwned(() => (parts ? new DiagramUndo(parts.root) : null), (u) => u?.destroy(), [parts])
  const notices = useOwned(() => new Notices(), (n) => n.destroy(), [])
  const axes = useY(parts?.axes, () => (parts ? readAxes(parts.axes) : { valueLabel: '', timeStart: '', timeEnd: '' }), sameFields)
  const ids = useY(parts?.lines, () => (parts ? lineOrder(parts.lines) : []), sameItems)
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set())
  const [hovered, setHovered] = useState<string | null>(null)
  const [shaping, setShaping] = useState<Shaping | null>(null)
  const [nextLabel, setNextLabel] = useState('')
  const plotRef = useRef<SVGSVGElement>(null)
  const t = useT()
  const guide = useIcebergContent()?.behaviourOverTime
  useEffect(() => {
    hub.publish(diagramId, {}, true)
    return () => hub.leave(diagramId)
  }, [hub, diagramId])
  if (!parts) return <p className="banner-inline">{t({ id: 'diagram.bot.missing', defaultMessage: 'This graph cannot be opened: part of it is missing. The other diagrams are not affected.' })}</p>
  if (!undo || !notices) return null

  const newLine = (points: [number, number][]): string | null =>
    writeStep(undo, notices, () =>
      addLine(session.doc, diagramId, { authorId: session.me.id, colour: session.me.colour, label: nextLabel.trim(), points }, DIAGRAM_ORIGIN),
    )
  const onStroke = (stroke: { t: number; v: number }[]): void => {
    const points = strokeToLine(stroke)
    if (!points) return notices.tell(t({ id: 'diagram.bot.tooShort', defaultMessage: 'That was too short to read as a line: drag from left to right across the graph.' }))
    if (!newLine(points)) return
    const label = nextLabel.trim()
    notices.tell(
      label
        ? t({ id: 'diagram.bot.addedLabelled', defaultMessage: 'Your line “{label}” is on the graph.' }, { label })
        : t({ id: 'diagram.bot.added', defaultMessage: 'Your line is on the graph.' }),
    )
  }
  const startKeyboardLine = (): void => {
    const id = newLine(flatLine(20, 0.5))
    if (!id) return
    setShaping({ lineId: id, step: 0 })
    plotRef.current?.focus()
    notices.tell(t({ id: 'diagram.bot.flatLine', defaultMessage: 'A flat line is on the graph. Left and right arrows pick a moment; up and down move the line there. Escape when done.' }))
  }

  return (
    <div className="bot-studio" onKeyDown={undoKeys(undo)}>
      <div className="dg-studio-toolbar" role="group" aria-label={t({ id: 'diagram.bot.tools', defaultMessage: 'Graph tools' })}>
        <label className="row small">
          <span>{t({ id: 'diagram.bot.nextLabel', defaultMessage: 'Label for my next line' })}</span>
          <input
            className="bot-next-label"
            list="bot-label-ideas"
            maxLength={80}
            value={nextLabel}
            placeholder={t({ id: 'diagram.bot.nextLabelExample', defaultMessage: 'e.g. What we hope for' })}
            onChange={(e) => setNextLabel(e.target.value)}
          />
          <datalist id="bot-label-ideas">
            {guide?.suggestedLabels.map((label) => <option key={label} value={label} />)}
          </datalist>
        </label>
        <button type="button" className="button small" disabled={readOnly} onClick={startKeyboardLine}>
          {t({ id: 'diagram.bot.keyboardLine', defaultMessage: 'Add a line with the keyboard' })}
        </button>
        <span className="grow" />
        <UndoButtons undo={undo} notices={notices} />
      </div>
      <NoticeLine notices={notices} />
      {guide && <p className="muted small bot-guide">{guide.summary} {guide.drawHint}</p>}
      <div className="bot-frame">
        <AxisInput
          className="bot-value-label"
          label={t({ id: 'diagram.bot.valueAxis', defaultMessage: 'What is changing (the up axis)' })}
          field="valueLabel"
          axes={axes}
          {...props}
          undo={undo}
          notices={notices}
          placeholder={t({ id: 'diagram.bot.valueAxisHint', defaultMessage: 'What is changing?' })}
        />
        <Plot
          ref={plotRef}
          parts={parts}
          ids={ids}
          hidden={hidden}
          hovered={hovered}
          axes={axes}
          hub={hub}
          diagramId={diagramId}
          readOnly={readOnly}
          shaping={shaping}
          onShaping={setShaping}
          onStroke={onStroke}
          doc={session.doc}
          undo={undo}
          notices={notices}
        />
        <div className="bot-time row">
          <AxisInput
            label={t({ id: 'diagram.bot.timeStarts', defaultMessage: 'Time starts' })}
            field="timeStart"
            axes={axes}
            {...props}
            undo={undo}
            notices={notices}
            placeholder={t({ id: 'diagram.bot.timeStartsHint', defaultMessage: 'Start, e.g. 2015' })}
          />
          <span className="grow bot-time-arrow" aria-hidden="true">
            {t({ id: 'diagram.bot.timeArrow', defaultMessage: 'time →' })}
          </span>
          <AxisInput
            label={t({ id: 'diagram.bot.timeEnds', defaultMessage: 'Time ends' })}
            field="timeEnd"
            axes={axes}
            {...props}
            undo={undo}
            notices={notices}
            placeholder={t({ id: 'diagram.bot.timeEndsHint', defaultMessage: 'End, e.g. 2030' })}
          />
        </div>
      </div>
      <LineList
        parts={parts}
        diagramId={diagramId}
        ids={ids}
        session={session}
        hidden={hidden}
        onHidden={setHidden}
        onHover={setHovered}
        onShape={(lineId) => {
          setShaping({ lineId, step: 0 })
          plotRef.current?.focus()
        }}
        undo={undo}
        notices={notices}
        readOnly={readOnly}
      />
    </div>
  )
}

function AxisInput(
  props: StudioProps & { label: string; field: keyof BehaviourAxes; axes: BehaviourAxes; undo: DiagramUndo; notices: Notices; placeholder: string; className?: string },
) {
  return (
    <CommitField
      className={props.className ?? 'bot-axis-input'}
      aria-label={props.label}
      placeholder={props.placeholder}
      maxLength={80}
      readOnly={props.readOnly}
      value={props.axes[props.field]}
      onCommit={(text) => writeStep(props.undo, props.notices, () => setAxes(props.session.doc, props.diagramId, { [props.field]: text }, DIAGRAM_ORIGIN))}
    />
  )
}

/** Lines in the order they were drawn (then by id, the same on every screen). */
function lineOrder(lines: Y.Map<Y.Map<unknown>>): string[] {
  const when = (entry: unknown): number => {
    const t: unknown = entry instanceof Y.Map ? entry.get('createdAt') : 0
    return typeof t === 'number' && Number.isFinite(t) ? t : 0
  }
  return [...lines.entries()].sort(([a, x], [b, y]) => when(x) - when(y) || (a < b ? -1 : 1)).map(([id]) => id)
}
