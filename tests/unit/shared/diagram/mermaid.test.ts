import { describe, expect, it } from 'vitest'
import { findLoops, mermaidText, toMermaid, type DiagramSnapshot } from '../../../../shared/diagram'

const diagram: DiagramSnapshot = {
  variables: [
    { id: 'end', label: 'Stock "A" [x] {y} (z)', x: 0, y: 0 },
    { id: 'b', label: 'Line one\nline two; 50% #1 <b>&', x: 0, y: 0 },
    { id: 'c', label: 'style:#f00;', x: 0, y: 0 },
  ],
  links: [
    { id: 'l1', from: 'end', to: 'b', polarity: '+', delay: false, curve: 0 },
    { id: 'l2', from: 'b', to: 'end', polarity: '-', delay: true, curve: 0 },
    { id: 'l3', from: 'b', to: 'c', polarity: '?', delay: false, curve: 0, label: 'says "hi" -->' },
    { id: 'gone', from: 'c', to: 'nobody', polarity: '+', delay: false, curve: 0 },
  ],
}

/** What Mermaid's quoted-string lexer accepts: anything but a double quote. */
const QUOTED = /^"[^"]*"$/

describe('toMermaid', () => {
  const text = toMermaid(diagram, { loops: findLoops(diagram).loops, loopNames: {} })
  const lines = text.trimEnd().split('\n')

  it('opens a left-to-right flowchart and declares each variable under a generated id', () => {
    expect(lines[0]).toBe('flowchart LR')
    const nodes = lines.filter((l) => /^ {4}v\d+\[/.test(l))
    expect(nodes).toHaveLength(3)
    for (const node of nodes) {
      const m = /^ {4}v\d+\[(.*)\]$/.exec(node)
      expect(m, node).not.toBeNull()
      expect(m![1]).toMatch(QUOTED)
    }
    expect(text).not.toMatch(/^\s*end\b/m)
  })

  it('writes polarity on the edge, marks delay with ||, and quotes a link label', () => {
    expect(lines).toContain('    v0 -- + --> v1')
    expect(lines).toContain('    v1 -- - || --> v0')
    const labelled = lines.find((l) => l.startsWith('    v1 -- "'))!
    expect(labelled).toMatch(/^ {4}v1 -- "[^"]*" --> v2$/)
    expect(labelled).toContain('? says #34;hi#34; --#62;')
  })

  it('escapes whatever would break the syntax and keeps line breaks', () => {
    expect(mermaidText('Line one\nline two; 50% #1 <b>&')).toBe('Line one<br>line two#59; 50#37; #35;1 #60;b#62;#38;')
    expect(mermaidText('style:#f00;').replace(/#\d+;/g, '')).not.toMatch(/[:;#]/)
    for (const line of lines.slice(1)) expect(line.startsWith('    ')).toBe(true)
    // No raw quote outside the quoted strings, no line break inside a statement.
    expect(lines.every((l) => (l.match(/"/g) ?? []).length % 2 === 0)).toBe(true)
  })

  it('leaves out links to missing variables and lists loops as comments', () => {
    expect(lines.filter((l) => l.includes('-->'))).toHaveLength(3)
    const comments = lines.filter((l) => l.startsWith('    %% '))
    expect(comments).toHaveLength(1)
    expect(comments[0]).toMatch(/^ {4}%% B1 \(balancing, 2 variables\): /)
    expect(comments[0]).not.toContain('%%{')
  })
})
