import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  PLAY_RULE,
  addLink,
  addVariable,
  createDiagram,
  findLoops,
  lagOf,
  levelsAt,
  loopsAt,
  playOutcome,
  playStepAt,
  playsSection,
  pulsesAt,
  readDiagram,
  readPlay,
  readPlayLog,
  setPlaySpeed,
  simulatePlay,
  startPlay,
  stopPlay,
  type PlayGraph,
  type Polarity,
} from '../../../../shared/diagram'
import { TestClock, convening } from '../facilitation/helpers'

type L = [from: string, to: string, polarity: Polarity, delay?: boolean]

function graph(variables: string[], links: L[]): PlayGraph {
  return {
    variables: variables.map((id) => ({ id })),
    links: links.map(([from, to, polarity, delay], i) => ({ id: `l${i}-${from}${to}`, from, to, polarity, delay: delay ?? false })),
  }
}

/** The changes arriving at one variable, step by step (after the start). */
function changesAt(run: ReturnType<typeof simulatePlay>, id: string): number[] {
  return run.steps.slice(1).flatMap((s) => s.arrivals.filter((a) => a.variableId === id).map((a) => a.change))
}

const reinforcing = graph(['births', 'population'], [
  ['births', 'population', '+'],
  ['population', 'births', '+'],
])
const balancing = graph(['population', 'deaths'], [
  ['population', 'deaths', '+'],
  ['deaths', 'population', '-'],
])

describe('playing a pulse', () => {
  it('swells round a reinforcing loop: each return is larger, until the level cap, then stops', () => {
    const run = simulatePlay(reinforcing, 'births', 1, 1)
    const back = changesAt(run, 'births')
    expect(back.length).toBeGreaterThan(2)
    for (let i = 1; i < back.length - 1; i++) expect(back[i]).toBeGreaterThan(back[i - 1])
    const final = levelsAt(run, run.lastStep)
    expect(final.get('births')).toBe(PLAY_RULE.levelCap)
    expect(run.steps.some((s) => s.arrivals.some((a) => a.capped))).toBe(true)
    expect(run.end).toBe('settled')
  })

  it('swells the same way with two negative links (less of less is more)', () => {
    const run = simulatePlay(graph(['a', 'b'], [['a', 'b', '-'], ['b', 'a', '-']]), 'a', 1, 1)
    expect(changesAt(run, 'b').every((c) => c <= 0)).toBe(true)
    expect(changesAt(run, 'b')[0]).toBeLessThan(0)
    expect(levelsAt(run, run.lastStep).get('a')).toBe(PLAY_RULE.levelCap)
  })

  it('settles round a balancing loop: each return pushes back, smaller, and the pulse dies out', () => {
    const run = simulatePlay(balancing, 'population', 1, 1)
    const back = changesAt(run, 'population')
    expect(back[0]).toBeLessThan(0)
    expect(back.some((c) => c > 0)).toBe(true)
    for (let i = 2; i < back.length; i++) expect(Math.abs(back[i])).toBeLessThan(Math.abs(back[i - 2]))
    expect(run.end).toBe('settled')
    expect(run.lastStep).toBeLessThan(40)
    const final = levelsAt(run, run.lastStep).get('population')!
    expect(Math.abs(final)).toBeLessThan(1)
    expect(final).toBeGreaterThan(0)
    expect(run.steps.some((s) => s.arrivals.some((a) => a.absorbed))).toBe(true)
  })

  it('makes "less of this" the mirror image of "more of this"', () => {
    const more = simulatePlay(balancing, 'population', 1, 9)
    const less = simulatePlay(balancing, 'population', -1, 9)
    expect(less.pulses.map((p) => -p.amount)).toEqual(more.pulses.map((p) => p.amount))
  })

  it('lags across a delayed link by two or three steps, chosen per link by the seed', () => {
    const g = graph(['a', 'b', 'c'], [['a', 'b', '+', true], ['a', 'c', '+']])
    const run = simulatePlay(g, 'a', 1, 5)
    const slow = run.pulses.find((p) => p.to === 'b')!
    const quick = run.pulses.find((p) => p.to === 'c')!
    expect(quick.arrives - quick.departs).toBe(1)
    expect([2, 3]).toContain(slow.arrives - slow.departs)
    const lags = new Set(Array.from({ length: 40 }, (_, seed) => lagOf({ id: 'l0-ab', delay: true }, seed)))
    expect(lags).toEqual(new Set([2, 3]))
    expect(pulsesAt(run, 1).map((p) => p.to)).toEqual(['b'])
  })

  it('is the same run for the same seed, whatever order the links are listed in', () => {
    const g = graph(['a', 'b', 'c', 'd'], [['a', 'b', '+', true], ['b', 'c', '-', true], ['c', 'a', '-', true], ['c', 'd', '+'], ['d', 'a', '+', true]])
    const shuffled: PlayGraph = { variables: [...g.variables].reverse(), links: [...g.links].reverse() }
    expect(simulatePlay(shuffled, 'a', 1, 42)).toEqual(simulatePlay(g, 'a', 1, 42))
    const seeds = new Set(Array.from({ length: 12 }, (_, seed) => JSON.stringify(simulatePlay(g, 'a', 1, seed).pulses.map((p) => p.arrives))))
    expect(seeds.size).toBeGreaterThan(1)
  })

  it('stops a pulse at a link of unknown sign, and says so', () => {
    const run = simulatePlay(graph(['a', 'b'], [['a', 'b', '?'], ['b', 'a', '+']]), 'a', 1, 1)
    expect(run.pulses).toEqual([])
    expect(run.steps[0].stopped).toEqual(['l0-ab'])
    expect(run.lastStep).toBe(0)
  })

  it('handles empty and degenerate diagrams', () => {
    expect(simulatePlay(graph([], []), 'x', 1, 1).end).toBe('nowhere')
    const alone = simulatePlay(graph(['a'], []), 'a', -1, 1)
    expect(alone.steps).toEqual([{ step: 0, arrivals: [{ variableId: 'a', change: -1, level: -1, absorbed: false, capped: false }], stopped: [] }])
    expect(alone.end).toBe('settled')
    // A link to itself and a link to a variable that is gone carry nothing.
    const odd = simulatePlay(graph(['a'], [['a', 'a', '+'], ['a', 'gone', '+']]), 'a', 1, 1)
    expect(odd.pulses).toEqual([])
    // A chain with no loop passes the pulse once and ends.
    const chain = simulatePlay(graph(['a', 'b', 'c'], [['a', 'b', '+'], ['b', 'c', '-']]), 'a', 1, 1)
    expect(chain.lastStep).toBe(2)
    expect(levelsAt(chain, 2).get('c')).toBeCloseTo(-PLAY_RULE.gain * PLAY_RULE.gain)
  })

  it('stays bounded on a dense 300-variable diagram: step limit, pulses in flight, amounts and levels', () => {
    const n = 300
    const ids = Array.from({ length: n }, (_, i) => `v${String(i).padStart(3, '0')}`)
    const links: L[] = []
    for (let i = 0; i < n; i++) for (const d of [1, 7, 31]) links.push([ids[i], ids[(i + d) % n], (i + d) % 3 === 0 ? '-' : '+', i % 5 === 0])
    const g = graph(ids, links)
    const started = performance.now()
    const run = simulatePlay(g, ids[0], 1, 3)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(run.lastStep).toBeLessThanOrEqual(48)
    // Every loop here is reinforcing somewhere: the variables swell to the cap and the run ends there.
    expect(run.end).toBe('settled')
    expect(run.crowded).toBe(true)
    for (let step = 0; step <= run.lastStep; step++) expect(pulsesAt(run, step).length).toBeLessThanOrEqual(240)
    for (const p of run.pulses) expect(Math.abs(p.amount)).toBeLessThanOrEqual(PLAY_RULE.pulseCap)
    for (const level of levelsAt(run, run.lastStep).values()) expect(Math.abs(level)).toBeLessThanOrEqual(PLAY_RULE.levelCap)
    const small = simulatePlay(g, ids[0], 1, 3, { maxSteps: 5, maxInFlight: 10 })
    expect(small.lastStep).toBeLessThanOrEqual(5)
    expect(small.end).toBe('step-limit')
    for (let step = 0; step <= small.lastStep; step++) expect(pulsesAt(small, step).length).toBeLessThanOrEqual(10)
  })

  it('lights the loop the pulse is in once it has gone round, and says how it went', () => {
    const g = graph(['births', 'population', 'deaths'], [
      ['births', 'population', '+'],
      ['population', 'births', '+'],
      ['population', 'deaths', '+'],
      ['deaths', 'population', '-'],
    ])
    const loops = findLoops(g).loops
    const r = loops.find((l) => l.polarity === 'R')!
    const b = loops.find((l) => l.polarity === 'B')!
    const run = simulatePlay(g, 'births', 1, 1)
    expect(loopsAt(run, loops, 0).size).toBe(0)
    expect(loopsAt(run, loops, 2).get(r.id)).toBe('swelling')
    expect(loopsAt(run, loops, 2).get(b.id)).toBe('settling')
    expect(loopsAt(run, loops, run.lastStep + 1).get(r.id)).toBe('swelled')
    expect(playOutcome(run, loops)).toEqual({ swelled: [r.id], settled: [b.id] })
    // The balancing loop's push back is half absorbed, so it slows the swelling without cancelling it:
    // population grows in ever smaller steps while births reach their limit.
    const population = changesAt(run, 'population')
    expect(population.length).toBeGreaterThan(3)
    expect(population.slice(0, 8).every((c) => c > 0)).toBe(true)
    for (let i = 1; i < 8; i++) expect(population[i]).toBeLessThan(population[i - 1])
    expect(levelsAt(run, run.lastStep).get('population')).toBeGreaterThan(5)
    expect(levelsAt(run, run.lastStep).get('births')).toBe(PLAY_RULE.levelCap)
    expect(run.steps.some((s) => s.arrivals.some((a) => a.variableId === 'population' && a.absorbed))).toBe(true)
  })
})

describe('the shared play record', () => {
  function diagram(doc: Y.Doc): { id: string; births: string } {
    const id = createDiagram(doc, { title: 'Population' }, 'test')
    if (!id.ok) throw new Error('no diagram')
    const births = addVariable(doc, id.value, { label: 'Births', x: 0, y: 0 }, 'test')
    const population = addVariable(doc, id.value, { label: 'Population', x: 100, y: 0 }, 'test')
    if (!births.ok || !population.ok) throw new Error('no variables')
    addLink(doc, id.value, { from: births.value, to: population.value }, 'test')
    addLink(doc, id.value, { from: population.value, to: births.value }, 'test')
    return { id: id.value, births: births.value }
  }

  it('is written by a facilitator, read on every machine at the same step, and stopped for everyone', () => {
    const doc = convening()
    const { id, births } = diagram(doc)
    const fran = new TestClock(1_000_000)
    const started = startPlay(doc, id, { from: births, direction: 1, seed: 7, speed: 1.5, swelled: ['R1 Growth'] }, 'fran', fran, 'test')
    expect(started.ok).toBe(true)
    const play = readPlay(doc, id)!
    expect(play).toMatchObject({ from: births, direction: 1, seed: 7, speed: 1.5, by: 'fran', atStep: 0 })
    // Pat's clock is 5 minutes behind Fran's: both see step 3 two seconds in.
    const pat = new TestClock(1_000_000 - 300_000, { fran: 300_000 })
    fran.advance(2000)
    pat.advance(2000)
    expect(playStepAt(play, fran.now(), 0)).toBe(3)
    expect(playStepAt(play, pat.now(), pat.offsetTo(play.clockOf))).toBe(3)
    // A quicker speed carries on from the step reached.
    expect(setPlaySpeed(doc, id, 3, 'fran', fran, 'test').ok).toBe(true)
    const quicker = readPlay(doc, id)!
    expect(playStepAt(quicker, fran.now(), 0)).toBe(3)
    expect(playStepAt(quicker, fran.now() + 1000, 0)).toBe(6)
    expect(stopPlay(doc, id, 'fran', 'test').ok).toBe(true)
    expect(readPlay(doc, id)).toBeNull()
    expect(readPlayLog(doc, id).map((e) => [e.fromLabel, e.swelled])).toEqual([['Births', ['R1 Growth']]])
  })

  it('refuses a practitioner, and every reader ignores a record a practitioner wrote anyway', () => {
    const doc = convening()
    const { id, births } = diagram(doc)
    const clock = new TestClock(5)
    expect(startPlay(doc, id, { from: births, direction: 1 }, 'pia', clock, 'test').ok).toBe(false)
    expect(readPlay(doc, id)).toBeNull()
    // A modified app writes straight into the document.
    const root = doc.getMap('diagrams').get(id) as Y.Map<unknown>
    doc.transact(() => {
      root.set('play', { id: 'x', from: births, direction: 1, seed: 1, startedAt: 5, atStep: 0, speed: 1.5, by: 'pia', clockOf: 'pia' })
      const log = new Y.Map<unknown>()
      root.set('playLog', log)
      log.set('x', { from: births, fromLabel: 'Births', direction: 1, at: 5, by: 'pia', swelled: [], settled: [] })
    })
    expect(readPlay(doc, id)).toBeNull()
    expect(readPlayLog(doc, id)).toEqual([])
    expect(stopPlay(doc, id, 'pia', 'test').ok).toBe(false)
    // The same record from a co-facilitator plays; a malformed one does not.
    doc.transact(() => root.set('play', { id: 'y', from: births, direction: 1, seed: 1, startedAt: 5, atStep: 0, speed: 1.5, by: 'cole', clockOf: 'cole' }))
    expect(readPlay(doc, id)?.by).toBe('cole')
    doc.transact(() => root.set('play', { id: 'z', from: births, direction: 2, seed: 1, startedAt: 5, atStep: 0, speed: 1.5, by: 'cole', clockOf: 'cole' }))
    expect(readPlay(doc, id)).toBeNull()
  })

  it('puts each play in the harvest under its diagram, and keeps the log short', () => {
    const doc = convening()
    const { id, births } = diagram(doc)
    const clock = new TestClock(Date.UTC(2026, 2, 12, 14, 5))
    startPlay(doc, id, { from: births, direction: -1, settled: ['B1 Mortality'] }, 'fran', clock, 'test')
    const content = playsSection.collect(doc, { viewerId: null, timeZone: 'UTC', now: clock.now() })!
    expect(content.blocks[0]).toEqual({ kind: 'heading', level: 3, text: 'Population' })
    expect(JSON.stringify(content.blocks[1])).toContain('14:05')
    expect(JSON.stringify(content.blocks[1])).toContain('played a pulse: less Births.')
    expect(JSON.stringify(content.blocks[1])).toContain('Settled: B1 Mortality.')
    for (let i = 0; i < 45; i++) startPlay(doc, id, { from: births, direction: 1 }, 'fran', clock.advance(1000), 'test')
    expect(readPlayLog(doc, id)).toHaveLength(40)
    expect(readDiagram(doc, id)?.variables).toHaveLength(2)
  })
})
