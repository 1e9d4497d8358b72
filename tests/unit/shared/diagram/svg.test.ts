import { describe, expect, it } from 'vitest'
import { escapeXml, findLoops, getArchetype, toSvg, variableBox, type DiagramSnapshot } from '../../../../shared/diagram'

/** Every tag closes in order; attribute values hold no raw `<` or `"`. A tiny well-formedness check. */
function assertWellFormed(svg: string): void {
  const stack: string[] = []
  const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g
  let last = 0
  for (let m = tag.exec(svg); m; m = tag.exec(svg)) {
    const between = svg.slice(last, m.index)
    expect(between, `text before <${m[2]}>`).not.toMatch(/[<>]|&(?!amp;|lt;|gt;|quot;|#\d+;)/)
    last = tag.lastIndex
    if (m[1]) expect(stack.pop(), `closing </${m[2]}>`).toBe(m[2])
    else if (!m[4]) stack.push(m[2])
  }
  expect(svg.slice(last).trim()).toBe('')
  expect(stack).toEqual([])
}

function archetypeDiagram(id: string): DiagramSnapshot {
  const a = getArchetype(id)!
  return {
    variables: a.variables.map((v) => ({ id: v.key, label: v.label, x: v.x, y: v.y })),
    links: a.links.map((l, i) => ({ id: `l${i}`, from: l.from, to: l.to, polarity: l.polarity, delay: l.delay, curve: l.curve ?? 0 })),
  }
}

describe('toSvg', () => {
  it('draws a standalone, well-formed picture with boxes, arrows, signs, delays and loop markers', () => {
    const diagram = archetypeDiagram('fixes-that-fail')
    const loops = findLoops(diagram).loops
    const svg = toSvg(diagram, { loops, loopNames: { [loops[0].id]: 'Quick relief' }, title: 'Fixes that fail' })
    assertWellFormed(svg)
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg).not.toMatch(/<script|<style|href=|NaN|Infinity/)
    expect(svg.match(/<rect [^>]*rx="10"/g)).toHaveLength(3)
    expect(svg.match(/marker-end="url\(#arrow\)"/g)).toHaveLength(4)
    expect(svg.match(/>\u2212</g)).toHaveLength(1)
    expect(svg.match(/<line /g)).toHaveLength(2) // one delay, two strokes
    expect(svg).toMatch(/>R1<\/text>/)
    expect(svg).toMatch(/>B1<\/text>/)
    expect(svg).toContain('<title>Balancing loop: Quick relief</title>')
  })

  it('escapes labels so any text stays text', () => {
    const diagram: DiagramSnapshot = {
      variables: [
        { id: 'a', label: '<script>alert("x")</script> & \'co\'\u0007', x: 0, y: 0 },
        { id: 'b', label: 'Ünïcödé 🌍 '.repeat(20), x: 300, y: 0 },
      ],
      links: [{ id: 'l', from: 'a', to: 'b', polarity: '+', delay: false, curve: 0.2, label: '</text>' }],
    }
    const svg = toSvg(diagram)
    assertWellFormed(svg)
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;')
    expect(svg).not.toContain('\u0007')
    expect(svg).toContain('&lt;/text&gt;')
    expect(escapeXml('a"b')).toBe('a&quot;b')
  })

  it('wraps long labels into at most four lines and an empty diagram still makes a picture', () => {
    const box = variableBox('word '.repeat(60))
    expect(box.lines).toHaveLength(4)
    expect(box.lines[3].endsWith('…')).toBe(true)
    expect(box.width).toBeLessThanOrEqual(220)
    const empty = toSvg({ variables: [], links: [] })
    assertWellFormed(empty)
    expect(empty).toMatch(/viewBox="-32 -32 64 64"/)
  })

  it('bends a curved link to the left of its direction', () => {
    const diagram: DiagramSnapshot = {
      variables: [
        { id: 'a', label: 'A', x: 0, y: 0 },
        { id: 'b', label: 'B', x: 400, y: 0 },
      ],
      links: [{ id: 'l', from: 'a', to: 'b', polarity: '+', delay: false, curve: 0.25 }],
    }
    const path = /<path d="M[-\d.]+ [-\d.]+ Q([-\d.]+) ([-\d.]+) /.exec(toSvg(diagram))!
    expect(Number(path[1])).toBe(200)
    expect(Number(path[2])).toBe(-200) // left of travel to the right is up (y grows downwards)
  })
})
