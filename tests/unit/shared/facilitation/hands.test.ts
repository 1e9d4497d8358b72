import { describe, expect, it } from 'vitest'
import { lowerAllHands, lowerHand, raiseHand, readHands, runMap } from '../../../../shared/facilitation'
import { convening, replica, sync } from './helpers'

const queue = (doc: Parameters<typeof readHands>[0]): string[] => readHands(doc).map((h) => h.personId)

describe('raised hands', () => {
  it('queue in the order they went up, the same on every screen', () => {
    const doc = convening()
    raiseHand(doc, 'pia', 1)
    const pats = replica(doc)
    raiseHand(pats, 'pat', 2)
    sync(doc, pats)
    raiseHand(doc, 'cole', 3)
    sync(doc, pats)
    expect(queue(doc)).toEqual(['pia', 'pat', 'cole'])
    expect(queue(pats)).toEqual(queue(doc))
  })

  it('raised at the same moment on two machines, they stand in a stable order everywhere', () => {
    const doc = convening()
    const other = replica(doc)
    raiseHand(doc, 'pia', 1)
    raiseHand(other, 'pat', 1)
    sync(doc, other)
    expect(queue(doc)).toEqual(['pat', 'pia'])
    expect(queue(other)).toEqual(['pat', 'pia'])
  })

  it('come down by their owner or a facilitator; nobody else', () => {
    const doc = convening()
    raiseHand(doc, 'pia', 1)
    raiseHand(doc, 'pat', 2)
    expect(lowerHand(doc, 'pat', 'pia').ok).toBe(false)
    expect(lowerHand(doc, 'pat', 'pat').ok).toBe(true)
    expect(lowerHand(doc, 'cole', 'pia').ok).toBe(true)
    expect(queue(doc)).toEqual([])
    raiseHand(doc, 'pia', 3)
    raiseHand(doc, 'pat', 4)
    expect(lowerAllHands(doc, 'pia').ok).toBe(false)
    expect(lowerAllHands(doc, 'fran').ok).toBe(true)
    expect(queue(doc)).toEqual([])
  })

  it('ignore a hand raised in someone else’s name', () => {
    const doc = convening()
    runMap(doc).set('hand:pat', { seq: 1, at: 1, by: 'pia' })
    expect(queue(doc)).toEqual([])
  })
})
