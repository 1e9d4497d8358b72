import { describe, expect, it } from 'vitest'
import { boxExit, curveThrough, linkGeometry, pointAt, signPosition } from '../../../../../renderer/features/diagram/geometry'

const box = (x: number, y: number) => ({ x, y, width: 100, height: 40 })

describe('link geometry', () => {
  it('starts and ends a straight link at the edges of the two boxes', () => {
    const g = linkGeometry(box(0, 0), box(300, 0), 0, { start: 0, end: 0 })
    expect(g.start).toEqual({ x: 50, y: 0 })
    expect(g.end).toEqual({ x: 250, y: 0 })
  })

  it('bows a positive curve to the left of travel, with its midpoint where the curve says', () => {
    const g = linkGeometry(box(0, 0), box(400, 0), 0.25, { start: 0, end: 0 })
    const mid = pointAt({ start: { x: 0, y: 0 }, control: g.control, end: { x: 400, y: 0 } }, 0.5)
    // Travelling right, left is up (y decreases on screen): a quarter of the length.
    expect(mid.x).toBeCloseTo(200)
    expect(mid.y).toBeCloseTo(-100)
  })

  it('finds the curve back from a dragged midpoint, clamped to ±1', () => {
    const from = { x: 0, y: 0 }
    const to = { x: 400, y: 0 }
    expect(curveThrough(from, to, { x: 200, y: -100 })).toBe(0.25)
    expect(curveThrough(from, to, { x: 200, y: 100 })).toBe(-0.25)
    expect(curveThrough(from, to, { x: 200, y: -5000 })).toBe(1)
    expect(curveThrough(from, from, { x: 3, y: 3 })).toBe(0)
  })

  it('puts the polarity sign on the left of the arrow, near its head', () => {
    const g = linkGeometry(box(0, 0), box(400, 0), 0)
    const sign = signPosition(g)
    expect(sign.y).toBeLessThan(0)
    expect(sign.x).toBeGreaterThan(200)
  })

  it('leaves a box towards any direction through its border', () => {
    expect(boxExit(box(0, 0), { x: 0, y: 500 }, 0)).toEqual({ x: 0, y: 20 })
    expect(boxExit(box(0, 0), { x: -500, y: 0 }, 5)).toEqual({ x: -55, y: 0 })
  })
})
