import { describe, expect, it } from 'vitest'
import { parseInline, parseProse, proseToMarkdown, type ProseInline } from '../../../../shared/notes'
import { inlineParserWork } from '../../../../shared/notes/prose'

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

  it('keeps a long line of unclosed emphasis as plain text (the work it takes is measured below)', () => {
    const line = '*a '.repeat(20_000)
    expect(parseInline(line)).toEqual([{ kind: 'text', text: line }])
  })
})

/** Lines any peer could put in the shared notes, which every other peer's preview re-parses on each change. */
const PATHOLOGICAL: Record<string, (n: number) => string> = {
  'unclosed *': (n) => '*a '.repeat(n),
  'unclosed * with one closer at the very end': (n) => `${'*a '.repeat(n)}b*`,
  '** runs': (n) => '**'.repeat(n),
  '_ runs': (n) => '_'.repeat(n),
  'unclosed _ in words': (n) => '_a '.repeat(n),
  'unclosed [': (n) => '['.repeat(n),
  'nested [': (n) => `${'['.repeat(n)}x](https://example.org)`,
  'links without an end': (n) => '[a](x'.repeat(n),
  'backticks': (n) => '`'.repeat(n),
  'every mark at once': (n) => '*_**__[`'.repeat(n),
  'four kinds of emphasis nested': (n) => '*a _b **c __d '.repeat(n),
}

function parseCounting(line: string): { parts: ProseInline[]; steps: number } {
  inlineParserWork.steps = 0
  const parts = parseInline(line)
  return { parts, steps: inlineParserWork.steps }
}

describe('reading a hostile line in linear time', () => {
  const strong = (text: string): ProseInline => ({ kind: 'strong', children: [{ kind: 'text', text }] })

  it('reads pathological lines the way it reads short ones', () => {
    const n = 20_000
    expect(parseInline(PATHOLOGICAL['unclosed *'](n))).toEqual([{ kind: 'text', text: '*a '.repeat(n) }])
    // The one closer at the end closes the first mark; the rest stay text.
    expect(parseInline(PATHOLOGICAL['unclosed * with one closer at the very end'](n))).toEqual([
      { kind: 'em', children: [{ kind: 'text', text: `a ${'*a '.repeat(n - 1)}b` }] },
    ])
    // `******` is `**` `*` `**` then a lone `*`: every five stars make one bold star.
    expect(parseInline('**'.repeat(5 * n))).toEqual(Array.from({ length: 2 * n }, () => strong('*')))
    expect(parseInline('_'.repeat(10 * n))).toEqual(Array.from({ length: 2 * n }, () => strong('_')))
    expect(parseInline(PATHOLOGICAL['unclosed _ in words'](n))).toEqual([{ kind: 'text', text: '_a '.repeat(n) }])
    expect(parseInline(PATHOLOGICAL['unclosed ['](n))).toEqual([{ kind: 'text', text: '['.repeat(n) }])
    expect(parseInline(PATHOLOGICAL['nested ['](n))).toEqual([
      { kind: 'link', href: 'https://example.org', children: [{ kind: 'text', text: `${'['.repeat(n - 1)}x` }] },
    ])
    expect(parseInline(PATHOLOGICAL['links without an end'](n))).toEqual([{ kind: 'text', text: '[a](x'.repeat(n) }])
    expect(parseInline(PATHOLOGICAL.backticks(n))).toEqual([{ kind: 'text', text: '`'.repeat(n) }])
    expect(parseInline('`a` '.repeat(n))).toEqual(
      Array.from({ length: 2 * n }, (_, i): ProseInline => (i % 2 === 0 ? { kind: 'code', text: 'a' } : { kind: 'text', text: ' ' })),
    )
    const t = (text: string): ProseInline => ({ kind: 'text', text })
    const em = (...children: ProseInline[]): ProseInline => ({ kind: 'em', children })
    const bold = (...children: ProseInline[]): ProseInline => ({ kind: 'strong', children })
    const link: ProseInline = { kind: 'link', href: 'https://example.org', children: [t('e')] }
    expect(parseInline('*a _b **c __d [e](https://example.org) d__ c** b_ a*')).toEqual([
      em(t('a '), em(t('b '), bold(t('c '), bold(t('d '), link, t(' d')), t(' c')), t(' b')), t(' a')),
    ])
  })

  it.each(Object.keys(PATHOLOGICAL))('does work in proportion to the length of the line: %s', (name) => {
    const make = PATHOLOGICAL[name]
    const small = make(2_000)
    const large = make(200_000)
    const a = parseCounting(small)
    const b = parseCounting(large)
    // A few steps per character, whatever the length (the old parser rescanned the rest of
    // the line for each unmatched mark: a hundred times the line, a ten thousand times the work).
    expect(a.steps).toBeLessThanOrEqual(8 * small.length)
    expect(b.steps).toBeLessThanOrEqual(8 * large.length)
    expect(b.steps / large.length).toBeLessThanOrEqual((a.steps / small.length) * 1.05)
  })

  it('reads ordinary prose with the same few steps per character', () => {
    const line = 'We agreed **to meet again** on _Friday_, see https://example.org/notes and [the plan](https://example.org/plan); `npm test` passes. '
    const { steps } = parseCounting(line.repeat(2_000))
    expect(steps).toBeLessThanOrEqual(8 * line.length * 2_000)
  })

  it('finds headings on lines with long runs of spaces', () => {
    // The old heading pattern backtracked over the spaces: 40,000 of them took over a second.
    const spaces = ' '.repeat(200_000)
    expect(parseProse(`# a${spaces}b`)).toEqual([{ kind: 'heading', level: 1, content: [{ kind: 'text', text: `a${spaces}b` }] }])
    expect(parseProse(`## a${spaces}##${spaces}`)).toEqual([{ kind: 'heading', level: 2, content: [{ kind: 'text', text: 'a' }] }])
    expect(parseProse('# a #b ##')).toEqual([{ kind: 'heading', level: 1, content: [{ kind: 'text', text: 'a #b' }] }])
    expect(parseProse('# ###')).toEqual([{ kind: 'heading', level: 1, content: [{ kind: 'text', text: '###' }] }])
  })

  it('ends a bare address before trailing punctuation, however much there is', () => {
    const dots = '.'.repeat(200_000)
    expect(parseInline(`see http://a.org${dots}`)).toEqual([
      { kind: 'text', text: 'see ' },
      { kind: 'link', href: 'http://a.org', children: [{ kind: 'text', text: 'http://a.org' }] },
      { kind: 'text', text: dots },
    ])
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
