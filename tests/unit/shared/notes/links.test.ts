import { describe, expect, it } from 'vitest'
import { isSafeHref, proseToHtml, proseToMarkdown } from '../../../../shared/notes'

/**
 * Links a peer can write in the shared notes that must not survive into either export:
 * script, data and vbscript addresses however spelt, inline, as images, by reference,
 * as autolinks, and behind block structure that could make a line look like code.
 */
const HOSTILE = [
  '[x](javascript:alert(1))',
  '![](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](&#x6A;avascript&colon;alert(1))',
  '[x](java&Tab;script:alert(1))',
  '[x](<java script:alert(1)>)',
  '[x](<javascript:alert(1)>)',
  '[x](   javascript:alert(1))',
  '[x](\njavascript:alert(1))',
  '[x](javascript:alert(1) "a title")',
  '[a [b] c](javascript:alert(1))',
  '[ok](https://example.org)[x](javascript:alert(1))',
  '[x](\\javascript:alert(1))',
  '\\\\[x](javascript:alert(1))',
  '[x\\\\](javascript:alert(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![](data:image/svg+xml,<svg onload=alert(1)>)',
  '[x](vbscript:msgbox(1))',
  '[x](https&#58;//example.org)',
  '[x][r]\n\n[r]: javascript:alert(1)',
  '[x][r]\n\n[r]:\n  javascript:alert(1)',
  '[r]: <javascript:alert(1)> "t"',
  '> [x](javascript:alert(1))',
  '- [x](javascript:alert(1))',
  '# [x](javascript:alert(1))',
  '<javascript:alert(1)>',
  '\\<javascript:alert(1)>',
  '``<javascript:alert(1)>`',
  '``[x](javascript:alert(1))`',
  '`a`` [x](javascript:alert(1))`',
  // Lines a line-by-line reader could take for code that a CommonMark reader does not.
  '\t```\n[x](javascript:alert(1))\n```',
  '  ```\n[x](javascript:alert(1))\n```',
  '- item\n  ```\n[x](javascript:alert(1))\n```',
  '``` `info`\n[x](javascript:alert(1))\n```',
  '- item\n  ```\n  x\n```\ny\n```\n[x](javascript:alert(1))\n```',
  // Links as HTML, behind what looks like inline code or code blocks, or a backslash of the writer's.
  '``<a href="javascript:alert(1)">x</a>`',
  '`a\nb` <a href="javascript:alert(1)">x</a> `c`',
  '> `a\n> b` <img src=x onerror=alert(1)> `c`',
  '\\<a href="javascript:alert(1)">x</a>',
  '\t```\n<a href="javascript:alert(1)">x</a>\n```',
]

const ENTITIES: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', sol: '/', lpar: '(', rpar: ')', period: '.' }

/** An address as a Markdown reader and then a browser see it: entities and escapes decoded, blanks dropped. */
function asBrowserSees(address: string): string {
  return address
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&([a-z]+);/gi, (entity, name: string) => ENTITIES[name.toLowerCase()] ?? entity)
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    // eslint-disable-next-line no-control-regex -- browsers drop these from addresses, so must we
    .replace(/[\u0000-\u0020]/g, '')
    .toLowerCase()
}

/**
 * Every address in `markdown` that a reader could make a link of: after each `](`, `]:`
 * or `<scheme:` not escaped by a backslash, an address on the same line or the next.
 * Generous on purpose (it ignores code): anything it lists must be a plain web or mail address.
 */
const escaped = (text: string, at: number): boolean => (/\\*$/.exec(text.slice(0, at))?.[0].length ?? 0) % 2 === 1

function linkAddresses(markdown: string): string[] {
  const found: string[] = []
  for (const match of markdown.matchAll(/\](?=[(:])|<(?=[a-z][a-z0-9+.-]{1,31}:)/gi)) {
    if (escaped(markdown, match.index)) continue
    const rest = markdown.slice(match.index + (match[0] === ']' ? 2 : 0)).replace(/^[ \t]*\n?[ \t]*/, '')
    const address = rest.startsWith('<') ? /^<([^>\n]*)/.exec(rest)![1] : /^\S*/.exec(rest)![0]
    found.push(address)
  }
  return found
}

const safe = (address: string): boolean => /^(?:https?:|mailto:)/.test(asBrowserSees(address))

describe('links in the notes, in both exports', () => {
  it.each(HOSTILE)('neither export links %j', (note) => {
    const markdown = proseToMarkdown(note, 2)
    const unsafe = linkAddresses(markdown).filter((address) => !safe(address))
    expect(unsafe, markdown).toEqual([])
    // No HTML either: every tag-like `<` is escaped.
    const tags = [...markdown.matchAll(/<(?=[a-z/!?])/gi)].filter((tag) => !escaped(markdown, tag.index))
    expect(tags, markdown).toEqual([])
    const html = proseToHtml(note, 2)
    for (const [, href] of html.matchAll(/\b(?:href|src)="([^"]*)"/g)) expect(safe(href), html).toBe(true)
    expect(html).not.toMatch(/javascript:alert\(1\)"|<svg/i)
  })

  it.each([
    // A refused link keeps its words, as text.
    ['see [x](javascript:alert(1)) and ![](JAVASCRIPT:x)', 'see [x\\](javascript:alert(1)) and ![\\](JAVASCRIPT:x)'],
    ['[r]: data:text/html,x', '[r\\]: data:text/html,x'],
    ['<javascript:alert(1)> and <vbscript:x>', '\\<javascript:alert(1)> and \\<vbscript:x>'],
    ['\\<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)>'],
    // A fence at the margin is kept exactly, links and all; an indented one is escaped.
    ['```md\n[x](javascript:alert(1)) <b>\n```\nafter', '```md\n[x](javascript:alert(1)) <b>\n```\nafter'],
    ['~~~\n[x](javascript:alert(1))', '~~~\n[x](javascript:alert(1))\n~~~'],
    ['  ```\n[x](javascript:alert(1))\n  ```', '  \\```\n[x\\](javascript:alert(1))\n  \\```'],
  ])('writes %j as %j', (note, markdown) => {
    expect(proseToMarkdown(note, 2)).toBe(markdown)
  })

  it('keeps web and mail links, images and references as written', () => {
    const note = [
      '[the plan](https://example.org/plan) and ![chart](https://example.org/c.png)',
      '[mail](mailto:ada@example.org), [wiki](https://en.wikipedia.org/wiki/Loop_(music))',
      '[ref][r] then [r]: https://example.org "title"',
      '[y]( https://example.org/b)',
    ].join('\n')
    expect(proseToMarkdown(note, 2)).toBe(note)
    // Anything in angle brackets was already escaped as tag-like, links included.
    expect(proseToMarkdown('<https://example.org>', 2)).toBe('\\<https://example.org>')
  })

  it('decides like the HTML export, by one rule', () => {
    const addresses = [
      'https://example.org',
      'HTTP://example.org/x',
      'mailto:a@b.org',
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      '&#106;avascript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      '/relative',
      '#anchor',
      'https://example.org/"onclick',
      'https://',
      'ftp://example.org',
    ]
    for (const address of addresses) {
      const html = proseToHtml(`[x](${address})`, 2)
      const markdown = proseToMarkdown(`[x](${address})`, 2)
      expect(html.includes('>x</a>'), address).toBe(isSafeHref(address))
      expect(markdown === `[x](${address})`, address).toBe(isSafeHref(address))
    }
  })

  it('reads a hostile line of link-like text in one pass', () => {
    // Every `](` here has an address that runs to the end of the line.
    const line = '[a](https://a'.repeat(100_000) + '"'
    const markdown = proseToMarkdown(line, 2)
    expect(markdown.split('\\](').length - 1).toBe(100_000)
    expect(proseToHtml(line, 2).includes('>a</a>')).toBe(false)
  })
})
