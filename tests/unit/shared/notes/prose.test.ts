import { describe, expect, it } from 'vitest'
import { parseInline, parseProse, proseToMarkdown } from '../../../../shared/notes'

describe('reading the shared notes’ light Markdown', () => {
  it('reads headings, paragraphs with line breaks, quotes, rules and code', () => {
    const blocks = parseProse('# Title\nfirst line\nsecond line\n\n> quoted\n> on\n\n***\n\n~~~\n<b>raw</b>\n~~~\nafter')
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'quote', 'rule', 'code', 'paragraph'])
    expect(blocks[1]).toEqual({ kind: 'paragraph', lines: [[{ kind: 'text', text: 'first line' }], [{ kind: 'text', text: 'second line' }]] })
    expect(blocks[4]).toEqual({ kind: 'code', text: '<b>raw</b>' })
  })

  it('reads bullet, numbered and checkbox lists, nested by indentation', () => {
    const [list] = parseProse('- [ ] open\n- [x] done\n  - child\n    - grandchild\n- plain')
    expect(list.kind).toBe('list')
    if (list.kind !== 'list') return
    expect(list.items.map((i) => i.task)).toEqual([false, true, null])
    expect(list.items[1].children[0].items[0].lines[0]).toEqual([{ kind: 'text', text: 'child' }])
    expect(list.items[1].children[0].items[0].children[0].items).toHaveLength(1)
    const [numbered] = parseProse('1. one\n2) two')
    expect(numbered.kind === 'list' && numbered.ordered).toBe(true)
  })

  it('reads bold, italics, code and links, and leaves unmatched marks as text', () => {
    expect(parseInline('**bold** and *it* and _it_ and `a*b`')).toEqual([
      { kind: 'strong', children: [{ kind: 'text', text: 'bold' }] },
      { kind: 'text', text: ' and ' },
      { kind: 'em', children: [{ kind: 'text', text: 'it' }] },
      { kind: 'text', text: ' and ' },
      { kind: 'em', children: [{ kind: 'text', text: 'it' }] },
      { kind: 'text', text: ' and ' },
      { kind: 'code', text: 'a*b' },
    ])
    expect(parseInline('2 * 3 * 4 and snake_case_name and **open')).toEqual([{ kind: 'text', text: '2 * 3 * 4 and snake_case_name and **open' }])
    expect(parseInline('see https://example.org/x. Or \\*not\\*')).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', href: 'https://example.org/x', children: [{ kind: 'text', text: 'https://example.org/x' }] },
      { kind: 'text', text: '. Or *not*' },
    ])
    expect(parseInline('[x](javascript:alert(1))')).toEqual([{ kind: 'text', text: '[x](javascript:alert(1))' }])
  })

  it('keeps a very long line as plain text rather than spending quadratic time on it', () => {
    const line = '*a '.repeat(20_000)
    const started = performance.now()
    expect(parseInline(line)).toEqual([{ kind: 'text', text: line }])
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

describe('prose in the Markdown file', () => {
  it('moves headings below the section and keeps everything else as written', () => {
    expect(proseToMarkdown('# A\n## B\n###### C\ntext **b**', 2)).toBe('### A\n#### B\n###### C\ntext **b**')
  })

  it('closes an unclosed fence and leaves fenced text untouched', () => {
    expect(proseToMarkdown('```js\n# not a heading\n<b>', 2)).toBe('```js\n# not a heading\n<b>\n```')
  })

  it('escapes tag-like text outside code, keeps comparisons readable', () => {
    expect(proseToMarkdown('<iframe src=x> a < b `<kbd>`', 2)).toBe('\\<iframe src=x> a < b `<kbd>`')
  })
})
