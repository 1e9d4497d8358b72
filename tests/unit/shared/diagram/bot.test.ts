import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  BOT_LIMITS,
  addLine,
  createBehaviourGraph,
  deleteLine,
  describeLine,
  flatLine,
  readBehaviourGraph,
  reshapeAt,
  setAxes,
  setLineLabel,
  setLinePoints,
  strokeToLine,
  valueAt,
} from '../../../../shared/diagram'
import { ORIGIN, value } from './graphs'

const line = (points: [number, number][], label = '') => ({ authorId: 'ada', colour: '#b5446e', label, points })

describe('behaviour-over-time graph', () => {
  it('creates a graph with labelled axes and keeps each person’s lines in their colour', () => {
    const doc = new Y.Doc()
    const id = value(createBehaviourGraph(doc, { title: 'Wellbeing', valueLabel: 'Student wellbeing', timeStart: '2015', timeEnd: '2030', createdAt: 1 }, ORIGIN))
    const a = value(addLine(doc, id, { ...line([[0, 0.2], [1, 0.8]], 'What we hope for'), createdAt: 2 }, ORIGIN))
    const b = value(addLine(doc, id, { authorId: 'ben', colour: '#1f6f8b', points: [[1, 0.1], [0, 0.5]], createdAt: 3 }, ORIGIN))
    expect(readBehaviourGraph(doc, id)).toEqual({
      axes: { valueLabel: 'Student wellbeing', timeStart: '2015', timeEnd: '2030' },
      lines: [
        { id: a, authorId: 'ada', colour: '#b5446e', label: 'What we hope for', points: [[0, 0.2], [1, 0.8]], createdAt: 2 },
        { id: b, authorId: 'ben', colour: '#1f6f8b', label: '', points: [[0, 0.5], [1, 0.1]], createdAt: 3 },
      ],
    })
    value(setAxes(doc, id, { valueLabel: 'Belonging' }, ORIGIN))
    value(setLineLabel(doc, id, b, 'What we fear', ORIGIN))
    value(setLinePoints(doc, id, a, [[0, 0], [0.5, 1], [1, 0]], ORIGIN))
    const graph = readBehaviourGraph(doc, id)!
    expect(graph.axes.valueLabel).toBe('Belonging')
    expect(graph.lines.map((l) => l.label)).toEqual(['What we hope for', 'What we fear'])
    expect(graph.lines[0].points).toEqual([[0, 0], [0.5, 1], [1, 0]])
    value(deleteLine(doc, id, a, ORIGIN))
    expect(readBehaviourGraph(doc, id)!.lines.map((l) => l.id)).toEqual([b])
  })

  it('refuses lines it cannot draw, with a message, and writes nothing', () => {
    const doc = new Y.Doc()
    const id = value(createBehaviourGraph(doc, { title: 'G' }, ORIGIN))
    const before = Y.encodeStateAsUpdate(doc)
    const one = addLine(doc, id, line([[0, 0]]), ORIGIN)
    expect(one.ok || one.error.message).toBe('A line needs at least two points.')
    const many = addLine(doc, id, line(Array.from({ length: BOT_LIMITS.maxPoints + 1 }, (_, i) => [i / 200, 0.5] as [number, number])), ORIGIN)
    expect(many.ok).toBe(false)
    expect(addLine(doc, id, line([[0, 0], [1, 1]], 'x'.repeat(81)), ORIGIN).ok).toBe(false)
    expect(setAxes(doc, id, { timeEnd: 'y'.repeat(81) }, ORIGIN).ok).toBe(false)
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('reads damaged points as the usable ones, clamped into the graph', () => {
    const doc = new Y.Doc()
    const id = value(createBehaviourGraph(doc, { title: 'G' }, ORIGIN))
    const root = doc.getMap('diagrams').get(id) as Y.Map<unknown>
    const bad = new Y.Map<unknown>()
    bad.set('points', [0.5, 2, 'x', 1, 0, -3, NaN, 0.4, 1.5, 0.5])
    bad.set('colour', 42)
    ;(root.get('lines') as Y.Map<unknown>).set('bad', bad)
    const tooShort = new Y.Map<unknown>()
    tooShort.set('points', [0.1, 0.1])
    ;(root.get('lines') as Y.Map<unknown>).set('short', tooShort)
    const [read] = readBehaviourGraph(doc, id)!.lines
    expect(read.points).toEqual([[0, 0], [0.5, 1], [1, 0.5]])
    expect(read.colour).toBe('#5a666b')
    expect(readBehaviourGraph(doc, id)!.lines).toHaveLength(1)
  })

  it('turns a wobbly stroke into a line that moves forward in time', () => {
    const stroke = [
      { t: 0.1, v: 0.2 },
      { t: 0.35, v: 0.4 },
      { t: 0.33, v: 0.45 },
      { t: 0.6, v: 0.9 },
      { t: 0.9, v: 0.5 },
    ]
    const points = strokeToLine(stroke, 4)!
    expect(points.map(([t]) => t)).toEqual([...points.map(([t]) => t)].sort((a, b) => a - b))
    expect(points[0]).toEqual([0.1, 0.2])
    expect(points).toEqual([[0.1, 0.2], [0.34, 0.425], [0.6, 0.9], [0.9, 0.5]])
    expect(points[points.length - 1]).toEqual([0.9, 0.5])
    expect(strokeToLine([{ t: 0.5, v: 0.5 }])).toBeNull()
    expect(strokeToLine([{ t: 0.5, v: 0.1 }, { t: 0.502, v: 0.9 }])).toBeNull()
  })

  it('lets the keyboard shape a line point by point', () => {
    let points = flatLine(10, 0.5)
    expect(points).toHaveLength(11)
    points = reshapeAt(points, 0.5, 0.9)
    expect(valueAt(points, 0.5)).toBeCloseTo(0.9)
    expect(valueAt(points, 0)).toBe(0.5)
    expect(valueAt(points, 1)).toBe(0.5)
    points = reshapeAt(points, 0.55, 0.1)
    expect(valueAt(points, 0.55)).toBeCloseTo(0.1)
    expect(points.length).toBe(12)
  })

  it('describes a line in words', () => {
    expect(describeLine([[0, 0.1], [0.5, 0.5], [1, 0.9]])).toBe('Starts very low, rises to end very high.')
    expect(describeLine([[0, 0.5], [0.45, 0.95], [1, 0.5]])).toBe('Starts middling, peaks very high around the middle, ends about where it began (middling).')
    expect(describeLine([[0, 0.7], [0.1, 0.05], [1, 0.3]])).toBe('Starts high, dips very low early on, falls to end low.')
  })
})
