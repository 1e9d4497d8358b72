import { describe, expect, it } from 'vitest'
import { createLoopAnalyzer, findLoops } from '../../../../shared/diagram/loops'
import type { LoopGraph, Polarity } from '../../../../shared/diagram/model'
import { bruteForceLoops, randomGraph } from './graphs'

function graph(links: [string, string, Polarity?][], extraVariables: string[] = []): LoopGraph {
  const ids = new Set(extraVariables)
  for (const [a, b] of links) ids.add(a).add(b)
  return {
    variables: [...ids].map((id) => ({ id })),
    links: links.map(([from, to, polarity = '+'], i) => ({ id: `l${i}`, from, to, polarity })),
  }
}

describe('findLoops against a brute-force oracle', () => {
  it('lists exactly the same loops on 300 random small graphs', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const n = 2 + (seed % 9)
      const g = randomGraph(seed, { variables: n, links: Math.floor(n * (1 + (seed % 4) * 0.6)), parallel: 0.1, unknown: 0.1 })
      const maxLength = 2 + (seed % 7)
      const expected = bruteForceLoops(g, { maxLength, findLonger: true })
      const actual = findLoops(g, { maxLength, maxLoops: 100_000 })
      expect(actual.loops, `seed ${seed}`).toEqual(expected.loops)
      expect(actual.capped.count).toBe(false)
      expect(actual.capped.length, `seed ${seed} length cap`).toBe(expected.longer)
    }
  })

  it('keeps exactly the shortest loops when the count cap is reached', () => {
    for (let seed = 1000; seed < 1100; seed++) {
      const g = randomGraph(seed, { variables: 9, links: 22, parallel: 0.1 })
      const expected = bruteForceLoops(g, { maxLength: 9 })
      const maxLoops = 1 + (seed % 12)
      const actual = findLoops(g, { maxLength: 9, maxLoops })
      expect(actual.loops, `seed ${seed}`).toEqual(expected.loops.slice(0, maxLoops))
      expect(actual.capped.count, `seed ${seed}`).toBe(expected.total > maxLoops)
    }
  })
})

describe('findLoops on hand-made diagrams', () => {
  it('finds nothing in a chain and reports no cap', () => {
    const result = findLoops(graph([['a', 'b'], ['b', 'c'], ['c', 'd']]))
    expect(result.loops).toEqual([])
    expect(result.capped).toEqual({ length: false, count: false })
  })

  it('starts a loop at its smallest variable id and lines links up with variables', () => {
    const result = findLoops(graph([['c', 'a'], ['a', 'b'], ['b', 'c']]))
    expect(result.loops).toHaveLength(1)
    expect(result.loops[0]).toMatchObject({ variableIds: ['a', 'b', 'c'], linkIds: ['l1', 'l2', 'l0'], length: 3 })
  })

  it('reads polarity: even negatives reinforce, odd balance, any unknown is unknown', () => {
    const cases: [Polarity[], string][] = [
      [['+', '+'], 'R'],
      [['-', '-'], 'R'],
      [['+', '-'], 'B'],
      [['-', '-', '-'], 'B'],
      [['+', '?'], '?'],
      [['-', '?', '-'], '?'],
    ]
    for (const [signs, expected] of cases) {
      const ids = signs.map((_, i) => `v${i}`)
      const g = graph(signs.map((p, i) => [ids[i], ids[(i + 1) % ids.length], p]))
      expect(findLoops(g).loops[0].polarity, signs.join(' ')).toBe(expected)
    }
  })

  it('treats parallel links between the same pair as distinct loops', () => {
    const g: LoopGraph = {
      variables: [{ id: 'a' }, { id: 'b' }],
      links: [
        { id: 'ab1', from: 'a', to: 'b', polarity: '+' },
        { id: 'ab2', from: 'a', to: 'b', polarity: '-' },
        { id: 'ba', from: 'b', to: 'a', polarity: '+' },
      ],
    }
    const loops = findLoops(g).loops
    expect(loops.map((l) => l.linkIds).sort()).toEqual([['ab1', 'ba'], ['ab2', 'ba']])
    expect(loops.map((l) => l.polarity).sort()).toEqual(['B', 'R'])
    expect(new Set(loops.map((l) => l.id)).size).toBe(2)
  })

  it('skips self-links and links to missing variables, and says which', () => {
    const g: LoopGraph = {
      variables: [{ id: 'a' }, { id: 'b' }],
      links: [
        { id: 'self', from: 'a', to: 'a', polarity: '+' },
        { id: 'ghost', from: 'a', to: 'gone', polarity: '+' },
        { id: 'ab', from: 'a', to: 'b', polarity: '+' },
        { id: 'ba', from: 'b', to: 'a', polarity: '-' },
      ],
    }
    const result = findLoops(g)
    expect(result.loops.map((l) => l.linkIds)).toEqual([['ab', 'ba']])
    expect(result.skipped).toEqual({ selfLinks: ['self'], danglingLinks: ['ghost'] })
  })

  it('reports the length cap only when a longer loop really exists', () => {
    const ring = (n: number) => graph(Array.from({ length: n }, (_, i) => [`v${i}`, `v${(i + 1) % n}`] as [string, string]))
    expect(findLoops(ring(6), { maxLength: 5 }).capped.length).toBe(true)
    expect(findLoops(ring(6), { maxLength: 6 }).capped.length).toBe(false)
    // A long chain of two-variable loops has long paths but no long loop.
    const chain = graph(Array.from({ length: 40 }, (_, i) => [[`v${i}`, `v${i + 1}`], [`v${i + 1}`, `v${i}`]] as [string, string][]).flat())
    const result = findLoops(chain, { maxLength: 4 })
    expect(result.loops).toHaveLength(40)
    expect(result.capped.length).toBe(false)
  })

  it('handles a long ring without overflowing the stack', () => {
    const n = 5000
    const g = graph(Array.from({ length: n }, (_, i) => [`v${i}`, `v${(i + 1) % n}`] as [string, string]))
    const result = findLoops(g, { maxLength: n })
    expect(result.loops).toHaveLength(1)
    expect(result.loops[0].length).toBe(n)
  })

  it('answers a dense diagram of 300 variables within its caps', () => {
    const g = randomGraph(7, { variables: 300, links: 1200 })
    const result = findLoops(g, { maxLength: 12, maxLoops: 200 })
    expect(result.loops).toHaveLength(200)
    expect(result.capped.count).toBe(true)
    const lengths = result.loops.map((l) => l.length)
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b))
  })
})

describe('createLoopAnalyzer', () => {
  it('reuses its answer when only positions change and recomputes when a link changes', () => {
    const analyze = createLoopAnalyzer()
    const base = graph([['a', 'b'], ['b', 'a']])
    const first = analyze(base)
    const moved = { ...base, variables: base.variables.map((v) => ({ ...v, x: 99 })) }
    expect(analyze(moved)).toBe(first)
    const flipped = { ...base, links: base.links.map((l, i) => (i === 0 ? { ...l, polarity: '-' as const } : l)) }
    const second = analyze(flipped)
    expect(second).not.toBe(first)
    expect(second.loops[0].polarity).toBe('B')
  })
})
