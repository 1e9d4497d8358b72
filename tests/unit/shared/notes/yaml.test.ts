import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { frontMatter, plain, quoteYaml } from '../../../../shared/notes'

const HOSTILE = [
  'plain',
  'key: value # comment',
  '---',
  '...',
  '- item',
  '"quoted" and \\backslash\\',
  'line one\nline two\r\nthree\ttab',
  '&anchor *alias !tag %directive @at `tick`',
  'yes',
  'null',
  '12',
  '0x1F',
  '{ a: 1 }',
  '[1, 2]',
  'bell\u0007 del\u007f c1\u0085\u0090 bom\ufeff',
  'emoji 🌱 and lone \ud800 half',
  '',
  ' leading and trailing ',
]

describe('front matter YAML', () => {
  it('quotes every string so any YAML reader gets back exactly what was typed', () => {
    for (const text of HOSTILE) {
      // A lone surrogate half cannot be stored in UTF-8: it becomes the replacement character.
      const expected = text.replace('\ud800', '\ufffd')
      expect(parse(`value: ${quoteYaml(text)}`), JSON.stringify(text)).toEqual({ value: expected })
    }
  })

  it('writes a block that parses to the same keys and values', () => {
    const block = frontMatter([
      ['title', 'A: "title" # with --- marks'],
      ['date', plain('2026-03-12')],
      ['people', ['Ada', 'Ben: #1']],
      ['tags', []],
      ['count', 3],
      ['draft', false],
    ])
    expect(block.startsWith('---\n') && block.endsWith('\n---\n')).toBe(true)
    expect(parse(block.slice(4, -4))).toEqual({
      title: 'A: "title" # with --- marks',
      date: '2026-03-12',
      people: ['Ada', 'Ben: #1'],
      tags: [],
      count: 3,
      draft: false,
    })
  })

  it('refuses unsafe keys and plain values it did not make', () => {
    expect(() => frontMatter([['bad key', 'x']])).toThrow()
    expect(() => plain('yes')).toThrow()
    expect(() => plain('a: b')).toThrow()
  })
})
