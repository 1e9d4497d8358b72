import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEBRIEF } from '../../../../shared/climate/debrief'
import { parseGuide, parseGuideInline } from '../../../../shared/climate/guide'

describe('the model guide', () => {
  it('reads headings, paragraphs, lists, tables, bold and italics', () => {
    const blocks = parseGuide('# Title\n\nOne **bold** and *soft*\nline.\n\n- a\n- *b*\n\n| x | y |\n|---|---|\n| 1 | **2** |\n|  | 3 |\n\n## Next')
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Title' },
      { kind: 'paragraph', content: [{ kind: 'text', text: 'One ' }, { kind: 'strong', text: 'bold' }, { kind: 'text', text: ' and ' }, { kind: 'em', text: 'soft' }, { kind: 'text', text: ' line.' }] },
      { kind: 'list', items: [[{ kind: 'text', text: 'a' }], [{ kind: 'em', text: 'b' }]] },
      {
        kind: 'table',
        header: [[{ kind: 'text', text: 'x' }], [{ kind: 'text', text: 'y' }]],
        rows: [[[{ kind: 'text', text: '1' }], [{ kind: 'strong', text: '2' }]], [[], [{ kind: 'text', text: '3' }]]],
      },
      { kind: 'heading', level: 2, text: 'Next' },
    ])
  })

  it('keeps what it does not know as text and always ends', () => {
    expect(parseGuide('| not a table\n<b>raw</b>')).toEqual([{ kind: 'paragraph', content: [{ kind: 'text', text: '| not a table <b>raw</b>' }] }])
    expect(parseGuideInline('2 * 3 = 6')).toEqual([{ kind: 'text', text: '2 * 3 = 6' }])
  })

  it('the guide in the app has its sections and its lever table', () => {
    const blocks = parseGuide(readFileSync(resolve(import.meta.dirname, '../../../../resources/climate/model-guide.md'), 'utf8'))
    const headings = blocks.filter((b) => b.kind === 'heading').map((b) => b.text)
    expect(headings).toContain('3. The levers')
    expect(headings).toContain('4. World Climate')
    const tables = blocks.filter((b) => b.kind === 'table')
    expect(tables.length).toBeGreaterThanOrEqual(2)
    expect(tables.every((t) => t.rows.every((r) => r.length === t.header.length))).toBe(true)
  })
})

describe('the debrief questions', () => {
  it('load and are our own, grouped', () => {
    expect(DEBRIEF.groups.length).toBeGreaterThanOrEqual(3)
    expect(DEBRIEF.groups.flatMap((g) => g.questions).length).toBeGreaterThanOrEqual(10)
  })
})
