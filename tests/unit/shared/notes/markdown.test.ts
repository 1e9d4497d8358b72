import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { collectHarvest, harvestFolder, harvestToMarkdown } from '../../../../shared/notes'
import { findLoops, loopNumbers, readDiagram } from '../../../../shared/diagram'
import { ADA, BEN, CLEO, CREATED_AT, CONVENING_ID, TITLE, sampleConvening } from './sample'
import { flowchartProblems } from './mermaid-check'

const NOW = Date.UTC(2026, 2, 14, 16, 0)

function markdownOf() {
  const sample = sampleConvening()
  const harvest = collectHarvest(sample.doc, { now: NOW })
  return { sample, harvest, markdown: harvestToMarkdown(harvest) }
}

function frontMatterOf(markdown: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown)
  expect(match, 'front matter at the very top').not.toBeNull()
  return parse(match![1]) as Record<string, unknown>
}

function sectionOf(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`)
  expect(start, `section ${title}`).toBeGreaterThan(0)
  const next = markdown.indexOf('\n## ', start + 4)
  return markdown.slice(start, next === -1 ? undefined : next)
}

describe('the Markdown notes', () => {
  it('open with YAML front matter that note tools read: title, date, people, tags', () => {
    const { markdown } = markdownOf()
    const fm = frontMatterOf(markdown)
    expect(fm.title).toBe(TITLE)
    // The day in the facilitator's time zone (Lisbon), as a plain ISO date.
    expect(fm.date).toBe('2026-03-12')
    expect(fm.people).toEqual([ADA.name, BEN.name, CLEO.name])
    expect(fm.tags).toEqual(expect.arrayContaining(['convene', 'convening', 'causal-loop-diagram', 'action-items']))
    expect(fm.convening).toBe(CONVENING_ID)
    expect(fm.exported).toBe('2026-03-14T16:00:00Z')
    // The hostile title cannot end the front matter or start a second document.
    const block = /^---\n([\s\S]*?)\n---\n/.exec(markdown)![1]
    expect(block).not.toMatch(/^(---|\.\.\.)/m)
    expect(block.split('\n').every((line) => /^([a-z]+:( .*)?| {2}- ".*")$/.test(line))).toBe(true)
  })

  it('give each part its own heading in a stable order, under one title', () => {
    const { markdown } = markdownOf()
    const headings = markdown.match(/^## .*$/gm)
    expect(headings).toEqual(['## People', '## Shared notes', '## Action items', '## Diagrams'])
    expect(markdown.match(/^# .*$/gm)).toHaveLength(1)
    expect(markdown).toContain('# Spring / gathering: "day one" --- \\<script\\>alert(1)\\</script\\>')
    expect(markdown).toContain('Convened on 12 March 2026 · 3 people · exported from Convene on 14 March 2026.')
  })

  it('list everyone with their role, escaping what would be markup', () => {
    const people = sectionOf(markdownOf().markdown, 'People')
    expect(people).toContain('- **Ada "the host"** — Facilitator · Europe/Lisbon')
    expect(people).toContain('- **Ben: \\#1 \\<b\\>** — Practitioner · America/Bogota')
    expect(people).toContain('- **Cleo** — Mentor')
  })

  it('keep the shared notes as written, with headings moved under the section and nothing that escapes it', () => {
    const notes = sectionOf(markdownOf().markdown, 'Shared notes')
    expect(notes).toContain('\n### Check-in\n')
    expect(notes).toContain('One word each: **curious**, *tired*, `hopeful`.')
    expect(notes).toContain('- [ ] send the slides\n- [x] book the room')
    expect(notes).toContain('  - nested point')
    expect(notes).toContain('\\<img src=x onerror=alert(1)> and a < b')
    // `---` under a line stays a rule instead of making that line a heading.
    expect(notes).toContain('Underlined?\n\n---')
    // The writer's unclosed fence is closed before the next section starts.
    expect(notes.trimEnd().endsWith('an unclosed fence\n```')).toBe(true)
  })

  it('write action items as a checklist with owners (by current name) and due dates', () => {
    const actions = sectionOf(markdownOf().markdown, 'Action items')
    expect(actions).toContain(`- [ ] Send the harvest to everyone — **Ada "the host"** 📅 2026-03-20`)
    expect(actions).toContain('- [ ] Draft the \\| letter \\*now\\* — **The Lisbon hub**')
    expect(actions).toContain('- [ ] Book the room\n')
  })

  it('show each diagram as an SVG file beside the notes, valid Mermaid, and every loop with name and polarity', () => {
    const { sample, harvest, markdown } = markdownOf()
    const diagrams = sectionOf(markdown, 'Diagrams')
    expect(diagrams).toContain('### Why the garden grows')
    expect(diagrams).toContain('![Why the garden grows: causal loop diagram with 4 variables](images/diagram-1.svg)')
    const { files } = harvestFolder(harvest)
    const svg = files.find((f) => f.path === 'images/diagram-1.svg')
    expect(svg && typeof svg.data === 'string' && svg.data.startsWith('<svg')).toBe(true)

    const mermaid = /```mermaid\n([\s\S]*?)```/.exec(diagrams)
    expect(mermaid).not.toBeNull()
    expect(flowchartProblems(mermaid![1])).toEqual([])
    expect(mermaid![1].match(/-->/g)).toHaveLength(5)

    const diagram = readDiagram(sample.doc, sample.diagramId)!
    const loops = findLoops(diagram).loops
    expect(loops.length).toBe(2)
    const numbers = loopNumbers(loops)
    for (const loop of loops) {
      const word = loop.polarity === 'R' ? 'reinforcing' : 'balancing'
      expect(diagrams).toMatch(new RegExp(`^- \\*\\*${numbers.get(loop.id)}\\*\\*.* — ${word}: `, 'm'))
    }
    // A loop is written from its smallest variable id, so either rotation may come first.
    expect(diagrams).toMatch(/^- \*\*R1\*\* \*\*Seed bank \\\[growth\\\]\*\* — reinforcing: (Plants → Seeds "saved" → Plants|Seeds "saved" → Plants → Seeds "saved")$/m)
    expect(diagrams).toMatch(/^- \*\*B1\*\* — balancing: (Plants → Water \\\| use → Plants|Water \\\| use → Plants → Water \\\| use)$/m)
    expect(diagrams).toContain('- **Plants:** Counted in \\*beds\\*')
    // The empty diagram is named and said to be empty; it has no image.
    expect(diagrams).toContain('### Untitled diagram\n\n*Causal loop diagram with nothing drawn yet.*')
    expect(harvest.files).toHaveLength(1)
  })

  it('are named after the title, safely, as a folder with the note and its images', () => {
    const { harvest } = markdownOf()
    const { folder, files } = harvestFolder(harvest)
    expect(folder).not.toMatch(/[/\\:*?"<>|]/)
    expect(folder.startsWith('Spring - gathering- -day one-')).toBe(true)
    expect(files.map((f) => f.path)).toEqual([`${folder}.md`, 'images/diagram-1.svg'])
  })

  it('say what is missing when a part of the document is malformed, and still export the rest', () => {
    const { doc } = sampleConvening()
    doc.transact(() => {
      doc.getMap('diagrams').set('junk', 'not a diagram')
      doc.getArray('actions').push([42, { id: 'x' }])
    })
    const harvest = collectHarvest(doc, {
      now: NOW,
      extraSections: [{ id: 'broken', title: 'Broken part', order: 99, collect: () => { throw new Error('boom') } }],
    })
    const markdown = harvestToMarkdown(harvest)
    expect(markdown).toContain('### Why the garden grows')
    expect(markdown.match(/^- \[[ x]\] /gm)?.length).toBeGreaterThanOrEqual(5)
    expect(sectionOf(markdown, 'Broken part')).toContain('could not be read')
    expect(harvest.parts.find((p) => p.id === 'broken')?.failed).toBe(true)
  })

  it('are a short note for an empty convening, dated by its creation', () => {
    const doc = sampleConvening().doc
    const empty = new (doc.constructor as new () => typeof doc)()
    const harvest = collectHarvest(empty, { now: CREATED_AT })
    const markdown = harvestToMarkdown(harvest)
    expect(frontMatterOf(markdown).title).toBe('Untitled convening')
    expect(markdown.match(/^## /gm)).toBeNull()
  })
})

describe('plain text in Markdown', () => {
  it('shows exactly as typed: markers that would start a list, a heading, maths, a tag or a link are escaped', async () => {
    const { escapeInline } = await import('../../../../shared/notes')
    expect(escapeInline('2. not a list')).toBe('2\\. not a list')
    expect(escapeInline('2.9 °C and -0% and +1')).toBe('2.9 °C and -0% and +1')
    expect(escapeInline('- not a bullet')).toBe('\\- not a bullet')
    expect(escapeInline('#tag $5 and $6 [[link]] %%hidden%% ==mark== a|b')).toBe('\\#tag \\$5 and \\$6 \\[\\[link\\]\\] %\\%hidden%\\% =\\=mark=\\= a\\|b')
    expect(escapeInline('AT&T &amp; <b>')).toBe('AT&T \\&amp; \\<b\\>')
    expect(escapeInline('line\nbreak')).toBe('line break')
  })
})
