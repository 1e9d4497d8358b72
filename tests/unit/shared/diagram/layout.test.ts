import { describe, expect, it } from 'vitest'
import { connectionCircleLayout, countCrossings, freePlace, loopMarkerPosition, type Rect } from '../../../../shared/diagram'
import { randomGraph, seededRandom } from './graphs'

function crossingsOf(positions: Record<string, { x: number; y: number }>, links: readonly { from: string; to: string }[], centre: { x: number; y: number }) {
  const ids = Object.keys(positions).sort(
    (a, b) => angle(positions[a], centre) - angle(positions[b], centre),
  )
  const index = new Map(ids.map((id, i) => [id, i]))
  return countCrossings(
    ids.map((_, i) => i),
    links.map((l) => [index.get(l.from)!, index.get(l.to)!] as [number, number]),
  )
}
const angle = (p: { x: number; y: number }, c: { x: number; y: number }) => Math.atan2(p.y - c.y, p.x - c.x)

describe('connectionCircleLayout', () => {
  it('puts every variable on one circle, evenly spaced, starting at the top', () => {
    const g = randomGraph(3, { variables: 12, links: 20 })
    const positions = connectionCircleLayout(g, { center: { x: 0, y: 0 }, spacing: 170 })
    const radii = Object.values(positions).map((p) => Math.hypot(p.x, p.y))
    expect(Object.keys(positions)).toHaveLength(12)
    for (const r of radii) expect(r).toBeCloseTo(radii[0], 0)
    expect(Object.values(positions).some((p) => Math.abs(p.x) < 0.1 && p.y < 0)).toBe(true)
    const sorted = Object.values(positions).sort((a, b) => angle(a, { x: 0, y: 0 }) - angle(b, { x: 0, y: 0 }))
    const gaps = sorted.map((p, i) => Math.hypot(p.x - sorted[(i + 1) % 12].x, p.y - sorted[(i + 1) % 12].y))
    for (const gap of gaps) expect(gap).toBeCloseTo(170, -1)
  })

  it('crosses fewer links than a random order', () => {
    let better = 0
    for (let seed = 1; seed <= 20; seed++) {
      const g = randomGraph(seed, { variables: 16, links: 24 })
      const centre = { x: 500, y: 500 }
      const laidOut = crossingsOf(connectionCircleLayout(g, { center: centre }), g.links, centre)
      const random = seededRandom(seed)
      const shuffled = g.variables.map((v) => v.id).sort(() => random() - 0.5)
      const index = new Map(shuffled.map((id, i) => [id, i]))
      const randomCrossings = countCrossings(
        shuffled.map((_, i) => i),
        g.links.map((l) => [index.get(l.from)!, index.get(l.to)!] as [number, number]),
      )
      expect(laidOut, `seed ${seed}`).toBeLessThanOrEqual(randomCrossings)
      if (laidOut < randomCrossings) better++
    }
    expect(better).toBeGreaterThan(15)
  })

  it('keeps a ring in ring order, with no crossing at all', () => {
    const n = 10
    const g = {
      variables: Array.from({ length: n }, (_, i) => ({ id: `v${(i * 7) % n}` })),
      links: Array.from({ length: n }, (_, i) => ({ from: `v${i}`, to: `v${(i + 1) % n}` })),
    }
    const centre = { x: 0, y: 0 }
    expect(crossingsOf(connectionCircleLayout(g, { center: centre }), g.links, centre)).toBe(0)
  })

  it('counts crossing chords', () => {
    expect(countCrossings([0, 1, 2, 3], [[0, 2], [1, 3]])).toBe(1)
    expect(countCrossings([0, 1, 2, 3], [[0, 1], [2, 3]])).toBe(0)
    expect(countCrossings([0, 1, 2, 3], [[0, 2], [2, 3]])).toBe(0)
  })
})

describe('loopMarkerPosition', () => {
  it('sits in the middle of the loop’s variables', () => {
    const positions = { a: { x: 0, y: 0 }, b: { x: 300, y: 0 }, c: { x: 0, y: 300 } }
    expect(loopMarkerPosition({ variableIds: ['a', 'b', 'c'] }, positions)).toEqual({ x: 100, y: 100 })
    expect(loopMarkerPosition({ variableIds: ['x'] }, positions)).toBeNull()
  })
})

describe('freePlace: where a new variable or pattern goes', () => {
  const view: Rect = { left: 0, top: 0, right: 1000, bottom: 600 }
  const box = (x: number, y: number, w = 150, h = 48): Rect => ({ left: x - w / 2, top: y - h / 2, right: x + w / 2, bottom: y + h / 2 })
  const overlaps = (a: Rect, b: Rect, gap = 0): boolean => a.left < b.right + gap && a.right > b.left - gap && a.top < b.bottom + gap && a.bottom > b.top - gap
  const inside = (a: Rect, v: Rect): boolean => a.left >= v.left && a.right <= v.right && a.top >= v.top && a.bottom <= v.bottom

  it('an empty map takes it in the middle of the view', () => {
    expect(freePlace({ width: 150, height: 48 }, [], view, { x: 500, y: 300 })).toEqual({ at: { x: 500, y: 300 }, inView: true })
  })

  it('never covers a variable, stays in view, and stays near the middle', () => {
    const occupied = [box(500, 300), box(700, 300), box(300, 300), box(500, 200)]
    const place = freePlace({ width: 150, height: 48 }, occupied, view, { x: 500, y: 300 })
    const placed = box(place.at.x, place.at.y)
    expect(place.inView).toBe(true)
    expect(inside(placed, view)).toBe(true)
    for (const r of occupied) expect(overlaps(placed, r, 40)).toBe(false)
    expect(Math.hypot(place.at.x - 500, place.at.y - 300)).toBeLessThan(200)
  })

  it('a whole pattern lands beside what is drawn, not on top of it', () => {
    const map = [box(450, 280), box(560, 330), box(500, 380)]
    const pattern = { width: 420, height: 260 }
    const wide: Rect = { left: 0, top: 0, right: 1400, bottom: 800 }
    const place = freePlace(pattern, map, wide, { x: 500, y: 300 })
    const placed = box(place.at.x, place.at.y, pattern.width, pattern.height)
    expect(place.inView).toBe(true)
    expect(inside(placed, wide)).toBe(true)
    for (const r of map) expect(overlaps(placed, r, 40)).toBe(false)
  })

  it('when the view is full it goes to the right of the whole map and says it is out of view', () => {
    const occupied: Rect[] = []
    for (let x = 0; x <= 1000; x += 100) for (let y = 0; y <= 600; y += 60) occupied.push(box(x, y, 80, 30))
    occupied.push(box(1800, 100))
    const place = freePlace({ width: 150, height: 48 }, occupied, view, { x: 500, y: 300 })
    expect(place.inView).toBe(false)
    const placed = box(place.at.x, place.at.y)
    for (const r of occupied) expect(overlaps(placed, r, 40)).toBe(false)
    expect(place.at.x).toBeGreaterThan(1800)
  })
})
